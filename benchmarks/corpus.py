"""Generated Vietnamese portal content, bulk-inserted as live pages (for the benchmarks).

Building 100,000 pages through Wagtail's page API takes hours here, so pages are inserted in bulk: the
page rows with their tree paths under a parent, then the specific rows (what ``add_child`` would have
written, without revisions).
"""

import json
import sys
import uuid
from datetime import date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale, Page

PLACES = (
    "Phước Hậu", "Phước Dân", "An Hải", "Phước Hải", "Phước Thuận", "Phước Sơn", "Phước Vinh", "Phước Hữu",
    "Phước Thái", "Ninh Phước", "Hữu Đức", "Mông Đức", "Long Bình", "Tân Sơn", "Vạn Phước", "Thuận Hòa",
)  # fmt: skip
SUBJECTS = (
    "UBND xã", "Đảng ủy xã", "Ủy ban MTTQ Việt Nam xã", "Hội Nông dân xã", "Hội Liên hiệp Phụ nữ xã",
    "Đoàn Thanh niên xã", "Hội Cựu chiến binh xã", "Công an xã", "Trạm Y tế xã", "Trường Tiểu học",
    "Ban Chỉ huy Quân sự xã", "Hợp tác xã nông nghiệp", "Ban công tác Mặt trận thôn", "UBND huyện",
    "Huyện ủy", "Phòng Tài nguyên và Môi trường huyện", "Phòng Giáo dục và Đào tạo huyện",
)  # fmt: skip
VERBS = (
    "tổ chức", "triển khai", "tổng kết", "sơ kết", "kiểm tra", "ra quân", "phát động", "trao tặng",
    "tuyên truyền", "hướng dẫn", "đánh giá", "thực hiện", "ký kết", "khánh thành", "bàn giao", "tập huấn",
)  # fmt: skip
OBJECTS = (
    "hội nghị sơ kết công tác 6 tháng đầu năm", "kế hoạch phòng chống thiên tai và tìm kiếm cứu nạn",
    "chương trình xây dựng nông thôn mới nâng cao", "phong trào Ngày Chủ nhật xanh",
    "công tác cải cách hành chính", "dịch vụ công trực tuyến toàn trình", "chuyển đổi số cấp xã",
    "chiến dịch tiêm chủng mở rộng", "học bổng cho học sinh nghèo vượt khó",
    "nhà tình nghĩa cho gia đình chính sách",
    "mô hình tưới tiết kiệm nước cho cây nho", "đợt cao điểm tấn công trấn áp tội phạm",
    "kế hoạch bầu cử đại biểu Hội đồng nhân dân", "công tác phòng chống dịch sốt xuất huyết",
    "lễ giao nhận quân năm 2026", "công tác cấp giấy chứng nhận quyền sử dụng đất",
    "quy chế dân chủ ở cơ sở", "chương trình mục tiêu quốc gia giảm nghèo bền vững",
    "đường giao thông nông thôn bê tông", "kế hoạch thu ngân sách nhà nước",
)  # fmt: skip
CLAUSES = (
    "với sự tham gia của đông đảo cán bộ, đảng viên và Nhân dân trên địa bàn",
    "nhằm nâng cao chất lượng phục vụ người dân và doanh nghiệp",
    "theo chỉ đạo của Ủy ban nhân dân huyện",
    "góp phần hoàn thành các chỉ tiêu kinh tế - xã hội năm 2026",
    "tại hội trường UBND xã",
    "trong không khí phấn khởi, trang trọng",
    "đồng thời đề ra nhiệm vụ trọng tâm thời gian tới",
    "qua đó kịp thời tháo gỡ khó khăn, vướng mắc ở cơ sở",
    "dưới sự chủ trì của đồng chí Chủ tịch UBND xã",
    "bảo đảm đúng tiến độ và chất lượng công trình",
)  # fmt: skip
OPENERS = ("Sáng ngày", "Chiều ngày", "Ngày", "Trong hai ngày", "Tối ngày")


def sentence(rng, day):
    subject = f"{rng.choice(SUBJECTS)} {rng.choice(PLACES)}" if rng.random() < 0.7 else rng.choice(SUBJECTS)
    parts = [f"{rng.choice(OPENERS)} {day:%d/%m/%Y}," if rng.random() < 0.25 else ""]
    parts.append(f"{subject} {rng.choice(VERBS)} {rng.choice(OBJECTS)}")
    for _ in range(rng.randint(0, 2)):
        parts.append(f", {rng.choice(CLAUSES)}")
    text = " ".join(p for p in parts if p).replace(" ,", ",") + "."
    return text[0].upper() + text[1:]


def paragraph(rng, day, sentences):
    return " ".join(sentence(rng, day) for _ in range(sentences))


def article_text(rng, day):
    """(title, lead, body paragraphs) of one news article: about 350 words."""
    title = sentence(rng, day).rstrip(".")[:250]
    lead = paragraph(rng, day, 2)[:400]
    body = [paragraph(rng, day, rng.randint(3, 6)) for _ in range(rng.randint(3, 5))]
    return title, lead, body


def progress(label, done, total):
    width = 30
    filled = width * done // max(total, 1)
    sys.stdout.write(f"\r  {label}: [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    sys.stdout.flush()
    if done >= total:
        sys.stdout.write("\n")


def insert_pages(parent, model, items, *, batch_size=2000):
    """Bulk-insert live ``model`` pages under ``parent``; ``items`` are (title, slug, specific fields).

    Returns the created page ids.
    """
    content_type = ContentType.objects.get_for_model(model)
    locale = Locale.get_default()
    fields = list(model._meta.local_concrete_fields)
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    start = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    now = timezone.now()
    ids = []
    for offset in range(0, len(items), batch_size):
        pages = [
            Page(
                path=Page._get_path(parent.path, parent.depth + 1, start + offset + i),
                depth=parent.depth + 1,
                numchild=0,
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                live=True,
                has_unpublished_changes=False,
                url_path=f"{parent.url_path}{slug}/",
                locale=locale,
                translation_key=uuid.uuid4(),
                first_published_at=values.get("first_published_at", now),
                last_published_at=values.get("first_published_at", now),
            )
            for i, (title, slug, values) in enumerate(items[offset : offset + batch_size])
        ]
        with transaction.atomic():
            created = Page.objects.bulk_create(pages)
            rows = [
                model(page_ptr_id=page.pk, **{k: v for k, v in values.items() if k != "first_published_at"})
                for page, (_t, _s, values) in zip(created, items[offset : offset + batch_size], strict=True)
            ]
            model._base_manager._insert(rows, fields=fields, raw=True)  # the child table only
        ids.extend(page.pk for page in created)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(items))
    return ids


def build_articles(units, total, rng):
    """``total`` live news articles spread evenly over the units' /tin-tuc/, dated over 6 years."""
    from news.models import NewsArticlePage, NewsIndexPage

    per_unit = total // len(units)
    tz = timezone.get_current_timezone()
    for n, unit in enumerate(units):
        index = NewsIndexPage.objects.child_of(unit.site.root_page).get()
        items = []
        for i in range(per_unit):
            day = date(2020, 1, 1) + timedelta(days=rng.randint(0, 2500))
            title, lead, body = article_text(rng, day)
            published = datetime.combine(day, time(8, rng.randint(0, 59)), tz)
            items.append(
                (
                    title,
                    f"bai-{i + 1}",
                    {
                        "lead": lead,
                        "body": json.dumps(
                            [
                                {"type": "paragraph", "value": f"<p>{p}</p>", "id": str(uuid.uuid4())}
                                for p in body
                            ]
                        ),
                        "featured_image_id": None,
                        "published_date": published,
                        # went live a few hours after its date; the event up to four days before
                        "first_published_at": published + timedelta(minutes=rng.randint(0, 600)),
                        "event_date": day - timedelta(days=rng.choice([0, 0, 0, 1, 1, 2, 4])),
                        "byline": "Phóng viên",
                        "source": "",
                        "featured": False,
                        "show_on_all_units": False,
                    },
                )
            )
        insert_pages(index, NewsArticlePage, items)
        progress("articles", (n + 1) * per_unit, per_unit * len(units))


def build_documents(units, total, rng):
    """``total`` live legal documents spread evenly over the units' /van-ban/."""
    from documents.legal import Disclosure, DocumentType, Field, LegalDocument
    from documents.models import DocumentIndexPage

    per_unit = total // len(units)
    for n, unit in enumerate(units):
        index = DocumentIndexPage.objects.child_of(unit.site.root_page).get()
        items = []
        for i in range(per_unit):
            issued = date(2015, 1, 1) + timedelta(days=rng.randint(0, 4300))
            number = f"{i + 1}/{rng.choice(['QĐ', 'KH', 'TB', 'CV', 'BC'])}-UBND"
            summary = (
                f"Về việc {rng.choice(VERBS)} {rng.choice(OBJECTS)} trên địa bàn xã {rng.choice(PLACES)}"
            )
            effective = issued + timedelta(days=rng.choice([0, 0, 7, 15]))
            items.append(
                (
                    summary[:255],
                    f"vb-{i + 1}",
                    {
                        "number": number,
                        "doc_type": rng.choice(DocumentType.values),
                        "issuing_body": f"UBND {unit.name}",
                        "signer": "Nguyễn Văn An",
                        "signer_position": "Chủ tịch UBND",
                        "issued_on": issued,
                        "effective_from": effective,
                        "effective_until": effective + timedelta(days=730) if i % 4 == 0 else None,
                        "field": rng.choice(Field.values),
                        "summary": summary,
                        "disclosure": rng.choice(Disclosure.values),
                        "full_text": paragraph(rng, issued, rng.randint(4, 12)),
                        "comment_opens": None,
                        "comment_closes": None,
                    },
                )
            )
        insert_pages(index, LegalDocument, items)
        progress("documents", (n + 1) * per_unit, per_unit * len(units))
