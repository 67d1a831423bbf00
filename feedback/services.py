"""Writes for page ratings: recording a visitor's answer, moderating comments."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from feedback.models import PageRating
from sites.selectors import unit_for_page


def address_hash(address):
    """The client address as stored with a rating: salted and hashed, enough to tell senders apart (as the
    comments on drafts keep it). Still personal data (Nghị định 13/2023/NĐ-CP): ``forget_old_addresses``
    clears it after ``PORTAL_FEEDBACK_HASH_DAYS``."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()


def record_rating(*, page, useful, comment, address, unit=None):
    """Keep a visitor's answer about ``page`` (live and public: the caller checked). A comment waits for
    moderation; a bare yes/no has nothing to moderate. ``address`` is ``sites.client_ip.client_ip``'s;
    only its hash is kept. Returns the rating, or None when ``page`` belongs to no unit."""
    unit = unit or unit_for_page(page)
    if unit is None:
        return None
    status = PageRating.Status.PENDING if comment else PageRating.Status.APPROVED
    return PageRating.objects.create(
        page=page,
        unit=unit,
        useful=useful,
        comment=comment,
        status=status,
        address_hash=address_hash(address),
    )


MODERATION_ACTIONS = {
    "approve": PageRating.Status.APPROVED,
    "reject": PageRating.Status.REJECTED,
    "spam": PageRating.Status.SPAM,
}


@transaction.atomic
def moderate(ratings, action):
    """Set the status of ``ratings`` (a queryset the caller confined) for ``action`` (a key of
    ``MODERATION_ACTIONS``); returns how many changed. Nothing public depends on it: no cache to purge."""
    return ratings.exclude(comment="").update(status=MODERATION_ACTIONS[action])


def forget_old_addresses(now=None):
    """Clear the address hash of the ratings sent more than ``PORTAL_FEEDBACK_HASH_DAYS`` days before ``now``
    (default: now): it is kept only as long as abuse may need looking into (Nghị định 13/2023/NĐ-CP, the
    address is personal data). The rating itself stays, for the counts. Returns how many were cleared.
    Nothing public shows the hash: no cache to purge."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=max(0, settings.PORTAL_FEEDBACK_HASH_DAYS))
    return PageRating.objects.filter(created_at__lt=cutoff).exclude(address_hash="").update(address_hash="")
