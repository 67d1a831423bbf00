"""Demo data of the access-to-information section and of consultation outcomes (called by ``seed_demo``).

``fill_access(unit, is_top=...)`` is idempotent: it fills the unit's focal point and request form once, and
adds each demo document only when the unit has none with its number.
"""

import io
import unicodedata
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model

from documents.legal import Disclosure, DocumentType, Field, LegalDocument, LegalDocumentAttachment
from documents.models import AccessInformationPage, DocumentIndexPage
from documents.sections import build_access_section
from home.demo_files import simple_pdf
from sites.workdays import add_working_days

FORM_TITLE = "Phiếu yêu cầu cung cấp thông tin (Mẫu số 01a, Nghị định 13/2018/NĐ-CP)"

# (number, type, field, disclosure, title, days ago it was issued); "{unit}" is the unit's name
DOCUMENTS = [
    ("18/QĐ-UBND", DocumentType.DECISION, Field.FINANCE, Disclosure.FEES,
     "Quyết định công khai danh mục và mức thu phí, lệ phí áp dụng tại {unit}", 40),
    ("25/BC-UBND", DocumentType.REPORT, Field.ADMINISTRATION, Disclosure.REPORTS,
     "Báo cáo tình hình kinh tế - xã hội quý III và nhiệm vụ trọng tâm quý IV của {unit}", 25),
    ("31/TB-UBND", DocumentType.NOTICE, Field.CULTURE, Disclosure.FUNDS,
     "Thông báo công khai kết quả tiếp nhận, phân bổ Quỹ cứu trợ khắc phục hậu quả bão lũ tại {unit}", 18),
    ("12/QĐ-UBND", DocumentType.DECISION, Field.ADMINISTRATION, Disclosure.PROCEDURES,
     "Quyết định công bố danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của {unit}", 60),
]  # fmt: skip
TOP_DOCUMENTS = [
    ("45/QĐ-UBND", DocumentType.DECISION, Field.LAND, Disclosure.LAND,
     "Quyết định phê duyệt phương án bồi thường, hỗ trợ, tái định cư dự án đường ven biển qua {unit}", 30),
]  # fmt: skip
# Inspection conclusions stay empty in the demo: the access page lists them among the categories still empty.


def fill_access(unit, *, is_top):
    """Fill ``unit``'s access-to-information page and add the demo documents of the new disclosure
    categories, two consultations past their window (one with its outcome, one overdue: the district's) and
    a document published late (issued 12 working days before publication). Idempotent."""
    build_access_section(unit=unit, home_page=unit.site.root_page)
    _fill_page(unit)
    today = timezone.localdate()
    for number, doc_type, field, disclosure, title, days_ago in DOCUMENTS + (TOP_DOCUMENTS if is_top else []):
        _document(
            unit,
            number=number,
            doc_type=doc_type,
            field=field,
            disclosure=disclosure,
            title=title.format(unit=unit.name),
            issued_on=today - timedelta(days=days_ago),
        )
    # published late: issued 12 working days before today
    late_issue = today
    while add_working_days(late_issue, 12) > today:
        late_issue -= timedelta(days=1)
    _document(
        unit,
        number="07/KH-UBND",
        doc_type=DocumentType.PLAN,
        field=Field.ADMINISTRATION,
        disclosure=Disclosure.PLANNING,
        title=f"Kế hoạch kiểm tra công tác cải cách hành chính năm {today.year} của {unit.name}",
        issued_on=late_issue,
    )
    # a consultation closed 50 days ago with its outcome published
    closed = today - timedelta(days=50)
    done = _document(
        unit,
        number="DT-03/UBND",
        doc_type=DocumentType.PLAN,
        field=Field.ENVIRONMENT,
        disclosure=Disclosure.DRAFT,
        title=f"Dự thảo Kế hoạch thu gom, xử lý rác thải sinh hoạt trên địa bàn {unit.name}",
        issued_on=closed - timedelta(days=30),
        comment_opens=closed - timedelta(days=30),
        comment_closes=closed,
    )
    if done is not None and not done.has_outcome():
        done.outcome_report = _file(
            unit,
            f"Báo cáo tổng hợp, tiếp thu, giải trình ý kiến – Dự thảo DT-03/UBND ({unit.name})",
            ["BAO CAO TONG HOP, TIEP THU, GIAI TRINH Y KIEN", unit.name, "Du thao DT-03/UBND"],
        )
        done.outcome_published_on = closed + timedelta(days=14)
        done.outcome_summary = (
            "Nhận 27 ý kiến góp ý của người dân và tổ chức; tiếp thu 21 ý kiến (bổ sung điểm tập kết rác tại "
            "các thôn, điều chỉnh lịch thu gom), giải trình 6 ý kiến chưa tiếp thu."
        )
        done.save_revision().publish()
    if is_top:  # overdue for the district: closed 45 days ago, no outcome yet
        closed = today - timedelta(days=45)
        _document(
            unit,
            number="DT-04/UBND",
            doc_type=DocumentType.REGULATION,
            field=Field.ADMINISTRATION,
            disclosure=Disclosure.DRAFT,
            title=f"Dự thảo Quy chế tiếp công dân của {unit.name}",
            issued_on=closed - timedelta(days=30),
            comment_opens=closed - timedelta(days=30),
            comment_closes=closed,
        )


def _fill_page(unit):
    page = AccessInformationPage.objects.child_of(unit.site.root_page).first()
    if page is None or page.focal_name:
        return
    short = unit.name.replace("Huyện ", "").replace("Xã ", "").replace("Thị trấn ", "")
    domain = short.lower().replace(" ", "")
    page.intro = (
        f"<p>Chuyên mục công khai thông tin và tiếp nhận yêu cầu cung cấp thông tin của {unit.name}, theo "
        "Luật Tiếp cận thông tin năm 2016 và Nghị định số 13/2018/NĐ-CP.</p>"
    )
    page.focal_name = "Trần Thị Mai"
    page.focal_position = "Công chức Văn phòng – Thống kê, Văn phòng HĐND và UBND"
    page.focal_address = f"Trụ sở UBND {unit.name}, tỉnh Ninh Thuận"
    page.focal_phone = "0259 3864 123"
    page.focal_fax = "0259 3864 124"
    page.focal_email = f"tiepcanthongtin.{_ascii(domain)}@ninhthuan.gov.vn"
    page.complaints_email = f"vanphong.{_ascii(domain)}@ninhthuan.gov.vn"
    page.focal_hours = "Thứ Hai đến Thứ Sáu: sáng 7:00–11:30, chiều 13:30–17:00 (trừ ngày lễ, Tết)"
    page.request_form = _form(unit, FORM_TITLE, "phieu-yeu-cau-01a.docx", FORM_01A)
    page.request_form_group = _form(unit, FORM_01B_TITLE, "phieu-yeu-cau-01b.docx", FORM_01B)
    page.consent_form = _form(unit, FORM_06_TITLE, "van-ban-dong-y-06.docx", FORM_06)
    page.rules_document = _file(
        unit,
        f"Quy chế cung cấp thông tin cho công dân của UBND {unit.name}",
        ["QUY CHE CUNG CAP THONG TIN CHO CONG DAN", unit.name],
    )
    page.conditional_access = (
        "<p>Thông tin liên quan đến bí mật kinh doanh, đời sống riêng tư, bí mật cá nhân, bí mật gia đình "
        "chỉ được cung cấp khi có sự đồng ý của người, tổ chức có liên quan (Mẫu số 06); thông tin liên quan "
        "đến gia đình của công dân chỉ được cung cấp cho vợ, chồng, cha, mẹ, con của người đó (Luật Tiếp cận "
        "thông tin 2016, Điều 7).</p>"
    )
    page.save_revision().publish()


def _ascii(text):
    text = text.replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


FORM_01B_TITLE = "Phiếu yêu cầu cung cấp thông tin qua người đại diện (Mẫu số 01b, Nghị định 13/2018/NĐ-CP)"
FORM_06_TITLE = "Văn bản đồng ý cung cấp thông tin (Mẫu số 06, Nghị định 13/2018/NĐ-CP)"
REQUEST_LINES = [
    "3. Số CMND/Thẻ căn cước công dân/Hộ chiếu: ..........  Ngày cấp: ..........  Nơi cấp: ..........",
    "4. Số điện thoại: ..........  Fax: ..........  E-mail: ..........",
    "5. Thông tin yêu cầu cung cấp (tên văn bản, hồ sơ, tài liệu): ..........",
    "6. Mục đích yêu cầu cung cấp thông tin: ..........",
    "7. Hình thức nhận thông tin: nhận trực tiếp / qua bưu điện / fax / qua mạng điện tử",
    "8. Số lượng bản in, sao, chụp: ..........",
]
FORM_01A = (
    "PHIẾU YÊU CẦU CUNG CẤP THÔNG TIN",
    ["1. Họ và tên người yêu cầu: ..........", "2. Nơi cư trú, địa chỉ: ..........", *REQUEST_LINES],
)
FORM_01B = (
    "PHIẾU YÊU CẦU CUNG CẤP THÔNG TIN (qua người đại diện)",
    [
        "1. Tên tổ chức / người đại diện: ..........",
        "2. Địa chỉ: ..........",
        *REQUEST_LINES,
        "9. Danh sách người yêu cầu (họ tên, số giấy tờ tùy thân, lý do, mục đích): ..........",
    ],
)
FORM_06 = (
    "VĂN BẢN ĐỒNG Ý CUNG CẤP THÔNG TIN",
    [
        "1. Họ và tên người / tên tổ chức đồng ý: ..........",
        "2. Số CMND/Thẻ căn cước công dân/Hộ chiếu hoặc số đăng ký: ..........",
        "3. Đồng ý để cơ quan cung cấp thông tin sau cho người yêu cầu: ..........",
        "4. Họ và tên người yêu cầu được cung cấp: ..........",
    ],
)


def _form(unit, title, filename, content):
    """A form as a DOCX in the unit's collection (the annexes of Nghị định 13/2018/NĐ-CP, simplified)."""
    Document = get_document_model()
    existing = Document.objects.filter(collection=unit.collection, title=title).first()
    if existing is not None:
        return existing
    import docx  # python-docx (requirements.txt, text extraction): imported only when a form is written

    heading, lines = content
    doc = docx.Document()
    doc.add_paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc")
    doc.add_heading(heading, level=1)
    doc.add_paragraph(f"Kính gửi: UBND {unit.name}")
    for line in lines:
        doc.add_paragraph(line)
    doc.add_paragraph("...., ngày .... tháng .... năm ....\nNGƯỜI YÊU CẦU (ký, ghi rõ họ tên)")
    buffer = io.BytesIO()
    doc.save(buffer)
    document = Document(title=title, collection=unit.collection)
    document.file.save(filename, ContentFile(buffer.getvalue()), save=False)
    document.save()
    return document


def _file(unit, title, lines):
    Document = get_document_model()
    existing = Document.objects.filter(collection=unit.collection, title=title).first()
    if existing is not None:
        return existing
    document = Document(title=title, collection=unit.collection)
    name = _ascii(title.split("(")[0]).lower().strip().replace(" ", "-").replace("/", "-").replace(",", "")
    document.file.save(f"{name[:60]}.pdf", ContentFile(simple_pdf(lines)), save=False)
    document.save()
    return document


def _document(unit, *, number, title, **fields):
    """A published document of ``unit`` (skipped, and returned, when the unit already has ``number``)."""
    body = f"UBND {unit.name}"
    index = DocumentIndexPage.objects.child_of(unit.site.root_page).first()
    existing = LegalDocument.objects.filter(number=number, issuing_body=body).first()
    if existing is not None or index is None:
        return existing
    page = LegalDocument(
        title=title[:255],
        slug=_ascii(number).replace("/", "-").lower(),
        number=number,
        issuing_body=body,
        signer="Nguyễn Văn An",
        signer_position="Chủ tịch UBND",
        effective_from=fields["issued_on"],
        summary=title,
        **fields,
    )
    page.attachments = [
        LegalDocumentAttachment(document=_file(unit, f"{number} – {unit.name}", [unit.name, number, title]))
    ]
    index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
