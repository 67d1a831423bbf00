"""Attachment files are checked by their content, not their name."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

import filetype

# Legacy DOC and XLS: the compound-file (OLE2) header. filetype's Doc and Xls matchers also want the
# WordDocument or Workbook stream in the file's first sector, which the format does not require (other
# writers, older Word versions), so they would refuse real files; the header is what we can tell here.
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OLE2_EXTENSIONS = {"doc", "xls"}
# filetype tells these apart by their content, OOXML and OpenDocument from a plain zip included.
FILETYPE_EXTENSIONS = {"pdf", "docx", "xlsx", "odt", "ods", "zip"}
SNIFFED_BYTES = 8192  # as much as filetype reads of a file


def max_upload_bytes():
    return settings.PORTAL_MAX_UPLOAD_MB * 1024 * 1024


def validate_file_content(uploaded, name=None):
    """Refuse a file whose content does not match its extension, or that is too large."""
    name = (name or getattr(uploaded, "name", "") or "").lower()
    extension = name.rsplit(".", 1)[-1] if "." in name else ""
    size = getattr(uploaded, "size", None)
    if size is not None and size > max_upload_bytes():
        raise ValidationError(
            _("The file is larger than %(mb)s MB.") % {"mb": settings.PORTAL_MAX_UPLOAD_MB}, code="too_large"
        )
    if extension not in OLE2_EXTENSIONS | FILETYPE_EXTENSIONS:
        raise ValidationError(
            _("Files of type “%(ext)s” are not accepted. Use PDF, DOC, DOCX, XLS, XLSX or ODT.")
            % {"ext": extension or "?"},
            code="extension",
        )
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    uploaded.seek(0)
    head = uploaded.read(SNIFFED_BYTES)
    uploaded.seek(position)
    if not _content_is(extension, head):
        raise ValidationError(
            _("The file “%(name)s” is not really a %(ext)s file (its content does not match its name).")
            % {"name": name.rsplit("/", 1)[-1], "ext": extension.upper()},
            code="content",
        )


def _content_is(extension, head):
    if extension in OLE2_EXTENSIONS:
        return head.startswith(OLE2)
    kind = filetype.get_type(ext=extension)
    return bool(kind.match(head))
