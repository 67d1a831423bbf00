"""Editorial statistics, computed in the database over live content only (issue #8)."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import Substr
from django.utils.translation import gettext as _

from news.models import NewsArticlePage


@dataclass
class Comparison:
    """A count this period against the same period a year earlier."""

    label: str
    current: int
    previous: int
    unit: object = None

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


def _counts_by_home(queryset, units, date_field, period):
    """{unit pk: (this period, a year earlier)} in one query, whatever the number of units.

    Every unit's home sits at the same depth (docs/architecture.md), so the first characters of a page's
    tree path name its home: one GROUP BY with two filtered counts.
    """
    current, previous = period.bounds(), period.previous_year().bounds()
    roots = {unit.site.root_page.path: unit.pk for unit in units}
    if not roots:
        return {}
    if len({len(path) for path in roots}) != 1:  # not how units are provisioned
        raise ValueError("unit homes must sit at the same depth of the page tree")
    length = len(next(iter(roots)))
    in_current = Q(**{f"{date_field}__gte": current[0], f"{date_field}__lt": current[1]})
    in_previous = Q(**{f"{date_field}__gte": previous[0], f"{date_field}__lt": previous[1]})
    rows = (
        queryset.filter(in_current | in_previous)
        .order_by()  # Wagtail's page managers order by path, which would split the groups
        .annotate(home=Substr("path", 1, length))
        .filter(home__in=list(roots))
        .values("home")
        .annotate(current=Count("pk", filter=in_current), previous=Count("pk", filter=in_previous))
    )
    return {roots[row["home"]]: (row["current"], row["previous"]) for row in rows}


def articles_per_unit(period, units):
    """[Comparison] of live articles published per unit in ``period`` and a year earlier (``units`` order)."""
    counts = _counts_by_home(NewsArticlePage.objects.live(), units, "published_date", period)
    return [Comparison(unit.name, *counts.get(unit.pk, (0, 0)), unit=unit) for unit in units]
