"""Uploads are told by their content (``filetype``, and the OLE2 header for legacy DOC and XLS): a real
file of each accepted format passes, whichever program wrote it; a file disguised by its name is refused."""

import io
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

import pytest
from docx import Document
from openpyxl import Workbook

from documents.validators import OLE2, validate_file_content

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 200
OLE2_FILE = OLE2 + b"\x00" * 1024  # the header is all that is checked for DOC and XLS


def zipped(*entries, stored_first=False):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, (name, data) in enumerate(entries):
            compress = zipfile.ZIP_STORED if stored_first and index == 0 else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=compress)
    return buffer.getvalue()


def word_docx():
    buffer = io.BytesIO()
    Document().save(buffer)
    return buffer.getvalue()


def excel_xlsx():
    buffer = io.BytesIO()
    workbook = Workbook()
    workbook.active["A1"] = "Dự toán"
    workbook.save(buffer)
    return buffer.getvalue()


def libreoffice_docx():
    # LibreOffice writes the package's own parts first; "word/" comes fourth.
    return zipped(
        ("_rels/.rels", "<Relationships/>"),
        ("docProps/core.xml", "<cp:coreProperties/>"),
        ("docProps/app.xml", "<Properties/>"),
        ("word/document.xml", "<w:document/>"),
        ("[Content_Types].xml", "<Types/>"),
    )


def opendocument(mime):
    return zipped(("mimetype", mime), ("content.xml", "<office:document-content/>"), stored_first=True)


ODT = opendocument("application/vnd.oasis.opendocument.text")
ODS = opendocument("application/vnd.oasis.opendocument.spreadsheet")
PLAIN_ZIP = zipped(("ghi-chu.txt", "không phải văn bản Word"))


def check(name, content):
    upload = SimpleUploadedFile(name, content)
    validate_file_content(upload)
    assert upload.tell() == 0  # the file is left where it was, for Wagtail to store


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("quyet-dinh.pdf", PDF),
        ("quyet-dinh.PDF", b"\xef\xbb\xbf" + PDF),  # a byte-order mark before the header
        ("ke-hoach.docx", word_docx()),
        ("ke-hoach.docx", libreoffice_docx()),
        ("du-toan.xlsx", excel_xlsx()),
        ("bao-cao.odt", ODT),
        ("bang-tinh.ods", ODS),
        ("cong-van.doc", OLE2_FILE),
        ("so-lieu.xls", OLE2_FILE),
        ("tai-lieu.zip", PLAIN_ZIP),
        ("tai-lieu.zip", word_docx()),  # an office file is a zip too
    ],
)
def test_real_files_pass(name, content):
    check(name, content)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("virus.pdf", ELF),
        ("gia-mao.docx", PLAIN_ZIP),
        ("gia-mao.xlsx", PLAIN_ZIP),
        ("gia-mao.odt", PLAIN_ZIP),
        ("bang-tinh.docx", excel_xlsx()),  # a spreadsheet named as a Word file
        ("van-ban.xlsx", word_docx()),
        ("bang-tinh.odt", ODS),
        ("van-ban.pdf", word_docx()),
        ("cong-van.doc", word_docx()),
        ("cong-van.doc", PDF),
        ("tai-lieu.zip", PDF),
        ("rong.pdf", b""),
    ],
)
def test_disguised_files_are_refused(name, content):
    with pytest.raises(ValidationError) as error:
        check(name, content)
    assert error.value.code == "content"


@pytest.mark.parametrize("name", ["chay.exe", "trang.html", "khong-duoi", "anh.svg"])
def test_other_types_are_refused_by_name(name):
    with pytest.raises(ValidationError) as error:
        check(name, PDF)
    assert error.value.code == "extension"


@override_settings(PORTAL_MAX_UPLOAD_MB=1)
def test_too_large_is_refused_before_reading():
    with pytest.raises(ValidationError) as error:
        check("lon.pdf", PDF + b"0" * (1024 * 1024))
    assert error.value.code == "too_large"
