"""Importing procedures from CSV/JSON: good files, every kind of bad file, nothing half-imported."""

import json
from io import StringIO

from django.core.management import CommandError, call_command

import pytest

from procedures import services
from procedures.demo import COMMUNE_FILE, DISTRICT_FILE, fill_procedures
from procedures.models import ProcedurePage
from tests.factories import legal_document
from tests.factories.procedures import procedure

pytestmark = pytest.mark.django_db

HEADER = "ma_thu_tuc,ten_thu_tuc,linh_vuc,cap_thuc_hien,trinh_tu,phi_le_phi,can_cu_phap_ly\n"
GOOD = (
    HEADER
    + '1.001193,Đăng ký khai sinh,ho-tich,cap-xa,"Bước 1: nộp.\nBước 2: nhận.",Miễn phí,'
    + '"Luật Hộ tịch số 60/2014/QH13; Quyết định 12/QĐ-UBND"\n'
    + "2.000815,Chứng thực bản sao từ bản chính,Chứng thực,Cấp xã,,2.000 đồng/trang,\n"
)


def run(unit, data, name="thu-tuc.csv", **kwargs):
    rows = services.read_file(data if isinstance(data, bytes) else data.encode(), name=name)
    return services.import_procedures(unit=unit, rows=rows, **kwargs)


def command(tmp_path, unit, content, name="thu-tuc.csv", *args):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    out, err = StringIO(), StringIO()
    call_command("import_procedures", "--unit", unit.slug, str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def count(unit):
    return ProcedurePage.objects.descendant_of(unit.site.root_page).count()


def test_good_csv_creates_published_procedures_with_matched_legal_bases(client, commune_a):
    document = legal_document(commune_a, number="12/QĐ-UBND")
    result = run(commune_a, GOOD)
    assert result.ok and result.created == ["1.001193", "2.000815"]
    birth = ProcedurePage.objects.get(code="1.001193")
    assert birth.live and birth.field == "ho-tich" and birth.level == "cap-xa"
    assert birth.steps == "Bước 1: nộp.\nBước 2: nhận."
    bases = list(birth.legal_bases.all())
    assert [b.text for b in bases] == ["Luật Hộ tịch số 60/2014/QH13", "Quyết định 12/QĐ-UBND"]
    assert bases[0].document is None and bases[1].document_id == document.pk
    copy = ProcedurePage.objects.get(code="2.000815")
    assert copy.field == "chung-thuc" and copy.level == "cap-xa"  # Vietnamese names accepted
    assert birth.review_by is not None
    # published: on the (cached) listing and in the public search at once
    html = client.get("/thu-tuc-hanh-chinh/", HTTP_HOST=commune_a.site.hostname).content.decode()
    assert "Đăng ký khai sinh" in html


def test_reimport_updates_the_same_codes(commune_a):
    run(commune_a, GOOD)
    changed = GOOD.replace("Miễn phí", "Miễn lệ phí đăng ký đúng hạn")
    result = run(commune_a, changed)
    assert result.ok and result.created == [] and result.updated == ["1.001193", "2.000815"]
    assert count(commune_a) == 2
    assert ProcedurePage.objects.get(code="1.001193").fees == "Miễn lệ phí đăng ký đúng hạn"


def test_draft_import_leaves_pages_for_moderation(commune_a):
    result = run(commune_a, GOOD, publish=False)
    assert result.ok
    assert not ProcedurePage.objects.filter(code="1.001193", live=True).exists()


def test_json_file(commune_a):
    data = json.dumps(
        [
            {"code": "1.000894", "title": "Đăng ký kết hôn", "field": "ho-tich", "level": "cap-xa"},
            {"code": "1.000656", "title": "Đăng ký khai tử", "field": "Hộ tịch", "level": "xa"},
        ],
        ensure_ascii=False,
    )
    result = run(commune_a, data, name="thu-tuc.json")
    assert result.ok and count(commune_a) == 2


def test_json_errors_name_the_item(commune_a):
    data = json.dumps([{"code": "1.000894", "title": "A", "field": "ho-tich", "level": "cap-xa"}, "x", {}])
    result = run(commune_a, data, name="thu-tuc.json")
    wheres = {str(error.where) for error in result.errors}
    assert wheres == {"Mục 2", "Mục 3"}
    assert count(commune_a) == 0


def test_utf8_with_bom(commune_a):
    result = run(commune_a, b"\xef\xbb\xbf" + GOOD.encode())
    assert result.ok and count(commune_a) == 2
    assert ProcedurePage.objects.filter(code="1.001193").exists()  # the first column's name kept clean


@pytest.mark.parametrize(
    "data",
    [
        GOOD.encode("cp1258", errors="replace"),
        GOOD.encode("utf-16"),
        GOOD.encode("latin-1", errors="replace"),
    ],
    ids=["windows-1258", "utf-16", "latin-1"],
)
def test_other_encodings_are_refused_with_a_clear_message(commune_a, data):
    with pytest.raises(services.ImportFileError) as raised:
        run(commune_a, data)
    assert "UTF" in str(raised.value)
    assert count(commune_a) == 0


def test_wrong_and_missing_columns_are_listed(commune_a):
    with pytest.raises(services.ImportFileError) as raised:
        run(commune_a, "ma_thu_tuc,ten,cap_thuc_hien,thanh_phan_hs\n1.000001,A,cap-xa,x\n")
    message = str(raised.value)
    assert "thanh_phan_hs" in message  # unknown
    assert "linh_vuc" in message  # missing
    assert count(commune_a) == 0


def test_every_bad_row_is_reported_with_its_line_and_nothing_is_imported(commune_a):
    before = count(commune_a)
    data = (
        HEADER
        + "1.000001,Đúng,ho-tich,cap-xa,,,\n"  # line 2: good
        + ",Thiếu mã,ho-tich,cap-xa,,,\n"  # line 3
        + "1.000003,,ho-tich,cap-xa,,,\n"  # line 4
        + "1.000004,Lĩnh vực lạ,thien-van,cap-xa,,,\n"  # line 5
        + "1.000005,Cấp lạ,ho-tich,cap-thon,,,\n"  # line 6
        + "1.000001,Trùng trong tệp,ho-tich,cap-xa,,,\n"  # line 7
        + '1.000008,"Nhiều dòng\ntrong một ô",ho-tich,cap-xa,,,\n'  # line 8: one record
        + "1.0 09,Mã sai,ho-tich,cap-xa,,,\n"  # line 9
    )
    result = run(commune_a, data)
    by_line = {}
    for error in result.errors:
        by_line.setdefault(str(error.where), []).append(error.reason)
    assert set(by_line) == {"Dòng 3", "Dòng 4", "Dòng 5", "Dòng 6", "Dòng 7", "Dòng 9"}
    assert "thien-van" in by_line["Dòng 5"][0]
    assert "cap-thon" in by_line["Dòng 6"][0]
    assert "dòng 2" in by_line["Dòng 7"][0]
    assert count(commune_a) == before


def test_duplicate_of_an_existing_procedure_is_updated_not_doubled(commune_a):
    existing = procedure(commune_a, code="1.001193", title="Tên cũ")
    result = run(commune_a, GOOD)
    assert result.updated == ["1.001193"] and result.created == ["2.000815"]
    existing.refresh_from_db()
    assert existing.title == "Đăng ký khai sinh"
    assert ProcedurePage.objects.filter(code="1.001193").count() == 1


def test_dry_run_changes_nothing(commune_a):
    result = run(commune_a, GOOD, dry_run=True)
    assert result.ok and result.created == ["1.001193", "2.000815"]
    assert count(commune_a) == 0


def test_a_failure_while_writing_rolls_everything_back(commune_a, monkeypatch):
    calls = []
    original = services._save

    def failing_save(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(*args, **kwargs)

    monkeypatch.setattr(services, "_save", failing_save)
    with pytest.raises(RuntimeError):
        run(commune_a, GOOD)
    assert count(commune_a) == 0


def test_command_summary_and_errors(tmp_path, commune_a):
    out, _err = command(tmp_path, commune_a, GOOD)
    assert "2" in out.splitlines()[-1] and commune_a.name in out.splitlines()[-1]
    with pytest.raises(CommandError) as raised:
        command(tmp_path, commune_a, HEADER + ",,ho-tich,cap-xa,,,\n")
    assert "chưa nhập thủ tục nào" in str(raised.value)  # the catalog's Vietnamese: nothing was imported
    with pytest.raises(CommandError):
        command(tmp_path, commune_a, GOOD.encode("utf-16"))
    out, _err = command(tmp_path, commune_a, GOOD, "thu-tuc.csv", "--dry-run")
    assert count(commune_a) == 2  # the first run's, the dry run added none


def test_command_refuses_an_unknown_unit(tmp_path, commune_a):
    path = tmp_path / "a.csv"
    path.write_text(GOOD)
    with pytest.raises(CommandError):
        call_command("import_procedures", "--unit", "khong-co", str(path), stdout=StringIO())


def test_semicolon_separated_csv(commune_a):
    data = "ma_thu_tuc;ten_thu_tuc;linh_vuc;cap_thuc_hien\n1.000001;Thủ tục;ho-tich;cap-xa\n"
    assert run(commune_a, data).ok and count(commune_a) == 1


def test_shipped_samples_and_demo_are_valid_and_idempotent(district, commune_a):
    for path in (COMMUNE_FILE, DISTRICT_FILE):
        rows = services.read_file(path.read_bytes(), name=path.name)
        assert services.import_procedures(unit=commune_a, rows=rows, dry_run=True).ok
    first = fill_procedures(district, is_top=True)
    fill_procedures(commune_a, is_top=False)
    again = fill_procedures(district, is_top=True)
    assert len(first.created) == len(again.updated) >= 8
    assert ProcedurePage.objects.filter(show_on_all_units=True).exists()
    assert count(commune_a) >= 6
