"""Keep the reference index in step with what is live, the moment a page is published.

Wagtail updates the index through a background task (a Celery worker here), so for a moment after a
publication the index could still describe the previous live content: a new file would not be served yet,
a file just removed from the page would still be. Documents are served by the index
(``assets.selectors.public_pages_using``), so publication updates it at once, in the same transaction; the
background task then finds nothing left to change.
"""

from wagtail.models import ReferenceIndex
from wagtail.signals import page_published


def on_published(sender, instance, **kwargs):
    if ReferenceIndex.is_indexed(type(instance)):
        ReferenceIndex.create_or_update_for_object(instance)


def connect():
    from sites.cache_signals import watch

    watch("assets.FileVersion")  # a replaced file's new version shows on pages (sites/cache.py)
    page_published.connect(on_published, dispatch_uid="assets_reference_index_on_publish")
