"""The procedure listing and pages: rendering, filters, odd query strings, shared procedures."""

import pytest

from procedures.models import ProcedureIndexPage, ProcedurePage
from tests.factories import legal_document, make_file, make_unit
from tests.factories.procedures import procedure, procedure_index

pytestmark = pytest.mark.django_db


def get(client, unit, path):
    return client.get(path, HTTP_HOST=unit.site.hostname)


def test_every_unit_gets_one_procedure_index(district, commune_a):
    for unit in (district, commune_a):
        index = procedure_index(unit)
        assert index.slug == "thu-tuc-hanh-chinh" and index.live
    # provisioning again (idempotent builders) adds none
    from sites.services import ensure_standard_sections

    ensure_standard_sections(unit=commune_a)
    assert ProcedureIndexPage.objects.child_of(commune_a.site.root_page).count() == 1
    assert not ProcedureIndexPage.can_create_at(commune_a.site.root_page)


def test_procedure_page_shows_fields_legal_bases_forms_and_national_link(client, commune_a):
    document = legal_document(commune_a, number="12/QĐ-UBND", title="Quy chế một cửa")
    form = make_file(commune_a.collection, "Tờ khai khai sinh", name="to-khai.pdf")
    page = procedure(
        commune_a,
        code="1.001193",
        title="Đăng ký khai sinh",
        fees="Miễn lệ phí",
        online_service_url="https://dichvucong.gov.vn/dang-ky",
        legal_documents=[document],
        legal_texts=["Luật Hộ tịch số 60/2014/QH13"],
        files=[(form, "Mẫu tờ khai")],
    )
    response = get(client, commune_a, page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "1.001193" in html and "Đăng ký khai sinh" in html and "Miễn lệ phí" in html
    assert "dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193" in html
    assert "https://dichvucong.gov.vn/dang-ky" in html
    assert 'href="/van-ban/12-qd-ubnd/"' in html and "12/QĐ-UBND" in html
    assert "Luật Hộ tịch số 60/2014/QH13" in html
    assert "Mẫu tờ khai" in html and form.url in html
    # the form is public through the live page, and no longer once the page is unpublished
    assert client.get(form.url).status_code == 200
    page.unpublish()
    assert client.get(form.url).status_code in (403, 404)


def test_national_url_comes_from_the_setting(settings, commune_a):
    settings.PORTAL_NATIONAL_PROCEDURE_URL = "https://example.test/tthc/{code}"
    page = procedure(commune_a, code="2.000123.000.00.00.H12", publish=False)
    assert page.national_url == "https://example.test/tthc/2.000123.000.00.00.H12"


def test_unpublished_legal_document_is_named_not_linked(client, commune_a):
    document = legal_document(commune_a, number="99/QĐ-UBND", publish=False)
    page = procedure(commune_a, legal_documents=[document])
    html = get(client, commune_a, page.url).content.decode()
    assert "99/QĐ-UBND" in html
    assert f'href="{document.url_path}' not in html


def test_listing_filters_by_field_level_and_keyword(client, commune_a):
    procedure(commune_a, code="1.000001", title="Đăng ký khai sinh", field="ho-tich", level="cap-xa")
    procedure(commune_a, code="1.000002", title="Chứng thực chữ ký", field="chung-thuc", level="cap-xa")
    procedure(commune_a, code="1.000003", title="Đăng ký kết hôn", field="ho-tich", level="cap-huyen")
    html = get(client, commune_a, "/thu-tuc-hanh-chinh/").content.decode()
    assert all(title in html for title in ("Đăng ký khai sinh", "Chứng thực chữ ký", "Đăng ký kết hôn"))
    html = get(client, commune_a, "/thu-tuc-hanh-chinh/?linh-vuc=ho-tich").content.decode()
    assert "Đăng ký khai sinh" in html and "Đăng ký kết hôn" in html and "Chứng thực chữ ký" not in html
    html = get(client, commune_a, "/thu-tuc-hanh-chinh/?linh-vuc=ho-tich&cap=cap-xa").content.decode()
    assert "Đăng ký khai sinh" in html and "Đăng ký kết hôn" not in html
    html = get(client, commune_a, "/thu-tuc-hanh-chinh/?q=ket+hon").content.decode()
    assert "Đăng ký kết hôn" in html and "Đăng ký khai sinh" not in html
    html = get(client, commune_a, "/thu-tuc-hanh-chinh/?q=1.000002").content.decode()
    assert "Chứng thực chữ ký" in html and "Đăng ký kết hôn" not in html


def test_listing_counts_per_field(client, commune_a):
    for n in range(3):
        procedure(commune_a, field="ho-tich", title=f"Hộ tịch {n}")
    procedure(commune_a, field="dat-dai", title="Đất")
    response = get(client, commune_a, "/thu-tuc-hanh-chinh/")
    fields = {slug: count for slug, _label, count in response.context["fields"]}
    assert fields["ho-tich"] == 3 and fields["dat-dai"] == 1 and fields["y-te"] == 0
    assert response.context["total"] == 4


@pytest.mark.parametrize(
    "query",
    [
        "?linh-vuc=khong-co",
        "?cap=cap-trung-uong",
        "?linh-vuc=ho-tich&linh-vuc=dat-dai",
        "?page=999999999999999999999",
        "?page=-1",
        "?page=abc",
        "?q=%00%00",
        "?q=" + "a" * 5000,
        "?linh-vuc=%00",
        "?linh-vuc[]=ho-tich",
        "?cap=" + "x" * 3000,
        "?q=%22%22%22",
    ],
)
def test_odd_query_strings_never_fail(client, commune_a, query):
    procedure(commune_a, title="Đăng ký khai sinh")
    response = get(client, commune_a, "/thu-tuc-hanh-chinh/" + query)
    # NUL bytes are refused by the portal's middleware (400) before the page; nothing else fails
    assert response.status_code == (400 if "%00" in query else 200)


def test_unknown_field_gets_a_notice_and_the_full_list(client, commune_a):
    procedure(commune_a, title="Đăng ký khai sinh")
    response = get(client, commune_a, "/thu-tuc-hanh-chinh/?linh-vuc=khong-co")
    assert response.context["notices"] and "khong-co" in response.context["notices"][0]
    assert "Đăng ký khai sinh" in response.content.decode()


def test_shared_procedure_of_the_district_shows_on_communes_not_the_reverse(
    client, district, commune_a, commune_b
):
    shared = procedure(district, code="2.000720", title="Đăng ký hộ kinh doanh", show_on_all_units=True)
    procedure(district, code="2.000999", title="Thủ tục riêng của huyện")
    commune_shared = procedure(commune_a, code="1.000777", title="Thủ tục của xã A", show_on_all_units=True)
    html_a = get(client, commune_a, "/thu-tuc-hanh-chinh/").content.decode()
    assert "Đăng ký hộ kinh doanh" in html_a and "Thủ tục riêng của huyện" not in html_a
    # linked to its one page on the district's site, not copied
    assert f"http://localhost{shared.url_path[len(district.site.root_page.url_path) - 1 :]}" in html_a
    assert ProcedurePage.objects.filter(code="2.000720").count() == 1
    html_b = get(client, commune_b, "/thu-tuc-hanh-chinh/").content.decode()
    assert "Đăng ký hộ kinh doanh" in html_b and "Thủ tục của xã A" not in html_b
    html_district = get(client, district, "/thu-tuc-hanh-chinh/").content.decode()
    assert commune_shared.title not in html_district


def test_a_commune_gets_the_shared_procedures_of_every_level_above(client, db):
    province = make_unit("ninh-thuan", level="province", name="Tỉnh Ninh Thuận")
    district = make_unit("ninh-hai", parent=province, level="district")
    commune = make_unit("xa-mot", parent=district, level="commune")
    procedure(province, title="Của tỉnh", level="cap-tinh", show_on_all_units=True)
    procedure(district, title="Của huyện", level="cap-huyen", show_on_all_units=True)
    html = get(client, commune, "/thu-tuc-hanh-chinh/").content.decode()
    assert "Của tỉnh" in html and "Của huyện" in html


def test_publishing_a_shared_procedure_refreshes_the_cached_commune_listing(client, district, commune_a):
    assert "Thủ tục mới" not in get(client, commune_a, "/thu-tuc-hanh-chinh/").content.decode()
    procedure(district, title="Thủ tục mới", show_on_all_units=True)
    assert "Thủ tục mới" in get(client, commune_a, "/thu-tuc-hanh-chinh/").content.decode()


def test_disclosure_item(rf, district, commune_a):
    from home.registry import disclosure_items

    procedure(district, title="Chung", show_on_all_units=True)
    page = procedure(commune_a, title="Riêng")
    request = rf.get("/", HTTP_HOST=commune_a.site.hostname)
    item = next(
        item for item in disclosure_items(unit=commune_a, request=request) if item.key == "procedures"
    )
    assert item.count == 2
    assert item.url.endswith("/thu-tuc-hanh-chinh/")
    assert item.last_published is not None and item.last_published >= page.last_published_at
    assert "17" in str(item.legal_basis)
