from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import Button

from agenda import admin_views
from agenda.models import ScheduleIndexPage
from agenda.sections import build_schedule_section
from sites.registry import UNIT_SECTIONS_HOOK

# Every unit's site has its leaders' work schedule (after the procedures, before access to information).
hooks.register(UNIT_SECTIONS_HOOK, build_schedule_section, order=35)


@hooks.register("register_admin_urls")
def agenda_admin_urls():
    return [path("agenda/copy-week/<int:index_id>/", admin_views.copy_week_view, name="agenda_copy_week")]


def _copy_week_button(page, user):
    if page.specific_class is ScheduleIndexPage and admin_views.can_copy_week(user, page):
        yield Button(
            _("Copy last week"), reverse("agenda_copy_week", args=[page.pk]), icon_name="copy", priority=16
        )


@hooks.register("register_page_header_buttons")
def copy_week_header_button(page, user, view_name, next_url=None):
    yield from _copy_week_button(page, user)


@hooks.register("register_page_listing_more_buttons")
def copy_week_listing_button(page, user, next_url=None):
    yield from _copy_week_button(page, user)
