"""The admin's "Sao chép tuần trước" (copy last week): a confirmation, then a draft of next week."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from agenda import services
from agenda.models import ScheduleIndexPage, WeekSchedulePage
from agenda.weeks import parse_week, this_monday, week_label, week_param


def can_copy_week(user, index):
    return index.permissions_for_user(user).can_add_subpage() and WeekSchedulePage.can_create_at(index)


def copy_week_view(request, index_id):
    """GET: which week to create (next week, or this week when it is still missing); POST: create it (or find
    it) and open its editor. A schedule the user may not add to answers 403, whatever unit it belongs to."""
    index = get_object_or_404(ScheduleIndexPage, pk=index_id)
    if not can_copy_week(request.user, index):
        raise PermissionDenied
    current = this_monday()
    choices = [(week_param(monday), week_label(monday)) for monday in (current + timedelta(weeks=1), current)]
    if request.method == "POST":
        wanted = request.POST.get("tuan")
        target = parse_week(wanted) if wanted in dict(choices) else current + timedelta(weeks=1)
        page, created = services.copy_week(index=index, user=request.user, week_start=target)
        if created:
            messages.success(
                request,
                _("A draft of %(week)s was made from the previous week: check it, then submit it for review.")
                % {"week": week_label(target)},
            )
        else:
            messages.warning(
                request,
                _("The schedule of %(week)s exists already: it is opened for editing.")
                % {"week": week_label(target)},
            )
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return TemplateResponse(
        request,
        "agenda/admin/copy_week.html",
        {
            "index": index,
            "choices": choices,
            "explore_url": reverse("wagtailadmin_explore", args=[index.pk]),
        },
    )
