"""No 5xx from any public URL or any admin listing a unit editor reaches, whatever the query string.

Every public URL of a demo-like portal (both sites, news, an article, archive, category, feeds, documents,
search, sitemap, robots, health, files) is requested with nasty query strings: NUL bytes, invalid UTF-8,
huge and negative numbers, years 0001 and 9999, 10,000-character values, repeated keys, arrays, unicode;
each filter of each listing gets each value on its own (one bad value must not hide another). The admin
listings are fuzzed the same way as a commune editor, with the filter names read from their filter sets.
"""

from datetime import date, datetime

from django.test import Client
from django.utils import timezone

import pytest

from news.taxonomy import Category
from tests.factories import legal_document, publish_article
from tests.factories.introduction import leader
from tests.factories.procedures import procedure

NASTY_VALUES = [
    "%00",
    "a%00b",
    "%FF",
    "%C0%AF",
    "%ED%A0%80",  # a lone surrogate, invalid UTF-8
    "99999999999999999999",
    "-99999999999999999999",
    "9223372036854775808",
    "-1",
    "0",
    "1e400",
    "NaN",
    "31/12/9999",
    "01/01/0001",
    "00/00/0000",
    "9999-12-31",
    "0001-01-01",
    "9999-12",
    "0001-01",
    "0000-00",
    "9999",
    "0001",
    "x" * 10_000,
    "%F0%9F%98%80",
    "%E2%80%AE%E2%80%8B",
    "Ph%C6%B0%E1%BB%9Bc",
    "'%20OR%201=1--",
    "%3Cscript%3E",
    "../../etc/passwd",
    "%25",
    "",
]
# The admin's filters are many (read from their filter sets): the values that broke something somewhere.
ADMIN_VALUES = [
    "%FF",
    "99999999999999999999",
    "-99999999999999999999",
    "01/01/0001",
    "9999-12-31",
    "0001-01",
    "x" * 10_000,
]
# Whole query strings that break the shape rather than a value.
NASTY_QUERY_STRINGS = [
    "%00=1",
    "%FF=%FF",
    "a[]=1&a[]=2",
    "a[0][b]=1",
    "=",
    "&&&",
    "q=1&q=2&q=3&page=1&page=2",
    "page=1&" * 500,
    "x" * 10_000,
]

DISTRICT, COMMUNE = "localhost", "phuoc-hau.localhost"
SEARCH_KEYS = ["q", "don-vi", "loai", "tu-ngay", "den-ngay", "sap-xep", "so-luong", "page"]
DOCUMENT_KEYS = ["loai", "linh-vuc", "danh-muc", "tinh-trang", "nam", "co-quan", "q", "pham-vi", "page"]
NEWS_KEYS = ["category", "month", "page"]
PROCEDURE_KEYS = ["linh-vuc", "cap", "q", "page"]


@pytest.fixture
def portal_content(district, commune_a):
    economy = Category.objects.get(slug="kinh-te-xa-hoi", unit__isnull=True)
    article = publish_article(
        commune_a,
        title="Xã Phước Hậu ra quân làm sạch môi trường",
        categories=[economy],
        published_date=timezone.make_aware(datetime(2026, 11, 5, 9, 0)),
    )
    publish_article(district, title="Tin của huyện")
    document = legal_document(commune_a, number="12/QĐ-UBND", issued_on=date(2026, 3, 2))
    attachment = document.attachments.first()
    return {
        "article": article,
        "document": document,
        "attachment": attachment,
        "file": attachment.document,
        "procedure": procedure(commune_a, title="Đăng ký khai sinh", legal_documents=[document]),
        "shared procedure": procedure(district, title="Cấp giấy phép xây dựng", show_on_all_units=True),
        "leader": leader(commune_a),
    }


def public_urls(content):
    """(host, path, filter keys) of every kind of public URL."""
    article, document, attachment, file = (
        content["article"],
        content["document"],
        content["attachment"],
        content["file"],
    )
    return [
        (DISTRICT, "/", ["page"]),
        (COMMUNE, "/", ["page"]),
        (DISTRICT, "/en/", []),
        (COMMUNE, "/tin-tuc/", NEWS_KEYS),
        (DISTRICT, "/tin-tuc/", NEWS_KEYS),
        (COMMUNE, f"/tin-tuc/{article.slug}/", []),
        (COMMUNE, "/tin-tuc/?month=2026-11", ["page"]),
        (COMMUNE, "/tin-tuc/?category=kinh-te-xa-hoi", ["page", "month"]),
        (COMMUNE, "/tin-tuc/rss/", []),
        (COMMUNE, "/tin-tuc/atom/", []),
        (COMMUNE, "/tin-tuc/kinh-te-xa-hoi/rss/", []),
        (COMMUNE, "/tin-tuc/kinh-te-xa-hoi/atom/", []),
        (COMMUNE, "/van-ban/", DOCUMENT_KEYS),
        (DISTRICT, "/van-ban/", DOCUMENT_KEYS),
        (COMMUNE, f"/van-ban/{document.slug}/", []),
        (COMMUNE, "/tim-kiem/", SEARCH_KEYS),
        (DISTRICT, "/tim-kiem/?q=xa", SEARCH_KEYS[1:]),
        (COMMUNE, "/tim-kiem/goi-y/", SEARCH_KEYS),
        (COMMUNE, "/sitemap.xml", ["p", "page"]),
        (COMMUNE, "/robots.txt", []),
        (COMMUNE, "/healthz", []),
        (COMMUNE, f"/documents/{file.pk}/{file.filename}", []),
        (COMMUNE, f"/van-ban/tai-ve/{attachment.pk}/", []),
        (COMMUNE, "/gioi-thieu/", ["page"]),
        (COMMUNE, "/gioi-thieu/co-cau-to-chuc/", []),
        (COMMUNE, "/gioi-thieu/ban-do-hanh-chinh/", []),
        (COMMUNE, "/gioi-thieu/lien-he/", []),
        (COMMUNE, "/gioi-thieu/lanh-dao/", ["page"]),
        (COMMUNE, f"/gioi-thieu/lanh-dao/{content['leader'].pk}/", []),
        (COMMUNE, "/thu-tuc-hanh-chinh/", PROCEDURE_KEYS),
        (DISTRICT, "/thu-tuc-hanh-chinh/", PROCEDURE_KEYS),
        (COMMUNE, content["procedure"].get_url_parts()[2], []),
        (COMMUNE, "/tiep-can-thong-tin/", ["page", "danh-muc"]),
        (COMMUNE, "/danh-gia/cam-on/", ["trang"]),
        (COMMUNE, "/hoi-dap/", ["q", "linh-vuc", "page"]),
        (COMMUNE, "/hoi-dap/dat-cau-hoi/", []),
        (DISTRICT, "/hoi-dap/dat-cau-hoi/", []),
        (COMMUNE, "/hoi-dap/da-gui/", ["ma"]),
        (COMMUNE, "/lich-cong-tac/", ["tuan", "in"]),
        (DISTRICT, "/lich-cong-tac/?tuan=2026-W50", ["in"]),
        (COMMUNE, "/lich-cong-tac/lich.ics", []),
    ]


def with_query(path, query):
    return f"{path}{'&' if '?' in path else '?'}{query}"


def fuzz(client, requests, **extra):
    """The requests (host, url) answered 5xx, with their status."""
    failures = []
    for host, url in requests:
        response = client.get(url, HTTP_HOST=host, **extra)
        if response.status_code >= 500:
            failures.append((host, url[:160], response.status_code))
    return failures


@pytest.fixture
def anonymous():
    return Client(raise_request_exception=False)


def test_public_filters_never_answer_5xx(anonymous, portal_content):
    requests = [
        (host, with_query(path, f"{key}={value}"))
        for value in NASTY_VALUES
        for host, path, keys in public_urls(portal_content)
        for key in keys
    ]
    assert fuzz(anonymous, requests) == []


def test_public_urls_never_answer_5xx_to_odd_query_strings(anonymous, portal_content):
    requests = [
        (host, with_query(path, query))
        for query in NASTY_QUERY_STRINGS
        for host, path, _keys in public_urls(portal_content)
    ]
    assert fuzz(anonymous, requests) == []


def test_nul_in_a_path_is_not_found(anonymous, portal_content):
    file = portal_content["file"]
    for host, path in [
        (COMMUNE, "/%00"),
        (DISTRICT, "/%00"),
        (COMMUNE, "/tin-tuc/%00/"),
        (COMMUNE, "/tin-tuc/a%00b/rss/"),
        (COMMUNE, "/van-ban/%00/"),
        (COMMUNE, f"/documents/{file.pk}/%00.pdf"),
        (COMMUNE, "/en/%00/"),
        (COMMUNE, "/tim-kiem/%00"),
        (COMMUNE, "/admin/%00/"),
    ]:
        response = anonymous.get(path, HTTP_HOST=host)
        assert response.status_code == 404, path
        expected = "Page not found" if path.startswith("/en/") else "Không tìm thấy trang"
        assert expected in response.content.decode(), path


def test_nul_in_the_query_string_is_a_bad_request_in_vietnamese(anonymous, portal_content):
    response = anonymous.get("/tin-tuc/?category=a%00b", HTTP_HOST=COMMUNE)
    assert response.status_code == 400
    assert "Địa chỉ không hợp lệ" in response.content.decode()


def test_a_huge_date_range_in_the_search_is_ignored_with_a_notice(anonymous, portal_content):
    for query in (
        "q=xa&den-ngay=31/12/9999",
        "q=xa&tu-ngay=01/01/0001",
        "q=xa&tu-ngay=0001-01-01&den-ngay=9999-12-31",
    ):
        response = anonymous.get(f"/tim-kiem/?{query}", HTTP_HOST=COMMUNE)
        assert response.status_code == 200, query
        assert "Đã bỏ qua" in response.content.decode(), query


# --- Admin ----------------------------------------------------------------------------------------------


def filter_keys(filterset_class, request=None):
    """The query-string names of every filter of ``filterset_class`` (range filters have two)."""
    form = filterset_class(data={}, queryset=filterset_class._meta.model.objects.none(), request=request).form
    keys = []
    for name, form_field in form.fields.items():
        suffixes = getattr(form_field.widget, "suffixes", None)
        keys += [f"{name}_{suffix}" for suffix in suffixes] if suffixes else [name]
    return keys


@pytest.fixture
def admin_urls(rf, portal_content, commune_a, editor_a):
    from documents.wagtail_hooks import DraftCommentViewSet
    from news.admin_views import NewsArticleFilterSet
    from news.wagtail_hooks import CategoryViewSet, OfficialViewSet
    from reporting.views import EditorialLogFilterSet
    from tests.factories import news_index

    request = rf.get("/admin/")
    request.user = editor_a
    news_keys = filter_keys(NewsArticleFilterSet, request)
    log_keys = filter_keys(EditorialLogFilterSet, request)
    snippet_keys = ["q", "p", "ordering", "unit", "active", "status", "locale"]
    for viewset in (CategoryViewSet, OfficialViewSet, DraftCommentViewSet):
        snippet_keys += viewset.list_filter
    statistics_keys = ["ky", "nam", "thang", "quy", "tu", "den", "so-ngay", "bang", "export"]
    common = ["p", "ordering", "q", "per_page"]
    explore = news_index(commune_a).pk
    return [
        ("/admin/", ["p"]),
        ("/admin/news_articles/", ["categories", *common]),
        ("/admin/news_articles/results/", news_keys + common),  # the same filters, without the page around
        ("/admin/snippets/news/category/", snippet_keys),
        ("/admin/snippets/news/official/", snippet_keys),
        ("/admin/snippets/documents/draftcomment/", snippet_keys),
        ("/admin/reports/editorial-log/", ["unit", *common]),
        ("/admin/reports/editorial-log/results/", log_keys + common),
        ("/admin/reports/editorial-statistics/", statistics_keys),
        ("/admin/reports/article-targets/", ["month"]),
        ("/admin/schedule/", ["unit", "month"]),
        (f"/admin/pages/{explore}/", news_keys + common),
        ("/admin/pages/search/", ["q", "p", "content_type", "ordering"]),
        ("/admin/images/", ["collection_id", "q", "p", "ordering", "tag"]),
        ("/admin/documents/", ["collection_id", "q", "p", "ordering", "tag"]),
        ("/admin/choose-page/", ["q", "p", "page_type", "locale"]),
        ("/admin/alert_banners/", ["kind", "unit", "q", "p"]),
        (f"/admin/takedown/{portal_content['article'].pk}/", []),
    ]


@pytest.fixture
def editor_client(editor_a):
    client = Client(raise_request_exception=False)
    client.force_login(editor_a)
    return client


def test_admin_filters_never_answer_5xx_to_a_unit_editor(editor_client, admin_urls):
    requests = [
        (DISTRICT, with_query(path, f"{key}={value}"))
        for value in ADMIN_VALUES
        for path, keys in admin_urls
        for key in keys
    ]
    assert fuzz(editor_client, requests) == []


def test_admin_listings_never_answer_5xx_to_odd_query_strings(editor_client, admin_urls):
    requests = [
        (DISTRICT, with_query(path, query)) for query in NASTY_QUERY_STRINGS for path, _keys in admin_urls
    ]
    assert fuzz(editor_client, requests) == []


def test_the_reported_admin_overflow(editor_client, portal_content):
    response = editor_client.get("/admin/news_articles/?categories=99999999999999999999", HTTP_HOST=DISTRICT)
    assert response.status_code == 200


def test_integer_in_lookups_leave_out_values_no_column_holds(portal_content):
    category = Category.objects.get(slug="kinh-te-xa-hoi", unit__isnull=True)
    huge, tiny = 10**20, -(10**20)
    assert list(Category.objects.filter(pk__in=[huge, category.pk, tiny])) == [category]
    assert not Category.objects.filter(pk__in=[huge]).exists()
    assert Category.objects.exclude(pk__in=[huge]).filter(pk=category.pk).exists()


def test_datetime_comparisons_at_the_edge_of_the_calendar(portal_content):
    from wagtail.models import Page

    local = timezone.get_current_timezone()
    first = datetime(1, 1, 1, tzinfo=local)  # year 0 in UTC
    last = datetime(9999, 12, 31, 23, 59, tzinfo=timezone.get_fixed_timezone(-12 * 60))
    edited = Page.objects.filter(latest_revision_created_at__isnull=False)
    assert edited.exists()
    assert edited.filter(latest_revision_created_at__gte=first).count() == edited.count()
    assert edited.filter(latest_revision_created_at__range=(first, last)).count() == edited.count()
    assert not edited.filter(latest_revision_created_at__lt=first).exists()
    assert not edited.filter(latest_revision_created_at__gt=last).exists()
