"""Writes for files and images: keeping each earlier version when one is replaced."""

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from wagtail.log_actions import log

from assets.models import FileVersion
from assets.selectors import LIVE, uses_of, versions_of

REPLACE_ACTION = "portal.file_replace"
# The fields whose value the public sees; a change to any of them is a new version.
DOCUMENT_PUBLIC_FIELDS = ("file", "title")
IMAGE_PUBLIC_FIELDS = ("file", "title", "description", "caption", "credit", "decorative")
IMAGE_DETAILS = ("description", "caption", "credit", "decorative")

# Sent after a file or image was replaced (``instance``, ``version``, ``user``), inside the transaction;
# receivers defer their work to the commit (the documents app re-reads the text of live documents).
file_replaced = Signal()


def public_fields(obj):
    return IMAGE_PUBLIC_FIELDS if is_image(obj) else DOCUMENT_PUBLIC_FIELDS


def is_image(obj):
    return hasattr(obj, "focal_point_x")


@transaction.atomic
def record_version(*, instance, previous, user):
    """Keep ``previous`` (``instance`` as it was in the database before this save) as a FileVersion,
    log the replacement on ``instance`` and announce it. The caller must not delete the old stored file:
    the version keeps it.

    Returns the version, or None when nothing the public sees changed."""
    fields = public_fields(instance)
    changed = [name for name in fields if getattr(previous, name) != getattr(instance, name)]
    if not changed:
        return None
    now = timezone.now()
    earlier = versions_of(instance).first()
    file_changed = "file" in changed
    version = FileVersion.objects.create(
        document=None if is_image(instance) else instance,
        image=instance if is_image(instance) else None,
        file=previous.file.name if file_changed else "",
        title=previous.title,
        details={name: getattr(previous, name) for name in IMAGE_DETAILS} if is_image(instance) else {},
        checksum=previous.file_hash or "",
        file_size=previous.file_size,
        public_from=earlier.public_until if earlier else previous.created_at,
        public_until=now,
        used_by=[{"id": use.page_id, "title": use.title} for use in uses_of(instance) if use.kind == LIVE],
        replaced_by=user if user is not None and user.is_authenticated else None,
    )
    log(
        instance=instance,
        action=REPLACE_ACTION,
        user=version.replaced_by,
        data={
            "version": version.pk,
            "fields": changed,
            "old_title": previous.title,
            "old_checksum": version.checksum,
            "new_checksum": instance.file_hash or "",
            "pages": [use["id"] for use in version.used_by],
        },
    )
    file_replaced.send(sender=type(instance), instance=instance, version=version, user=version.replaced_by)
    return version
