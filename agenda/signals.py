""" "Điều chỉnh": a week already live that is published again marks its new and changed entries.

Wagtail publishes a revision by saving the page built from it (``revision.as_object()``), which writes the
entries of that revision over the rows; until then the rows are those of the live version (drafts live in
revisions only). So, just before that save (``pre_save``), the rows of a live page are the previous
publication: they are read then, and compared, by each entry's ``key``, with what was published
(``page_published``, which Wagtail also sends for a scheduled draft: the page must be live). An entry new
or different in what a reader sees (day, times, activity, place, chair, leaders, attendees, preparing body)
gets ``adjusted_at`` = now; an unchanged one keeps the time it had (revisions do not carry it).
"""

from django.db.models.signals import pre_save
from django.utils import timezone

from wagtail.signals import page_published

from agenda.models import ScheduleEntry, WeekSchedulePage

BEFORE = "_agenda_published_before"


def remember_published_entries(sender, instance, update_fields=None, raw=False, **kwargs):
    """Before a full save of a week page that is live in the database: its entries as published."""
    if raw or update_fields is not None or instance.pk is None:
        return
    if not WeekSchedulePage.objects.filter(pk=instance.pk, live=True).exists():
        instance.__dict__[BEFORE] = None
        return
    rows = ScheduleEntry.objects.filter(page_id=instance.pk).prefetch_related("officials")
    instance.__dict__[BEFORE] = {row.key: (row.fingerprint(), row.adjusted_at) for row in rows}


def mark_adjusted(sender, instance, revision=None, **kwargs):
    """After a publication of a week that was already live: set ``adjusted_at`` on the entries it changed."""
    before = instance.__dict__.pop(BEFORE, None)
    if not instance.live or not before:
        return
    now = timezone.now()
    changes = {}  # adjusted_at -> entry ids
    for entry in ScheduleEntry.objects.filter(page_id=instance.pk).prefetch_related("officials"):
        previous = before.get(entry.key)
        changed = previous is None or previous[0] != entry.fingerprint()
        wanted = now if changed else previous[1]
        if entry.adjusted_at != wanted:
            changes.setdefault(wanted, []).append(entry.pk)
    for adjusted_at, ids in changes.items():
        ScheduleEntry.objects.filter(pk__in=ids).update(adjusted_at=adjusted_at)
    if changes and revision is not None:
        keep_in_revision(revision, instance.pk)


def keep_in_revision(revision, page_id):
    """Write the entries' ``adjusted_at`` into the published revision too, so that the live version, its
    revision and the next draft agree."""
    adjusted = {
        str(key): value.isoformat() if value else None
        for key, value in ScheduleEntry.objects.filter(page_id=page_id).values_list("key", "adjusted_at")
    }
    content = revision.content
    for item in content.get("entries", []):
        if str(item.get("key")) in adjusted:
            item["adjusted_at"] = adjusted[str(item.get("key"))]
    revision.content = content
    revision.save(update_fields=["content"])


def connect():
    pre_save.connect(
        remember_published_entries, sender=WeekSchedulePage, dispatch_uid="agenda_before_publish"
    )
    page_published.connect(mark_adjusted, sender=WeekSchedulePage, dispatch_uid="agenda_mark_adjusted")
