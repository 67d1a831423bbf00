"""Signal receivers of the users app, connected in ``UsersConfig.ready()``."""

from django.contrib.auth.signals import user_logged_in

from users.middleware import start_session_clock


def on_logged_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        start_session_clock(request)


def connect():
    user_logged_in.connect(on_logged_in, dispatch_uid="users.start_session_clock")
