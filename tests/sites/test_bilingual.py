"""Unit names and site information in the visitor's language, and lang attributes where languages mix."""

import re
from pathlib import Path

from django.db import models
from django.utils import translation

from wagtail.models import Locale
from wagtail_localize.operations import translate_object

import pytest

from sites.models import UnitSettings
from tests.factories import publish_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(db):
    return Locale.objects.get_or_create(language_code="en")[0]


def english_home(unit, english, title):
    translate_object(unit.site.root_page.specific, [english])
    home = unit.site.root_page.get_translation(english).specific
    home.title = title
    home.save_revision().publish()
    return home


def get(client, path, host, language="vi"):
    with translation.override(language):
        response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200
    return response.content.decode()


def text(html, pattern):
    match = re.search(pattern, html, re.S)
    assert match, pattern
    return match.group(1).strip()


@pytest.fixture
def district_in_english(district, commune_a, english):
    info = UnitSettings.for_site(district.site)
    info.full_name = "Trang thông tin điện tử huyện Ninh Phước"
    info.full_name_en = "Ninh Phuoc District Portal"
    info.managing_agency = "Ủy ban nhân dân huyện Ninh Phước"
    info.managing_agency_en = "People's Committee of Ninh Phuoc District"
    info.address = "Thị trấn Phước Dân"  # no English address given
    info.introduction = "Huyện Ninh Phước nằm ở phía Nam tỉnh."
    info.introduction_en = "Ninh Phuoc lies in the south of the province."
    info.save()
    english_home(district, english, "Ninh Phuoc District")
    publish_article(commune_a, title="Xã Phước Hậu ra quân vệ sinh môi trường")
    return district


def test_english_home_shows_english_names_and_settings(client, district_in_english):
    html = get(client, "/en/", "localhost", "en")
    assert '<html lang="en">' in html
    assert text(html, r'<h1 class="home__title">(.*?)</h1>') == "Ninh Phuoc District"
    assert text(html, r'<span class="brand__name">(.*?)</span>') == "Ninh Phuoc District Portal"
    assert "<title>Ninh Phuoc District Portal</title>" in html
    assert "<dd>People&#x27;s Committee of Ninh Phuoc District</dd>" in html
    assert "Ninh Phuoc lies in the south of the province." in html
    # what has no English text shows in Vietnamese, marked as Vietnamese
    assert '<dd><span lang="vi">Thị trấn Phước Dân</span></dd>' in html
    # the commune has no English home
    assert '<span class="tag"><span lang="vi">Xã Phước Hậu</span></span>' in html
    assert re.search(r'<a href="[^"]+/xa-phuoc-hau-ra-quan[^"]*" lang="vi">Xã Phước Hậu ra quân', html)
    assert '<a href="http://phuoc-hau.localhost/"><span lang="vi">Xã Phước Hậu</span></a>' in html


def test_a_unit_with_an_english_home_is_named_in_english_on_english_pages(
    client, district_in_english, commune_a, english
):
    english_home(commune_a, english, "Phuoc Hau Commune")
    html = get(client, "/en/", "localhost", "en")
    assert '<span class="tag">Phuoc Hau Commune</span>' in html
    assert '<a href="http://phuoc-hau.localhost/">Phuoc Hau Commune</a>' in html
    commune = get(client, "/en/", "phuoc-hau.localhost", "en")
    assert text(commune, r'<span class="brand__parent">(.*?)</span>') == "Ninh Phuoc District"


def test_vietnamese_pages_are_unchanged_and_unmarked(client, district_in_english):
    html = get(client, "/", "localhost")
    assert text(html, r'<h1 class="home__title">(.*?)</h1>') == "Huyện Ninh Phước"
    assert text(html, r'<span class="brand__name">(.*?)</span>') == "Trang thông tin điện tử huyện Ninh Phước"
    assert "<dd>Ủy ban nhân dân huyện Ninh Phước</dd>" in html and "<dd>Thị trấn Phước Dân</dd>" in html
    assert '<span class="tag">Xã Phước Hậu</span>' in html
    main = text(html, r"<main[^>]*>(.*)</main>")
    assert 'lang="' not in main  # nothing on a Vietnamese page is marked as another language
    assert "People's" not in html and "Ninh Phuoc District" not in main


def test_every_english_setting_mirrors_its_vietnamese_field():
    fields = {field.name: field for field in UnitSettings._meta.get_fields()}
    twins = {name.removesuffix("_en"): field for name, field in fields.items() if name.endswith("_en")}
    assert twins
    for name, english in twins.items():
        vietnamese = fields[name]
        assert type(english) is type(vietnamese) and english.max_length == vietnamese.max_length, name
        assert english.blank, name  # English text is optional: the Vietnamese one stands in


def test_every_setting_shown_in_a_template_has_its_english_field():
    fields = {field.name for field in UnitSettings._meta.get_fields()}
    root = Path(__file__).resolve().parents[2]
    shown = {
        name
        for template in root.glob("*/templates/**/*.html")
        for name in re.findall(r'\|setting:"(\w+)"', template.read_text(encoding="utf-8"))
    }
    assert shown
    for name in shown:
        assert isinstance(UnitSettings._meta.get_field(name), models.CharField | models.TextField), name
        assert f"{name}_en" in fields, name


def test_english_home_names_units_in_a_bounded_number_of_queries(client, district_in_english):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import make_unit

    def queries():
        get(client, "/en/", "localhost", "en")  # Wagtail's site root paths, cached after the first request
        with CaptureQueriesContext(connection) as captured:
            html = get(client, "/en/", "localhost", "en")
        return len(captured), html

    few, _ = queries()
    for i in range(6):
        publish_article(make_unit(f"xa-{i}", parent=district_in_english, name=f"Xã {i}"), title=f"Tin xã {i}")
    many, html = queries()
    assert html.count('<span lang="vi">Xã ') == 2 * 7  # each commune in the panel and in the units list
    assert few == many <= 24, (few, many)  # the names of all units come in one query
