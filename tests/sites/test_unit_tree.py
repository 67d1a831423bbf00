"""The unit-tree API of ``sites.selectors``: which unit owns a page or a path, pages under units, a unit's
parents and the top unit, the board; and one unit lookup per public request."""

import re
from types import SimpleNamespace

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, Page, PageLogEntry
from wagtail_localize.operations import translate_object

import pytest

from home.models import StandardPage
from sites.selectors import (
    approvers,
    board_members,
    home_path_length,
    home_paths,
    is_board_member,
    pages_under,
    top_unit,
    unit_ancestors,
    unit_for_page,
    unit_for_path,
    unit_for_site,
    unit_root_paths,
    units_by_home,
    units_for_user,
    units_with_roots,
)
from tests.factories import UserFactory, make_unit, news_index, publish_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(db):
    return Locale.objects.get_or_create(language_code="en")[0]


def home(unit):
    return unit.site.root_page


# --- Which unit owns a page or a path -------------------------------------------------------------------


def test_a_page_belongs_to_the_unit_whose_home_contains_it(district, commune_a, commune_b):
    article = publish_article(commune_a, title="Tin xã")
    assert unit_for_page(article) == commune_a
    assert unit_for_page(news_index(commune_b)) == commune_b
    assert unit_for_page(home(district)) == district
    # the portal container and the tree's root hold every home but belong to no unit
    assert unit_for_page(home(district).get_parent()) is None
    assert unit_for_page(Page.get_first_root_node()) is None
    # a page not in the tree yet has no unit, and costs no query
    unsaved = StandardPage(title="Mới")
    with CaptureQueriesContext(connection) as captured:
        assert unit_for_page(unsaved) is None
    assert len(captured) == 0


def test_the_unit_of_a_page_comes_with_its_home_and_its_parents_home(district, commune_a):
    article = publish_article(commune_a, title="Tin xã")
    unit = unit_for_page(article)
    with CaptureQueriesContext(connection) as captured:
        assert unit.site.root_page.path == home(commune_a).path
        assert unit.parent.site.root_page.path == home(district).path
    assert len(captured) == 0


def test_preloaded_units_answer_without_a_query(district, commune_a, commune_b):
    article = publish_article(commune_b, title="Tin An Hải")
    units = units_with_roots()
    with CaptureQueriesContext(connection) as captured:
        assert unit_for_page(article, units) == commune_b
        assert unit_for_page(home(district), units) == district
    assert len(captured) == 0


def test_a_translated_page_belongs_to_the_unit_of_the_home_its_tree_translates(
    district, commune_a, commune_b, english
):
    translate_object(home(commune_a).specific, [english])
    english_home = home(commune_a).get_translation(english)
    assert not english_home.path.startswith(home(commune_a).path)  # the English tree stands beside it
    assert unit_for_page(english_home) == commune_a
    # a page that exists only in English, below that home, too, and with preloaded units as well
    only_english = english_home.add_child(instance=StandardPage(title="Only in English", locale=english))
    assert unit_for_page(only_english) == commune_a
    assert unit_for_page(only_english, units_with_roots()) == commune_a
    # the English alias of the portal container belongs to nobody
    assert unit_for_page(english_home.get_parent()) is None


def test_a_path_belongs_to_the_unit_with_the_longest_home_prefix(district, commune_a, commune_b):
    article = publish_article(commune_a, title="Tin xã")
    units = units_with_roots()
    with CaptureQueriesContext(connection) as captured:
        assert unit_for_path(article.path, units) == commune_a
        assert unit_for_path(home(commune_b).path, units) == commune_b
        # only among the units given
        assert unit_for_path(article.path, [commune_b, district]) is None
        assert unit_for_path(home(district).get_parent().path, units) is None
        assert unit_for_path("", units) is None and unit_for_path(None, units) is None
    assert len(captured) == 0


# --- Pages under units ----------------------------------------------------------------------------------


def test_pages_under_several_units(district, commune_a, commune_b):
    articles = {
        unit: publish_article(unit, title=f"Tin {unit.slug}") for unit in (district, commune_a, commune_b)
    }
    under = set(Page.objects.filter(pages_under([commune_a, commune_b])).values_list("pk", flat=True))
    assert {articles[commune_a].pk, articles[commune_b].pk, home(commune_a).pk, home(commune_b).pk} <= under
    assert articles[district].pk not in under and home(district).pk not in under
    # tree paths work the same as units
    by_paths = Page.objects.filter(pages_under(home_paths([commune_a, commune_b])))
    assert set(by_paths.values_list("pk", flat=True)) == under
    # rows that point at pages, through ``field``
    logged = PageLogEntry.objects.filter(
        pages_under([commune_b], field="page__path"), action="wagtail.publish"
    )
    assert set(logged.values_list("page_id", flat=True)) == {articles[commune_b].pk}
    # no units: nothing, not everything
    assert not Page.objects.filter(pages_under([])).exists()


def test_units_by_home_and_the_length_of_a_home_path(district, commune_a):
    assert units_by_home([district, commune_a]) == {
        home(district).path: district,
        home(commune_a).path: commune_a,
    }
    assert home_path_length([district, commune_a]) == len(home(commune_a).path)
    uneven = [district, SimpleNamespace(site=SimpleNamespace(root_page=SimpleNamespace(path="0001")))]
    with pytest.raises(ValueError, match="same depth"):
        home_path_length(uneven)


# --- The hierarchy --------------------------------------------------------------------------------------


@pytest.fixture
def province_tree(db):
    province = make_unit("ninh-thuan", level="province", name="Tỉnh Ninh Thuận")
    district = make_unit("ninh-phuoc", parent=province, level="district", name="Huyện Ninh Phước")
    commune = make_unit("phuoc-hau", parent=district, name="Xã Phước Hậu")
    return province, district, commune


def test_ancestors_and_the_top_unit(province_tree):
    province, district, commune = province_tree
    assert list(unit_ancestors(commune)) == [district, province]
    assert list(unit_ancestors(district)) == [province]
    assert list(unit_ancestors(province)) == []
    assert list(unit_ancestors(None)) == []
    assert top_unit() == province
    assert top_unit(commune) == province and top_unit(province) == province


def test_the_top_of_a_request_unit_costs_no_query_in_a_two_level_portal(district, commune_a):
    unit = unit_for_site(commune_a.site)
    with CaptureQueriesContext(connection) as captured:
        assert top_unit(unit) == district
        assert top_unit(unit).site.root_page.path == home(district).path
    assert len(captured) == 0


# --- Members and the board ------------------------------------------------------------------------------


def test_board_members_are_the_active_approvers_of_the_top_unit(
    district, board_member, second_board_member, approver_a, editor_a
):
    retired = UserFactory(username="retired", groups=[district.approvers_group], is_active=False)
    district_editor = UserFactory(username="district-editor", groups=[district.editors_group])
    assert list(board_members()) == [board_member, second_board_member]
    assert retired not in board_members() and district_editor not in board_members()
    assert approver_a not in board_members()  # a commune's approvers are not the board
    assert set(approvers()) == {board_member, second_board_member, approver_a}  # no editors, nobody inactive


def test_no_board_without_units(db):
    assert list(board_members()) == []
    assert top_unit() is None


def test_is_board_member_is_asked_once_per_user_object(district, board_member, approver_a):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(pk=board_member.pk)
    with CaptureQueriesContext(connection) as first:
        assert is_board_member(user)
    with CaptureQueriesContext(connection) as again:
        assert is_board_member(user)
    assert len(first) > 0 and len(again) == 0
    outsider = get_user_model().objects.get(pk=approver_a.pk)
    assert not is_board_member(outsider)
    with CaptureQueriesContext(connection) as again:
        assert not is_board_member(outsider)  # a "no" is kept too
    assert len(again) == 0
    superuser = UserFactory(username="root", is_superuser=True)
    with CaptureQueriesContext(connection) as captured:
        assert is_board_member(superuser)
    assert len(captured) == 0


def test_unit_membership(district, commune_a, commune_b, editor_a, approver_a, board_member):
    assert unit_root_paths(editor_a) == [home(commune_a).path]
    assert unit_root_paths(editor_a, approvers_only=True) == []
    assert unit_root_paths(approver_a, approvers_only=True) == [home(commune_a).path]
    assert list(units_for_user(approver_a)) == [commune_a]
    assert set(units_for_user(board_member)) == {district, commune_a, commune_b}


# --- One unit lookup per request ------------------------------------------------------------------------


def table_queries(captured, table):
    return [q["sql"] for q in captured.captured_queries if f'FROM "{table}"' in q["sql"]]


@pytest.mark.parametrize(
    ("path", "host"),
    [
        ("/tin-tuc/", "phuoc-hau.localhost"),
        ("ARTICLE", "phuoc-hau.localhost"),
        ("/van-ban/", "phuoc-hau.localhost"),
        ("/khong-co-trang-nay/", "phuoc-hau.localhost"),
        ("/", "phuoc-hau.localhost"),
        ("/", "localhost"),
    ],
)
def test_a_public_page_looks_its_unit_up_once(client, settings, district, commune_a, commune_b, path, host):
    """A render reads the request's unit and its settings once at most: kept in the process afterwards
    (``sites.cache.remember``) until a change replaces the generation tokens, then read once again."""
    from sites import cache

    settings.PORTAL_PAGE_CACHE_SECONDS = 0  # a real render each time, not the page cache's copy
    if path == "ARTICLE":
        path = f"/tin-tuc/{publish_article(commune_a, title='Tin xã').slug}/"
    client.get(path, HTTP_HOST=host)  # warm per-process caches
    with CaptureQueriesContext(connection) as kept:
        client.get(path, HTTP_HOST=host)
    assert table_queries(kept, "portal_sites_unit") == []
    assert table_queries(kept, "portal_sites_unitsettings") == []
    cache.bump([district.pk, commune_a.pk, commune_b.pk], everything=True)  # what a change does
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, HTTP_HOST=host)
    assert response.status_code in (200, 404)
    units = table_queries(captured, "portal_sites_unit")
    by_site = [sql for sql in units if re.search(r'"portal_sites_unit"\."site_id" = \d', sql)]
    assert len(by_site) == 1, units  # the request's unit, found once
    # a home page also lists the units below it ("Tin từ cơ sở"); the unit itself is loaded by its id
    others = [sql for sql in units if sql not in by_site and '"portal_sites_unit"."id" =' not in sql]
    expected_others = 1 if path == "/" else 0
    assert len(others) <= expected_others, others
    assert len(table_queries(captured, "portal_sites_unitsettings")) == 1  # and its settings once
    assert "settings" not in response.context  # Wagtail's settings context processor is not installed
