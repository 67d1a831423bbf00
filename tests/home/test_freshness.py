"""Issue #19 §6: "Cập nhật lần cuối" under public pages, review-by dates and the dashboard list of pages past
them."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.template.loader import render_to_string
from django.utils import timezone

import pytest

from home.models import ContactPage, StandardPage
from home.selectors import pages_past_review, review_models
from news.leaders import LeadersPage
from sites.selectors import all_units
from tests.factories import UserFactory, publish_article
from tests.factories.introduction import contact_page, leaders_page, publish, standard_page

LINE = re.compile(
    r'<p class="last-updated">[^<]*<time datetime="([^"]+)">(\d\d/\d\d/\d{4} \d\d:\d\d)</time></p>'
)


def get(client, unit, path):
    return client.get(path, HTTP_HOST=unit.site.hostname)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/gioi-thieu/",
        "/gioi-thieu/lien-he/",
        "/gioi-thieu/lanh-dao/",
        "/gioi-thieu/ban-do-hanh-chinh/",
        "/gioi-thieu/co-cau-to-chuc/",
    ],
)
def test_public_pages_show_when_they_were_last_updated(client, commune_a, path):
    assert LINE.search(get(client, commune_a, path).content.decode())


@pytest.mark.django_db
def test_home_and_news_index_never_published_by_hand_show_no_line(client, commune_a):
    # sections made by provisioning without a publication date: nothing rather than a wrong date
    for path in ("/", "/tin-tuc/"):
        assert "last-updated" not in get(client, commune_a, path).content.decode()


@pytest.mark.django_db
def test_the_date_is_the_last_publication_in_the_portals_time_zone(client, commune_a):
    page = standard_page(commune_a)
    page = publish(page)
    when = datetime(2026, 11, 30, 18, 5, tzinfo=ZoneInfo("UTC"))  # 01:05 on 1 December in Viet Nam
    StandardPage.objects.filter(pk=page.pk).update(last_published_at=when)
    from sites.cache import everything_changed

    everything_changed()
    html = get(client, commune_a, "/gioi-thieu/chuc-nang-nhiem-vu/").content.decode()
    match = LINE.search(html)
    assert match and match.group(2) == "01/12/2026 01:05"


@pytest.mark.django_db
def test_article_shows_the_line(client, commune_a):
    article = publish_article(commune_a)
    html = get(client, commune_a, f"/tin-tuc/{article.slug}/").content.decode()
    assert LINE.search(html)


def test_nothing_for_a_page_never_published():
    page = StandardPage(title="Nháp", slug="nhap")
    assert "last-updated" not in render_to_string("home/last_updated.html", {"page": page})
    page.last_published_at = timezone.now()
    assert "last-updated" in render_to_string("home/last_updated.html", {"page": page})


def test_nothing_in_previews_nor_for_a_paginator_page():
    class Request:
        is_preview = True

    page = StandardPage(title="Nháp", slug="nhap", last_published_at=timezone.now())
    assert "last-updated" not in render_to_string(
        "home/last_updated.html", {"page": page, "request": Request()}
    )
    assert "last-updated" not in render_to_string("home/last_updated.html", {"page": 3})


def test_the_line_needs_no_query():
    # no database in this test: any query would raise
    page = StandardPage(title="Trang", slug="trang", last_published_at=timezone.now())
    assert "last-updated" in render_to_string("home/last_updated.html", {"page": page})


@pytest.mark.django_db
def test_review_date_is_never_shown_publicly(client, commune_a):
    page = contact_page(commune_a)
    page.review_by = date(2031, 7, 9)
    publish(page)
    html = get(client, commune_a, "/gioi-thieu/lien-he/").content.decode()
    assert "09/07/2031" not in html and "2031-07-09" not in html


def test_review_models_are_found_across_apps():
    models = review_models()
    assert {StandardPage, ContactPage, LeadersPage} <= set(models)


def overdue(page, days=1):
    type(page).objects.filter(pk=page.pk).update(review_by=timezone.localdate() - timedelta(days=days))


@pytest.mark.django_db
def test_pages_past_review_are_grouped_by_unit_and_only_live_ones(district, commune_a, commune_b):
    overdue(contact_page(commune_a), 10)
    overdue(standard_page(commune_a), 3)
    overdue(leaders_page(commune_b))
    draft = standard_page(commune_b, "lich-su-van-hoa")
    overdue(draft)
    draft.unpublish()
    total, groups = pages_past_review(all_units())
    assert total == 3
    assert [(unit, [page.slug for page in pages]) for unit, pages in groups] == [
        (commune_b, ["lanh-dao"]),  # in the order of the units given (An Hải before Phước Hậu)
        (commune_a, ["lien-he", "chuc-nang-nhiem-vu"]),  # oldest date first
    ]
    total, groups = pages_past_review([commune_b])
    assert total == 1 and groups[0][0] == commune_b


@pytest.mark.django_db
def test_dashboard_panel_is_confined(client, district, commune_a, commune_b, editor_a, board_member):
    overdue(contact_page(commune_a))
    b_page = standard_page(commune_b)
    b_page.title = "Cơ cấu tổ chức An Hải bí mật"
    publish(b_page)
    overdue(b_page)
    client.force_login(editor_a)
    html = client.get("/admin/").content.decode()
    assert 'id="review-overdue' in html
    assert f"/admin/pages/{contact_page(commune_a).pk}/edit/" in html
    assert "An Hải bí mật" not in html and f"/admin/pages/{b_page.pk}/edit/" not in html
    client.force_login(board_member)
    html = client.get("/admin/").content.decode()
    assert "An Hải bí mật" in html and commune_a.name in html and commune_b.name in html


@pytest.mark.django_db
def test_no_panel_when_nothing_is_overdue(client, commune_a, editor_a):
    client.force_login(editor_a)
    assert 'id="review-overdue' not in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_a_user_without_unit_sees_nothing(client, commune_a):
    overdue(contact_page(commune_a))
    user = UserFactory(username="nobody", is_staff=True)
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200 and 'id="review-overdue' not in response.content.decode()
