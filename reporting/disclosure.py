"""Access-to-information figures of the statistics: documents disclosed late, consultations without an
outcome, units that list no leaders.

Late: Luật Tiếp cận thông tin 2016, Art. 18(4): where no other law sets the time, information is disclosed at
the latest 5 working days from the day it is created; for a document, its date of issue. Publication is the
document's first publication (``first_published_at``) on the Asia/Ho_Chi_Minh calendar; working days come from
``sites.workdays`` (weekends, public holidays and the government's swaps).
"""

from dataclasses import dataclass

from django.utils import timezone

from documents.legal import LegalDocument
from sites.selectors import pages_under, unit_for_path
from sites.workdays import working_days_between

DISCLOSURE_WORKING_DAYS = 5


@dataclass
class LateDocument:
    pk: int
    number: str
    title: str
    unit: object
    issued_on: object  # date
    published_on: object  # local date of the first publication
    working_days: int  # from the issue date to the publication

    @property
    def days_late(self):
        return self.working_days - DISCLOSURE_WORKING_DAYS


@dataclass
class LateRow:
    unit: object
    published: int = 0
    late: int = 0
    most_days_late: int | None = None

    @property
    def share(self):
        return round(100 * self.late / self.published, 1) if self.published else None


def late_documents(period, units, *, limit=DISCLOSURE_WORKING_DAYS):
    """``([LateRow] per unit in ``units`` order, [LateDocument] most late first)`` for the live documents of
    ``units`` first published in ``period``. One query; the working days are counted in Python, and only for
    documents published at least ``limit`` calendar days after their issue (fewer cannot be late)."""
    if not units:
        return [], []
    begin, after = period.bounds()
    rows = (
        LegalDocument.objects.live()
        .filter(pages_under(units), first_published_at__gte=begin, first_published_at__lt=after)
        .order_by()
        .values_list("pk", "number", "title", "path", "issued_on", "first_published_at")
    )
    per_unit = {unit.pk: LateRow(unit) for unit in units}
    late = []
    for pk, number, title, path, issued_on, first_published_at in rows:
        unit = unit_for_path(path, units)
        if unit is None:
            continue
        row = per_unit[unit.pk]
        row.published += 1
        published_on = timezone.localdate(first_published_at)
        if (published_on - issued_on).days <= limit:  # five calendar days hold at most five working days
            continue
        days = working_days_between(issued_on, published_on)
        if days <= limit:
            continue
        document = LateDocument(pk, number, title, unit, issued_on, published_on, days)
        late.append(document)
        row.late += 1
        row.most_days_late = max(row.most_days_late or 0, document.days_late)
    late.sort(key=lambda d: (-d.working_days, d.unit.name, d.number))
    return list(per_unit.values()), late
