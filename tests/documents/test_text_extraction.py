"""Text of attached PDF and DOCX files, extracted after publication and used by search."""

import io

from wagtail.models import Page

import pytest

from documents.extraction import Limits, extract_text
from documents.models import LegalDocumentAttachment
from documents.services import read_attachments
from home.demo_files import simple_pdf
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


# --- limits: decompression and CPU bombs (#16) ----------------------------------------------------------


def docx_bomb(megabytes=200):
    """A real DOCX whose document.xml holds ``megabytes`` MB of zeros in one paragraph (~1,000:1)."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(docx_with("x")))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for item in source.infolist():
            if item.filename != "word/document.xml":
                archive.writestr(item, source.read(item))
                continue
            head, tail = source.read(item).split(b"</w:body>")
            with archive.open("word/document.xml", "w", force_zip64=True) as part:
                part.write(head.replace(b"<w:body>", b"<w:body><w:p><w:r><w:t>"))
                zeros = b"0" * (1 << 20)
                for _ in range(megabytes):
                    part.write(zeros)
                part.write(b"</w:t></w:r></w:p></w:body>" + tail)
    return buffer.getvalue()


def long_pdf(pages, first_page_text="Trang dau tien cua tai lieu"):
    """A PDF of ``pages`` pages: one with text, then blank ones (made with pypdf)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.add_page(PdfReader(io.BytesIO(simple_pdf([first_page_text]))).pages[0])
    for _ in range(pages - 1):
        writer.add_blank_page(612, 792)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def own_peak_memory_mb():
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_a_docx_bomb_is_refused_before_parsing():
    import time

    bomb = docx_bomb(200)
    assert len(bomb) < 400_000  # 200 MB of text in a few hundred KB
    before, started = own_peak_memory_mb(), time.monotonic()
    assert extract_text(bomb, "docx") == ("", "too_large")
    assert time.monotonic() - started < 10
    assert own_peak_memory_mb() - before < 50  # the worker's own process never held it


def test_a_bomb_that_passes_the_size_checks_is_stopped_by_the_memory_limit():
    """Ratio and size checks off: python-docx parses 200 MB of XML in the child, which runs out of its
    256 MB of address space; the caller gets "too_large" and keeps its own memory."""
    import time

    limits = Limits(max_expanded_bytes=1 << 40, max_ratio=10**6, memory_bytes=256 << 20, seconds=30)
    before, started = own_peak_memory_mb(), time.monotonic()
    assert extract_text(docx_bomb(200), "docx", limits=limits) == ("", "too_large")
    assert time.monotonic() - started < 40
    assert own_peak_memory_mb() - before < 50


def test_declared_sizes_and_entry_counts_are_checked():
    import zipfile

    many = io.BytesIO()
    with zipfile.ZipFile(many, "w") as archive:
        for index in range(30):
            archive.writestr(f"word/part{index}.xml", "<x/>")
    assert extract_text(many.getvalue(), "docx", limits=Limits(max_zip_entries=20)) == ("", "too_large")
    # a plain document over a (small) expanded-size limit
    assert extract_text(
        docx_with("văn bản " * 50_000), "docx", limits=Limits(max_expanded_bytes=100_000)
    ) == (
        "",
        "too_large",
    )


def test_only_the_first_pages_of_a_long_pdf_are_read():
    import time

    pdf = long_pdf(5000)
    started = time.monotonic()
    text, status = extract_text(pdf, "pdf", limits=Limits(max_pages=200))
    assert status == "too_large" and "Trang dau tien" in text  # the first pages stay searchable
    assert time.monotonic() - started < 15
    # within the page limit it is read as usual
    assert extract_text(long_pdf(20), "pdf") == ("Trang dau tien cua tai lieu", "ok")


def test_a_reader_over_its_cpu_time_is_stopped():
    import time

    started = time.monotonic()
    text, status = extract_text(long_pdf(20_000), "pdf", limits=Limits(max_pages=20_000, seconds=1))
    assert (text, status) == ("", "too_large")
    assert time.monotonic() - started < 12


def test_a_file_over_the_limits_is_flagged_for_the_editor(client, commune_a, editor_a):
    doc = legal_document(commune_a, number="44/QĐ-UBND")
    LegalDocumentAttachment.objects.create(
        page=doc,
        document=make_file(commune_a.collection, "Phụ lục nặng", name="nang.docx", content=docx_bomb(120)),
    )
    read_attachments(doc.pk)
    statuses = dict(
        LegalDocumentAttachment.objects.filter(page=doc).values_list("document__title", "text_status")
    )
    assert statuses["Phụ lục nặng"] == "too_large"
    assert [s for t, s in statuses.items() if t != "Phụ lục nặng"] == ["ok"]  # the others are still read
    client.force_login(editor_a)
    html = client.get(f"/admin/pages/{doc.pk}/edit/").content.decode()
    assert "Phụ lục nặng" in html and "Tệp quá lớn để đọc hết" in html


def test_unfinished_readings_are_not_repeated_forever(commune_a):
    """A run whose worker was lost leaves its file "pending"; after a few such runs the file is given up."""
    from django.core.cache import cache

    from documents.services import MAX_READ_ATTEMPTS, _attempts_key

    doc = legal_document(commune_a, number="45/QĐ-UBND")
    LegalDocumentAttachment.objects.filter(page=doc).update(text_status="pending")
    cache.set(_attempts_key(doc.pk), MAX_READ_ATTEMPTS, 60)  # three runs started, none finished
    assert read_attachments(doc.pk) is None
    assert set(LegalDocumentAttachment.objects.filter(page=doc).values_list("text_status", flat=True)) == {
        "too_large"
    }
    # a later publication reads it afresh (the count was reset)
    assert read_attachments(doc.pk) is not None
    assert cache.get(_attempts_key(doc.pk)) is None


def test_the_task_is_bounded():
    from documents.tasks import read_attachments as task

    assert task.acks_late and task.reject_on_worker_lost is False
    assert task.soft_time_limit and task.time_limit > task.soft_time_limit
    assert task.max_retries == 3


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_survives_a_bomb_and_reads_the_other_files(celery_worker_process):
    import time

    from documents.models import LegalDocument
    from portal.tasks import ping
    from tests.factories import make_unit

    unit = make_unit("phuoc-hau-bomb", name="Xã Phước Hậu")
    doc = legal_document(unit, number="46/QĐ-UBND", publish=False, files=0)
    for title, name, content in [
        ("Quả bom", "bom.docx", docx_bomb(200)),
        ("Tài liệu dài", "dai.pdf", long_pdf(3000)),
        ("Quy chế", "quy-che.docx", docx_with("chế độ công tác phí")),
    ]:
        LegalDocumentAttachment.objects.create(
            page=doc, document=make_file(unit.collection, title, name=name, content=content)
        )
    doc.save_revision().publish()
    deadline = time.monotonic() + 90
    while "công tác phí" not in LegalDocument.objects.get(pk=doc.pk).full_text:
        assert celery_worker_process.poll() is None, "the worker died"
        assert time.monotonic() < deadline, "the worker did not read the attachments"
        time.sleep(0.3)
    statuses = dict(
        LegalDocumentAttachment.objects.filter(page=doc).values_list("document__title", "text_status")
    )
    assert statuses == {"Quả bom": "too_large", "Tài liệu dài": "too_large", "Quy chế": "ok"}
    assert celery_worker_process.poll() is None
    assert ping.delay().get(timeout=30) == "pong"
