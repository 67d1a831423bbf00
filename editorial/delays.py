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
    BigIntegerField,
    Count,
    DateTimeField,
    DurationField,
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

from wagtail.models import Page, PageLogEntry, TaskState, WorkflowState

from editorial.statistics import home_length
from news.models import NewsArticlePage

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
            values.setdefault(tuple(key), []).append(value)
        for key, row in result.items():
            row["median"] = statistics.median(values[key]) if values.get(key) else None
    return result


def _roots(units):
    return {unit.site.root_page.path: unit for unit in units}


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
    roots = _roots(units)
    # event_date cast to a timestamp is UTC midnight (the connections run in UTC); local midnight is
    # earlier by the zone's offset. Asia/Ho_Chi_Minh has kept +07:00 since 1975, so one offset serves.
    offset = timezone.get_default_timezone().utcoffset(
        datetime.datetime.combine(period.start, datetime.time())
    )
    shift = offset.total_seconds()
    articles = (
        NewsArticlePage.objects.live()
        .filter(first_published_at__gte=begin, first_published_at__lt=after)
        .annotate(home=Substr("path", 1, home_length(units)))
        .filter(home__in=list(roots))
    )
    delay = ExpressionWrapper(
        F("first_published_at") - Cast("event_date", DateTimeField()), output_field=DurationField()
    )
    rows = _grouped(
        articles.filter(event_date__isnull=False),
        ("home",),
        Seconds(delay),
        within_24h=Count("pk", filter=Q(seconds__lte=DAY - shift)),
        within_48h=Count("pk", filter=Q(seconds__lte=2 * DAY - shift)),
    )
    undated = dict(
        articles.filter(event_date__isnull=True)
        .order_by()
        .values("home")
        .annotate(n=Count("pk"))
        .values_list("home", "n")
    )
    result = []
    for path, unit in roots.items():
        row = rows.get((path,), {})
        median = row.get("median")
        result.append(
            Timeliness(
                unit,
                articles=row.get("n", 0),
                undated=undated.get(path, 0),
                median_hours=None if median is None else round((median + shift) / HOUR, 1),
                within_24h=row.get("within_24h", 0),
                within_48h=row.get("within_48h", 0),
            )
        )
    return result


def _home_of_page(units, object_id="object_id"):
    """The first characters of the path of the page a workflow state (``object_id``, a string) is about."""
    path = Page.objects.filter(pk=Cast(OuterRef(object_id), BigIntegerField())).values("path")[:1]
    return Substr(Subquery(path), 1, home_length(units))


def _page_workflows(units):
    """Page workflow states of ``units`` annotated with ``home``."""
    page_type = ContentType.objects.get_for_model(Page)
    return (
        WorkflowState.objects.filter(base_content_type=page_type)
        .annotate(home=_home_of_page(units))
        .filter(home__in=list(_roots(units)))
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

    def step(self, name):
        return next((s for s in self.steps if s.name == name), None)


def _hours(seconds):
    return None if seconds is None else round(seconds / HOUR, 1)


def turnaround(period, units):
    """[Turnaround] per unit for the page submissions made in ``period``: how long from submission to each
    step's approval (the rework after a send-back included) and to the first publication after it."""
    if not units:
        return [], []
    begin, after = period.bounds()
    roots = _roots(units)
    workflows = _page_workflows(units).filter(created_at__gte=begin, created_at__lt=after)
    submitted = {
        row["home"]: row
        for row in workflows.order_by()
        .values("home")
        .annotate(
            n=Count("pk", distinct=True),
            sent_back=Count("pk", filter=Q(task_states__status=TaskState.STATUS_REJECTED), distinct=True),
        )
    }
    # each step: the approval that let the submission go on (a step approved twice counts once: the last)
    step_rows = _grouped(
        TaskState.objects.filter(
            status=TaskState.STATUS_APPROVED, workflow_state__in=workflows.values("pk")
        ).annotate(home=_home_of_page(units, "workflow_state__object_id")),
        ("home", "task__name", "task__pk"),
        Seconds(_between("workflow_state__created_at", "finished_at")),
        n=Count("workflow_state", distinct=True),
    )
    published_at = Subquery(
        PageLogEntry.objects.filter(
            page_id=Cast(OuterRef("object_id"), BigIntegerField()),
            action="wagtail.publish",
            timestamp__gte=OuterRef("created_at"),
        )
        .order_by("timestamp")
        .values("timestamp")[:1]
    )
    publication = _grouped(
        workflows.annotate(published_at=published_at).filter(published_at__isnull=False),
        ("home",),
        Seconds(_between("created_at", "published_at")),
    )
    step_names = sorted({(key[2], key[1]) for key in step_rows})  # workflow order: tasks are created in order
    result = []
    for path, unit in roots.items():
        row = submitted.get(path, {})
        steps = []
        for pk, name in step_names:
            step = step_rows.get((path, name, pk), {})
            steps.append(Step(name, step.get("n", 0), _hours(step.get("median"))))
        done = publication.get((path,), {})
        result.append(
            Turnaround(
                unit,
                submitted=row.get("n", 0),
                sent_back=row.get("sent_back", 0),
                steps=steps,
                published=done.get("n", 0),
                median_hours_to_publication=_hours(done.get("median")),
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
    roots = _roots(units)
    states = list(
        _page_workflows(units)
        .filter(status=WorkflowState.STATUS_IN_PROGRESS)
        .select_related("requested_by", "current_task_state__task")
        .order_by("created_at")[:MAX_WAITING]
    )
    pages = Page.objects.in_bulk([int(s.object_id) for s in states])
    items = []
    for state in states:
        page, task_state = pages.get(int(state.object_id)), state.current_task_state
        if page is None or task_state is None:
            continue
        items.append(
            Waiting(
                unit=roots[state.home],
                page=page,
                step=task_state.task.name,
                submitted_by=state.requested_by,
                submitted_at=state.created_at,
                waiting_since=task_state.started_at,
                age=now - state.created_at,
            )
        )
    return items
