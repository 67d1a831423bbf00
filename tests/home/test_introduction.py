"""Issue #19 §1: every unit has its introduction at /gioi-thieu/ with the standard sub-pages."""

import json
from html import escape

from wagtail.models import Page

import pytest

from home.models import AdministrativeMapPage, ContactPage, IntroductionPage, OrganisationPage, StandardPage
from home.sections import STANDARD_SUBPAGES, build_introduction_section
from news.leaders import LeadersPage
from sites.services import ensure_standard_sections
from tests.factories import make_image, make_unit
from tests.factories.introduction import contact_page, introduction, map_page, publish, standard_page

SUBPAGE_SLUGS = [slug for slug, _cls, _title in STANDARD_SUBPAGES]


def get(client, unit, path):
    return client.get(path, HTTP_HOST=unit.site.hostname)


@pytest.mark.django_db
def test_provisioning_creates_the_introduction_and_its_subpages(district):
    commune = make_unit("phuoc-son", parent=district, name="Xã Phước Sơn")
    intro = introduction(commune)
    assert intro.slug == "gioi-thieu" and intro.live and intro.review_by is not None
    children = [page.specific for page in intro.get_children()]
    assert [page.slug for page in children] == [*SUBPAGE_SLUGS, "lanh-dao"]
    types = {page.slug: type(page) for page in children}
    assert types["ban-do-hanh-chinh"] is AdministrativeMapPage
    assert types["lien-he"] is ContactPage
    assert types["lanh-dao"] is LeadersPage
    assert types["co-cau-to-chuc"] is OrganisationPage
    assert types["lich-su-van-hoa"] is StandardPage
    assert all(page.live and page.review_by and page.last_published_at for page in children)
    # about a year ahead
    assert 360 <= (children[0].review_by - children[0].last_published_at.date()).days <= 370


@pytest.mark.django_db
def test_provisioning_is_idempotent_and_keeps_editors_changes(district):
    commune = make_unit("phuoc-son", parent=district, name="Xã Phước Sơn")
    history = standard_page(commune, "lich-su-van-hoa")
    history.title = "Lịch sử hình thành"
    publish(history)
    standard_page(commune, "dieu-kien-tu-nhien").delete()
    count = Page.objects.count()
    ensure_standard_sections(unit=commune)
    ensure_standard_sections(unit=commune)
    assert Page.objects.count() == count + 1  # only the deleted page comes back
    assert standard_page(commune, "lich-su-van-hoa").title == "Lịch sử hình thành"
    assert IntroductionPage.objects.descendant_of(commune.site.root_page).count() == 1


@pytest.mark.django_db
def test_a_slug_taken_by_another_page_type_is_left_alone(district):
    commune = make_unit("phuoc-son", parent=district, name="Xã Phước Sơn")
    home = commune.site.root_page.specific
    introduction(commune).delete()
    home.add_child(instance=StandardPage(title="Giới thiệu riêng", slug="gioi-thieu", live=True))
    build_introduction_section(unit=commune, home_page=home)
    assert not IntroductionPage.objects.descendant_of(home).exists()
    assert not StandardPage.objects.child_of(home.get_children().get(slug="gioi-thieu")).exists()


@pytest.mark.django_db
def test_the_introduction_lists_its_live_subpages(client, commune_a):
    hidden = standard_page(commune_a, "lich-su-van-hoa")
    hidden.unpublish()
    response = get(client, commune_a, "/gioi-thieu/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/gioi-thieu/co-cau-to-chuc/"' in html
    assert 'href="/gioi-thieu/lien-he/"' in html and 'href="/gioi-thieu/lanh-dao/"' in html
    assert "/gioi-thieu/lich-su-van-hoa/" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("slug", SUBPAGE_SLUGS + ["lanh-dao"])
def test_empty_subpages_render_a_notice_instead_of_nothing(client, commune_a, slug):
    response = get(client, commune_a, f"/gioi-thieu/{slug}/")
    assert response.status_code == 200
    assert 'class="content-updating"' in response.content.decode()


@pytest.mark.django_db
def test_standard_page_shows_its_body(client, commune_a):
    page = standard_page(commune_a)
    page.body = json.dumps([{"type": "paragraph", "value": "<p>Đảng ủy xã lãnh đạo toàn diện.</p>"}])
    publish(page)
    html = get(client, commune_a, "/gioi-thieu/chuc-nang-nhiem-vu/").content.decode()
    assert "Đảng ủy xã lãnh đạo toàn diện." in html and "content-updating" not in html
    assert 'href="/gioi-thieu/"' in html  # back to the introduction


@pytest.mark.django_db
def test_map_page_shows_the_image_with_its_alt_text_and_the_file(client, commune_a):
    from tests.factories import make_file

    page = map_page(commune_a)
    page.image = make_image(commune_a.collection, title="Bản đồ")
    page.image_alt = "Bản đồ hành chính xã Phước Hậu gồm 6 thôn"
    page.caption = "Bản đồ hành chính năm 2025"
    page.map_file = make_file(commune_a.collection, "Bản đồ khổ A0")
    publish(page)
    html = get(client, commune_a, "/gioi-thieu/ban-do-hanh-chinh/").content.decode()
    assert 'alt="Bản đồ hành chính xã Phước Hậu gồm 6 thôn"' in html
    assert "Bản đồ hành chính năm 2025" in html
    assert page.map_file.url in html
    assert "<script" not in html.split('<main id="main"')[1].split("</main>")[0]  # no third-party map


@pytest.mark.django_db
def test_map_alt_text_falls_back_to_the_images_description_and_is_required(commune_a):
    from django.core.exceptions import ValidationError

    page = map_page(commune_a)
    page.image = make_image(commune_a.collection, title="Bản đồ", description="Bản đồ xã")
    page.image_alt = ""
    page.full_clean()
    assert page.image_alt == "Bản đồ xã"
    page.image = make_image(commune_a.collection, title="Bản đồ", description="")
    page.image.title = ""  # Wagtail falls back on the title: none either
    page.image_alt = "  "
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "image_alt" in error.value.message_dict


@pytest.mark.django_db
def test_contact_page_shows_the_agency_and_the_spokesperson(client, commune_a):
    page = contact_page(commune_a)
    page.address = "Thôn Phước Thiện, xã Phước Hậu"
    page.phone = "0259 3864 123"
    page.email = "ubnd.phuochau@ninhthuan.gov.vn"
    page.working_hours = "Thứ Hai đến Thứ Sáu"
    page.spokesperson_name = "Trần Văn Bình"
    page.spokesperson_position = "Phó Chủ tịch UBND xã"
    page.spokesperson_phone = "+84 912 345 678"
    page.spokesperson_email = "binh.tv@ninhthuan.gov.vn"
    publish(page)
    html = get(client, commune_a, "/gioi-thieu/lien-he/").content.decode()
    assert 'href="tel:02593864123"' in html and 'href="mailto:ubnd.phuochau@ninhthuan.gov.vn"' in html
    assert "Trần Văn Bình" in html and 'href="tel:+84912345678"' in html
    assert 'href="mailto:binh.tv@ninhthuan.gov.vn"' in html
    assert "content-updating" not in html


@pytest.mark.django_db
def test_empty_contact_fields_show_the_units_settings(client, commune_a):
    from sites.models import UnitSettings

    settings_row = UnitSettings.for_site(commune_a.site)
    settings_row.address = "Số 1 đường Trung tâm"
    settings_row.phone = "0259 3800 000"
    settings_row.save()
    html = get(client, commune_a, "/gioi-thieu/lien-he/").content.decode()
    assert "Số 1 đường Trung tâm" in html and 'href="tel:02593800000"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("phone", "abc"),
        ("phone", "123"),
        ("phone", "0259 3864 123 4567 8901"),
        ("spokesperson_phone", "09-12-ab"),
        ("email", "not-an-email"),
        ("spokesperson_email", "a@b"),
    ],
)
def test_contact_details_are_validated(commune_a, field, value):
    from django.core.exceptions import ValidationError

    from home.validators import EMAIL_MESSAGE, PHONE_MESSAGE

    page = contact_page(commune_a)
    setattr(page, field, value)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    expected = EMAIL_MESSAGE if "email" in field else PHONE_MESSAGE
    assert error.value.message_dict[field] == [str(expected)]


@pytest.mark.parametrize("value", ["0259 3864 123", "0259.3864.123", "(0259) 3864-123", "+84 912 345 678"])
def test_good_phone_numbers_pass(value):
    from home.validators import validate_phone

    validate_phone(value)


@pytest.mark.django_db
def test_organisation_page_shows_the_chart_and_its_text(client, commune_a):
    from tests.factories.introduction import organisation_page

    page = organisation_page(commune_a)
    page.chart = make_image(commune_a.collection, title="Sơ đồ", description="Sơ đồ tổ chức UBND xã")
    page.chart_alt = ""
    page.chart_text = "Chủ tịch UBND xã\nCác Phó Chủ tịch\nVăn phòng HĐND và UBND"
    page.full_clean()
    publish(page)
    html = get(client, commune_a, "/gioi-thieu/co-cau-to-chuc/").content.decode()
    assert 'alt="Sơ đồ tổ chức UBND xã"' in html and 'aria-describedby="org-chart-text"' in html
    assert "Các Phó Chủ tịch" in html


@pytest.mark.django_db
def test_a_chart_needs_its_text_alternative(commune_a):
    from django.core.exceptions import ValidationError

    from home.models import CHART_TEXT_REQUIRED
    from tests.factories.introduction import organisation_page

    page = organisation_page(commune_a)
    page.chart = make_image(commune_a.collection, title="Sơ đồ")
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert error.value.message_dict["chart_text"] == [str(CHART_TEXT_REQUIRED)]


@pytest.mark.django_db
def test_the_chairman_is_the_default_spokesperson(client, commune_a):
    html = get(client, commune_a, "/gioi-thieu/lien-he/").content.decode()
    assert contact_page(commune_a).spokesperson_position
    assert escape(contact_page(commune_a).spokesperson_position) in html
