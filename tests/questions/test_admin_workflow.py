"""The answer page goes through the unit's moderation: an editor drafts and submits it, the unit's approver
(never its own author) approves, then the board; publication makes the question "answered"."""

import json

from django.core.exceptions import PermissionDenied
from django.urls import reverse

import pytest

from questions.models import Question, QuestionPage
from sites.models import BoardApprovalTask, UnitApprovalTask
from tests.questions.test_admin_helpers import make_question

pytestmark = pytest.mark.django_db


def current_task(page):
    page.refresh_from_db()
    return page.current_workflow_task.specific


def approve(page, user):
    page.refresh_from_db()
    state = page.current_workflow_task_state
    state.task.specific.on_action(state, user, "approve")


def drafted(client, question, user):
    client.force_login(user)
    client.post(reverse("questions_admin:answer", args=[question.pk]))
    page = QuestionPage.objects.get(question=question)
    page.answer = "<p>Trả lời: hồ sơ nộp tại bộ phận một cửa.</p>"
    page.save_revision(user=user)
    return page


def test_answer_waits_for_the_unit_then_the_board(client, commune_a, editor_a, approver_a, board_member):
    question = make_question(commune_a)
    page = drafted(client, question, editor_a)
    workflow = page.get_workflow()
    assert workflow is not None, "the unit's workflow covers the answers"
    workflow.start(page, editor_a)
    assert isinstance(current_task(page), UnitApprovalTask)
    question.refresh_from_db()
    assert question.status == Question.Status.ANSWERING

    approve(page, approver_a)
    assert isinstance(current_task(page), BoardApprovalTask)
    page.refresh_from_db()
    assert not page.live

    approve(page, board_member)
    page.refresh_from_db()
    assert page.live
    question.refresh_from_db()
    assert question.status == Question.Status.ANSWERED and question.answered_at is not None


def test_the_author_cannot_approve_their_own_answer(client, commune_a, approver_a):
    question = make_question(commune_a)
    page = drafted(client, question, approver_a)
    page.get_workflow().start(page, approver_a)
    task = current_task(page)
    assert task.get_actions(page, approver_a) == []
    with pytest.raises(PermissionDenied):
        task.on_action(page.current_workflow_task_state, approver_a, "approve")
    page.refresh_from_db()
    assert not page.live
    question.refresh_from_db()
    assert question.status == Question.Status.ANSWERING


def test_an_editor_cannot_publish_the_answer_directly(client, commune_a, editor_a):
    question = make_question(commune_a)
    page = drafted(client, question, editor_a)
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        {
            "title": page.title,
            "slug": page.slug,
            "question_text": page.question_text,
            "asker_label": page.asker_label,
            "asked_on": page.asked_on.isoformat(),
            "answer": json.dumps(
                {
                    "blocks": [
                        {
                            "key": "a1b2c",
                            "type": "unstyled",
                            "text": "Trả lời của xã.",
                            "depth": 0,
                            "inlineStyleRanges": [],
                            "entityRanges": [],
                        }
                    ],
                    "entityMap": {},
                }
            ),
            "answered_by": "",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code < 500
    page.refresh_from_db()
    assert not page.live
    question.refresh_from_db()
    assert question.status == Question.Status.ANSWERING
