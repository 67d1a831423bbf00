"""Writes about sign-in: unlocking accounts, enrolling a second-factor device."""

import logging

from django.contrib.auth import get_user_model
from django.db import transaction

from wagtail.log_actions import log

from axes.utils import reset
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

UNLOCK_ACTION = "portal.unlock_account"

logger = logging.getLogger(__name__)


@transaction.atomic
def unlock_account(*, username, ip_address, user):
    """Lift the lockout of ``username`` from ``ip_address`` before its time, on the board's behalf, and log
    it (Wagtail's log on the account when it exists, and the application log). Returns the number of attempt
    records removed."""
    removed = reset(ip=ip_address, username=username)
    account = get_user_model().objects.filter(username=username).first()
    if account is not None:
        log(instance=account, action=UNLOCK_ACTION, user=user, data={"ip_address": ip_address})
    logger.warning("Login lockout of %r from %s lifted by %s", username, ip_address, user.get_username())
    return removed


def pending_device(user):
    """The user's unconfirmed TOTP device being enrolled (made on first call, reused after)."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="TOTP", confirmed=False)
    return device


@transaction.atomic
def confirm_device(*, request, device, token):
    """Confirm ``device`` with a code it generated, replacing the user's earlier devices, and mark the
    session as verified. Returns False (nothing changed) for a wrong code."""
    if not device.verify_token(token):
        return False
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
    return True


@transaction.atomic
def reset_two_step(*, usernames):
    """Remove every TOTP device of these users (a lost phone); returns {username: devices removed}. Raises
    LookupError, changing nothing, when a username does not exist."""
    users = {user.username: user for user in get_user_model().objects.filter(username__in=usernames)}
    missing = sorted(set(usernames) - set(users))
    if missing:
        raise LookupError(f"No such user: {', '.join(missing)}")
    removed = {}
    for username, user in users.items():
        removed[username], _ = TOTPDevice.objects.filter(user=user).delete()
        logger.warning("Two-step verification devices of %r removed", username)
    return removed
