"""Business actions of the document library."""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from wagtail.search.index import insert_or_update_object

from documents.extraction import extract_text
from documents.legal import LegalDocument, LegalDocumentAttachment, TextStatus
from documents.models import DraftComment

logger = logging.getLogger(__name__)

MAX_READ_ATTEMPTS = 3  # runs of read_attachments for one document that never finished (worker lost)
ATTEMPTS_TTL = 24 * 3600


def _attempts_key(page_id):
    return f"documents:read-attempts:{page_id}"


def read_attachments(page_id):
    """Extract the text of every attached file into the document's searchable ``full_text``.

    Idempotent: running it twice stores the same text. Each file is read within limits
    (documents/extraction.py). A run that never finished (its worker was lost) is counted; after
    ``MAX_READ_ATTEMPTS`` such runs the files still unread are given up as too large instead of being read
    again and again.
    """
    page = LegalDocument.objects.filter(pk=page_id).first()
    if page is None:
        return None
    try:
        cache.add(_attempts_key(page_id), 0, ATTEMPTS_TTL)
        attempts = cache.incr(_attempts_key(page_id))
    except Exception:  # the cache down must not stop the reading: count nothing
        logger.warning("could not count the reading attempts of document %s", page_id, exc_info=True)
        attempts = 1
    if attempts > MAX_READ_ATTEMPTS:
        logger.warning(
            "document %s: %s unfinished readings, its unread files are given up", page_id, attempts - 1
        )
        give_up_reading(page_id)
        return None
    attachments = list(page.attachments.select_related("document"))
    # "Not read yet" until each file is read: what a lost run leaves pending is what it could not read.
    LegalDocumentAttachment.objects.filter(pk__in=[a.pk for a in attachments]).update(
        text_status=TextStatus.PENDING
    )
    texts = []
    for attachment in attachments:
        document = attachment.document
        try:
            with document.file.open("rb") as handle:
                data = handle.read()
        except OSError:  # the file is gone from storage: flag it, read the others
            LegalDocumentAttachment.objects.filter(pk=attachment.pk).update(text_status="error")
            continue
        text, status = extract_text(data, document.file_extension)
        LegalDocumentAttachment.objects.filter(pk=attachment.pk).update(text_status=status)
        if text:
            texts.append(text)
    full_text = "\n".join(texts)
    with transaction.atomic():
        LegalDocument.objects.filter(pk=page.pk).update(full_text=full_text)

    from documents.signals import attachments_read  # documents.signals → tasks → this module

    page.full_text = full_text
    insert_or_update_object(page)
    attachments_read.send(sender=LegalDocument, page_id=page.pk)
    _reset_attempts(page_id)
    return full_text


def give_up_reading(page_id):
    """Mark the document's files still unread as too large (a reading ran out of time or kept failing)."""
    LegalDocumentAttachment.objects.filter(page_id=page_id, text_status=TextStatus.PENDING).update(
        text_status=TextStatus.TOO_LARGE
    )
    _reset_attempts(page_id)


def _reset_attempts(page_id):
    try:
        cache.delete(_attempts_key(page_id))
    except Exception:  # the cache down: the count expires on its own
        logger.warning("could not reset the reading attempts of document %s", page_id, exc_info=True)


def address_hash(address):
    """The client address as stored with a comment: salted and hashed, enough to tell senders apart."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()


def post_draft_comment(*, page, name, contact, body, address, consent_at=None):
    """Keep a visitor's comment on the draft ``page`` for its unit to moderate (status pending).

    ``address`` is the client's (``sites.client_ip.client_ip``); only its hash is kept. ``consent_at``: when
    the visitor ticked the consent box (default: now). The caller has checked that comments are open, that
    the visitor consented and that the sender is within the flood limits.
    """
    return DraftComment.objects.create(
        page=page,
        name=name,
        contact=contact,
        body=body,
        address_hash=address_hash(address),
        consent_at=consent_at or timezone.now(),
    )
