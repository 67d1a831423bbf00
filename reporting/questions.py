"""Service levels of citizens' questions (issue #20): received, forwarded, answered, waiting and the time to
answer, per unit and period.

Four queries whatever the number of units. The time to answer is counted in working days (as the deadline,
``PORTAL_QUESTION_ANSWER_WORKING_DAYS``), from the local day the question arrived to the local day its answer
was published; the median is taken in Python (working days are not a database expression), on PostgreSQL and
SQLite alike.
"""

import datetime
import statistics
from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from questions.models import Question, QuestionForward
from sites.workdays import is_working_day, working_days_between

OPEN = (Question.Status.RECEIVED, Question.Status.ANSWERING)


@dataclass
class ServiceLevel:
    """One unit's questions in a period (``received``, ``forwarded``, ``answered``) and now (``open``,
    ``overdue``)."""

    label: str
    unit: object = None
    received: int = 0  # arrived in the period at this unit (where the visitor sent them)
    forwarded: int = 0  # sent on from this unit to another in the period
    answered: int = 0  # answer published in the period, by the unit that holds the question
    on_time: int = 0  # of ``answered``: published on or before the due date
    open: int = 0  # waiting for an answer now
    overdue: int = 0  # of ``open``: past the due date today
    days: list = None  # working days to answer, one per answered question

    @property
    def median_days(self):
        """Median working days from arrival to the published answer; None when nothing was answered."""
        return statistics.median(self.days) if self.days else None

    @property
    def on_time_share(self):
        return round(100 * self.on_time / self.answered, 1) if self.answered else None


def _working_days_counter(days):
    """``sites.workdays.working_days_between`` for dates among ``days``, each calendar day of their span
    looked at once (thousands of answers share the same few hundred days)."""
    if not days:
        return working_days_between
    first, last = min(days), max(days)
    counted, total, day = {first: 0}, 0, first
    while day < last:
        day += datetime.timedelta(days=1)
        total += is_working_day(day)
        counted[day] = total  # working days after ``first`` up to and including ``day``

    def between(start, end):
        return counted[end] - counted[start] if end > start else 0

    return between


def _counts(queryset, group):
    return {row[group]: row["n"] for row in queryset.order_by().values(group).annotate(n=Count("pk"))}


def service_levels(period, units, *, today=None):
    """([ServiceLevel] per unit in ``units`` order, the total ``ServiceLevel``) for ``period``; ``open`` and
    ``overdue`` are as of ``today`` (the local date by default), whatever the period."""
    today = today or timezone.localdate()
    ids = [unit.pk for unit in units]
    begin, after = period.bounds()
    received = _counts(
        Question.objects.filter(received_unit__in=ids, received_at__gte=begin, received_at__lt=after),
        "received_unit",
    )
    forwarded = _counts(
        QuestionForward.objects.filter(from_unit__in=ids, forwarded_at__gte=begin, forwarded_at__lt=after),
        "from_unit",
    )
    waiting = {
        row["unit"]: row
        for row in Question.objects.filter(unit__in=ids, status__in=OPEN)
        .order_by()
        .values("unit")
        .annotate(open=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=today)))
    }
    # local dates computed by the database, and identical answers (same unit, days, due date) counted once
    local_tz = timezone.get_current_timezone()
    answered = (
        Question.objects.filter(unit__in=ids, answered_at__gte=begin, answered_at__lt=after)
        .order_by()
        .annotate(
            received_on=TruncDate("received_at", tzinfo=local_tz),
            answered_on=TruncDate("answered_at", tzinfo=local_tz),
        )
        .values_list("unit", "received_on", "answered_on", "due_on")
        .annotate(n=Count("pk"))
    )
    answered = list(answered)
    between = _working_days_counter([day for row in answered for day in row[1:3]])
    days, on_time = {}, {}
    for unit_id, received_on, answered_on, due_on, n in answered:
        days.setdefault(unit_id, []).extend([between(received_on, answered_on)] * n)
        on_time[unit_id] = on_time.get(unit_id, 0) + n * (due_on is None or answered_on <= due_on)

    rows = []
    for unit in units:
        unit_days = days.get(unit.pk, [])
        rows.append(
            ServiceLevel(
                unit.name,
                unit=unit,
                received=received.get(unit.pk, 0),
                forwarded=forwarded.get(unit.pk, 0),
                answered=len(unit_days),
                on_time=on_time.get(unit.pk, 0),
                open=waiting.get(unit.pk, {}).get("open", 0),
                overdue=waiting.get(unit.pk, {}).get("overdue", 0),
                days=unit_days,
            )
        )
    total = ServiceLevel(
        "",
        received=sum(r.received for r in rows),
        forwarded=sum(r.forwarded for r in rows),
        answered=sum(r.answered for r in rows),
        on_time=sum(r.on_time for r in rows),
        open=sum(r.open for r in rows),
        overdue=sum(r.overdue for r in rows),
        days=[d for r in rows for d in r.days],  # the median of every answer, not a median of medians
    )
    return rows, total
