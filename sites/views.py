from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail.models import Page

from sites.forms import TakeDownForm
from sites.services import can_take_down, take_down


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
