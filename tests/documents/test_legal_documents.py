"""Legal documents: metadata, lifecycle, links, validation, listing filters, isolation, budgets."""

import io
import zipfile
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.test import override_settings

from wagtail.documents import get_document_model

import pytest

from documents.models import LegalDocument, LegalDocumentRelation, Status
from tests.factories import UserFactory, legal_document

HOST = "phuoc-hau.localhost"


def test_public_page_shows_the_metadata_as_a_table(client, commune_a):
    doc = legal_document(
        commune_a, number="125/QĐ-UBND", signer="Trần Văn Bình", signer_position="Chủ tịch UBND",
        effective_from=date(2026, 3, 10), field="tai-chinh-ngan-sach", disclosure="cong-khai-ngan-sach",
    )  # fmt: skip
    html = client.get(f"/van-ban/{doc.slug}/", HTTP_HOST=HOST).content.decode()
    for text in (
        "Số ký hiệu", "125/QĐ-UBND", "Loại văn bản", "Quyết định", "Cơ quan ban hành", "UBND Xã Phước Hậu",
        "Người ký", "Trần Văn Bình – Chủ tịch UBND", "Ngày ban hành", "02/03/2026",
        "Ngày hiệu lực", "10/03/2026",
        "Lĩnh vực", "Tài chính - Ngân sách", "Danh mục công khai", "Công khai ngân sách", "Còn hiệu lực",
    ):  # fmt: skip
        assert text in html, text
    assert "<iframe" in html and ".pdf" in html  # inline preview and download link


def test_the_summary_has_its_own_labelled_row(client, commune_a):
    doc = legal_document(
        commune_a, number="126/QĐ-UBND", summary="Về việc ban hành quy chế làm việc & tiếp dân"
    )
    html = client.get(f"/van-ban/{doc.slug}/", HTTP_HOST=HOST).content.decode()
    table = html.split('class="table doc-meta"')[1].split("</table>")[0]
    assert (
        '<tr><th scope="row">Trích yếu</th><td>Về việc ban hành quy chế làm việc &amp; tiếp dân</td></tr>'
        in table
    )


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2026, 3, 9), Status.PENDING),
        (date(2026, 3, 10), Status.IN_FORCE),
        (date(2026, 12, 30), Status.IN_FORCE),
        (date(2026, 12, 31), Status.EXPIRED),
    ],
)
def test_status_at_the_boundary_dates(on, expected):
    doc = LegalDocument(
        issued_on=date(2026, 3, 2), effective_from=date(2026, 3, 10), effective_until=date(2026, 12, 31)
    )
    assert doc.status(on) == expected


def test_links_show_at_both_ends(client, commune_a):
    old = legal_document(commune_a, number="10/QĐ-UBND")
    new = legal_document(commune_a, number="20/QĐ-UBND")
    new.relations = [LegalDocumentRelation(kind="replaces", target=old)]
    new.save_revision().publish()
    new_html = client.get(f"/van-ban/{new.slug}/", HTTP_HOST=HOST).content.decode()
    old_html = client.get(f"/van-ban/{old.slug}/", HTTP_HOST=HOST).content.decode()
    assert "Thay thế" in new_html and "10/QĐ-UBND" in new_html
    assert "Bị thay thế bởi" in old_html and "20/QĐ-UBND" in old_html


def test_dates_and_numbers_are_validated(commune_a):
    legal_document(commune_a, number="7/QĐ-UBND")
    cases = [
        ({"effective_from": date(2026, 3, 1)}, "effective_from", "trước ngày ban hành"),
        (
            {"effective_from": date(2026, 3, 5), "effective_until": date(2026, 3, 5)},
            "effective_until",
            "sau ngày",
        ),
        ({"number": "7/qđ-ubnd"}, "number", "đã có văn bản số"),  # same body, other case
    ]
    for fields, field, message in cases:
        page = LegalDocument(
            title="x", slug="x", issuing_body="UBND Xã Phước Hậu", issued_on=date(2026, 3, 2),
            doc_type="quyet-dinh", field="khac", summary="x", disclosure="chi-dao-dieu-hanh",
            number=fields.pop("number", "99/QĐ-UBND"), **fields,
        )  # fmt: skip
        with pytest.raises(ValidationError) as error:
            page.clean()
        assert message in " ".join(error.value.message_dict[field]), field
    # the same number from another body is fine
    LegalDocument(
        title="x", slug="x", issuing_body="UBND Xã An Hải", issued_on=date(2026, 3, 2), number="7/QĐ-UBND",
        doc_type="quyet-dinh", field="khac", summary="x", disclosure="chi-dao-dieu-hanh",
    ).clean()  # fmt: skip


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def plain_zip_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "không phải văn bản Word")
    return buffer.getvalue()


ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 200  # an executable's header


@pytest.mark.parametrize(
    ("name", "content", "accepted", "message"),
    [
        ("quyet-dinh.pdf", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF", True, ""),
        ("ke-hoach.docx", docx_bytes(), True, ""),
        ("virus.pdf", ELF, False, "không thực sự là tệp PDF"),
        ("gia-mao.docx", plain_zip_bytes(), False, "không thực sự là tệp DOCX"),
        ("chay.exe", ELF, False, "Không nhận tệp loại"),
    ],
)
def test_uploads_are_checked_by_content(client, commune_a, name, content, accepted, message):
    from django.core.files.uploadedfile import SimpleUploadedFile

    editor = UserFactory(username="upload-editor", groups=[commune_a.editors_group])
    client.force_login(editor)
    before = get_document_model().objects.count()
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Tệp thử",
            "collection": commune_a.collection.pk,
            "file": SimpleUploadedFile(name, content),
        },
    )
    after = get_document_model().objects.count()
    if accepted:
        assert response.status_code == 302 and after == before + 1
    else:
        assert response.status_code == 200 and after == before
        assert message in response.content.decode()


@override_settings(PORTAL_MAX_UPLOAD_MB=1)
def test_uploads_over_the_size_limit_are_refused(client, commune_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(UserFactory(username="big-editor", groups=[commune_a.editors_group]))
    big = b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 10)
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Tệp lớn",
            "collection": commune_a.collection.pk,
            "file": SimpleUploadedFile("lon.pdf", big),
        },
    )
    assert response.status_code == 200 and "lớn hơn 1 MB" in response.content.decode()


@pytest.fixture
def corpus(commune_a):
    return [
        legal_document(commune_a, number="1/KH-UBND", doc_type="ke-hoach", issued_on=date(2025, 5, 1),
                       field="kinh-te", disclosure="quy-hoach-ke-hoach",
                       summary="Kế hoạch phát triển kinh tế"),
        legal_document(commune_a, number="2/QĐ-UBND", issued_on=date(2026, 1, 5),
                       effective_until=date(2026, 2, 1), summary="Quyết định đã hết hiệu lực"),
        legal_document(commune_a, number="3/TB-UBND", doc_type="thong-bao", issued_on=date(2026, 4, 1),
                       effective_from=date.today() + timedelta(days=30), disclosure="tuyen-dung",
                       summary="Thông báo tuyển dụng công chức"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["3/TB-UBND", "2/QĐ-UBND", "1/KH-UBND"]),
        ({"loai": "ke-hoach"}, ["1/KH-UBND"]),
        ({"nam": "2026"}, ["3/TB-UBND", "2/QĐ-UBND"]),
        ({"tinh-trang": "het-hieu-luc"}, ["2/QĐ-UBND"]),
        ({"tinh-trang": "chua-hieu-luc"}, ["3/TB-UBND"]),
        ({"tinh-trang": "con-hieu-luc"}, ["1/KH-UBND"]),
        ({"danh-muc": "tuyen-dung"}, ["3/TB-UBND"]),
        ({"linh-vuc": "kinh-te"}, ["1/KH-UBND"]),
        ({"q": "tuyển dụng"}, ["3/TB-UBND"]),
        ({"q": "2/QĐ"}, ["2/QĐ-UBND"]),
        # the public search's matching: no diacritics, đ as d, numbers in parts, whole words
        ({"q": "tuyen dung"}, ["3/TB-UBND"]),
        ({"q": "qd-ubnd"}, ["2/QĐ-UBND"]),
        ({"q": "tuyển dụ"}, []),
        ({"co-quan": "UBND Xã Phước Hậu", "loai": "thong-bao"}, ["3/TB-UBND"]),
    ],
)
def test_listing_filters(client, corpus, query, expected):
    response = client.get("/van-ban/", query, HTTP_HOST=HOST)
    assert response.status_code == 200
    shown = [doc.number for doc in response.context["documents"]]
    assert shown == expected


@pytest.mark.parametrize(
    "query",
    [
        {"loai": "x"},
        {"nam": "20a6"},
        {"nam": "99999"},
        {"tinh-trang": "<script>"},
        {"page": "-1"},
        {"q": "%" * 500},
    ],
)
def test_listing_survives_bad_input(client, corpus, query):
    response = client.get("/van-ban/", query, HTTP_HOST=HOST)
    assert response.status_code == 200


def test_district_listing_can_include_the_units_labelled(client, district, commune_a, commune_b):
    legal_document(district, number="100/QĐ-UBND")
    legal_document(commune_b, number="5/TB-UBND", doc_type="thong-bao")
    own = [d.number for d in client.get("/van-ban/", HTTP_HOST="ninh-phuoc.localhost").context["documents"]]
    assert own == ["100/QĐ-UBND"]
    response = client.get("/van-ban/", {"pham-vi": "tat-ca"}, HTTP_HOST="ninh-phuoc.localhost")
    assert {d.number for d in response.context["documents"]} == {"100/QĐ-UBND", "5/TB-UBND"}
    assert "Xã An Hải" in response.content.decode()
    # a commune cannot widen its listing
    response = client.get("/van-ban/", {"pham-vi": "tat-ca"}, HTTP_HOST="an-hai.localhost")
    assert [d.number for d in response.context["documents"]] == ["5/TB-UBND"]


def test_other_units_cannot_edit(client, commune_a, commune_b, editor_a):
    doc = legal_document(commune_b, number="9/QĐ-UBND")
    client.force_login(editor_a)
    assert client.get(f"/admin/pages/{doc.pk}/edit/").status_code in (302, 403, 404)
    response = client.post(f"/admin/pages/{doc.pk}/edit/", {"title": "Sửa trộm"})
    assert response.status_code in (302, 403, 404)
    doc.refresh_from_db()
    assert doc.title != "Sửa trộm"


def test_documents_use_the_shared_workflow(commune_a, editor_a):
    doc = legal_document(commune_a, number="11/QĐ-UBND", publish=False, owner=editor_a)
    workflow = doc.get_workflow()
    assert workflow is not None and workflow.name == "Duyệt tin bài"


def test_query_budgets_do_not_grow(client, commune_a, settings, django_assert_max_num_queries):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0  # a real render each time, not the page cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(url, query=None):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, query or {}, HTTP_HOST=HOST).status_code == 200
        return len(queries)

    query = {
        "loai": "quyet-dinh", "nam": "2026", "tinh-trang": "con-hieu-luc", "danh-muc": "chi-dao-dieu-hanh",
        "linh-vuc": "hanh-chinh", "co-quan": "UBND Xã Phước Hậu", "q": "quy chế",
    }  # fmt: skip
    for n in range(3):
        legal_document(commune_a, number=f"{n + 1}/QĐ-UBND", files=1)
    one = legal_document(commune_a, number="499/QĐ-UBND", files=1)
    client.get("/van-ban/", HTTP_HOST=HOST)  # warm the per-process site cache
    small_list, small_detail = count("/van-ban/", query), count(f"/van-ban/{one.slug}/")
    for n in range(20):
        legal_document(commune_a, number=f"{n + 10}/QĐ-UBND", files=1)
    many = legal_document(commune_a, number="500/QĐ-UBND", files=6)
    client.get("/van-ban/", HTTP_HOST=HOST)  # publishing replaced what the process kept for the unit
    assert count("/van-ban/", query) == small_list  # 24 documents: as many queries as 4
    assert count(f"/van-ban/{many.slug}/") == small_detail  # 6 files: as many queries as 1
    # Wagtail's site, active locale and home, the library, its documents and the keyword's matching: the unit,
    # its settings, the menu, the banners and the languages are kept per process (sites.cache.remember)
    with django_assert_max_num_queries(6):
        client.get("/van-ban/", query, HTTP_HOST=HOST)
    with django_assert_max_num_queries(9):
        client.get(f"/van-ban/{many.slug}/", HTTP_HOST=HOST)


def test_downloads_are_counted_and_drafts_are_not_served(client, commune_a):
    doc = legal_document(commune_a, number="31/QĐ-UBND", files=2)
    first, second = doc.attachments.order_by("sort_order")
    html = client.get(f"/van-ban/{doc.slug}/", HTTP_HOST=HOST).content.decode()
    assert f"/van-ban/tai-ve/{first.pk}/" in html
    for _ in range(3):
        response = client.get(f"/van-ban/tai-ve/{first.pk}/", HTTP_HOST=HOST)
        assert response.status_code == 302 and response["Location"] == first.document.url
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.downloads, second.downloads) == (3, 0)
    draft = legal_document(commune_a, number="32/QĐ-UBND", publish=False)
    hidden = draft.attachments.first()
    assert client.get(f"/van-ban/tai-ve/{hidden.pk}/", HTTP_HOST=HOST).status_code == 404
    assert client.get("/van-ban/tai-ve/999999/", HTTP_HOST=HOST).status_code == 404
    assert client.post(f"/van-ban/tai-ve/{first.pk}/", HTTP_HOST=HOST).status_code == 405
