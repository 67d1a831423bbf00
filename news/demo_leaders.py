"""Demo leaders for each unit (issue #19 §2): called by ``seed_demo`` after it has created the unit's tracked
officials. Idempotent: leaders are found again by their position, portraits by their title."""

import io
import zlib

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from PIL import Image, ImageDraw

from news.taxonomy import Official, rank_for_position

# Demo content (what editors would type), not UI strings. (position, name) added to every unit; the positions
# seed_demo already tracks (Bí thư, Chủ tịch ...) keep their names and only gain a public profile.
DISTRICT_LEADERS = [
    ("Chủ tịch HĐND huyện", "Đặng Văn Minh"),
    ("Phó Chủ tịch UBND huyện", "Ngô Thị Lan"),
    ("Phó Chủ tịch UBND huyện", "Võ Văn Tài"),
]
UNIT_LEADERS = [
    ("Phó Bí thư Thường trực Đảng ủy", "Bùi Văn Hải"),
    ("Chủ tịch HĐND", "Đỗ Thị Mai"),
    ("Phó Chủ tịch UBND", "Huỳnh Văn Phúc"),
]
DUTIES = {
    10: "Lãnh đạo toàn diện công tác của Đảng bộ; phụ trách công tác tổ chức, cán bộ, quốc phòng - an ninh.",
    20: "Phụ trách công tác xây dựng Đảng, kiểm tra, giám sát; thường trực cấp ủy.",
    40: "Điều hành hoạt động của Hội đồng nhân dân; giám sát việc thi hành pháp luật.",
    50: "Lãnh đạo, điều hành chung; phụ trách tài chính, ngân sách, đất đai, thi đua - khen thưởng.",
    70: "Phụ trách lĩnh vực kinh tế, nông nghiệp, xây dựng, giao thông, tài nguyên - môi trường.",
}


def portrait_png(seed, size=(320, 400)):
    """A placeholder portrait: a head-and-shoulders silhouette on a coloured background."""
    backgrounds = [(214, 226, 240), (232, 222, 210), (220, 236, 220), (236, 220, 230)]
    width, height = size
    image = Image.new("RGB", size, backgrounds[seed % len(backgrounds)])
    draw = ImageDraw.Draw(image)
    draw.ellipse((width * 0.3, height * 0.15, width * 0.7, height * 0.5), fill=(120, 120, 130))
    draw.ellipse((width * 0.1, height * 0.55, width * 0.9, height * 1.3), fill=(60, 70, 90))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _portrait(unit, official):
    Image_ = get_image_model()
    title = f"Chân dung {official.name}"
    existing = Image_.objects.filter(collection=unit.collection, title=title).first()
    if existing is not None:
        return existing
    image = Image_(
        title=title,
        collection=unit.collection,
        description=f"Ảnh chân dung {official.name}, {official.position}",
        file=ImageFile(
            io.BytesIO(portrait_png(zlib.crc32(title.encode()))), name=f"chan-dung-{official.pk}.png"
        ),
    )
    image.save()
    return image


def _term(rank):
    return "2025–2030" if rank < 40 else "2026–2031"  # the Party's congress term, else the councils'


def _department(rank, unit, is_top):
    if rank < 40:
        return f"{'Huyện ủy' if is_top else 'Đảng ủy'} {unit.name}"
    return f"{'HĐND' if rank in (40, 60) else 'UBND'} {unit.name}"


def fill_leaders(unit, *, is_top):
    """Give ``unit``'s tracked officials a public profile and add a few more leaders, so that its
    /gioi-thieu/lanh-dao/ lists four to six people by position."""
    suffix = "" if is_top else f" {unit.name[:1].lower()}{unit.name[1:]}"
    for position, name in DISTRICT_LEADERS if is_top else UNIT_LEADERS:
        full = position if is_top else f"{position}{suffix}"
        Official.objects.get_or_create(unit=unit, position=full, name=name)
    domain = f"{unit.slug}.ninhphuoc.gov.vn"
    for number, official in enumerate(Official.objects.filter(unit=unit).order_by("pk"), start=1):
        if official.shown_publicly:
            continue  # already filled (or set by an editor)
        rank = rank_for_position(official.position)
        official.sort_order = rank + number % 5  # two deputies keep a stable order
        official.shown_publicly = True
        official.consent_recorded = True  # demo people
        official.department = _department(rank, unit, is_top)
        official.term = _term(rank)
        official.duties = DUTIES.get(rank, "Phụ trách lĩnh vực văn hóa - xã hội, giáo dục, y tế, lao động.")
        official.office_phone = f"0259 3865 {unit.pk % 100:02d}{number:02d}"
        official.office_email = f"lanhdao{number}@{domain}"
        official.biography = (
            f"{official.name} sinh năm 197{number % 10}, quê quán {unit.name}. Trình độ chuyên môn: Đại học; "
            "lý luận chính trị: Cao cấp. Trưởng thành từ cơ sở, đã qua nhiều vị trí công tác trước khi được "
            f"bầu giữ chức {official.position}."
        )
        official.photo = _portrait(unit, official)
        official.photo_alt = f"Ảnh chân dung {official.name}"
        official.save()
