from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from scheduling.views import schedule_view


@hooks.register("register_admin_urls")
def schedule_urls():
    return [path("schedule/", schedule_view, name="portal_schedule")]


class ScheduleMenuItem(MenuItem):
    def is_shown(self, request):
        from sites.permissions import member_unit_ids
        from sites.selectors import is_board_member

        user = request.user
        return is_board_member(user) or bool(member_unit_ids(user))


@hooks.register("register_admin_menu_item")
def schedule_menu_item():
    return ScheduleMenuItem(
        _("Publishing schedule"), reverse("portal_schedule"), icon_name="calendar", order=260
    )
