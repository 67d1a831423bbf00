"""Keep the public search index in step with the page tree."""

from wagtail.signals import page_published, page_unpublished, post_page_move

from documents.signals import attachments_read
from search import services, tasks


def on_published(sender, instance, **kwargs):
    tasks.update_entry.enqueue(instance.pk)


def on_unpublished(sender, instance, **kwargs):
    # At once, in the same transaction: unpublished or taken-down content must not stay findable.
    services.remove_page(instance.pk)


def on_moved(sender, instance, **kwargs):
    tasks.update_subtree.enqueue(instance.pk)


def on_attachments_read(sender, page_id, **kwargs):
    services.index_page(page_id)  # already on a worker


def connect():
    page_published.connect(on_published, dispatch_uid="search_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="search_unpublished")
    post_page_move.connect(on_moved, dispatch_uid="search_moved")
    attachments_read.connect(on_attachments_read, dispatch_uid="search_attachments_read")
