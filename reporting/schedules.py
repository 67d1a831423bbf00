"""What the leaders did against what was reported (issue #20): per tracked official, the activities of the
published work schedules (``agenda``) in a period beside the articles covering them published in it."""

from dataclasses import dataclass

from django.db.models import Count, Q

from agenda.selectors import entries_per_official
from news.taxonomy import Official


@dataclass
class ScheduleCoverage:
    official: object
    unit: object
    activities: int  # entries of live week schedules in the period that the official chairs or attends
    articles: int  # live articles naming the official, published in the period

    @property
    def difference(self):
        """Activities minus articles: above zero, activities that may have gone unreported."""
        return self.activities - self.articles

    @property
    def share(self):
        """Articles per hundred activities (one decimal); None without activities."""
        return round(100 * self.articles / self.activities, 1) if self.activities else None


def schedule_coverage(period, units):
    """[ScheduleCoverage] per tracked official of ``units`` (unit, then list order): the officials in office,
    and any who left but still had activities in the period. Three queries, whatever the number of units."""
    if not units:
        return []
    activities = entries_per_official(units=units, start=period.start, end=period.end)
    begin, after = period.bounds()
    in_period = Q(
        newsarticlepage__live=True,
        newsarticlepage__published_date__gte=begin,
        newsarticlepage__published_date__lt=after,
    )
    officials = (
        Official.objects.filter(unit__in=[unit.pk for unit in units])
        .filter(Q(active=True) | Q(pk__in=list(activities)))
        .select_related("unit")
        .annotate(articles=Count("newsarticlepage", filter=in_period, distinct=True))
    )
    order = {unit.pk: index for index, unit in enumerate(units)}
    officials = sorted(officials, key=lambda o: (order[o.unit_id], o.sort_order, o.name, o.pk))
    return [
        ScheduleCoverage(official, official.unit, activities.get(official.pk, 0), official.articles)
        for official in officials
    ]
