"""Delays, computed in the database: timeliness (event to publication) and moderation turnaround.

Medians are PostgreSQL's ``percentile_cont(0.5)``, one aggregate per group. SQLite (the embedded development
database) has no percentile: there the same delay expression is read back per group and the median is taken
in Python; the counts and shares are SQL aggregates on both.
"""

import datetime
import statistics
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import (
    Aggregate,
    Count,
    DateTimeField,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.functions import Cast, Substr
from django.utils import timezone

from wagtail.models import Page, PageLogEntry, Task, TaskState, WorkflowState

from news.models import NewsArticlePage
from sites.selectors import home_path_length, pages_under, unit_for_path, units_by_home

HOUR = 3600
DAY = 24 * HOUR


class Seconds(Func):
    """A duration expression in seconds (a float)."""

    output_field = FloatField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="EXTRACT(EPOCH FROM %(expressions)s)", **extra)

    def as_sqlite(self, compiler, connection, **extra):  # durations are microseconds there
        return self.as_sql(compiler, connection, template="(%(expressions)s / 1000000.0)", **extra)


class Median(Aggregate):
    """PostgreSQL's continuous median of a numeric expression."""

    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


def _between(start, end):
    return ExpressionWrapper(F(end) - F(start), output_field=DurationField())


def _grouped(queryset, group, seconds, **counts):
    """{group values: {"n": …, "median": seconds or None, **counts}} for ``queryset`` (one query on
    PostgreSQL, two on SQLite). ``seconds`` is a ``Seconds`` expression; ``counts`` are filtered Counts."""
    queryset = queryset.order_by().annotate(seconds=seconds)
    aggregates = {"n": Count("pk"), **counts}
    postgres = connection.vendor == "postgresql"
    if postgres:
        aggregates["median"] = Median("seconds")
    result = {}
    for row in queryset.values(*group).annotate(**aggregates):
        key = tuple(row[name] for name in group)
        result[key] = {name: row[name] for name in aggregates}
    if not postgres:
        values = {}
        for *key, value in queryset.values_list(*group, "seconds"):
            if value is not None:  # as percentile_cont, which leaves out NULL
                values.setdefault(tuple(key), []).append(value)
        for key, row in result.items():
            row["median"] = statistics.median(values[key]) if values.get(key) else None
    return result


@dataclass
class Timeliness:
    """How soon a unit's articles went live after their event (``event_date`` at 00:00 local time)."""

    unit: object
    articles: int = 0  # live articles first published in the period with an event date
    undated: int = 0  # the same without an event date (not measured)
    median_hours: float | None = None
    within_24h: int = 0
    within_48h: int = 0

    @property
    def label(self):
        return self.unit.name

    def _share(self, count):
        return round(100 * count / self.articles, 1) if self.articles else None

    @property
    def share_24h(self):
        return self._share(self.within_24h)

    @property
    def share_48h(self):
        return self._share(self.within_48h)


def timeliness(period, units):
    """[Timeliness] per unit (``units`` order) for live articles first published in ``period``.

    The delay runs from local midnight at the start of the event day to the moment the article first went
    live (``first_published_at``: the date shown to readers can be set by hand and is not a measure).
    """
    if not units:
        return []
    begin, after = period.bounds()
    roots = units_by_home(units)
    # event_date cast to a timestamp is UTC midnight (the connections run in UTC); local midnight is
    # earlier by the zone's offset. Asia/Ho_Chi_Minh has kept +07:00 since 1975, so one offset serves.
    offset = timezone.get_default_timezone().utcoffset(
        datetime.datetime.combine(period.start, datetime.time())
    )
    shift = offset.total_seconds()
    articles = (
        NewsArticlePage.objects.live()
        .filter(pages_under(units), first_published_at__gte=begin, first_published_at__lt=after)
        .annotate(home=Substr("path", 1, home_path_length(units)))
    )
    delay = ExpressionWrapper(
        F("first_published_at") - Cast("event_date", DateTimeField()), output_field=DurationField()
    )
    dated = Q(event_date__isnull=False)
    rows = _grouped(  # one pass: the delays of dated articles (NULL for the others, left out of the median)
        articles,
        ("home",),
        Seconds(delay),
        n=Count("pk", filter=dated),
        undated=Count("pk", filter=~dated),
        within_24h=Count("pk", filter=Q(seconds__lte=DAY - shift)),
        within_48h=Count("pk", filter=Q(seconds__lte=2 * DAY - shift)),
    )
    result = []
    for path, unit in roots.items():
        row = rows.get((path,), {})
        median = row.get("median")
        result.append(
            Timeliness(
                unit,
                articles=row.get("n", 0),
                undated=row.get("undated", 0),
                median_hours=None if median is None else round((median + shift) / HOUR, 1),
                within_24h=row.get("within_24h", 0),
                within_48h=row.get("within_48h", 0),
            )
        )
    return result


WS = "_workflow_states"  # Wagtail's generic relation from a page to its workflow states (by base type)


def _submissions(units, begin, after):
    """Pages of ``units`` joined to their workflow states created in [begin, after), with ``home``.

    Read from the page side: Wagtail's ``_workflow_states`` relation joins on the page id (Django casts it
    to the text ``object_id``) and on the base content type, and PostgreSQL hashes the join; the other way
    round looked every page up once per submission (1.2 s for 20,000 submissions)."""
    return (
        Page.objects.filter(
            pages_under(units), **{f"{WS}__created_at__gte": begin, f"{WS}__created_at__lt": after}
        )
        .order_by()
        .annotate(home=Substr("path", 1, home_path_length(units)))
    )


@dataclass
class Step:
    name: str
    approved: int
    median_hours: float | None


@dataclass
class Turnaround:
    """Moderation of one unit's submissions made in the period."""

    unit: object
    submitted: int = 0
    sent_back: int = 0  # submissions sent back at least once
    steps: list = field(default_factory=list)  # [Step] in workflow order
    published: int = 0
    median_hours_to_publication: float | None = None

    @property
    def label(self):
        return self.unit.name


def _hours(seconds):
    return None if seconds is None else round(seconds / HOUR, 1)


def turnaround(period, units):
    """[Turnaround] per unit for the page submissions made in ``period``: how long from submission to each
    step's approval (the rework after a send-back included) and to the first publication after it."""
    if not units:
        return [], []
    begin, after = period.bounds()
    roots = units_by_home(units)
    # each step: the approval that let the submission go on (a step approved twice counts once: the last)
    step_rows = _grouped(
        _submissions(units, begin, after).filter(**{f"{WS}__task_states__status": TaskState.STATUS_APPROVED}),
        ("home", f"{WS}__task_states__task__name", f"{WS}__task_states__task__pk"),
        Seconds(_between(f"{WS}__created_at", f"{WS}__task_states__finished_at")),
        n=Count(f"{WS}__pk", distinct=True),
    )
    published_at = Subquery(
        PageLogEntry.objects.filter(
            page_id=OuterRef("pk"), action="wagtail.publish", timestamp__gte=OuterRef(f"{WS}__created_at")
        )
        .order_by("timestamp")
        .values("timestamp")[:1]
    )
    rejected = TaskState.objects.filter(
        workflow_state=OuterRef(f"{WS}__pk"), status=TaskState.STATUS_REJECTED
    )
    # one row per submission: how many, how many sent back, how many published and how fast
    submitted = _grouped(
        _submissions(units, begin, after).annotate(published_at=published_at),
        ("home",),
        Seconds(_between(f"{WS}__created_at", "published_at")),
        n=Count(f"{WS}__pk"),
        sent_back=Count(f"{WS}__pk", filter=Exists(rejected)),
        published=Count("published_at"),
    )
    # every step of the workflows on the units' homes, approvals or not, in workflow order; then any other
    # step that approved something in the period (a workflow since changed)
    assigned = (
        Task.objects.filter(
            active=True,
            workflow_tasks__workflow__active=True,
            workflow_tasks__workflow__workflow_pages__page__in=[unit.site.root_page_id for unit in units],
        )
        .order_by("workflow_tasks__sort_order", "pk")
        .values_list("pk", "name")
    )
    step_names = list(dict.fromkeys([*assigned, *sorted((key[2], key[1]) for key in step_rows)]))
    result = []
    for path, unit in roots.items():
        row = submitted.get((path,), {})
        steps = []
        for pk, name in step_names:
            step = step_rows.get((path, name, pk), {})
            steps.append(Step(name, step.get("n", 0), _hours(step.get("median"))))
        result.append(
            Turnaround(
                unit,
                submitted=row.get("n", 0),
                sent_back=row.get("sent_back", 0),
                steps=steps,
                published=row.get("published", 0),
                median_hours_to_publication=_hours(row.get("median")),
            )
        )
    return [name for _pk, name in step_names], result


@dataclass
class Waiting:
    unit: object
    page: object
    step: str
    submitted_by: object
    submitted_at: datetime.datetime
    waiting_since: datetime.datetime
    age: datetime.timedelta


MAX_WAITING = 500


def waiting(units, *, now=None):
    """[Waiting]: the pages of ``units`` in moderation now, oldest submission first (at most 500)."""
    if not units:
        return []
    now = now or timezone.now()
    # the whole queue (hundreds at most), its pages in one query, kept when under one of ``units``
    states = (
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS, base_content_type=ContentType.objects.get_for_model(Page)
        )
        .select_related("requested_by", "current_task_state__task")
        .order_by("created_at", "pk")
    )
    states = list(states)
    pages = Page.objects.in_bulk([int(s.object_id) for s in states])
    items = []
    for state in states:
        page, task_state = pages.get(int(state.object_id)), state.current_task_state
        unit = unit_for_path(page.path, units) if page is not None else None
        if unit is None or task_state is None:
            continue
        items.append(
            Waiting(
                unit=unit,
                page=page,
                step=task_state.task.name,
                submitted_by=state.requested_by,
                submitted_at=state.created_at,
                waiting_since=task_state.started_at,
                age=now - state.created_at,
            )
        )
        if len(items) == MAX_WAITING:
            break
    return items
