"""Read the attached files after a document is published (after commit, on a worker)."""

from django.db import transaction
from django.dispatch import Signal

from wagtail.signals import page_published

# Sent (with ``page_id``) after the text of a document's attached files was read and stored.
attachments_read = Signal()


def on_published(sender, instance, **kwargs):
    from documents.legal import LegalDocument

    if not isinstance(instance, LegalDocument):
        return
    page_id = instance.pk

    def queue_text_extraction():  # named: Django logs failing robust callbacks by __qualname__
        from documents.tasks import read_attachments

        read_attachments.delay(page_id)

    transaction.on_commit(queue_text_extraction, robust=True)


def connect():
    page_published.connect(on_published, dispatch_uid="documents_read_attachments")
