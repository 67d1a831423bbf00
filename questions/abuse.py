"""What keeps the question form from abuse (issue #20 §4).

- a honeypot field (``website``): a robot that fills it is told "sent" and nothing is kept;
- limits per client address (``PORTAL_QUESTION_RATE_PER_ADDRESS``) and per unit
  (``PORTAL_QUESTION_RATE_PER_UNIT``), counted with django_ratelimit on ``sites.client_ip.client_ip`` (the
  ``ip`` key: ``RATELIMIT_IP_META_KEY``); when a unit's limit trips, the editorial board gets one mail per
  unit and hour (``alert_flood``);
- the size of the request (portal/request_limits.py lets this form's POST carry an attachment), of the text
  and of the file (questions/forms.py);
- the board's banned phrases (news.checks.banned_phrases_in): a blocking one refuses the question, a warning
  one is flagged for the moderator;
- the board's block list (``BlockedSender``): refused with a neutral message, nothing kept.
"""

import ipaddress

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from django_ratelimit.core import get_usage

from questions import tasks
from questions.models import BlockedSender
from sites.contacts import normalise_email, normalise_phone

HONEYPOT = "website"
ADDRESS_GROUP = "questions-address"
UNIT_GROUP = "questions-unit"
FLOOD_ALERT_SECONDS = 3600


def is_blocked(*, email="", phone="", address=""):
    """Whether the board's block list names this e-mail, phone number or client address (network)."""
    email, phone = normalise_email(email), normalise_phone(phone) or ""
    rows = BlockedSender.objects.filter(kind=BlockedSender.Kind.ADDRESS)
    exact = []
    if email:
        exact.append((BlockedSender.Kind.EMAIL, email))
    if phone:
        exact.append((BlockedSender.Kind.PHONE, phone))
    for kind, value in exact:
        rows = rows | BlockedSender.objects.filter(kind=kind, value=value)
    try:
        client = ipaddress.ip_address(address) if address else None
    except ValueError:
        client = None
    for kind, value in rows.values_list("kind", "value"):
        if kind != BlockedSender.Kind.ADDRESS:
            return True
        if client is None:
            continue
        try:
            network = ipaddress.ip_network(value.strip(), strict=False)
        except ValueError:
            continue
        if client.version == network.version and client in network:
            return True
    return False


def _everyone(group, request):
    return "all"


def address_usage(request):
    """Count one more question from this client address; the usage (``should_limit``) or None."""
    return get_usage(
        request,
        group=ADDRESS_GROUP,
        key="ip",
        rate=settings.PORTAL_QUESTION_RATE_PER_ADDRESS,
        increment=True,
    )


def unit_usage(request, unit):
    """Count one more question to ``unit`` whoever sends it; the usage or None."""
    return get_usage(
        request,
        group=f"{UNIT_GROUP}:{unit.pk}",
        key=_everyone,
        rate=settings.PORTAL_QUESTION_RATE_PER_UNIT,
        increment=True,
    )


def limited(usage):
    return usage is not None and bool(usage.get("should_limit"))


def alert_flood(unit):
    """Tell the board (once per unit and hour) that ``unit``'s form hit its limit; True when an alert goes."""
    if not cache.add(f"questions:flood-alert:{unit.pk}", 1, FLOOD_ALERT_SECONDS):
        return False
    transaction.on_commit(lambda: tasks.alert_flood.delay(unit.pk))
    return True
