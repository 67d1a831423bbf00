"""A question's whole life through the public form and the services: sent, acknowledged, forwarded, answered
through the unit's moderation, published without the asker's contact details."""

import re

from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext

from wagtail.models import ModelLogEntry

import pytest

from questions.models import Question, QuestionForward, QuestionPage
from questions.services import FORWARD_ACTION, close_question, forward_question, start_answer
from sites.models import BoardApprovalTask, UnitApprovalTask
from sites.workdays import add_working_days
from tests.factories import UserFactory
from tests.factories.questions import (  # noqa: F401 (eager_tasks: a fixture)
    FORM_PATH,
    SENT_PATH,
    eager_tasks,
    form_data,
    fresh_rates,
    post_question,
    question,
    question_index,
    reload,
)


@pytest.fixture(autouse=True)
def _setup(settings, eager_tasks, commune_a, commune_b):  # noqa: F811
    fresh_rates(settings)
    question_index(commune_a)
    question_index(commune_b)


ASKER = "binh.tran@example.test"


def to_asker():
    return [message for message in mail.outbox if message.to == [ASKER]]


def vi(message):
    with translation.override("vi"):
        return gettext(message)


def approve(page, user):
    page.refresh_from_db()
    state = page.current_workflow_task_state
    state.task.specific.on_action(state, user, "approve", comment="")


def current_task(page):
    page.refresh_from_db()
    return page.current_workflow_task.specific


def test_the_form_is_never_cached_and_asks_for_consent(client, commune_a):
    response = client.get(FORM_PATH, HTTP_HOST=commune_a.site.hostname)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    html = response.content.decode()
    assert "csrfmiddlewaretoken" in html
    consent = re.search(r'<input type="checkbox" name="consent"[^>]*>', html).group()
    assert "checked" not in consent and "required" in consent
    assert 'id="personal-data-notice"' in html
    show_name = re.search(r'<input type="checkbox" name="show_name"[^>]*>', html).group()
    assert "checked" not in show_name
    assert 'name="unit"' not in html  # a commune's site sends to the commune
    assert len(response.content) < 100 * 1024


def test_a_question_s_whole_life(
    client, django_capture_on_commit_callbacks, commune_a, commune_b, editor_a, approver_b, board_member
):
    # sent
    with django_capture_on_commit_callbacks(execute=True):
        response = post_question(client, commune_a)
    assert response.status_code == 303
    sent = Question.objects.get()
    assert response["Location"].endswith(f"{SENT_PATH}?ma={sent.reference}")
    assert re.fullmatch(r"HD-[0-9A-Z]{8}", sent.reference)
    assert sent.unit == commune_a and sent.received_unit == commune_a
    assert sent.phone == "0912345678" and sent.email == "binh.tran@example.test"
    assert sent.consent_at is not None and sent.address_hash and sent.status == Question.Status.RECEIVED
    expected_due = add_working_days(timezone.localdate(sent.received_at), 10)
    assert sent.due_on == expected_due

    # the acknowledgement page: reference and due date, nothing personal
    page = client.get(response["Location"], HTTP_HOST=commune_a.site.hostname)
    html = page.content.decode()
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert sent.reference in html and expected_due.strftime("%d/%m/%Y") in html
    for personal in ("binh.tran", "0912", "Trần Thị Bình", "khai sinh"):
        assert personal not in html

    # acknowledged by mail
    assert len(to_asker()) == 1
    ack = to_asker()[0]
    assert sent.reference in ack.subject and expected_due.strftime("%d/%m/%Y") in ack.body

    # forwarded to the commune it concerns: a row, a log entry, a notice to the asker
    with django_capture_on_commit_callbacks(execute=True):
        forward_question(question=sent, to_unit=commune_b, reason="Thuộc thẩm quyền xã An Hải", user=editor_a)
    sent = reload(sent)
    assert sent.unit == commune_b and sent.received_unit == commune_a
    forward = QuestionForward.objects.get()
    assert (forward.from_unit, forward.to_unit, forward.forwarded_by) == (commune_a, commune_b, editor_a)
    entry = ModelLogEntry.objects.get(action=FORWARD_ACTION)
    assert entry.object_id == str(sent.pk) and entry.user_id == editor_a.pk
    assert entry.data["to_unit"] == commune_b.pk
    assert len(to_asker()) == 2
    notice = to_asker()[1]
    assert commune_b.name in notice.body and sent.reference in notice.subject

    # answered through commune B's moderation: its approver, then the board
    editor_b = UserFactory(username="b-editor", groups=[commune_b.editors_group])
    answer = start_answer(question=sent, user=editor_b)
    assert not answer.live and answer.owner == editor_b
    assert answer.get_parent().specific == question_index(commune_b)
    assert reload(sent).status == Question.Status.ANSWERING
    answer.answer = "<p>Ông/bà mang giấy chứng sinh và CCCD của cha mẹ đến bộ phận một cửa.</p>"
    answer.answered_by = "Công chức Tư pháp - Hộ tịch"
    answer.save_revision(user=editor_b)
    answer.get_workflow().start(answer, editor_b)
    assert isinstance(current_task(answer), UnitApprovalTask)
    approve(answer, approver_b)
    assert isinstance(current_task(answer), BoardApprovalTask)
    with django_capture_on_commit_callbacks(execute=True):
        approve(answer, board_member)
    answer.refresh_from_db()
    assert answer.live
    sent = reload(sent)
    assert sent.status == Question.Status.ANSWERED
    assert sent.answered_at is not None and sent.closed_at is not None
    assert len(to_asker()) == 3
    answered = to_asker()[2]
    assert answer.get_full_url() in answered.body

    # published without the contact details (the asker did not agree to show the name)
    public = client.get(answer.url, HTTP_HOST=commune_b.site.hostname)
    html = public.content.decode()
    assert public.status_code == 200
    assert "khai sinh" in html and "bộ phận một cửa" in html
    assert vi("A citizen") in html
    for personal in ("binh.tran", "0912345678", "0912 345 678", "Trần Thị Bình", sent.reference):
        assert personal not in html
    assert timezone.localdate(sent.received_at).strftime("%d/%m/%Y") in html
    assert len(public.content) < 100 * 1024

    # and listed on commune B's /hoi-dap/
    listing = client.get("/hoi-dap/", HTTP_HOST=commune_b.site.hostname).content.decode()
    assert answer.title in listing

    # a correction published later sends nothing more and keeps the first answer time
    first_answered = sent.answered_at
    answer.answer = "<p>Đã sửa.</p>"
    with django_capture_on_commit_callbacks(execute=True):
        answer.save_revision(user=board_member).publish(user=board_member)
    assert reload(sent).answered_at == first_answered
    assert len(to_asker()) == 3


def test_the_name_is_shown_only_when_the_asker_agreed(commune_a, editor_a):
    agreed = question(commune_a, show_name=True, name="Lê Văn Cường")
    page = start_answer(question=agreed, user=editor_a)
    assert page.asker_label == "Lê Văn Cường"
    hidden = question(commune_a, show_name=False, name="Lê Văn Dũng", title="Câu hỏi khác")
    page = start_answer(question=hidden, user=editor_a)
    assert page.asker_label == vi("A citizen")
    assert QuestionPage.objects.count() == 2


def test_closing_and_forwarding_rules(commune_a, commune_b, editor_a):
    from django.core.exceptions import ValidationError

    asked = question(commune_a)
    with pytest.raises(ValidationError):
        forward_question(question=asked, to_unit=commune_a, reason="", user=editor_a)
    start_answer(question=asked, user=editor_a)
    with pytest.raises(ValidationError):  # the draft answer must go first
        forward_question(question=asked, to_unit=commune_b, reason="", user=editor_a)
    QuestionPage.objects.get(question=asked).delete()
    assert reload(asked).status == Question.Status.RECEIVED
    close_question(question=reload(asked), reason="Trùng lặp", user=editor_a)
    closed = reload(asked)
    assert closed.status == Question.Status.CLOSED and closed.closed_at and closed.close_reason == "Trùng lặp"
    assert not closed.is_open and not closed.is_overdue(closed.due_on.replace(year=closed.due_on.year + 1))
    with pytest.raises(ValidationError):
        forward_question(question=closed, to_unit=commune_b, reason="", user=editor_a)


def test_no_mail_without_an_e_mail_address(client, django_capture_on_commit_callbacks, commune_a):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_question(client, commune_a, form_data(email=""))
    assert response.status_code == 303
    assert Question.objects.get().email == ""
    assert mail.outbox == []
    page = client.get(response["Location"], HTTP_HOST=commune_a.site.hostname)
    assert page.status_code == 200


@pytest.mark.parametrize("reference", ["", "HD-UNKNOWN1", "x" * 500, "<script>", "%00"])
def test_the_acknowledgement_page_without_a_known_reference(client, commune_a, reference):
    response = client.get(SENT_PATH, {"ma": reference}, HTTP_HOST=commune_a.site.hostname)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_consent_refused_keeps_what_was_typed_and_stores_nothing(client, commune_a):
    response = post_question(client, commune_a, form_data(consent=None))
    assert response.status_code == 400
    html = response.content.decode()
    assert Question.objects.count() == 0
    assert "Hỏi về đăng ký khai sinh cho con" in html and "binh.tran@example.test" in html
    assert "Con tôi sinh ngày 01/11" in html
    from sites.personal_data import ConsentFormMixin

    with translation.override("vi"):
        assert str(ConsentFormMixin.consent_required_message) in html


def test_form_errors_in_vietnamese_per_field(client, commune_a):
    data = form_data(name="", title="", body="", email="khong-phai-email", phone="12345")
    response = post_question(client, commune_a, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert "khong-phai-email" in html and 'value="12345"' in html
    assert Question.objects.count() == 0


def test_an_e_mail_or_a_phone_is_needed(client, commune_a):
    response = post_question(client, commune_a, form_data(email="", phone=""))
    assert response.status_code == 400
    assert Question.objects.count() == 0


@pytest.mark.parametrize("phone", ["0912345678", "+84 912 345 678", "84912345678", "(0259) 3851 234"])
def test_vietnamese_phone_numbers_are_accepted(client, commune_a, phone):
    response = post_question(client, commune_a, form_data(phone=phone, email=""))
    assert response.status_code == 303
    stored = Question.objects.get().phone
    assert stored.startswith("0") and stored.isdigit()


def test_the_district_s_site_lets_the_visitor_choose_the_unit(client, district, commune_a, commune_b):
    question_index(district)
    html = client.get(FORM_PATH, HTTP_HOST=district.site.hostname).content.decode()
    select = re.search(r'<select name="unit".*?</select>', html, re.S).group()
    for unit in (district, commune_a, commune_b):
        assert f'value="{unit.pk}"' in select

    # a unit not in the list, garbage or nothing: an error, never a 500
    from sites.models import Unit

    missing = Unit.objects.order_by("-pk").first().pk + 100
    for value in (str(missing), "abc", "", "99999999999999999999", "-1", "1.5"):
        response = post_question(client, district, form_data(unit=value))
        assert response.status_code == 400, value
    assert Question.objects.count() == 0

    response = post_question(client, district, form_data(unit=str(commune_b.pk)))
    assert response.status_code == 303
    chosen = Question.objects.get()
    assert chosen.unit == commune_b and chosen.received_unit == commune_b
