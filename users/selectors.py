"""Reads about sign-in: locked accounts, second-factor devices."""

from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django_otp import user_has_device


def locked_accounts():
    """The (username, address) pairs locked out now, newest first, as dicts with ``username``,
    ``ip_address``, ``failures``, ``last_attempt`` and ``locked_until`` (the same arithmetic as axes'
    database handler: failures of the pair within the cool-off period, counted up to the limit)."""
    cool_off = get_cool_off()
    attempts = AccessAttempt.objects.all()
    if cool_off is not None:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - cool_off)
    rows = (
        attempts.values("username", "ip_address")
        .annotate(failures=Sum("failures_since_start"), last_attempt=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("-last_attempt", "username")
    )
    return [{**row, "locked_until": row["last_attempt"] + cool_off if cool_off else None} for row in rows]


def lockout_end(*, username, ip_address):
    """When the lockout of this pair ends (None: not locked, or locked until someone unlocks it)."""
    for row in locked_accounts():
        if row["username"] == username and row["ip_address"] == ip_address:
            return row["locked_until"]
    return None


def two_factor_required(user):
    """Whether ``user`` must sign in with a second factor: when PORTAL_REQUIRE_2FA is on, the board and
    superusers (the permission ``users.require_2fa``, granted to the board on provisioning) and anyone who
    enrolled a device of their own accord."""
    if not settings.WAGTAIL_2FA_REQUIRED or not user.is_authenticated:
        return False
    return user.has_perm("users.require_2fa") or user_has_device(user, confirmed=True)
