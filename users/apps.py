from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.utils.translation import gettext_lazy as _


def _start_session_clock(sender, request, user, **kwargs):
    from users.middleware import start_session_clock  # the middleware module needs the app registry

    if request is not None and hasattr(request, "session"):
        start_session_clock(request)


class UsersConfig(AppConfig):
    name = "users"
    verbose_name = _("Users")

    def ready(self):
        from sites.registry import register_board_permissions  # needs the app registry

        # The board signs in with a second factor when PORTAL_REQUIRE_2FA is on (users/middleware.py).
        register_board_permissions("users.require_2fa")
        user_logged_in.connect(_start_session_clock, dispatch_uid="users.start_session_clock")
