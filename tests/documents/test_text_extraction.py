"""Text of attached PDF and DOCX files, extracted after publication and used by search."""

import io

from wagtail.models import Page

import pytest

from documents.extraction import extract_text
from documents.models import LegalDocumentAttachment
from documents.services import read_attachments
from portal.demo.files import simple_pdf
from tests.factories import legal_document, make_file


def docx_with(text):
    from docx import Document

    document = Document()
    document.add_paragraph(text)
    table = document.add_table(rows=1, cols=1)
    table.rows[0].cells[0].text = "Bảng dự toán chi thường xuyên"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def scanned_pdf():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (400, 560), (255, 255, 255)).save(buffer, format="PDF")
    return buffer.getvalue()


def test_reads_real_pdf_and_docx_and_flags_scans():
    text, status = extract_text(simple_pdf(["Ke hoach phong chong thien tai nam 2026"]), "pdf")
    assert status == "ok" and "phong chong thien tai" in text
    text, status = extract_text(docx_with("Quy chế chi tiêu nội bộ của Ủy ban nhân dân xã"), "docx")
    assert status == "ok" and "chi tiêu nội bộ" in text and "dự toán chi thường xuyên" in text
    assert extract_text(scanned_pdf(), "pdf") == ("", "scanned")
    assert extract_text(b"%PDF-1.4 broken", "pdf") == ("", "error")
    assert extract_text(b"PK\x03\x04", "xlsx") == ("", "unsupported")


def test_publishing_queues_the_reading_after_commit(commune_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        legal_document(commune_a, number="40/QĐ-UBND")
    assert any(getattr(c, "__name__", "") == "queue_text_extraction" for c in callbacks)


def test_the_text_is_searchable_and_scans_are_flagged_for_the_unit(client, commune_a, editor_a):
    doc = legal_document(commune_a, number="41/QĐ-UBND", summary="Quy chế tài chính")
    LegalDocumentAttachment.objects.create(
        page=doc,
        document=make_file(
            commune_a.collection, "Phụ lục", name="phu-luc.docx", content=docx_with("định mức văn phòng phẩm")
        ),
    )
    LegalDocumentAttachment.objects.create(
        page=doc,
        document=make_file(commune_a.collection, "Bản quét", name="ban-quet.pdf", content=scanned_pdf()),
    )
    full_text = read_attachments(doc.pk)
    assert "định mức văn phòng phẩm" in full_text
    assert read_attachments(doc.pk) == full_text  # idempotent
    statuses = dict(
        LegalDocumentAttachment.objects.filter(page=doc).values_list("document__title", "text_status")
    )
    assert statuses["Phụ lục"] == "ok" and statuses["Bản quét"] == "scanned"
    # found by a word that is only inside the attached file
    assert doc.pk in [p.pk for p in Page.objects.live().search("phẩm")]
    client.force_login(editor_a)
    html = client.get(f"/admin/pages/{doc.pk}/edit/").content.decode()
    assert "Bản quét" in html and "không tìm kiếm được" in html


@pytest.mark.parametrize("missing", [0, 999_999])
def test_missing_document_is_ignored(db, missing):
    assert read_attachments(missing) is None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_reads_the_files_after_publication(celery_worker_process):
    import time

    from documents.models import LegalDocument
    from tests.factories import make_unit

    unit = make_unit("phuoc-hau-text", name="Xã Phước Hậu")
    doc = legal_document(unit, number="42/QĐ-UBND", publish=False)
    LegalDocumentAttachment.objects.create(
        page=doc,
        document=make_file(
            unit.collection, "Quy chế", name="quy-che.docx", content=docx_with("chế độ công tác phí")
        ),
    )
    doc.save_revision().publish()
    deadline = time.monotonic() + 30
    while "công tác phí" not in LegalDocument.objects.get(pk=doc.pk).full_text:
        assert celery_worker_process.poll() is None, celery_worker_process.stdout.read()
        assert time.monotonic() < deadline, "the worker did not read the attachments"
        time.sleep(0.2)
    statuses = set(LegalDocumentAttachment.objects.filter(page=doc).values_list("text_status", flat=True))
    assert statuses == {"ok"}
    # ...and, still on the worker, puts the text in the public search index
    from search.models import SearchEntry

    while not SearchEntry.objects.filter(pk=doc.pk, folded__contains=" che do cong tac phi ").exists():
        assert time.monotonic() < deadline, "the worker did not index the attachment text"
        time.sleep(0.2)


def test_a_missing_file_is_flagged_and_the_others_still_read(commune_a):
    doc = legal_document(commune_a, number="43/QĐ-UBND")
    gone = LegalDocumentAttachment.objects.get(page=doc)
    gone.document.file.storage.delete(gone.document.file.name)
    LegalDocumentAttachment.objects.create(
        page=doc,
        document=make_file(commune_a.collection, "Còn", name="con.docx", content=docx_with("vẫn đọc được")),
    )
    assert "vẫn đọc được" in read_attachments(doc.pk)
    statuses = dict(
        LegalDocumentAttachment.objects.filter(page=doc).values_list("document__title", "text_status")
    )
    assert statuses[gone.document.title] == "error" and statuses["Còn"] == "ok"
