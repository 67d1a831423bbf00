"""The public question form (/hoi-dap/dat-cau-hoi/)."""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

import filetype

from documents.validators import validate_file_content
from news.checks import banned_phrases_in
from questions.models import BODY_MAX_LENGTH, NAME_MAX_LENGTH, TITLE_MAX_LENGTH, QuestionField
from sites.contacts import normalise_phone
from sites.personal_data import ConsentFormMixin

# What a question may carry: documents (checked like the admin's uploads) and photos of papers.
DOCUMENT_EXTENSIONS = {"pdf", "doc", "docx", "odt"}
IMAGE_EXTENSIONS = {"jpg", "jpeg", "png"}
ATTACHMENT_EXTENSIONS = DOCUMENT_EXTENSIONS | IMAGE_EXTENSIONS
ACCEPT = ",".join(f".{extension}" for extension in sorted(ATTACHMENT_EXTENSIONS))
# Control characters a browser never sends in a text field (PostgreSQL refuses NUL in text).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def max_attachment_bytes():
    return settings.PORTAL_QUESTION_MAX_ATTACHMENT_MB * 1024 * 1024


def clean_text(value):
    """Line breaks as one character (a browser counts CR LF as one for ``maxlength``), no control
    characters, no spaces around."""
    return _CONTROL.sub("", (value or "").replace("\r\n", "\n").replace("\r", "\n")).strip()


def check_attachment(uploaded):
    """Refuse a file too large, of a type not accepted, or whose content does not match its name."""
    name = (getattr(uploaded, "name", "") or "").lower()
    extension = name.rsplit(".", 1)[-1] if "." in name else ""
    if uploaded.size > max_attachment_bytes():
        raise ValidationError(
            gettext("The file is larger than %(mb)s MB.")
            % {"mb": settings.PORTAL_QUESTION_MAX_ATTACHMENT_MB},
            code="too_large",
        )
    if extension not in ATTACHMENT_EXTENSIONS:
        raise ValidationError(
            gettext("Files of type “%(ext)s” are not accepted. Use PDF, DOC, DOCX, ODT, JPG or PNG.")
            % {"ext": extension or "?"},
            code="extension",
        )
    if extension in DOCUMENT_EXTENSIONS:
        validate_file_content(uploaded)
        return
    uploaded.seek(0)
    head = uploaded.read(8192)
    uploaded.seek(0)
    kind = filetype.guess(head)
    expected = "jpg" if extension == "jpeg" else extension
    if kind is None or kind.extension != expected:
        raise ValidationError(
            gettext("The file “%(name)s” is not really a %(ext)s file (its content does not match its name).")
            % {"name": name.rsplit("/", 1)[-1], "ext": extension.upper()},
            code="content",
        )


class QuestionForm(ConsentFormMixin, forms.Form):
    """A visitor's question. On the top unit's site (``units`` given) the visitor chooses the unit."""

    unit = forms.TypedChoiceField(label=_("Send to"), required=False, coerce=int, empty_value=None)
    name = forms.CharField(label=_("Your name"), max_length=NAME_MAX_LENGTH)
    email = forms.EmailField(label=_("E-mail"), required=False, max_length=254)
    phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=30,
        help_text=_("Give an e-mail address, a phone number or both: we reply to the e-mail address."),
    )
    field = forms.ModelChoiceField(
        label=_("Field"),
        queryset=QuestionField.objects.all(),
        required=False,
        empty_label=_("Choose a field"),
    )
    title = forms.CharField(label=_("Title of the question"), max_length=TITLE_MAX_LENGTH)
    body = forms.CharField(
        label=_("Your question"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": BODY_MAX_LENGTH}),
    )
    attachment = forms.FileField(label=_("Attachment (optional)"), required=False)
    attachment_help = _("PDF, DOC, DOCX, ODT, JPG or PNG, at most %(mb)s MB.")
    show_name = forms.BooleanField(
        label=_("Show my name with the published answer (otherwise “A citizen” is shown)."), required=False
    )
    # Left empty by people; filled by most bots. Hidden from sight and from screen readers.
    website = forms.CharField(label=_("Leave this empty"), required=False)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.units = list(units or [])
        messages = {
            "name": {"required": _("Please give your name.")},
            "title": {"required": _("Please give your question a title.")},
            "body": {"required": _("Please write your question.")},
            "email": {"invalid": _("Please give a valid e-mail address, such as ten@example.vn.")},
            "field": {
                "invalid_choice": _("Please choose a field from the list."),
                "required": _("Please choose a field."),
            },
        }
        for name, errors in messages.items():
            self.fields[name].error_messages.update(errors)
        for name in ("name", "title", "body"):
            self.fields[name].error_messages["max_length"] = _(
                "At most %(limit_value)d characters are allowed (it has %(show_value)d)."
            )
        self.fields["field"].required = bool(self.fields["field"].queryset.exists())
        if self.units:
            self.fields["unit"].required = True
            self.fields["unit"].choices = [
                ("", gettext("Choose a unit")),
                *[(u.pk, u.name) for u in self.units],
            ]
            self.fields["unit"].error_messages.update(
                {
                    "required": _("Please choose the unit your question is for."),
                    "invalid_choice": _("Please choose a unit from the list."),
                }
            )
        else:
            del self.fields["unit"]
        self.fields["attachment"].widget.attrs["accept"] = ACCEPT
        self.fields["attachment"].help_text = self.attachment_help % {
            "mb": settings.PORTAL_QUESTION_MAX_ATTACHMENT_MB
        }
        self.fields["body"].help_text = gettext(
            "At most %(max)d characters. Please do not write personal data such as ID numbers: the question "
            "may be published with its answer (without your name unless you agree, and without your contact "
            "details)."
        ) % {"max": BODY_MAX_LENGTH}
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.blocking_phrases = []
        self.warning_phrases = []

    def clean_name(self):
        return clean_text(self.cleaned_data.get("name"))

    def clean_title(self):
        title = " ".join(clean_text(self.cleaned_data.get("title")).split())
        if not title:
            raise ValidationError(gettext("Please give your question a title."), code="required")
        return title

    def clean_body(self):
        body = clean_text(self.cleaned_data.get("body"))
        if not body:
            raise ValidationError(gettext("Please write your question."), code="required")
        if len(body) > BODY_MAX_LENGTH:
            raise ValidationError(
                gettext("At most %(max)d characters are allowed (it has %(length)d).")
                % {"max": BODY_MAX_LENGTH, "length": len(body)},
                code="max_length",
            )
        return body

    def clean_email(self):
        return (self.cleaned_data.get("email") or "").strip().lower()

    def clean_phone(self):
        raw = (self.cleaned_data.get("phone") or "").strip()
        if not raw:
            return ""
        phone = normalise_phone(raw)
        if phone is None:
            raise ValidationError(
                gettext("Please give a Vietnamese phone number, such as 0912 345 678 or 0259 3851 234."),
                code="invalid",
            )
        return phone

    def clean_unit(self):
        value = self.cleaned_data.get("unit")
        if value is None:
            return None
        return next((unit for unit in self.units if unit.pk == value), None)

    def clean_attachment(self):
        uploaded = self.cleaned_data.get("attachment")
        if uploaded:
            check_attachment(uploaded)
        return uploaded

    def clean(self):
        data = super().clean()
        if "email" in data and "phone" in data and not data["email"] and not data["phone"]:
            self.add_error(
                "email", gettext("Please give an e-mail address or a phone number, so we can reply.")
            )
        if self.units and "unit" in data and data["unit"] is None and "unit" not in self.errors:
            self.add_error("unit", gettext("Please choose a unit from the list."))
        title, body = data.get("title"), data.get("body")
        if title is not None and body is not None:
            found = banned_phrases_in(f"{title}\n{body}")
            self.blocking_phrases = [phrase for phrase in found if phrase.blocks_submission]
            self.warning_phrases = [phrase for phrase in found if not phrase.blocks_submission]
            if self.blocking_phrases:
                self.add_error(
                    "body",
                    gettext(
                        "Your question contains “%(phrase)s”, which cannot be accepted. Please rephrase it."
                    )
                    % {"phrase": self.blocking_phrases[0].phrase},
                )
        return data

    def describe(self):
        """Tie every control to its help and its errors (``aria-describedby``, ``aria-invalid``), as
        questions/_field.html writes them; called before the form is shown."""
        for name, field in self.fields.items():
            bound = self[name]
            ids = []
            if field.help_text:
                ids.append(f"{bound.auto_id}-help")
            if bound.errors:
                ids.append(f"{bound.auto_id}-error")
                field.widget.attrs["aria-invalid"] = "true"
            if ids and name != "consent":
                field.widget.attrs["aria-describedby"] = " ".join(ids)
        return self

    @property
    def dropped_file(self):
        """A file was sent with a form that has errors: it is not kept (the visitor chooses it again)."""
        return bool(self.files.get("attachment")) and bool(self.errors)
