"""Reads over the page types of every app that use ``home.mixins.ReviewDateMixin``."""

from django.apps import apps
from django.utils import timezone

from home.mixins import ReviewDateMixin
from sites.selectors import pages_under, unit_for_path

OVERDUE_LIMIT = 200  # rows shown on the dashboard; the count says how many there are


def review_models():
    """The concrete page models that carry a review date, whichever app defines them (procedures too),
    without importing those apps."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, ReviewDateMixin) and not model._meta.abstract and not model._meta.proxy
    ]


def pages_past_review(units, *, today=None, limit=OVERDUE_LIMIT):
    """``(total, [(unit, [page, ...]), ...])``: live pages of ``units`` (their homes loaded) whose review date
    has passed, oldest date first, grouped by unit in the order of ``units``. One query per model using the
    mixin (a handful), whatever the number of pages."""
    units = list(units)
    if not units:
        return 0, []
    today = today or timezone.localdate()
    found = {}
    for model in review_models():
        rows = (
            model.objects.live()
            .filter(pages_under(units), review_by__lt=today)
            .only("title", "path", "depth", "review_by", "url_path", "content_type")
        )
        for page in rows:
            found.setdefault(page.pk, page)  # a model deriving from another lists its pages twice
    pages = sorted(found.values(), key=lambda page: (page.review_by, page.title))
    by_unit = {}
    for page in pages[:limit]:
        unit = unit_for_path(page.path, units)
        if unit is not None:
            by_unit.setdefault(unit.pk, []).append(page)
    return len(pages), [(unit, by_unit[unit.pk]) for unit in units if unit.pk in by_unit]
