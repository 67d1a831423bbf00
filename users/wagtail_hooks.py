from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from sites.registry import BOARD_PERMISSIONS_HOOK
from sites.selectors import is_board_member
from users import views
from users.services import UNLOCK_ACTION


@hooks.register("register_admin_urls")
def users_urls():
    return [
        path("locked-accounts/", views.locked_accounts, name="users_locked_accounts"),
        path("locked-accounts/unlock/", views.unlock_account, name="users_unlock_account"),
        path("two-step/", views.two_factor_verify, name="users_2fa_verify"),
        path("two-step/setup/", views.two_factor_setup, name="users_2fa_setup"),
    ]


class BoardMenuItem(MenuItem):
    def is_shown(self, request):
        return is_board_member(request.user)


@hooks.register("register_settings_menu_item")
def locked_accounts_menu_item():
    return BoardMenuItem(
        _("Locked accounts"),
        reverse("users_locked_accounts"),
        icon_name="lock",
        order=620,
        name="locked-accounts",
    )


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("users_2fa_setup"),
        "label": _("Two-step verification"),
        "help_text": _("Sign in with a code from your phone as well as your password."),
    }


@hooks.register("register_log_actions")
def register_unlock_log_action(actions):
    def message(log_entry):
        address = (log_entry.data or {}).get("ip_address", "")
        return _("Sign-in lockout lifted for the address %(address)s") % {"address": address}

    actions.register_action(UNLOCK_ACTION, _("Unlock account"), message)


@hooks.register(BOARD_PERMISSIONS_HOOK)
def two_factor_board_permissions():
    # The board signs in with a second factor when PORTAL_REQUIRE_2FA is on (users/middleware.py).
    return ["users.require_2fa"]
