"""Wagtail's document upload form, with the content check (WAGTAILDOCS_DOCUMENT_FORM_BASE); the public
comment form of drafts."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm

from assets.forms import ProtectedFileFormMixin
from documents.models import DraftComment
from documents.validators import validate_file_content
from sites.personal_data import ConsentFormMixin


class CheckedDocumentForm(ProtectedFileFormMixin, BaseDocumentForm):
    """Every upload (single, multiple, chooser) is checked by content and size; a file in use is replaced
    only by the editorial board (``ProtectedFileFormMixin``)."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if "file" in self.files:
            validate_file_content(self.files["file"])
        return uploaded


class DraftCommentForm(ConsentFormMixin, forms.ModelForm):
    """A visitor's comment on a draft, on the draft's public page; the visitor consents to their name and
    contact being processed for the consultation (``ConsentFormMixin``: an unticked box, below the notice)."""

    # Left empty by people; filled by most bots. Hidden from sight and from screen readers.
    website = forms.CharField(required=False, label=_("Leave this empty"))

    class Meta:
        model = DraftComment
        fields = ["name", "contact", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 6, "maxlength": 5000})}
        error_messages = {
            "name": {"required": _("Please give your name.")},
            "contact": {"required": _("Please give an e-mail address or a phone number.")},
            "body": {"required": _("Please write your comment.")},
        }
