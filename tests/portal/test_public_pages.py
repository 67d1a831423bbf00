from django.test import Client, override_settings
from django.urls import path
from django.utils import timezone

import pytest

from news.models import NewsIndexPage
from tests.factories import NewsArticlePageFactory

BAD_QUERY_STRINGS = [
    "page=abc",
    "page=-1",
    "page=0",
    "page=999999999999999999999",
    "page=1e400",
    "q=" + "x" * 5000,
    "q=%01%02",  # control characters; a NUL is a 400 (tests/portal/test_no_server_errors.py)
    "q=%E2%80%8B",
    "q='; DROP TABLE wagtailcore_page; --",
    "q=.*(a+)+$",
    "q=%F0%9F%98%80",
    "q=a%CC%81%CC%82",
    "page=%FF%FE",
    "q[]=1&q[]=2",
]
PUBLIC_PATHS = ["/", "/tin-tuc/", "/van-ban/", "/tim-kiem/"]


@pytest.fixture
def article(commune_a):
    index = NewsIndexPage.objects.child_of(commune_a.site.root_page).get()
    article = NewsArticlePageFactory(parent=index, title="Xã Phước Hậu ra quân làm sạch môi trường")
    article.save_revision().publish()  # as the admin does: publishing indexes it for search
    return article


@pytest.mark.parametrize("query", BAD_QUERY_STRINGS)
@pytest.mark.parametrize("url", PUBLIC_PATHS)
def test_public_views_never_500(client, article, url, query):
    response = client.get(f"{url}?{query}", HTTP_HOST="phuoc-hau.localhost")
    assert response.status_code == 200


def test_custom_404_is_vietnamese_and_branded(client, commune_a):
    response = client.get("/khong-co-trang-nay/", HTTP_HOST="phuoc-hau.localhost")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy trang" in html
    assert "Xã Phước Hậu" in html  # header of the unit's own site
    assert 'href="#main"' in html


def broken_view(request):
    raise RuntimeError("boom")


urlpatterns = [path("boom/", broken_view)]


@override_settings(ROOT_URLCONF=__name__)
def test_custom_500_page(db):
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    assert "Hệ thống đang gặp sự cố" in response.content.decode()


def test_article_page_shows_dd_mm_yyyy(client, article):
    response = client.get("/tin-tuc/", HTTP_HOST="phuoc-hau.localhost")
    assert article.title in response.content.decode()
    date = timezone.localtime(article.published_date).strftime("%d/%m/%Y")
    detail = client.get(f"/tin-tuc/{article.slug}/", HTTP_HOST="phuoc-hau.localhost")
    assert detail.status_code == 200
    assert article.title in detail.content.decode()
    assert date in detail.content.decode()


def test_search_finds_only_this_units_pages(client, article, commune_b):
    other_index = NewsIndexPage.objects.child_of(commune_b.site.root_page).get()
    other = NewsArticlePageFactory(parent=other_index, title="Xã An Hải ra quân làm sạch môi trường")
    other.save_revision().publish()
    html = client.get("/tim-kiem/?q=ra quân", HTTP_HOST="phuoc-hau.localhost").content.decode()
    assert "Xã Phước Hậu <mark>ra</mark> <mark>quân</mark>" in html
    assert "An Hải" not in html


@pytest.fixture
def uncached(settings):
    """Budgets measure a real render: the page cache off (what a process keeps per unit stays on, as between
    two changes in production)."""
    settings.PORTAL_PAGE_CACHE_SECONDS = 0


# Every page: Wagtail's site, active locale and home (3); the rest is the page's own. The unit, its settings
# and emblem, the menu, the languages, the alert banners, the view restrictions and the sections of the home
# are kept per process (sites.cache.remember), so the warm-up request reads them once.
BUDGETS = {
    "district home": ("localhost", "/", 5),  # + "Tin mới", "Tin từ cơ sở"
    "commune home": ("phuoc-hau.localhost", "/", 5),  # + "Tin mới", "Tin huyện"
    "news index": ("phuoc-hau.localhost", "/tin-tuc/", 6),  # + the index, the articles and their categories
    "article": ("phuoc-hau.localhost", "/tin-tuc/{slug}/", 8),  # + index, article, categories, 2 lists
    "document library": ("phuoc-hau.localhost", "/van-ban/", 5),  # + the index, the documents
    "404": ("phuoc-hau.localhost", "/khong-co/", 5),  # + the home's children, redirects
}


@pytest.mark.parametrize("name", BUDGETS)
def test_public_page_query_budgets(client, uncached, article, commune_b, name, django_assert_max_num_queries):
    host, path, budget = BUDGETS[name]
    path = path.format(slug=article.slug)
    client.get(path, HTTP_HOST=host)  # warm up: content types, site root paths, what is kept per unit
    with django_assert_max_num_queries(budget):
        response = client.get(path, HTTP_HOST=host)
    assert response.status_code == (404 if name == "404" else 200)
    assert "X-Page-Cache" not in response  # a real render, not the page cache
