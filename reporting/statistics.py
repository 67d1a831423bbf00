"""Editorial statistics, computed in the database over live content only (issue #8)."""

import calendar
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.legal import Disclosure, LegalDocument
from news.models import NewsArticlePage
from news.taxonomy import Official
from reporting.models import ArticleTarget
from reporting.periods import Period
from sites.models import ContentMove, Unit
from sites.selectors import home_path_length, pages_under, units_by_home


@dataclass
class Comparison:
    """A count this period against the same period a year earlier."""

    label: str
    current: int
    previous: int
    unit: object = None
    official: object = None

    @property
    def change(self):
        return self.current - self.previous

    @property
    def percent(self):
        """Change in per cent of last year's count, one decimal; None when last year had none."""
        if not self.previous:
            return None
        return round(100 * (self.current - self.previous) / self.previous, 1)

    @property
    def percent_text(self):
        """ "−66.7%", "+20.0%", or a clear mark when last year had none."""
        if self.percent is None:
            return _("new (none last year)") if self.current else "—"
        return f"{self.percent:+.1f}%".replace("-", "−")


def _in_periods(period, date_field):
    """Q objects for ``date_field`` within ``period`` and within the same period a year earlier."""
    current, previous = period.bounds(), period.previous_year().bounds()
    return (
        Q(**{f"{date_field}__gte": current[0], f"{date_field}__lt": current[1]}),
        Q(**{f"{date_field}__gte": previous[0], f"{date_field}__lt": previous[1]}),
    )


def by_home(queryset, units, *fields, date_field=None, **aggregates):
    """Rows of ``queryset`` grouped by unit (and ``fields``), each with ``unit`` (its pk) and
    ``aggregates``: one GROUP BY query whatever the number of units.

    Every unit's home sits at the same depth (``sites.selectors.home_path_length``), so the first characters
    of a page's tree path name its home. With ``date_field``, a page a restructuring moved
    (``sites.models.ContentMove``) counts for the unit it came from when its date is before the move: a past
    period shows the units as they were (the earliest such move decides; a subquery in the same query).
    Aggregates must then be counts (rows of the same unit are added up).
    """
    if not units:
        return []
    roots = units_by_home(units)
    rows = (
        queryset.order_by()  # Wagtail's page managers order by path, which would split the groups
        .filter(pages_under(units))
        .annotate(home=Substr("path", 1, home_path_length(units)))
    )
    if date_field is None:
        rows = rows.values("home", *fields).annotate(**aggregates)
        return [{**row, "unit": roots[row["home"]].pk} for row in rows]
    moved_from = (
        ContentMove.objects.filter(page_id=OuterRef("pk"), moved_at__gt=OuterRef(date_field))
        .order_by("moved_at", "pk")
        .values("from_unit")[:1]
    )
    rows = (
        rows.annotate(moved_from=Subquery(moved_from))
        .values("home", "moved_from", *fields)
        .annotate(**aggregates)
    )
    merged = {}
    for row in rows:
        unit = row["moved_from"] or roots[row["home"]].pk
        key = (unit, *(row[name] for name in fields))
        if key in merged:
            for name in aggregates:
                merged[key][name] += row[name]
        else:
            merged[key] = {
                **{name: row[name] for name in fields},
                **{n: row[n] for n in aggregates},
                "unit": unit,
            }
    return list(merged.values())


def unit_label(unit):
    """The unit's name in the tables; a merged unit's says so, as it can share its name with the new unit."""
    if unit.dissolved_at is None:
        return unit.name
    merged = timezone.localtime(unit.dissolved_at).strftime("%d/%m/%Y")
    return _("%(name)s (merged on %(date)s)") % {"name": unit.name, "date": merged}


def units_for_period(period, units):
    """``units`` and, after each, the units merged into it (or into those, and so on) that were still in
    service when ``period`` began: a past period's tables show the units as they were. One query."""
    begin = period.bounds()[0]
    merged = list(
        Unit.all_objects.filter(dissolved_at__gt=begin, merged_into__isnull=False)
        .select_related("site__root_page")
        .order_by("sort_order", "name")
    )
    if not merged:
        return list(units)
    children = {}
    for unit in merged:
        children.setdefault(unit.merged_into_id, []).append(unit)
    result, seen = [], set()

    def add(unit):
        if unit.pk in seen:
            return
        seen.add(unit.pk)
        result.append(unit)
        for child in children.get(unit.pk, []):
            add(child)

    for unit in units:
        add(unit)
    return result


def _counts_by_home(queryset, units, date_field, period):
    """{unit pk: (this period, a year earlier)} in one query."""
    in_current, in_previous = _in_periods(period, date_field)
    rows = by_home(
        queryset.filter(in_current | in_previous),
        units,
        date_field=date_field,
        current=Count("pk", filter=in_current),
        previous=Count("pk", filter=in_previous),
    )
    return {row["unit"]: (row["current"], row["previous"]) for row in rows}


@dataclass
class Activity:
    unit: object
    last_published: object  # aware datetime or None
    days_since: int | None  # None: never published


def inactive_units(units, *, days, now=None):
    """[Activity] of the units whose last live article is more than ``days`` local calendar days old, or who
    never published. One query: for each unit, its newest article (read from the date index backwards)."""
    if not units:
        return []
    now = now or timezone.now()
    newest = (
        NewsArticlePage.objects.live()
        .filter(path__startswith=OuterRef("site__root_page__path"), published_date__lte=now)
        .order_by("-published_date")
        .values("published_date")[:1]
    )
    last = dict(
        Unit.objects.filter(pk__in=[unit.pk for unit in units])
        .annotate(last=Subquery(newest))
        .values_list("pk", "last")
    )
    today = timezone.localdate(now)
    result = []
    for unit in units:
        latest = last.get(unit.pk)
        idle = None if latest is None else (today - timezone.localdate(latest)).days
        if idle is None or idle > days:  # calendar days on the local calendar
            result.append(Activity(unit, latest, idle))
    return sorted(result, key=lambda a: (a.days_since is not None, -(a.days_since or 0), a.unit.name))


@dataclass
class DisclosureRow:
    unit: object
    counts: list  # per category, in Disclosure order
    empty: list  # labels of the categories with nothing in the period

    @property
    def total(self):
        return sum(self.counts)


def documents_per_disclosure(period, units):
    """[DisclosureRow]: live documents first published in ``period`` per unit and disclosure category (one
    query), with the categories each unit left empty."""
    if not units:
        return [], []
    begin, after = period.bounds()
    published = LegalDocument.objects.live().filter(
        first_published_at__gte=begin, first_published_at__lt=after
    )
    counts = {
        (row["unit"], row["disclosure"]): row["n"]
        for row in by_home(published, units, "disclosure", date_field="first_published_at", n=Count("pk"))
    }
    rows = []
    for unit in units:
        numbers = [counts.get((unit.pk, value), 0) for value in Disclosure.values]
        empty = [label for label, n in zip(Disclosure.labels, numbers, strict=True) if not n]
        rows.append(DisclosureRow(unit, numbers, empty))
    return list(Disclosure.labels), rows


def articles_per_unit(period, units):
    """[Comparison] of live articles published per unit in ``period`` and a year earlier (``units`` order)."""
    counts = _counts_by_home(NewsArticlePage.objects.live(), units, "published_date", period)
    return [Comparison(unit_label(unit), *counts.get(unit.pk, (0, 0)), unit=unit) for unit in units]


def _compare_by(period, units, group, label_of):
    """[Comparison] of live articles in ``units`` grouped by ``group`` fields (one query), most first."""
    if not units:
        return []
    in_current, in_previous = _in_periods(period, "published_date")
    rows = (
        NewsArticlePage.objects.live()
        .order_by()
        .filter(pages_under(units), in_current | in_previous)
        .values(*group)
        .annotate(
            current=Count("pk", filter=in_current, distinct=True),
            previous=Count("pk", filter=in_previous, distinct=True),
        )
    )
    result = [Comparison(label_of(row), row["current"], row["previous"]) for row in rows]
    return sorted(result, key=lambda c: (-c.current, -c.previous, c.label))


def articles_per_category(period, units):
    """Live articles of ``units`` per category, this period and a year earlier (an article in two categories
    counts in both; "no category" collects the others)."""
    return _compare_by(
        period, units, ("categories__name",), lambda row: row["categories__name"] or _("(no category)")
    )


def articles_per_author(period, units):
    """Live articles of ``units`` per author (the account that created the page)."""

    def label(row):
        # Vietnamese order: family name first. No owner (imported or system pages): all None.
        name = f"{row['owner__last_name'] or ''} {row['owner__first_name'] or ''}".strip()
        return name or row["owner__username"] or _("(unknown)")

    return _compare_by(period, units, ("owner__username", "owner__first_name", "owner__last_name"), label)


def coverage(period, units):
    """[Comparison] per active tracked official of ``units`` (unit, then list order): live articles covering
    them in ``period`` and a year earlier, wherever they were published. Officials nobody wrote about are
    listed with zero: they are what the board looks for. One query."""
    in_current, in_previous = _in_periods(period, "newsarticlepage__published_date")
    live = Q(newsarticlepage__live=True)
    officials = (
        Official.objects.filter(unit__in=[unit.pk for unit in units], active=True)
        .select_related("unit")
        .annotate(
            current=Count("newsarticlepage", filter=live & in_current, distinct=True),
            previous=Count("newsarticlepage", filter=live & in_previous, distinct=True),
        )
    )
    order = {unit.pk: index for index, unit in enumerate(units)}
    officials = sorted(officials, key=lambda o: (order[o.unit_id], o.sort_order, o.name))
    return [
        Comparison(
            f"{official.name} – {official.position}",
            official.current,
            official.previous,
            unit=official.unit,
            official=official,
        )
        for official in officials
    ]


@dataclass
class Progress:
    """A unit's articles this month against its monthly target."""

    unit: object
    published: int
    target: int | None  # None: no target set
    expected: int | None  # by the end of the day the progress is read for, pro rata

    @property
    def percent(self):
        return round(100 * self.published / self.target) if self.target else None

    @property
    def bar_percent(self):
        return min(self.percent or 0, 100)

    @property
    def status(self):
        """ "met", "on-track", "behind" or "no-target"."""
        if not self.target:
            return "no-target"
        if self.published >= self.target:
            return "met"
        return "on-track" if self.published >= self.expected else "behind"

    @property
    def status_label(self):
        return {
            "met": _("target met"),
            "on-track": _("on track"),
            "behind": _("behind"),
            "no-target": _("no target set"),
        }[self.status]


def month_progress(units, *, day=None):
    """[Progress] per unit for the month holding ``day`` (today by default), counting live articles published
    from the first of the month to the end of ``day``. Two queries whatever the number of units."""
    if not units:
        return []
    day = day or timezone.localdate()
    begin, after = Period(day.replace(day=1), day, "").bounds()
    published = NewsArticlePage.objects.live().filter(published_date__gte=begin, published_date__lt=after)
    counts = {
        row["unit"]: row["n"] for row in by_home(published, units, date_field="published_date", n=Count("pk"))
    }
    targets = dict(
        ArticleTarget.objects.filter(unit__in=[unit.pk for unit in units]).values_list(
            "unit", "monthly_articles"
        )
    )
    days = calendar.monthrange(day.year, day.month)[1]
    result = []
    for unit in units:
        target = targets.get(unit.pk) or None
        expected = None if target is None else int(target * day.day / days + 0.5)
        result.append(Progress(unit, counts.get(unit.pk, 0), target, expected))
    return result
