"""The admin report "Đánh giá trang": pages with the most "no" and approved comments, per unit, with
CSV/XLSX; a unit's people see their units only, the board every unit (tests/feedback/test_moderation.py for
the moderation of comments)."""

import csv
import io

import pytest
from openpyxl import load_workbook

from feedback.models import PageRating
from tests.factories import publish_article
from tests.factories.feedback import rating

REPORT = "/admin/reports/danh-gia-trang/"
COMMENTS = "/admin/reports/danh-gia-trang/y-kien/"
Status = PageRating.Status


@pytest.fixture
def ratings(commune_a, commune_b):
    worst = publish_article(commune_a, title="Thủ tục cấp giấy khai sinh")
    good = publish_article(commune_a, title="Lịch tiếp công dân")
    other = publish_article(commune_b, title="Tin riêng của An Hải")
    for _ in range(3):
        rating(worst, useful=False)
    rating(worst, useful=True)
    rating(worst, useful=False, comment="Thiếu mẫu tờ khai", status=Status.APPROVED)
    rating(worst, useful=False, comment="Bình luận chờ duyệt bí mật")
    rating(worst, useful=False, comment="Quảng cáo rác", status=Status.SPAM)
    rating(good, useful=True, comment='=HYPERLINK("http://evil.example","x")', status=Status.APPROVED)
    rating(other, useful=False, comment="Ý kiến của An Hải", status=Status.APPROVED)
    return worst, good, other


def rows(client, url):
    return client.get(url).content.decode()


def test_the_unit_sees_its_pages_most_no_first(client, editor_a, ratings):
    worst, good, other = ratings
    client.force_login(editor_a)
    html = rows(client, REPORT)
    assert "Thủ tục cấp giấy khai sinh" in html and "Lịch tiếp công dân" in html
    assert html.index("Thủ tục cấp giấy khai sinh") < html.index("Lịch tiếp công dân")
    assert f"/admin/pages/{worst.pk}/edit/" in html
    assert "Tin riêng của An Hải" not in html


def test_the_counts(client, editor_a, ratings):
    client.force_login(editor_a)
    content = client.get(REPORT + "?export=csv")
    lines = list(csv.reader(io.StringIO(b"".join(content.streaming_content).decode())))
    assert len(lines) == 3  # heading + two pages of the unit
    title, unit, yes, no, comments, url = lines[1]
    # 3 bare "no" + 2 commented (one pending, one approved), spam left out; 1 yes; 1 approved comment
    assert (title, unit, yes, no, comments) == ("Thủ tục cấp giấy khai sinh", "Xã Phước Hậu", "1", "5", "1")
    assert url.startswith("http://phuoc-hau.localhost/")


def test_approved_comments_only_and_formula_safe_exports(client, editor_a, approver_a, ratings):
    for user in (editor_a, approver_a):
        client.force_login(user)
        html = rows(client, COMMENTS)
        assert "Thiếu mẫu tờ khai" in html
        assert "Bình luận chờ duyệt bí mật" not in html and "Quảng cáo rác" not in html
        assert "Ý kiến của An Hải" not in html
    response = client.get(COMMENTS + "?export=csv")
    text = b"".join(response.streaming_content).decode()
    assert "Thiếu mẫu tờ khai" in text and "chờ duyệt" not in text and "An Hải" not in text
    assert "'=HYPERLINK" in text  # a spreadsheet shows it, never runs it
    response = client.get(COMMENTS + "?export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert len(values) == 3
    comments = {row[4] for row in values[1:]}
    assert comments == {"Thiếu mẫu tờ khai", '=HYPERLINK("http://evil.example","x")'}
    for row in sheet.iter_rows():
        assert all(cell.data_type != "f" for cell in row)


def test_xlsx_of_the_pages(client, editor_a, ratings):
    client.force_login(editor_a)
    response = client.get(REPORT + "?export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[1][:5] == ["Thủ tục cấp giấy khai sinh", "Xã Phước Hậu", 1, 5, 1] or values[1][:5] == [
        "Thủ tục cấp giấy khai sinh", "Xã Phước Hậu", "1", "5", "1"]  # fmt: skip
    assert len(values) == 3


def test_the_board_sees_every_unit_and_filters_by_unit(client, board_member, commune_b, ratings):
    client.force_login(board_member)
    html = rows(client, REPORT)
    assert "Thủ tục cấp giấy khai sinh" in html and "Tin riêng của An Hải" in html
    html = rows(client, f"{REPORT}?unit={commune_b.pk}")
    assert "Tin riêng của An Hải" in html and "Thủ tục cấp giấy khai sinh" not in html
    assert "Ý kiến của An Hải" in rows(client, COMMENTS)
    text = b"".join(client.get(f"{COMMENTS}?unit={commune_b.pk}&export=csv").streaming_content).decode()
    assert "Ý kiến của An Hải" in text and "Thiếu mẫu" not in text


def test_a_unit_cannot_filter_its_way_into_another(client, editor_a, commune_b, ratings):
    client.force_login(editor_a)
    for url, own, theirs in ((REPORT, "Thủ tục cấp giấy khai sinh", "Tin riêng của An Hải"),
                             (COMMENTS, "Thiếu mẫu tờ khai", "Ý kiến của An Hải")):  # fmt: skip
        html = client.get(f"{url}?unit={commune_b.pk}").content.decode()
        assert own in html and theirs not in html  # the unit filter offers only their units: ignored
        text = b"".join(client.get(f"{url}?unit={commune_b.pk}&export=csv").streaming_content).decode()
        assert "An Hải" not in text


def test_people_without_a_unit_get_no_report(client, db, district):
    from django.contrib.auth.models import Permission

    from tests.factories import UserFactory

    nobody = UserFactory(username="nobody")
    nobody.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(nobody)
    for url in (REPORT, COMMENTS, REPORT + "?export=csv"):
        assert client.get(url).status_code in (302, 403)


@pytest.mark.parametrize(
    "query", ["?unit=abc", "?unit=999999999999", "?since=xx", "?p=abc", "?p=99", "?export=pdf", "?q=%ff"]
)
def test_odd_queries(client, board_member, ratings, query):
    client.force_login(board_member)
    for url in (REPORT, COMMENTS):
        assert client.get(url + query).status_code in (200, 404)


def test_no_feedback_admin_address_shows_another_units_comments(
    client, approver_a, editor_a, commune_b, ratings
):
    _worst, _good, other = ratings
    secret = rating(other, useful=False, comment="BMAT bí mật chờ duyệt")
    seen = rating(other, useful=False, comment="BMAT đã duyệt", status=Status.APPROVED)
    b = commune_b.pk
    urls = [REPORT, COMMENTS, "/admin/danh-gia-trang/duyet/"]
    urls = [f"{url}{query}" for url in urls for query in ("", f"?unit={b}", f"?don-vi={b}", "?export=csv",
                                                         "?export=xlsx", "?trang-thai=da-duyet")]  # fmt: skip
    urls += [
        f"/admin/danh-gia-trang/duyet/{pk}/{verb}/"
        for pk in (secret.pk, seen.pk)
        for verb in ("approve", "x")
    ]
    for user in (approver_a, editor_a):
        client.force_login(user)
        for url in urls:
            response = client.get(url)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            if "spreadsheetml" in response.get("Content-Type", ""):
                sheet = load_workbook(io.BytesIO(body)).active
                body = " ".join(str(cell.value) for row in sheet.iter_rows() for cell in row).encode()
            assert response.status_code < 500, url
            text = body.decode(errors="replace")
            for marker in ("BMAT", "Tin riêng của An Hải", "Ý kiến của An Hải"):
                assert marker not in text, (url, marker)
    assert set(PageRating.objects.filter(pk__in=[secret.pk, seen.pk]).values_list("status", flat=True)) == {
        Status.PENDING, Status.APPROVED}  # fmt: skip
