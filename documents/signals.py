"""Read the attached files after a document is published (after commit, on a worker)."""

from django.db import transaction
from django.dispatch import Signal

from wagtail.signals import page_published

from assets.models import CustomDocument
from assets.services import file_replaced
from documents.legal import LegalDocument, LegalDocumentAttachment

# Sent (with ``page_id``) after the text of a document's attached files was read and stored.
attachments_read = Signal()


def on_published(sender, instance, **kwargs):
    if not isinstance(instance, LegalDocument):
        return
    page_id = instance.pk

    def queue_text_extraction():  # named: Django logs failing robust callbacks by __qualname__
        from documents.tasks import read_attachments  # tasks → services → this module (attachments_read)

        read_attachments.delay(page_id)

    transaction.on_commit(queue_text_extraction, robust=True)


def on_file_replaced(sender, instance, **kwargs):
    """The board replaced a file: the live documents that attach it read their files again, so their
    search entry follows the new text (queued after commit, like a publication)."""
    page_ids = sorted(
        set(
            LegalDocumentAttachment.objects.filter(document_id=instance.pk, page__live=True).values_list(
                "page_id", flat=True
            )
        )
    )
    if not page_ids:
        return

    def queue_text_extraction():  # named: Django logs failing robust callbacks by __qualname__
        from documents.tasks import read_attachments  # tasks → services → this module (attachments_read)

        for page_id in page_ids:
            read_attachments.delay(page_id)

    transaction.on_commit(queue_text_extraction, robust=True)


def connect():
    # imported on connecting (apps ready): other apps import this module for its signal alone
    from sites.cache_signals import watch

    watch("documents.DraftComment")  # published comments show on the draft's page (sites/cache.py)

    page_published.connect(on_published, dispatch_uid="documents_read_attachments")
    file_replaced.connect(
        on_file_replaced, sender=CustomDocument, dispatch_uid="documents_reread_replaced_file"
    )
