from django import forms
from django.utils.translation import gettext_lazy as _


class TakeDownForm(forms.Form):
    reason = forms.CharField(  # stripped by default: blank or spaces only is "required"
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": _("Give the reason for taking this page down.")},
    )
