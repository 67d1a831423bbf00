"""Public pages render in a fixed number of queries, whatever the number of articles or units."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from news.models import NewsArticlePage
from news.taxonomy import Category
from tests.factories import make_unit, news_index

# Wagtail's site, active locale and home (3) and the page's own queries: the unit, its settings, the menu,
# the alert banners, the languages and the view restrictions are kept per process (sites.cache.remember).
BUDGETS = {"home": 5, "district_home": 5, "index": 6, "article": 8}


def add_articles(unit, count, *, flagged=False):
    index = news_index(unit)
    categories = list(Category.objects.filter(unit__isnull=True)[:3])
    now = timezone.now()
    last = None
    for i in range(count):
        article = NewsArticlePage(
            title=f"{unit.slug} tin {i}",
            slug=f"tin-{i}",
            lead="Sapo.",
            live=True,
            published_date=now - timedelta(hours=i),
            show_on_all_units=flagged and i < 3,
            featured=i == 0,
        )
        article.categories = categories
        index.add_child(instance=article)
        last = article
    return last


def count_queries(client, path, host):
    client.get(path, HTTP_HOST=host)  # warm per-process caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200
    return len(captured)


def measure(client, district, commune):
    article = NewsArticlePage.objects.live().descendant_of(commune.site.root_page).order_by("pk").first()
    return {
        "home": count_queries(client, "/", commune.site.hostname),
        "district_home": count_queries(client, "/", "localhost"),
        "index": count_queries(client, "/tin-tuc/?page=2", commune.site.hostname),
        "article": count_queries(client, f"/tin-tuc/{article.slug}/", commune.site.hostname),
    }


@pytest.mark.django_db
def test_budgets_do_not_grow_with_articles_or_units(client, district, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0  # a real render each time, not the page cache
    communes = [make_unit(f"xa-{i}", parent=district, name=f"Xã {i}") for i in range(2)]
    add_articles(district, 5, flagged=True)
    for unit in communes:
        add_articles(unit, 25)
    small = measure(client, district, communes[0])

    # many more articles in every unit ...
    for unit in communes:
        index = news_index(unit)
        for i in range(25, 200):
            index.add_child(
                instance=NewsArticlePage(
                    title=f"{unit.slug} thêm {i}",
                    slug=f"them-{i}",
                    live=True,
                    published_date=timezone.now() - timedelta(days=i),
                )
            )
    more_articles = measure(client, district, communes[0])

    # ... and 27 more units (30 in all with the district)
    for i in range(2, 29):
        add_articles(make_unit(f"xa-{i}", parent=district, name=f"Xã {i}"), 2)
    more_units = measure(client, district, communes[0])

    assert small == more_articles == more_units, (small, more_articles, more_units)
    for name, count in small.items():
        assert count <= BUDGETS[name], (name, count)
