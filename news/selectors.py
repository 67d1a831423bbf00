"""Queries for news listings; every one is a fixed number of SQL queries."""

import re
from datetime import date, datetime, time

from django.db.models import Count, Exists, OuterRef
from django.db.models.functions import TruncMonth
from django.utils import timezone

from news.taxonomy import Category, Official
from sites.cache import remember
from sites.selectors import locales, public

OTHER_NEWS_COUNT = 5
EARLIER_NEWS_COUNT = 10


def _article_model():
    from news.models import NewsArticlePage  # news.models imports this module

    return NewsArticlePage


# What a link to an article shows (title, date, ``lang`` attribute) and needs (``url_path`` for its address,
# ``path`` for its unit).
LINK_FIELDS = ("title", "url_path", "path", "published_date", "locale")


def live_articles(request=None):
    """Live, public articles, newest first. With the ``request``, without the query for the view
    restrictions when no page has one (``sites.selectors.public``)."""
    return (
        public(_article_model().objects.live(), request)
        .defer_streamfields()
        .select_related("featured_image", "locale")  # locale: lang attributes where languages mix
        .order_by("-published_date", "-pk")
    )


def articles_under(page, request=None):
    """Live, public articles below ``page`` (an index, a unit's home or the portal container).

    ``public()`` reads the view restrictions when called, so derive further querysets
    from one result instead of calling this again in the same request.
    """
    return live_articles(request).descendant_of(page)


def as_links(articles, *fields):
    """``articles`` loading only what a list of links shows (``LINK_FIELDS`` and ``fields``), nothing
    joined; their locales come from ``with_locales``."""
    return articles.select_related(None).only(*LINK_FIELDS, *fields)


def with_locales(articles, request):
    """``articles`` (a list) with their ``locale`` set from the locales kept per process, not joined."""
    if request is not None:
        known = locales(request)
        for article in articles:
            if article.locale_id in known:
                article.locale = known[article.locale_id]
    return articles


def in_month(articles, year, month):
    start = timezone.make_aware(datetime.combine(date(year, month, 1), time.min))
    end_month = date(year + (month == 12), month % 12 + 1, 1)
    end = timezone.make_aware(datetime.combine(end_month, time.min))
    return articles.filter(published_date__gte=start, published_date__lt=end)


def month_archive(articles, limit=24):
    """[(first day of month, count)] newest first, in the portal's time zone."""
    rows = (
        articles.order_by()
        .annotate(month=TruncMonth("published_date", tzinfo=timezone.get_current_timezone()))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("-month")[:limit]
    )
    return [(row["month"].date(), row["count"]) for row in rows]


def categories_for_unit(unit, request=None):
    """Shared categories plus the unit's own (with the ``request``: kept per process, categories being
    watched by the page cache's tokens)."""
    if request is None or unit is None:
        return list(Category.objects.for_unit(unit))
    return remember(request, "news-categories", unit.pk, lambda: list(Category.objects.for_unit(unit)))


CATEGORY_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def category_for_unit(unit, slug):
    """The unit's (or a shared) category with ``slug``; None for anything that is not a slug."""
    if not isinstance(slug, str) or len(slug) > 120 or not CATEGORY_SLUG_RE.match(slug):
        return None  # never send odd input (NUL bytes, huge strings) to the database
    return Category.objects.for_unit(unit).filter(slug=slug).first()


def other_news(article, siblings, categories):
    """'Tin khác': recent articles of ``siblings`` sharing one of ``categories``, never the article itself.

    When no other article shares a category (or the article has none), the unit's other recent articles
    instead, so that the list is not empty on a unit whose few articles each have their own category. One
    query either way: the articles sharing a category are sorted first.
    """
    articles = siblings.exclude(pk=article.pk)
    category_ids = [category.pk for category in categories]
    if not category_ids:
        return list(articles[:OTHER_NEWS_COUNT])
    through = _article_model().categories.through
    shares = through.objects.filter(newsarticlepage=OuterRef("pk"), category__in=category_ids)
    found = list(
        articles.annotate(shares_category=Exists(shares)).order_by(
            "-shares_category", "-published_date", "-pk"
        )[:OTHER_NEWS_COUNT]
    )
    if found and found[0].shares_category:
        return [item for item in found if item.shares_category]
    return found


def earlier_news(article, siblings):
    """'Tin đã đưa': articles of ``siblings`` published before this one."""
    return list(
        siblings.filter(published_date__lt=article.published_date).exclude(pk=article.pk)[:EARLIER_NEWS_COUNT]
    )


def units_without_public_leaders(units):
    """The ``units`` (in their order) with no leader in office shown publicly on /gioi-thieu/lanh-dao/: one
    query."""
    units = list(units)
    listed = set(
        Official.objects.public().filter(unit__in=units).values_list("unit_id", flat=True).distinct()
    )
    return [unit for unit in units if unit.pk not in listed]
