"""Forms of the review actions (imported lazily: Wagtail's admin forms need the app registry)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.forms import TaskStateCommentForm

from sites.moderation import warnings_for


class RejectForm(TaskStateCommentForm):
    """Sending back needs a reason: the comment is what reaches the author."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"].required = True
        self.fields["comment"].error_messages["required"] = _("Tell the author what to change.")


def review_form(task, *, schedulable):
    """The approve form of ``task``: comment, warnings acknowledgement and (final step) a time."""

    class ReviewForm(TaskStateCommentForm):
        acknowledge_warnings = forms.BooleanField(
            label=_("I have read the warnings of the pre-publication checks and approve anyway"),
            required=False,
        )
        if schedulable:
            go_live_at = forms.DateTimeField(
                label=_("Publish at"),
                required=False,
                widget=AdminDateTimeInput,
                help_text=_("Empty: publish as soon as this is approved."),
            )

            def clean_go_live_at(self):
                value = self.cleaned_data.get("go_live_at")
                if value is not None and value <= timezone.now():
                    raise forms.ValidationError(_("The publication time must be in the future."))
                return value

        def clean(self):
            cleaned_data = super().clean()
            obj = getattr(task, "_reviewed_object", None)
            if obj is not None and warnings_for(obj) and not cleaned_data.get("acknowledge_warnings"):
                self.add_error(
                    "acknowledge_warnings", _("Read the warnings and tick this box to approve anyway.")
                )
            return cleaned_data

    return ReviewForm
