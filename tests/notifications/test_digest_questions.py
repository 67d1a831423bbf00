"""The daily digest lists the citizens' questions waiting in the approver's units, oldest first, with their
due date and the overdue ones flagged; someone with no page to review but questions waiting gets it too."""

import datetime

from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext

from wagtail import hooks

import pytest

from notifications import services
from notifications.registry import DIGEST_SECTIONS_HOOK
from questions.digest import question_sections
from questions.models import Question
from tests.factories import draft_article


def question(unit, *, days_ago, due_in, title, status=Question.Status.RECEIVED, **fields):
    received_at = timezone.now() - datetime.timedelta(days=days_ago)
    return Question.objects.create(
        unit=unit,
        received_unit=fields.pop("received_unit", unit),
        title=title,
        body="Nội dung câu hỏi.",
        name="Trần Thị Hỏi",
        email="hoi@example.test",
        consent_at=received_at,
        received_at=received_at,
        due_on=timezone.localdate() + datetime.timedelta(days=due_in),
        status=status,
        **fields,
    )


@pytest.fixture
def waiting(commune_a, commune_b, district, sections_registered):
    return {
        "new": question(commune_a, days_ago=1, due_in=12, title="Hỏi về giấy phép xây dựng"),
        "old": question(commune_a, days_ago=16, due_in=-2, title="Hỏi về đất nông nghiệp"),
        "answering": question(
            commune_a, days_ago=5, due_in=5, title="Hỏi về trợ cấp", status=Question.Status.ANSWERING
        ),
        "answered": question(
            commune_a,
            days_ago=20,
            due_in=-6,
            title="Hỏi đã được trả lời",
            status=Question.Status.ANSWERED,
            answered_at=timezone.now(),
        ),
        "closed": question(
            commune_a, days_ago=20, due_in=-6, title="Hỏi đã đóng", status=Question.Status.CLOSED
        ),
        "other": question(commune_b, days_ago=3, due_in=7, title="Câu hỏi của xã An Hải"),
        "forwarded": question(
            commune_b, days_ago=2, due_in=8, title="Chuyển từ Phước Hậu sang An Hải", received_unit=commune_a
        ),
    }


@pytest.fixture
def sections_registered():
    """The section is registered by ``questions/wagtail_hooks.py`` (checked below); registered here for the
    other tests if it is not, so that they test the digest whatever the hooks file holds."""
    if question_sections in hooks.get_hooks(DIGEST_SECTIONS_HOOK):
        yield
        return
    with hooks.register_temporarily(DIGEST_SECTIONS_HOOK, question_sections):
        yield


def digest_for(user):
    [message] = [m for m in mail.outbox if m.to == [user.email]]
    return message


def test_the_questions_section_is_registered():
    assert question_sections in hooks.get_hooks(DIGEST_SECTIONS_HOOK)


def test_waiting_and_overdue_questions_of_the_users_units_oldest_first(
    waiting, approver_a, approver_b, editor_a, board_member
):
    assert services.send_review_digests() == 3  # no page waits anywhere: A's, B's approvers and the board
    assert editor_a.email not in {address for m in mail.outbox for address in m.to}  # approvers only
    body = digest_for(approver_a).body
    old, answering, new = (waiting[k].title for k in ("old", "answering", "new"))
    assert body.index(old) < body.index(answering) < body.index(new)  # oldest first
    for gone in ("answered", "closed", "other", "forwarded"):
        assert waiting[gone].title not in body, gone  # closed, or another unit's now
    line = next(line for line in body.splitlines() if old in line)
    due = waiting["old"].due_on.strftime("%d/%m/%Y")
    with translation.override("vi"):
        assert gettext("OVERDUE") in line and due in line
        assert waiting["old"].reference in line and "Xã Phước Hậu" in line
        assert gettext("waiting %(age)s") % {"age": "16 ngày"} in line
        assert body.count(gettext("OVERDUE")) == 1
        assert gettext("Citizens' questions waiting for an answer:") in body
        assert gettext("These items are waiting for your review:") not in body  # no page waiting
    assert f"/admin/hoi-dap/detail/{waiting['old'].pk}/" in body
    with translation.override("vi"):
        subject = gettext("Daily digest: %(count)s items waiting in your units") % {"count": 3}
    assert digest_for(approver_a).subject == subject

    b_body = digest_for(approver_b).body
    assert waiting["other"].title in b_body and waiting["forwarded"].title in b_body
    assert old not in b_body and new not in b_body


def test_the_board_sees_the_other_units_overdue_questions(waiting, board_member, approver_a):
    services.send_review_digests()
    body = digest_for(board_member).body
    with translation.override("vi"):
        assert gettext("Overdue questions in the other units:") in body
    assert waiting["old"].title in body  # overdue, in commune A
    assert waiting["new"].title not in body and waiting["other"].title not in body  # not overdue


def test_pages_and_questions_in_one_mail_once_a_day(waiting, commune_a, editor_a, approver_a, approver_b):
    page = draft_article(commune_a, editor_a, title="Tin chờ duyệt")
    page.get_workflow().start(page, editor_a)
    services.send_review_digests()
    message = digest_for(approver_a)
    with translation.override("vi"):
        assert gettext("These items are waiting for your review:") in message.body
    assert "Tin chờ duyệt" in message.body and waiting["old"].title in message.body
    assert message.body.index("Tin chờ duyệt") < message.body.index(waiting["old"].title)
    mail.outbox.clear()
    assert services.send_review_digests() == 0  # once a day
    assert mail.outbox == []


def test_nothing_waiting_no_mail(commune_a, approver_a, waiting):
    Question.objects.filter(status__in=[Question.Status.RECEIVED, Question.Status.ANSWERING]).update(
        status=Question.Status.CLOSED
    )
    assert services.send_review_digests() == 0
    assert mail.outbox == []


def test_the_section_lists_thirty_and_counts_the_rest(commune_a, approver_a, sections_registered):
    from questions.digest import LIMIT

    for n in range(LIMIT + 3):
        question(commune_a, days_ago=40 - n, due_in=1, title=f"Câu hỏi số {n}")
    [section] = question_sections(user=approver_a, now=timezone.now())
    assert len(section.items) == LIMIT and section.more == 3
    assert section.items[0].text.endswith("Câu hỏi số 0 (Xã Phước Hậu)")
    services.send_review_digests()
    with translation.override("vi"):
        more = gettext("… and %(count)s more.") % {"count": 3}
    assert more in digest_for(approver_a).body
