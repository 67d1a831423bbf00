"""Session rules for signed-in users: an idle timeout and a maximum age, and the second factor."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _

from django_otp import user_has_device
from django_otp.middleware import OTPMiddleware

from users.selectors import two_factor_required

SIGNED_IN_KEY = "portal_signed_in_at"
LAST_ACTIVITY_KEY = "portal_last_activity_at"
# The session is saved at most this often just to move the activity clock (a write a minute, not a request).
ACTIVITY_RESOLUTION_SECONDS = 60


def _may_be_signed_in(request):
    """Without a session cookie nobody is signed in: the session is left untouched, so public pages get no
    ``Vary: Cookie`` and stay cacheable."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def _is_admin_path(request):
    return request.path_info.startswith(reverse("wagtailadmin_home"))


def start_session_clock(request):
    """Called on sign-in (users/signals.py): both clocks start now."""
    now = time.time()
    request.session[SIGNED_IN_KEY] = now
    request.session[LAST_ACTIVITY_KEY] = now


class AdminSessionTimeoutMiddleware:
    """Sign out a user idle for PORTAL_ADMIN_IDLE_MINUTES or signed in for PORTAL_ADMIN_SESSION_MAX_HOURS,
    whatever "Remember me" said. The admin then answers with the login page and a notice; the public site
    simply carries on as for any visitor. The admin's background pings (editing sessions) are not activity,
    or an edit page left open would never time out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _may_be_signed_in(request) and request.user.is_authenticated:
            response = self._check(request)
            if response is not None:
                return response
        return self.get_response(request)

    def _check(self, request):
        session = request.session
        now = time.time()
        signed_in = session.setdefault(SIGNED_IN_KEY, now)  # sessions older than this rule start now
        last = session.get(LAST_ACTIVITY_KEY, now)
        idle_limit = settings.PORTAL_ADMIN_IDLE_MINUTES * 60
        if now - last > idle_limit:
            notice = _(
                "You were signed out after %(minutes)d minutes without activity. Please sign in again."
            ) % {"minutes": settings.PORTAL_ADMIN_IDLE_MINUTES}
        elif now - signed_in > settings.PORTAL_ADMIN_SESSION_MAX_HOURS * 3600:
            notice = _(
                "Your session has reached its maximum length of %(hours)d hours. Please sign in again."
            ) % {"hours": settings.PORTAL_ADMIN_SESSION_MAX_HOURS}
        else:
            pinging = request.path_info.startswith(reverse("wagtailadmin_home") + "editing-sessions/")
            if not pinging and (
                LAST_ACTIVITY_KEY not in session or now - last >= ACTIVITY_RESOLUTION_SECONDS
            ):
                session[LAST_ACTIVITY_KEY] = now
            return None
        logout(request)
        if not _is_admin_path(request):
            return None
        messages.warning(request, notice)
        return redirect_to_login(request.get_full_path(), login_url=reverse("wagtailadmin_login"))


class TwoFactorMiddleware(OTPMiddleware):
    """django-otp's middleware (``request.user.is_verified()``) enforcing the second factor where
    ``users.selectors.two_factor_required``: in the admin, a user who must but has not entered a code is sent
    to the code page, or to enrolment when they have no device yet; nothing else of the admin answers them.
    Outside the admin they count as signed out (the password alone opens nothing: restricted pages).
    """

    allowed_url_names = {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
        "users_2fa_verify",
        "users_2fa_setup",
    }

    def __call__(self, request):
        self._install_lazy_accessors(request)
        user = request.user
        if _may_be_signed_in(request) and two_factor_required(user) and not user.is_verified():
            if not _is_admin_path(request):
                request.user = AnonymousUser()
            elif self._url_name(request) not in self.allowed_url_names:
                target = "users_2fa_verify" if user_has_device(user, confirmed=True) else "users_2fa_setup"
                return redirect_to_login(request.get_full_path(), login_url=reverse(target))
        return self.get_response(request)

    @staticmethod
    def _url_name(request):
        try:
            return resolve(request.path_info).url_name
        except Resolver404:
            return None
