from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from sites import confinement, views  # noqa: F401  (confinement registers its hooks on import)
from sites.exports import PortalModelViewSet
from sites.models import AlertBanner
from sites.personal_data_admin import may_use, personal_data_view
from sites.registry import BOARD_PERMISSIONS_HOOK
from sites.review_menu import SelfEditedNotice
from sites.selectors import pages_visible_to
from sites.services import TAKEDOWN_ACTION, can_take_down


@hooks.register("register_admin_urls")
def takedown_urls():
    return [path("takedown/<int:page_id>/", views.takedown_view, name="portal_takedown")]


def _takedown_button(page, user):
    if can_take_down(user, page):
        yield Button(
            _("Take down"), reverse("portal_takedown", args=[page.pk]), icon_name="warning", priority=61
        )


@hooks.register("register_page_header_buttons")
def takedown_header_button(page, user, view_name, next_url=None):
    yield from _takedown_button(page, user)


@hooks.register("register_page_listing_more_buttons")
def takedown_listing_button(page, user, next_url=None):
    yield from _takedown_button(page, user)


@hooks.register("register_log_actions")
def register_takedown_log_action(actions):
    def message(log_entry):
        reason = (log_entry.data or {}).get("reason", "")
        return _("Taken down by the editorial board: %(reason)s") % {"reason": reason}

    actions.register_action(TAKEDOWN_ACTION, _("Take down"), message)


@hooks.register("construct_page_chooser_queryset")
def confine_page_chooser(pages, request):
    """Unit members choose only their own unit's pages; the board and superusers choose any."""
    return pages_visible_to(request.user, pages)


class AlertBannerViewSet(PortalModelViewSet):
    """The board's alert banners (only the board has model permissions on them: see the end of this file)."""

    model = AlertBanner
    icon = "warning"
    menu_label = _("Alert banners")
    menu_name = "alert-banners"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["message", "kind", "unit", "starts_at", "ends_at", "status_text"]
    list_filter = ["kind", "unit"]
    search_fields = ["message"]
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_alert_banners():
    return AlertBannerViewSet("alert_banners")


@hooks.register("register_page_action_menu_item")
def four_eyes_notice():
    """Where "Approve" would be: why an approver who edited the item cannot approve it."""
    return SelfEditedNotice()


@hooks.register(BOARD_PERMISSIONS_HOOK)
def alert_banner_board_permissions():
    # Alert banners are the board's alone (units get no rights on them).
    return [f"portal_sites.{action}_alertbanner" for action in ("add", "change", "delete", "view")]


# Issue #20 §3: "Dữ liệu cá nhân", a unit's approvers and the board export or erase one person's data.
@hooks.register("register_admin_urls")
def personal_data_urls():
    return [path("du-lieu-ca-nhan/", personal_data_view, name="portal_personal_data")]


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return may_use(request.user)


@hooks.register("register_admin_menu_item")
def personal_data_menu_item():
    return PersonalDataMenuItem(
        _("Personal data"), reverse("portal_personal_data"), icon_name="user", order=280
    )
