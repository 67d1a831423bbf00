"""The question form against abuse: honeypot, limits per address and per unit (with the board's flood alert),
size limits, disguised uploads, banned phrases and the block list."""

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.translation import gettext

import pytest

from news.taxonomy import BannedPhrase
from questions.abuse import is_blocked, normalise_phone
from questions.models import BlockedSender, Question
from tests.factories import UserFactory
from tests.factories.questions import (
    FORM_PATH,
    eager_tasks,  # noqa: F401 (a fixture)
    form_data,
    fresh_rates,
    post_question,
    question_index,
)

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


@pytest.fixture(autouse=True)
def _setup(settings, eager_tasks, commune_a):  # noqa: F811
    from django.core.cache import cache

    cache.delete(f"questions:flood-alert:{commune_a.pk}")
    fresh_rates(settings)
    question_index(commune_a)


def vi(message):
    with translation.override("vi"):
        return gettext(message)


def test_a_robot_filling_the_honeypot_is_told_sent_and_nothing_is_kept(client, commune_a):
    response = post_question(client, commune_a, form_data(website="http://spam.example"))
    assert response.status_code == 303
    assert "ma=" not in response["Location"]
    assert Question.objects.count() == 0
    page = client.get(response["Location"], HTTP_HOST=commune_a.site.hostname)
    assert page.status_code == 200


def test_the_limit_per_address(client, settings, commune_a):
    fresh_rates(settings, per_address=2)
    for _ in range(2):
        assert post_question(client, commune_a).status_code == 303
    response = post_question(client, commune_a, form_data(title="Câu hỏi thứ ba của tôi"))
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 200000
    html = response.content.decode()
    assert "Câu hỏi thứ ba của tôi" in html  # what was typed is kept
    assert (
        vi(
            "Too many questions were sent from your connection in a short time. Please try again later; "
            "what you typed is kept below."
        )
        in html
    )
    assert Question.objects.count() == 2
    # another address still gets through
    other = post_question(client, commune_a, REMOTE_ADDR="198.51.100.20")
    assert other.status_code == 303


def test_the_limit_per_unit_alerts_the_board_once(
    client, settings, django_capture_on_commit_callbacks, commune_a, board_member
):
    fresh_rates(settings, per_unit=2)
    UserFactory(username="board-no-mail", email="", groups=[board_member.groups.first()])
    for number in range(2):
        response = post_question(client, commune_a, REMOTE_ADDR=f"198.51.100.{number + 1}")
        assert response.status_code == 303
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        flooded = post_question(
            client, commune_a, form_data(title="Một câu hỏi nữa"), REMOTE_ADDR="198.51.100.9"
        )
        again = post_question(client, commune_a, REMOTE_ADDR="198.51.100.10")
    assert flooded.status_code == 429 and again.status_code == 429
    assert "Retry-After" in flooded
    assert "Một câu hỏi nữa" in flooded.content.decode()
    assert Question.objects.count() == 2
    alerts = [message for message in mail.outbox if commune_a.name in message.subject]
    assert [message.to for message in alerts] == [[board_member.email]]  # once per hour, to the board


def test_a_blocked_sender_is_refused_neutrally_and_nothing_is_kept(client, commune_a):
    NEUTRAL = vi(  # noqa: N806
        "Your question could not be received. Please contact the unit directly by telephone or in person."
    )
    BlockedSender.objects.create(kind=BlockedSender.Kind.EMAIL, value="spam@example.test")
    BlockedSender.objects.create(kind=BlockedSender.Kind.PHONE, value="0987654321")
    BlockedSender.objects.create(kind=BlockedSender.Kind.ADDRESS, value="203.0.113.0/24")
    cases = [
        (form_data(email="SPAM@example.test"), {}),
        (form_data(phone="+84 987 654 321", email=""), {}),
        (form_data(), {"REMOTE_ADDR": "203.0.113.77"}),
    ]
    for data, extra in cases:
        response = post_question(client, commune_a, data, **extra)
        assert response.status_code == 403
        html = response.content.decode()
        assert NEUTRAL in html
        assert "203.0.113.0/24" not in html
    assert Question.objects.count() == 0
    assert post_question(client, commune_a, REMOTE_ADDR="203.0.114.1").status_code == 303


def test_is_blocked_reads_the_list():
    BlockedSender.objects.create(kind=BlockedSender.Kind.ADDRESS, value="2001:db8::/32")
    BlockedSender.objects.create(kind=BlockedSender.Kind.ADDRESS, value="not a network")
    assert is_blocked(address="2001:db8::1")
    assert not is_blocked(address="2001:db9::1")
    assert not is_blocked(address="garbage", email="", phone="")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0912 345 678", "0912345678"),
        ("+84 912.345.678", "0912345678"),
        ("(0259) 3851 234", "02593851234"),
        ("0112345678", None),
        ("12345", None),
        ("+1 202 555 0100", None),
        ("0912abc678", None),
    ],
)
def test_phone_numbers_are_normalised(raw, expected):
    assert normalise_phone(raw) == expected


def test_a_blocking_phrase_refuses_the_question(client, commune_a):
    BannedPhrase.objects.create(phrase="lừa đảo chiếm đoạt", blocks_submission=True)
    response = post_question(
        client, commune_a, form_data(body="Tôi muốn tố cáo vụ LỪA ĐẢO   chiếm đoạt tiền.")
    )
    assert response.status_code == 400
    assert "lừa đảo chiếm đoạt" in response.content.decode()
    assert Question.objects.count() == 0


def test_a_warning_phrase_is_flagged_for_the_moderator(client, commune_a):
    BannedPhrase.objects.create(
        phrase="khiếu nại vượt cấp", blocks_submission=False, note="Chuyển tiếp đúng nơi"
    )
    body = "Tôi đã khiếu nại vượt cấp, số điện thoại của tôi là 0912 345 678."
    assert post_question(client, commune_a, form_data(body=body)).status_code == 303
    flagged = Question.objects.get().flagged
    assert {"kind": "phrase", "value": "khiếu nại vượt cấp", "note": "Chuyển tiếp đúng nơi"} in flagged
    assert {"kind": "personal_data", "value": "phone"} in flagged


def test_check_article_still_reports_banned_phrases():
    from news.checks import banned_phrases_in, check_article

    BannedPhrase.objects.create(phrase="tin đồn", blocks_submission=False)
    assert [p.phrase for p in banned_phrases_in("Đây là TIN ĐỒN thất thiệt")] == ["tin đồn"]
    assert banned_phrases_in("tin đồnnn") == []
    problems = check_article(
        title="Tin đồn", lead="x" * 40, body=[], categories=[], source="", featured_image=None
    )
    assert any(not problem.blocking and "tin đồn" in problem.message for problem in problems)


def test_a_body_too_long_is_refused_with_the_text_kept(client, commune_a):
    body = "Nội dung rất dài. " * 400  # about 7,200 characters
    response = post_question(client, commune_a, form_data(body=body))
    assert response.status_code == 400
    assert "Nội dung rất dài." in response.content.decode()
    assert Question.objects.count() == 0


def test_the_request_size_limit(client, settings, commune_a):
    settings.PORTAL_QUESTION_MAX_ATTACHMENT_MB = 1
    huge = SimpleUploadedFile("ho-so.pdf", PDF + b"0" * (3 * 1024 * 1024), content_type="application/pdf")
    response = post_question(client, commune_a, form_data(attachment=huge))
    assert response.status_code == 413  # refused before the body is read
    # other public paths keep their small limit
    big = {"y-kien": "x" * (settings.PORTAL_PUBLIC_MAX_BODY_KB * 1024 + 10)}
    assert client.post("/hoi-dap/", big, HTTP_HOST=commune_a.site.hostname).status_code == 413
    # within the request's room but over the attachment's limit: the form says so, the text is kept
    large = SimpleUploadedFile("ho-so.pdf", PDF + b"0" * (1024 * 1024 + 10), content_type="application/pdf")
    response = post_question(client, commune_a, form_data(attachment=large, title="Tiêu đề giữ lại"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Tiêu đề giữ lại" in html
    assert vi("The file you chose was not kept: please choose it again.") in html
    assert Question.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("giay-to.pdf", EXE),
        ("anh.png", EXE),
        ("anh.jpg", PDF),
        ("chuong-trinh.exe", EXE),
        ("khong-duoi", PDF),
    ],
)
def test_a_disguised_or_unaccepted_file_is_refused(client, commune_a, name, content):
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    response = post_question(client, commune_a, form_data(attachment=upload))
    assert response.status_code == 400
    assert Question.objects.count() == 0


@pytest.mark.parametrize(("name", "content"), [("Đơn đề nghị.pdf", PDF), ("anh-chup.PNG", PNG)])
def test_an_attachment_is_kept_privately(client, settings, commune_a, name, content):
    upload = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    assert post_question(client, commune_a, form_data(attachment=upload)).status_code == 303
    stored = Question.objects.get()
    assert stored.attachment_name == name
    assert name not in stored.attachment.name and stored.attachment.name.startswith("hoi-dap/")
    path = stored.attachment.path
    assert path.startswith(str(settings.PORTAL_PRIVATE_MEDIA_ROOT))
    assert stored.attachment.url == ""  # no address: nothing serves it
    with stored.attachment.open("rb") as handle:
        assert handle.read() == content
    stored.attachment.delete(save=False)


def test_garbage_posts_never_fail(client, commune_a):
    cases = [
        {},
        {"field": "abc", "consent": "on"},
        {"field": "999999", "name": "A", "email": "a@b.vn", "title": "T", "body": "B", "consent": "on"},
        {"name": "\x00", "title": "\x00", "body": "\x00", "email": "a@b.vn", "consent": "on"},
        {"unit": "1", **form_data()},
        {"show_name": ["on", "x"], **form_data()},
    ]
    for data in cases:
        response = post_question(client, commune_a, data)
        assert response.status_code in (303, 400), data
    assert client.put(FORM_PATH, HTTP_HOST=commune_a.site.hostname).status_code == 405


def test_nginx_lets_the_question_form_carry_its_attachment(settings):
    from tests.conftest import ROOT

    conf = (ROOT / "docker" / "nginx.conf").read_text()
    block = conf.split('location ~ "/hoi-dap/dat-cau-hoi/$" {', 1)[1].split("}", 1)[0]
    assert f"client_max_body_size {settings.PORTAL_QUESTION_MAX_ATTACHMENT_MB + 1}m;" in block
    assert "proxy_cache " not in block  # a POST and a no-store form: never the micro-cache
