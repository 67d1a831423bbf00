"""What is scheduled, for the schedule view and the overdue report."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, Revision

from sites.selectors import pages_under, unit_for_path, units_with_roots


@dataclass
class ScheduleEntry:
    kind: str  # "publish" or "expire"
    when: datetime
    title: str
    page: Page | None
    revision_id: int | None
    unit: object
    edit_url: str

    @property
    def key(self):
        ident = self.revision_id if self.kind == "publish" else (self.page.pk if self.page else self.title)
        return f"{self.kind}:{ident}:{self.when.timestamp():.0f}"

    @property
    def overdue(self):
        from scheduling.services import grace

        return self.when <= timezone.now() - grace()


def schedule_entries(*, since=None, until=None, paths=None):
    """Scheduled publications and expiries of pages, in time order.

    ``paths``: tree paths of the unit homes to keep (None: every unit).
    """
    page_type = ContentType.objects.get_for_model(Page)
    revisions = Revision.objects.filter(approved_go_live_at__isnull=False, base_content_type=page_type)
    expiring = Page.objects.filter(live=True, expire_at__isnull=False)
    if since is not None:
        revisions = revisions.filter(approved_go_live_at__gte=since)
        expiring = expiring.filter(expire_at__gte=since)
    if until is not None:
        revisions = revisions.filter(approved_go_live_at__lte=until)
        expiring = expiring.filter(expire_at__lte=until)
    if paths is not None:
        # in the query, before the cap: a unit never loses its entries to other units' ones
        unit_pages = Page.objects.filter(pages_under(paths)).annotate(str_id=Cast("id", CharField()))
        revisions = revisions.filter(object_id__in=unit_pages.values("str_id"))
        expiring = expiring.filter(pages_under(paths))
    revisions = list(revisions.order_by("approved_go_live_at")[:500])
    pages = Page.objects.in_bulk([int(r.object_id) for r in revisions])
    units = units_with_roots()
    entries = []
    for revision in revisions:
        page = pages.get(int(revision.object_id))
        if page is None:
            continue
        entries.append(
            ScheduleEntry(
                kind="publish",
                when=revision.approved_go_live_at,
                title=revision.content.get("title") or page.title,
                page=page,
                revision_id=revision.pk,
                unit=unit_for_path(page.path, units),
                edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
            )
        )
    for page in expiring.order_by("expire_at")[:500]:
        entries.append(
            ScheduleEntry(
                kind="expire",
                when=page.expire_at,
                title=page.title,
                page=page,
                revision_id=None,
                unit=unit_for_path(page.path, units),
                edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
            )
        )
    return sorted(entries, key=lambda e: e.when)
