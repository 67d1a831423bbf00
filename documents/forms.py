"""Wagtail's document upload form, with the content check (WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

from wagtail.documents.forms import BaseDocumentForm

from assets.forms import ProtectedFileFormMixin
from documents.validators import validate_file_content


class CheckedDocumentForm(ProtectedFileFormMixin, BaseDocumentForm):
    """Every upload (single, multiple, chooser) is checked by content and size; a file in use is replaced
    only by the editorial board (``ProtectedFileFormMixin``)."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if "file" in self.files:
            validate_file_content(self.files["file"])
        return uploaded
