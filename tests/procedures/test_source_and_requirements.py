"""Requirements and conditions (yêu cầu, điều kiện thực hiện), the source and synchronisation date of a
procedure (Decree 42/2022/ND-CP Art. 4(1)(c)), and the review date of the listing."""

import datetime as dt
import json

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from procedures import models, services
from procedures.models import DEFAULT_SOURCE, ProcedurePage, vietnam_today
from tests.factories.procedures import procedure, procedure_index

pytestmark = pytest.mark.django_db

HEADER = "ma_thu_tuc,ten_thu_tuc,linh_vuc,cap_thuc_hien,thanh_phan_ho_so,yeu_cau_dieu_kien\n"


def run(unit, text, name="thu-tuc.csv", **kwargs):
    rows = services.read_file(text.encode(), name=name)
    return services.import_procedures(unit=unit, rows=rows, **kwargs)


def get(client, unit, path):
    return client.get(path, HTTP_HOST=unit.site.hostname)


# --- import ---------------------------------------------------------------------------------------------


def test_import_reads_requirements_and_sets_source_and_sync_date(commune_a):
    result = run(
        commune_a,
        HEADER
        + "1.000894,Đăng ký kết hôn,ho-tich,cap-xa,Tờ khai,"
        + '"Hai bên có mặt.\nNam từ đủ 20 tuổi, nữ từ đủ 18 tuổi."\n'
        + "1.000656,Đăng ký khai tử,ho-tich,cap-xa,,\n",
    )
    assert result.ok, result.errors
    marriage = ProcedurePage.objects.get(code="1.000894")
    assert marriage.requirements == "Hai bên có mặt.\nNam từ đủ 20 tuổi, nữ từ đủ 18 tuổi."
    assert marriage.source == DEFAULT_SOURCE
    assert marriage.synced_on == vietnam_today()
    death = ProcedurePage.objects.get(code="1.000656")
    assert death.requirements == "" and death.synced_on == vietnam_today()


@pytest.mark.parametrize(
    "header",
    ["Yêu cầu, điều kiện thực hiện", "YÊU CẦU ĐIỀU KIỆN", "requirements", "Requirements and conditions"],
)
def test_requirements_header_aliases(commune_a, header):
    text = f'Mã thủ tục,Tên thủ tục,Lĩnh vực,Cấp thực hiện,"{header}"\n'
    text += "1.000001,Thủ tục,ho-tich,cap-xa,Đủ 18 tuổi\n"
    assert run(commune_a, text).ok
    assert ProcedurePage.objects.get(code="1.000001").requirements == "Đủ 18 tuổi"


def test_requirements_and_source_in_json(commune_a):
    data = [
        {
            "code": "1.000001",
            "title": "Thủ tục",
            "field": "ho-tich",
            "level": "cap-xa",
            "requirements": "Có hộ khẩu thường trú",
            "source": "Cơ sở dữ liệu thủ tục hành chính tỉnh Ninh Thuận",
        }
    ]
    assert run(commune_a, json.dumps(data, ensure_ascii=False), name="a.json").ok
    page = ProcedurePage.objects.get(code="1.000001")
    assert page.requirements == "Có hộ khẩu thường trú"
    assert page.source == "Cơ sở dữ liệu thủ tục hành chính tỉnh Ninh Thuận"


def test_bad_requirements_and_source_values_are_reported_and_nothing_imported(commune_a):
    data = [
        {"code": "1.000001", "title": "Đúng", "field": "ho-tich", "level": "cap-xa", "requirements": "Không"},
        {"code": "1.000002", "title": "B", "field": "ho-tich", "level": "cap-xa", "requirements": {"a": 1}},
        {"code": "1.000003", "title": "C", "field": "ho-tich", "level": "cap-xa", "source": "x" * 256},
    ]
    result = run(commune_a, json.dumps(data), name="a.json")
    wheres = {str(error.where): error.reason for error in result.errors}
    assert set(wheres) == {"Mục 2", "Mục 3"}
    assert "255" in wheres["Mục 3"]
    assert not ProcedurePage.objects.filter(code__startswith="1.00000").exists()


def test_repeated_requirements_column_is_refused(commune_a):
    with pytest.raises(services.ImportFileError) as raised:
        run(commune_a, HEADER.strip() + ",dieu_kien\n1.000001,A,ho-tich,cap-xa,,x,y\n")
    assert "dieu_kien" in str(raised.value)


def test_reimport_refreshes_the_sync_date_and_keeps_a_named_source(commune_a):
    page = procedure(
        commune_a, code="1.000001", source="CSDL tỉnh", synced_on=dt.date(2025, 1, 2), requirements="Cũ"
    )
    text = "ma_thu_tuc,ten_thu_tuc,linh_vuc,cap_thuc_hien,nguon,yeu_cau_dieu_kien\n"
    assert run(commune_a, text + "1.000001,Thủ tục,ho-tich,cap-xa,CSDL tỉnh,Mới\n").ok
    page.refresh_from_db()
    assert page.synced_on == vietnam_today() and page.source == "CSDL tỉnh" and page.requirements == "Mới"
    # an empty source cell means the national database
    assert run(commune_a, text + "1.000001,Thủ tục,ho-tich,cap-xa,,Mới\n").ok
    page.refresh_from_db()
    assert page.source == DEFAULT_SOURCE


def test_dry_run_and_failed_import_leave_the_sync_date_alone(commune_a):
    page = procedure(commune_a, code="1.000001", synced_on=dt.date(2025, 1, 2))
    line = "1.000001,Thủ tục,ho-tich,cap-xa,,\n"
    assert run(commune_a, HEADER + line, dry_run=True).ok
    assert not run(commune_a, HEADER + line + ",Thiếu mã,ho-tich,cap-xa,,\n").ok
    page.refresh_from_db()
    assert page.synced_on == dt.date(2025, 1, 2)


def test_sync_date_is_the_day_in_viet_nam(monkeypatch):
    # 18:30 UTC on 3 December is already 01:30 on 4 December in Viet Nam
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2026, 12, 3, 18, 30, tzinfo=dt.UTC))
    assert models.vietnam_today() == dt.date(2026, 12, 4)


# --- the page -------------------------------------------------------------------------------------------


def test_page_shows_requirements_after_the_dossier_and_the_source_with_its_date(client, commune_a):
    page = procedure(
        commune_a,
        dossier="Tờ khai đăng ký kết hôn",
        requirements="Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi",
        source="Cơ sở dữ liệu thủ tục hành chính tỉnh Ninh Thuận",
        synced_on=dt.date(2026, 3, 5),
    )
    html = get(client, commune_a, page.url).content.decode()
    assert "Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi" in html
    assert html.index("Tờ khai đăng ký kết hôn") < html.index("Nam từ đủ 20 tuổi")
    source = html[html.index('class="procedure-source"') :]
    source = source[: source.index("</p>")]
    assert "Cơ sở dữ liệu thủ tục hành chính tỉnh Ninh Thuận" in source and "05/03/2026" in source
    # next to the link to the national portal
    after = html[html.index('class="procedure-source"') :]
    links = after[after.index("</p>") :]
    assert links.split("<p", 1)[1].startswith(' class="procedure-links"') and "ma_thu_tuc=" in links


def test_page_without_sync_date_names_the_national_database(client, commune_a):
    page = procedure(commune_a)
    assert page.source == DEFAULT_SOURCE and page.synced_on is None and page.requirements == ""
    html = get(client, commune_a, page.url).content.decode()
    source = html[html.index('class="procedure-source"') :]
    source = source[: source.index("</p>")]
    assert str(page.source_label) in source and "/20" not in source
    # no empty "requirements and conditions" heading: one heading more only when there are some
    with_requirements = procedure(commune_a, requirements="Đủ 18 tuổi")
    other = get(client, commune_a, with_requirements.url).content.decode()
    assert other.count("<h2") == html.count("<h2") + 1


def test_sync_date_in_the_future_is_refused(commune_a):
    page = procedure(commune_a, publish=False)
    page.synced_on = vietnam_today() + dt.timedelta(days=1)
    with pytest.raises(ValidationError) as raised:
        page.full_clean()
    assert "synced_on" in raised.value.message_dict
    page.synced_on = vietnam_today()
    page.full_clean()


def test_shipped_samples_carry_requirements(commune_a):
    from procedures.demo import COMMUNE_FILE

    rows = services.read_file(COMMUNE_FILE.read_bytes(), name=COMMUNE_FILE.name)
    assert all(row.values.get("requirements", "").strip() for row in rows)


# --- the listing's review date --------------------------------------------------------------------------


def test_listing_gets_a_review_date_and_is_listed_once_past_it(commune_a, editor_a):
    from home.selectors import pages_past_review, review_models

    index = procedure_index(commune_a)
    assert models.ProcedureIndexPage in review_models()
    assert index.review_by is not None and index.review_by > timezone.localdate()
    total, groups = pages_past_review([commune_a], today=index.review_by + dt.timedelta(days=1))
    assert index.pk in {page.pk for _unit, pages in groups for page in pages}
    assert "review_by" in models.ProcedureIndexPage.get_edit_handler().get_form_class().base_fields


# --- the edit form --------------------------------------------------------------------------------------


def test_editor_fills_requirements_and_source_and_a_future_sync_date_is_refused(client, commune_a, editor_a):
    from tests.procedures.test_admin import add_url, form_data

    client.force_login(editor_a)
    tomorrow = vietnam_today() + dt.timedelta(days=1)
    data = form_data(requirements="Có mặt cả hai bên", source="CSDL tỉnh", synced_on=tomorrow.isoformat())
    response = client.post(add_url(commune_a), data)
    assert response.status_code == 200 and "synced_on" in response.context["form"].errors
    assert not ProcedurePage.objects.filter(code="1.001193").exists()
    data["synced_on"] = "2026-01-15"
    response = client.post(add_url(commune_a), data)
    assert response.status_code == 302
    page = ProcedurePage.objects.get(code="1.001193")
    assert page.requirements == "Có mặt cả hai bên" and page.source == "CSDL tỉnh"
    assert page.synced_on == dt.date(2026, 1, 15)
