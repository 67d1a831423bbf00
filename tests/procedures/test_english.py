"""English pages: a unit with an English tree (wagtail-localize) translates its procedure listing and its
procedures; the listing then shows the procedures in English where they are translated."""

import datetime as dt

from django.utils import translation

from wagtail.models import Locale
from wagtail_localize.operations import translate_object

import pytest

from tests.factories.procedures import procedure, procedure_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(db):
    return Locale.objects.get_or_create(language_code="en")[0]


def translate(page, locale, **changes):
    translate_object(page.specific, [locale])
    translated = page.get_translation(locale).specific
    for name, value in changes.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated


def get_en(client, unit, path):
    with translation.override("en"):
        return client.get(path, HTTP_HOST=unit.site.hostname)


def rows(html):
    """The listing's table body."""
    return html[html.index("<tbody>") : html.index("</tbody>")]


@pytest.fixture
def english_commune(english, commune_a):
    translate(commune_a.site.root_page, english)
    return translate(procedure_index(commune_a), english, title="Administrative procedures")


def test_translated_index_lists_the_english_procedure(client, english, commune_a, english_commune):
    birth = procedure(commune_a, code="1.001193", title="Đăng ký khai sinh", requirements="Trong 60 ngày")
    birth_en = translate(birth, english, title="Birth registration", requirements="Within 60 days")
    assert english_commune.url == f"http://{commune_a.site.hostname}/en/thu-tuc-hanh-chinh/"
    response = get_en(client, commune_a, "/en/thu-tuc-hanh-chinh/")
    assert response.status_code == 200
    listed = rows(response.content.decode())
    assert "Birth registration" in listed and "Đăng ký khai sinh" not in listed
    assert 'href="/en/thu-tuc-hanh-chinh/1-001193/"' in listed
    # the Vietnamese listing is unchanged
    html = client.get("/thu-tuc-hanh-chinh/", HTTP_HOST=commune_a.site.hostname).content.decode()
    assert "Đăng ký khai sinh" in rows(html) and "Birth registration" not in html
    # the English procedure page, with its requirements and the (synchronised) source date
    assert birth_en.synced_on == birth.synced_on
    response = get_en(client, commune_a, "/en/thu-tuc-hanh-chinh/1-001193/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Birth registration" in html and "Within 60 days" in html and "Requirements and conditions" in html
    assert "National database of administrative procedures" in html  # the default source, in English


def test_english_page_shows_the_sync_date(client, english, commune_a, english_commune):
    page = procedure(commune_a, code="1.000894", synced_on=dt.date(2026, 11, 20))
    translate(page, english, title="Marriage registration")
    html = get_en(client, commune_a, "/en/thu-tuc-hanh-chinh/1-000894/").content.decode()
    assert "Source: National database of administrative procedures — updated on 20/11/2026" in html


def test_shared_procedures_appear_in_english_where_translated(
    client, english, district, commune_a, english_commune
):
    translate(district.site.root_page, english)
    translate(procedure_index(district), english)
    business = procedure(district, code="2.000720", title="Đăng ký hộ kinh doanh", show_on_all_units=True)
    procedure(district, code="2.000999", title="Cấp giấy phép xây dựng", show_on_all_units=True)
    procedure(district, code="2.000888", title="Thủ tục riêng của huyện")
    translate(business, english, title="Household business registration")

    response = get_en(client, commune_a, "/en/thu-tuc-hanh-chinh/")
    assert response.status_code == 200
    listed = rows(response.content.decode())
    # translated: in English, linked to the district's English page; untranslated: as it is
    assert "Household business registration" in listed and "Đăng ký hộ kinh doanh" not in listed
    assert "http://localhost/en/thu-tuc-hanh-chinh/2-000720/" in listed
    assert "Cấp giấy phép xây dựng" in listed and "http://localhost/thu-tuc-hanh-chinh/2-000999/" in listed
    assert "Thủ tục riêng của huyện" not in listed
    assert listed.count(f"Procedure of {district.name}") == 2
    assert response.context["total"] == 2
    # the Vietnamese commune listing keeps the Vietnamese shared procedures
    html = client.get("/thu-tuc-hanh-chinh/", HTTP_HOST=commune_a.site.hostname).content.decode()
    assert "Đăng ký hộ kinh doanh" in rows(html) and "Household business registration" not in html


def test_english_listing_without_an_english_district_falls_back(client, district, commune_a, english_commune):
    procedure(district, code="2.000720", title="Đăng ký hộ kinh doanh", show_on_all_units=True)
    response = get_en(client, commune_a, "/en/thu-tuc-hanh-chinh/?linh-vuc=ho-tich&q=kinh+doanh")
    assert response.status_code == 200
    assert "http://localhost/thu-tuc-hanh-chinh/2-000720/" in rows(response.content.decode())


def test_english_listing_query_budget_is_the_same_for_10_and_200_procedures(
    client, english, district, settings
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from procedures.models import ProcedurePage
    from tests.factories import make_unit

    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    commune = make_unit("xa-do", parent=district, name="Xã Đo")
    translate(district.site.root_page, english)
    translate(procedure_index(district), english)
    translate(commune.site.root_page, english)
    index_en = translate(procedure_index(commune), english)
    shared = [
        procedure(district, code=f"2.00000{n}", title=f"a chung {n}", show_on_all_units=True)
        for n in range(3)
    ]
    translate(shared[0], english, title="a shared 0")

    def add(count, start):
        district_index = procedure_index(district)
        for i in range(start, start + count):
            common = {"field": "ho-tich", "level": "cap-xa", "live": True}
            district_index.add_child(
                instance=ProcedurePage(
                    title=f"b {i}", slug=f"b-{i}", code=f"8.{i:06d}", show_on_all_units=True, **common
                )
            )
            index_en.add_child(
                instance=ProcedurePage(title=f"c {i}", slug=f"c-{i}", code=f"9.{i:06d}", **common)
            )

    def measure():
        counts = []
        for path in ("/en/thu-tuc-hanh-chinh/", "/en/thu-tuc-hanh-chinh/?linh-vuc=ho-tich&cap=cap-xa&page=2"):
            get_en(client, commune, path)  # warm the per-process caches
            with CaptureQueriesContext(connection) as captured:
                response = get_en(client, commune, path)
            assert response.status_code == 200
            counts.append(len(captured))
        return counts

    add(10, 0)
    first = get_en(client, commune, "/en/thu-tuc-hanh-chinh/").content.decode()
    # the first page mixes the three kinds: a translated shared one, untranslated shared ones, own ones
    assert "a shared 0" in first and "a chung 1" in first and "c 0" in first
    small = measure()
    add(190, 10)
    large = measure()
    assert small == large, (small, large)
    assert max(large) <= 10, large
