"""Attachment files are checked by their content, not their name."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

PDF = b"%PDF-"
ZIP = b"PK\x03\x04"  # DOCX, XLSX, ODT, ODS and ZIP are zip containers
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy DOC and XLS

SIGNATURES = {
    "pdf": (PDF,),
    "docx": (ZIP,),
    "xlsx": (ZIP,),
    "odt": (ZIP,),
    "ods": (ZIP,),
    "zip": (ZIP,),
    "doc": (OLE2,),
    "xls": (OLE2,),
}
# What a zip container must hold for each office format (its first entries name it).
ZIP_MARKERS = {
    "docx": (b"word/",),
    "xlsx": (b"xl/",),
    "odt": (b"application/vnd.oasis.opendocument.text",),
    "ods": (b"application/vnd.oasis.opendocument.spreadsheet",),
}


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
    allowed = SIGNATURES.get(extension)
    if allowed is None:
        raise ValidationError(
            _("Files of type “%(ext)s” are not accepted. Use PDF, DOC, DOCX, XLS, XLSX or ODT.")
            % {"ext": extension or "?"},
            code="extension",
        )
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    uploaded.seek(0)
    head = uploaded.read(8192)
    uploaded.seek(position)
    if not any(head.startswith(signature) for signature in allowed):
        raise ValidationError(
            _("The file “%(name)s” is not really a %(ext)s file (its content does not match its name).")
            % {"name": name.rsplit("/", 1)[-1], "ext": extension.upper()},
            code="content",
        )
    markers = ZIP_MARKERS.get(extension)
    if markers and not any(marker in head for marker in markers):
        raise ValidationError(
            _("The file “%(name)s” is not really a %(ext)s file (its content does not match its name).")
            % {"name": name.rsplit("/", 1)[-1], "ext": extension.upper()},
            code="content",
        )
