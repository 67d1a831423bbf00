from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Page

from sites.takedown import can_take_down, take_down


class TakeDownForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": gettext_lazy("Give the reason for taking this page down.")},
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Give the reason for taking this page down."))
        return reason


def takedown_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not can_take_down(request.user, page):
        raise PermissionDenied
    form = TakeDownForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        take_down(page=page, user=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("“%(title)s” was taken down.") % {"title": page.title})
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return TemplateResponse(request, "sites/takedown.html", {"page": page, "form": form})
