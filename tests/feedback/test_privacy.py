"""Personal data in page ratings (Nghị định 13/2023/NĐ-CP: a client's address is personal data): the address
hash is kept only PORTAL_FEEDBACK_HASH_DAYS days, and comments that look like they hold a phone, ID card or
e-mail are flagged to the moderator."""

import io
import random
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

import pytest

from feedback.models import PageRating
from feedback.personal_data import EMAIL, ID_NUMBER, PHONE, personal_data_kinds
from feedback.services import forget_old_addresses
from tests.factories import publish_article
from tests.factories.feedback import rating

MODERATION = "/admin/danh-gia-trang/duyet/"


@pytest.fixture
def article(commune_a):
    return publish_article(commune_a, title="Thủ tục đăng ký khai sinh")


def sent(page, days_ago, *, now, **fields):
    """A rating sent ``days_ago`` days before ``now``."""
    made = rating(page, **fields)
    PageRating.objects.filter(pk=made.pk).update(created_at=now - timedelta(days=days_ago))
    return made


def hashes():
    return dict(PageRating.objects.values_list("comment", "address_hash"))


# --- How long the address hash is kept --------------------------------------------------------------------


def test_the_setting_defaults_to_30_days():
    from django.conf import settings

    assert settings.PORTAL_FEEDBACK_HASH_DAYS == 30


def test_hashes_older_than_the_setting_are_cleared_and_the_ratings_stay(article, settings):
    settings.PORTAL_FEEDBACK_HASH_DAYS = 30
    now = timezone.now()
    sent(article, 45, now=now, comment="cũ", status=PageRating.Status.APPROVED)
    sent(article, 30, now=now - timedelta(seconds=1), comment="vừa quá 30 ngày")
    sent(article, 30, now=now + timedelta(seconds=1), comment="còn giữ")
    sent(article, 0, now=now, comment="hôm nay")
    assert forget_old_addresses(now=now) == 2
    kept = hashes()
    assert kept["cũ"] == "" and kept["vừa quá 30 ngày"] == ""
    assert len(kept["còn giữ"]) == 64 and len(kept["hôm nay"]) == 64
    # the ratings themselves stay, for the counts, as they were
    assert PageRating.objects.count() == 4
    assert PageRating.objects.get(comment="cũ").status == PageRating.Status.APPROVED
    assert forget_old_addresses(now=now) == 0  # idempotent: nothing left to clear


def test_the_setting_is_read_at_each_run(article, settings):
    now = timezone.now()
    sent(article, 10, now=now, comment="mười ngày")
    settings.PORTAL_FEEDBACK_HASH_DAYS = 30
    assert forget_old_addresses(now=now) == 0
    settings.PORTAL_FEEDBACK_HASH_DAYS = 7
    assert forget_old_addresses(now=now) == 1
    assert hashes()["mười ngày"] == ""


def test_the_default_now_is_the_current_time(article, settings):
    settings.PORTAL_FEEDBACK_HASH_DAYS = 30
    sent(article, 31, now=timezone.now(), comment="quá hạn")
    sent(article, 1, now=timezone.now(), comment="mới")
    assert forget_old_addresses() == 1
    assert hashes() == {"quá hạn": "", "mới": hashes()["mới"]} and hashes()["mới"]


def test_the_management_command(article, settings):
    settings.PORTAL_FEEDBACK_HASH_DAYS = 30
    sent(article, 40, now=timezone.now(), comment="cũ")
    sent(article, 2, now=timezone.now(), comment="mới")
    out = io.StringIO()
    call_command("forget_rating_addresses", stdout=out)
    assert "1 rating(s)" in out.getvalue() and "30 days" in out.getvalue()
    assert hashes()["cũ"] == "" and hashes()["mới"]
    out = io.StringIO()
    call_command("forget_rating_addresses", stdout=out)
    assert "0 rating(s)" in out.getvalue()


def test_the_task_runs_the_service(article, settings):
    from feedback import tasks
    from portal.celery import app

    settings.PORTAL_FEEDBACK_HASH_DAYS = 30
    sent(article, 40, now=timezone.now(), comment="cũ")
    app.loader.import_default_modules()  # what a worker does on start: autodiscovery
    assert "feedback.tasks.forget_old_addresses" in app.tasks
    assert tasks.forget_old_addresses.apply().get() == 1
    assert hashes()["cũ"] == ""


def test_the_task_is_on_the_beat_schedule():
    from portal.celery import app

    assert any(
        entry["task"] == "feedback.tasks.forget_old_addresses" for entry in app.conf.beat_schedule.values()
    )


def test_a_cleared_rating_is_still_counted_in_the_report(client, editor_a, article, settings):
    import csv

    settings.PORTAL_FEEDBACK_HASH_DAYS = 30
    sent(article, 60, now=timezone.now(), useful=False)
    sent(article, 1, now=timezone.now(), useful=False)
    forget_old_addresses()
    client.force_login(editor_a)
    response = client.get("/admin/reports/danh-gia-trang/?export=csv")
    lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert lines[1][2:4] == ["0", "2"]


# --- Comments that look like they hold personal data ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Cán bộ gọi lại cho tôi số 0912 345 678 nhé", [PHONE]),
        ("SĐT: 0912.345.678.", [PHONE]),
        ("liên hệ 0912-345-678", [PHONE]),
        ("Số của tôi +84 912345678", [PHONE]),
        ("+84 912 345 678", [PHONE]),
        ("84912345678", [PHONE]),
        ("Điện thoại bàn (0259) 3851 234", [PHONE]),
        ("Gọi 0912345678 hoặc 0387654321", [PHONE]),
        ("0912345678 0387654321", [PHONE]),
        ("CCCD 079123456789 của tôi chưa được cấp lại", [ID_NUMBER]),
        ("số căn cước 079 123 456 789", [ID_NUMBER]),
        ("CMND 225123456", [ID_NUMBER]),
        ("Gửi giúp vào nguyenvana@gmail.com", [EMAIL]),
        ("email: tran.thi.b+xa@phuochau.ninhthuan.gov.vn", [EMAIL]),
        ("Tôi là Nguyễn Văn A, CCCD 079123456789, ĐT 0912 345 678, mail a.nguyen@yahoo.com.vn",
         [PHONE, ID_NUMBER, EMAIL]),
    ],
)  # fmt: skip
def test_personal_data_is_recognised(text, kinds):
    assert personal_data_kinds(text) == kinds


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Thông tin rõ ràng, cảm ơn cán bộ xã.",
        "Lệ phí ghi 1.500.000 đồng nhưng nộp 150.000.000 đồng?",
        "Quyết định số 1234/QĐ-UBND ngày 12.03.2026",
        "Kế hoạch các năm 2023 2024 2025",
        "Mã thủ tục 1.001234.000.00.00.H42",
        "Đường dây nóng 1900 1234, tổng đài 1022",
        "Trang 5 trên 10, năm 2026",
        "mã hồ sơ abc0912345678",
        "số +1 202 555 0143",
        "@UBND xã",
    ],
)
def test_ordinary_comments_are_not_flagged(text):
    assert personal_data_kinds(text) == []


def test_a_long_comment_is_checked_quickly():
    import time

    started = time.monotonic()
    for text in ("1" * 500 + "a", "1 " * 250 + "a", "a." * 250 + "@", "0912 " * 100):
        personal_data_kinds(text)
    assert time.monotonic() - started < 1


def test_the_moderation_list_flags_comments_with_personal_data(client, approver_a, article):
    phone = rating(article, comment="Cán bộ gọi lại giúp tôi: 0912 345 678")
    cccd = rating(article, comment="CCCD 079123456789 chưa cập nhật")
    mail = rating(article, comment="Gửi mẫu tờ khai qua hoten@gmail.com")
    plain = rating(article, comment="Trang thiếu giờ làm việc buổi chiều")
    client.force_login(approver_a)
    html = client.get(MODERATION).content.decode()
    rows = {
        made.pk: html.split(f'id="chon-{made.pk}"', 1)[1].split("</tr>", 1)[0]
        for made in (phone, cccd, mail, plain)
    }
    for made, kind in ((phone, PHONE), (cccd, ID_NUMBER), (mail, EMAIL)):
        assert "data-personal-data" in rows[made.pk]
        assert personal_data_kinds(made.comment) == [kind] and len(made.personal_data) == 1
    assert "data-personal-data" not in rows[plain.pk]
    # never published by itself: every one of them waits for the moderator
    assert set(PageRating.objects.values_list("status", flat=True)) == {PageRating.Status.PENDING}
    # and the moderator rejects it
    client.post(MODERATION, {"chon": [phone.pk, cccd.pk, mail.pk], "action": "reject"})
    assert set(
        PageRating.objects.filter(pk__in=[phone.pk, cccd.pk, mail.pk]).values_list("status", flat=True)
    ) == {PageRating.Status.REJECTED}
    assert "0912 345 678" not in client.get("/admin/reports/danh-gia-trang/y-kien/").content.decode()


def test_a_comment_with_a_phone_posted_from_the_site_waits_for_moderation(
    client, commune_a, article, settings
):
    settings.PORTAL_FEEDBACK_RATE = f"1000/{3600 + random.randrange(100000)}s"  # a fresh limiter key
    response = client.post(
        "/danh-gia/",
        {"trang": article.pk, "huu-ich": "khong", "y-kien": "Gọi tôi +84 912345678"},
        HTTP_HOST=commune_a.site.hostname,
    )
    assert response.status_code == 303
    made = PageRating.objects.get()
    assert made.status == PageRating.Status.PENDING and made.personal_data
