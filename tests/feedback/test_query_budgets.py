"""The admin report, its export and the moderation list make as many queries with 200 ratings (200 pages
rated, 200 comments) as with 10."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from feedback.models import PageRating
from tests.factories.feedback import rated_pages

REPORT = "/admin/reports/danh-gia-trang/"
COMMENTS = "/admin/reports/danh-gia-trang/y-kien/"
MODERATION = "/admin/danh-gia-trang/duyet/"


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def queries(client, url):
    client.get(url)  # the per-process values (site root paths, menus) filled once
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        content = body(response)
    assert response.status_code == 200, url
    return len(captured), content.decode(errors="replace")


def counts(client, urls):
    return {url: queries(client, url)[0] for url in urls}


@pytest.mark.parametrize("user", ["editor_a", "board_member"])
def test_the_reports_cost_the_same_at_10_and_200_pages(
    client, commune_a, commune_b, request, user, django_assert_max_num_queries
):
    client.force_login(request.getfixturevalue(user))
    urls = [REPORT, f"{REPORT}?export=csv", f"{REPORT}?export=xlsx", f"{REPORT}?unit={commune_a.pk}"]
    urls += [COMMENTS, f"{COMMENTS}?export=csv", f"{COMMENTS}?export=xlsx"]
    rated_pages(commune_a, 10, prefix="Small")
    rated_pages(commune_a, 10, prefix="SmallComment", comment="Ý kiến", status=PageRating.Status.APPROVED)
    rated_pages(commune_b, 3, prefix="Other")  # another unit: the board's report lists it too
    small = counts(client, urls)
    rated_pages(commune_a, 190, prefix="Big")
    rated_pages(commune_a, 190, prefix="BigComment", comment="Ý kiến", status=PageRating.Status.APPROVED)
    for url, expected in small.items():
        client.get(url)
        with django_assert_max_num_queries(expected):
            response = client.get(url)
            content = body(response).decode(errors="replace")
        assert response.status_code == 200
        if "export=csv" in url:  # the export lists every row, not one page of them
            assert content.count("\n") > 200, url
    # the listing shows a page of 50 rows, every one filled in
    _count, html = queries(client, REPORT)
    assert html.count("/edit/") >= 50 and "Big 1" in html


@pytest.mark.parametrize("user", ["approver_a", "board_member"])
def test_the_moderation_list_costs_the_same_at_10_and_200_comments(
    client, commune_a, commune_b, request, user, django_assert_max_num_queries
):
    client.force_login(request.getfixturevalue(user))
    urls = [MODERATION, f"{MODERATION}?trang-thai=da-duyet", f"{MODERATION}?don-vi={commune_a.pk}&p=2"]
    rated_pages(commune_a, 10, prefix="Pending", comment="Gọi 0912 345 678")
    rated_pages(commune_a, 10, prefix="Approved", comment="Rõ ràng", status=PageRating.Status.APPROVED)
    rated_pages(commune_b, 3, prefix="Other", comment="Ý kiến An Hải")
    small = counts(client, urls)
    rated_pages(commune_a, 190, prefix="MorePending", comment="CCCD 079123456789")
    rated_pages(commune_a, 190, prefix="MoreApproved", comment="Rõ ràng", status=PageRating.Status.APPROVED)
    for url, expected in small.items():
        client.get(url)
        with django_assert_max_num_queries(expected):
            response = client.get(url)
        assert response.status_code == 200
    _count, html = queries(client, MODERATION)
    # 50 comments on the page, each flagged (the personal-data check is made in Python, no query)
    assert html.count('name="chon"') == 50
    assert html.count("data-personal-data") == 50
