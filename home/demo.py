"""Demo content for the introduction of each unit (issue #19 §1): called by ``seed_demo`` for the district and
every commune. Idempotent: pages already filled are left as they are, images are reused by title."""

import io
import json
import random

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from PIL import Image, ImageDraw

from home.mixins import default_review_date
from home.models import AdministrativeMapPage, ContactPage, OrganisationPage, StandardPage
from home.sections import build_introduction_section, introduction_of

# Demo text is Vietnamese content, not UI strings: it is what editors would type.


def _paragraphs(*texts):
    return json.dumps([{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts])


def _kind(unit, is_top):
    return ("huyện", "Huyện ủy", "UBND huyện") if is_top else ("xã", "Đảng ủy xã", "UBND xã")


def _texts(unit, is_top):
    level, party, committee = _kind(unit, is_top)
    name = unit.name
    if is_top:
        area = "Huyện có diện tích tự nhiên khoảng 342 km², gồm 1 thị trấn và 8 xã, dân số hơn 13 vạn người."
    else:
        area = f"{name} có diện tích tự nhiên khoảng 25 km², gồm 5 thôn, dân số khoảng 9.000 người."
    return {
        "intro": (
            f"{name} nằm ở phía Nam tỉnh, là địa phương có truyền thống cách mạng, đoàn kết và cần cù "
            f"lao động. {area}",
            "Trang này giới thiệu cơ cấu tổ chức, chức năng, nhiệm vụ của chính quyền, điều kiện tự nhiên, "
            "lịch sử, văn hóa, bản đồ hành chính, lãnh đạo và thông tin liên hệ.",
        ),
        "co-cau-to-chuc": (
            f"Hệ thống chính trị {level} gồm {party}, Hội đồng nhân dân, Ủy ban nhân dân, Ủy ban Mặt trận Tổ "
            "quốc Việt Nam và các tổ chức chính trị - xã hội.",
            f"{committee} gồm Chủ tịch, các Phó Chủ tịch và các Ủy viên; giúp việc có Văn phòng HĐND và UBND "
            "cùng các phòng, ban chuyên môn.",
        ),
        "chuc-nang-nhiem-vu": (
            f"{committee} là cơ quan chấp hành của Hội đồng nhân dân, cơ quan hành chính nhà nước ở địa "
            "phương, chịu trách nhiệm trước Hội đồng nhân dân cùng cấp và cơ quan hành chính nhà nước "
            "cấp trên.",
            "Tổ chức thi hành Hiến pháp, pháp luật; quản lý nhà nước về kinh tế, văn hóa, xã hội, quốc "
            "phòng, an ninh trên địa bàn; giải quyết thủ tục hành chính cho người dân và doanh nghiệp.",
        ),
        "dieu-kien-tu-nhien": (
            f"{area} Địa hình tương đối bằng phẳng, thấp dần từ Tây sang Đông.",
            "Khí hậu nhiệt đới gió mùa, nắng nhiều, lượng mưa thấp; mùa mưa từ tháng 9 đến tháng 11. Đất đai "
            "phù hợp trồng nho, táo, lúa và chăn nuôi dê, cừu.",
        ),
        "lich-su-van-hoa": (
            f"Vùng đất {name} được khai phá từ lâu đời, gắn với cộng đồng người Kinh và người Chăm cùng sinh "
            "sống, xây dựng quê hương.",
            "Trong các cuộc kháng chiến, nhân dân địa phương đóng góp nhiều sức người, sức của. Ngày nay, "
            "các lễ hội truyền thống, nghề gốm và dệt thổ cẩm được gìn giữ, phát huy.",
        ),
    }


def _image(unit, title, description, make_png):
    Image_ = get_image_model()
    existing = Image_.objects.filter(collection=unit.collection, title=title).first()
    if existing is not None:
        return existing
    image = Image_(
        title=title,
        collection=unit.collection,
        description=description,
        file=ImageFile(io.BytesIO(make_png()), name=f"{title.lower().replace(' ', '-')}-{unit.slug}.png"),
    )
    image.save()
    return image


def map_png(seed, size=(1200, 800)):
    """A simple administrative map: the unit's outline split into coloured village areas, a river, a road."""
    rng = random.Random(seed)  # noqa: S311  (a drawing, not a secret)
    width, height = size
    image = Image.new("RGB", size, (236, 242, 246))
    draw = ImageDraw.Draw(image)
    columns, rows = 3, 2
    palette = [
        (190, 222, 170),
        (250, 226, 160),
        (214, 196, 232),
        (246, 200, 180),
        (180, 214, 230),
        (230, 230, 180),
    ]
    margin = 60
    cell_w, cell_h = (width - 2 * margin) / columns, (height - 2 * margin) / rows
    for row in range(rows):
        for col in range(columns):
            x0, y0 = margin + col * cell_w, margin + row * cell_h
            jitter = [rng.randint(-20, 20) for _ in range(8)]
            polygon = [
                (x0 + jitter[0], y0 + jitter[1]),
                (x0 + cell_w + jitter[2], y0 + jitter[3]),
                (x0 + cell_w + jitter[4], y0 + cell_h + jitter[5]),
                (x0 + jitter[6], y0 + cell_h + jitter[7]),
            ]
            draw.polygon(polygon, fill=palette[(row * columns + col) % len(palette)], outline=(90, 90, 90))
            cx, cy = x0 + cell_w / 2, y0 + cell_h / 2
            draw.ellipse((cx - 8, cy - 8, cx + 8, cy + 8), fill=(200, 16, 46))
    river = [(0, height * 0.3)] + [(x, height * 0.3 + rng.randint(-40, 40)) for x in range(100, width, 100)]
    draw.line(river + [(width, height * 0.35)], fill=(70, 130, 200), width=10)
    draw.line((margin, height - margin * 1.5, width - margin, margin * 1.5), fill=(180, 60, 40), width=6)
    draw.rectangle((2, 2, width - 3, height - 3), outline=(60, 60, 60), width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def chart_png(size=(1000, 500)):
    """An organisation chart: one box on top, three below, lines between."""
    width, height = size
    image = Image.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(image)
    top = (width / 2 - 150, 40, width / 2 + 150, 130)
    draw.rectangle(top, fill=(200, 16, 46), outline=(120, 0, 20), width=3)
    for i in range(3):
        x = 60 + i * (width - 120) / 3
        box = (x + 20, 300, x + (width - 120) / 3 - 20, 400)
        draw.line((width / 2, 130, (box[0] + box[2]) / 2, 300), fill=(60, 60, 60), width=3)
        draw.rectangle(box, fill=(250, 226, 160), outline=(120, 90, 20), width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _publish(page):
    page.review_by = default_review_date()
    page.save_revision().publish()


def fill_introduction(unit, *, is_top):
    """Fill ``unit``'s /gioi-thieu/ and its sub-pages with realistic content (created first if missing).
    Pages that already have content are left alone, so running it twice changes nothing."""
    home = unit.site.root_page.specific
    build_introduction_section(unit=unit, home_page=home)
    introduction = introduction_of(home)
    if introduction is None:
        return
    texts = _texts(unit, is_top)
    level, party, committee = _kind(unit, is_top)
    if not introduction.body:
        introduction.body = _paragraphs(*texts["intro"])
        _publish(introduction)
    summaries = {
        "co-cau-to-chuc": "Hệ thống chính trị, sơ đồ tổ chức của cơ quan và các đơn vị.",
        "chuc-nang-nhiem-vu": f"Chức năng, nhiệm vụ, quyền hạn của {committee}.",
        "dieu-kien-tu-nhien": "Vị trí địa lý, diện tích, địa hình, khí hậu.",
        "lich-su-van-hoa": "Quá trình hình thành, phát triển và truyền thống văn hóa.",
        "ban-do-hanh-chinh": f"Bản đồ hành chính {level} và các đơn vị trực thuộc.",
        "lien-he": "Địa chỉ, điện thoại, thư điện tử của cơ quan và người phát ngôn.",
    }
    for page in introduction.get_children().specific():
        if page.slug in summaries and not page.search_description:
            page.search_description = summaries[page.slug]
        if isinstance(page, OrganisationPage) and not page.chart_id:
            page.chart = _image(unit, "So do to chuc", f"Sơ đồ tổ chức {committee}", chart_png)
            page.chart_alt = f"Sơ đồ tổ chức {committee}"
            page.chart_text = (
                f"Chủ tịch {committee}\n"
                f"– Các Phó Chủ tịch {committee}\n"
                "– Văn phòng HĐND và UBND\n"
                "– Các phòng, ban chuyên môn: Kinh tế; Văn hóa - Xã hội; Tài chính - Kế hoạch"
            )
            page.body = _paragraphs(*texts["co-cau-to-chuc"])
            _publish(page)
        elif isinstance(page, AdministrativeMapPage) and not page.image_id:
            page.image = _image(
                unit, "Ban do hanh chinh", f"Bản đồ hành chính {unit.name}", lambda: map_png(unit.pk)
            )
            page.image_alt = (
                f"Bản đồ hành chính {unit.name}: sáu vùng màu là các thôn (khu phố), chấm đỏ là trụ sở; "
                "sông chảy theo hướng Tây – Đông ở phía Bắc, quốc lộ cắt chéo từ Tây Nam lên Đông Bắc."
            )
            page.caption = f"Bản đồ hành chính {unit.name} (minh họa)"
            page.map_file = _map_document(unit)
            _publish(page)
        elif isinstance(page, ContactPage) and not page.address:
            domain = f"{unit.slug}.ninhphuoc.gov.vn"
            page.address = f"Trụ sở {committee}, {unit.name}, tỉnh Khánh Hòa"
            page.phone = "0259 3864 0" + f"{unit.pk % 100:02d}"
            page.fax = "0259 3864 1" + f"{unit.pk % 100:02d}"
            page.email = f"vanphong@{domain}"
            page.working_hours = "Thứ Hai đến Thứ Sáu: sáng 7 giờ – 11 giờ 30, chiều 13 giờ 30 – 17 giờ."
            page.spokesperson_name = "Lê Văn Cường" if is_top else "Hoàng Thị Hoa"
            page.spokesperson_position = f"Chủ tịch {committee}"
            page.spokesperson_phone = "0259 3864 2" + f"{unit.pk % 100:02d}"
            page.spokesperson_email = f"chutich@{domain}"
            _publish(page)
        elif type(page) is StandardPage and not page.body and page.slug in texts:
            page.body = _paragraphs(*texts[page.slug])
            _publish(page)


def _map_document(unit):
    Document = get_document_model()
    title = f"Bản đồ hành chính {unit.name} (khổ lớn)"
    existing = Document.objects.filter(collection=unit.collection, title=title).first()
    if existing is not None:
        return existing
    document = Document(title=title, collection=unit.collection)
    document.file.save(
        f"ban-do-hanh-chinh-{unit.slug}.png", ContentFile(map_png(unit.pk, (2400, 1600))), save=False
    )
    document.save()
    return document
