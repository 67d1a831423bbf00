"""Demo answers to "Thông tin có hữu ích không?" for ``seed_demo`` (idempotent: a unit that has ratings
already is left as it is)."""

import random

from wagtail.models import Page

from feedback.models import PageRating
from feedback.services import record_rating

COMMENTS = [
    (False, "Trang chưa ghi rõ giờ tiếp công dân buổi chiều.", PageRating.Status.APPROVED),
    (False, "Mẫu tờ khai không tải về được trên điện thoại.", PageRating.Status.APPROVED),
    (True, "Thông tin rõ ràng, cảm ơn cán bộ xã.", PageRating.Status.APPROVED),
    (False, "Nên ghi thêm số điện thoại của bộ phận một cửa.", PageRating.Status.PENDING),
    (True, "Bài viết hữu ích cho bà con.", PageRating.Status.PENDING),
    # flagged in moderation ("Có thể chứa thông tin cá nhân"): a made-up number, to be rejected
    (False, "Nhờ cán bộ gọi lại cho tôi số 0900 000 000 để hướng dẫn.", PageRating.Status.PENDING),
    (False, "Mua hàng giá rẻ tại đây!!!", PageRating.Status.SPAM),
]


def fill_feedback(unit, *, is_top):
    """Add ratings (bare yes/no and comments, pending and approved) to a few live pages of ``unit``.
    Returns how many were added."""
    if PageRating.objects.filter(unit=unit).exists():
        return 0
    home = unit.site.root_page
    pages = list(Page.objects.descendant_of(home, inclusive=True).live().public().order_by("path")[:8])
    if not pages:
        return 0
    rng = random.Random(f"feedback-{unit.pk}")  # noqa: S311  (demo data, the same on every run)
    added = 0
    for index, page in enumerate(pages):
        answers = rng.randint(3, 12 if is_top else 8)
        for number in range(answers):
            useful = rng.random() < (0.45 if index % 3 == 0 else 0.8)
            record_rating(page=page, unit=unit, useful=useful, comment="", address=f"demo-{index}-{number}")
            added += 1
    for index, (useful, comment, status) in enumerate(COMMENTS):
        page = pages[index % len(pages)]
        made = record_rating(page=page, unit=unit, useful=useful, comment=comment, address=f"demo-c{index}")
        if made.status != status:
            PageRating.objects.filter(pk=made.pk).update(status=status)
        added += 1
    return added
