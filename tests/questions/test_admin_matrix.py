"""Roles × actions on unit B's questions, through the real admin URLs (as
tests/sites/test_permission_matrix.py does for pages): unit A's editor and approver get a 403/404 (or a
redirect away) and never B's data; nothing changes. The board sees every unit's questions."""

from django.urls import reverse

import pytest

from questions.models import Question, QuestionForward, QuestionPage
from tests.questions.test_admin_helpers import make_question

pytestmark = pytest.mark.django_db

SECRET = "BMAT-Q"


@pytest.fixture
def b_question(commune_b):
    return make_question(
        commune_b,
        title=f"{SECRET} câu hỏi An Hải",
        body=f"{SECRET} nội dung",
        name=f"{SECRET} Trần Văn Bí",
        email="bi.mat@example.test",
        attachment=("bi-mat.pdf", f"%PDF-1.4 {SECRET}".encode()),
    )


def actions(question, a_unit):
    pk = question.pk
    return {
        "inspect": ("get", reverse("questions_admin:inspect", args=[pk]), None),
        "detail": ("get", reverse("questions_admin:detail", args=[pk]), None),
        "edit form": ("get", reverse("questions_admin:edit", args=[pk]), None),
        "edit": ("post", reverse("questions_admin:edit", args=[pk]), {"field": ""}),
        "history": ("get", reverse("questions_admin:history", args=[pk]), None),
        "usage": ("get", reverse("questions_admin:usage", args=[pk]), None),
        "delete": ("post", reverse("questions_admin:delete", args=[pk]), {}),
        "answer": ("post", reverse("questions_admin:answer", args=[pk]), {}),
        "forward form": ("get", reverse("questions_admin:forward", args=[pk]), None),
        "forward": (
            "post",
            reverse("questions_admin:forward", args=[pk]),
            {"to_unit": a_unit.pk, "reason": "lấy về"},
        ),
        "close form": ("get", reverse("questions_admin:close", args=[pk]), None),
        "close": ("post", reverse("questions_admin:close", args=[pk]), {"reason": "spam"}),
        "attachment": ("get", reverse("questions_admin:attachment", args=[pk]), None),
        "listing": ("get", "/admin/hoi-dap/", None),
        "listing search": ("get", "/admin/hoi-dap/", {"q": SECRET}),
        "listing of B": ("get", "/admin/hoi-dap/", {"unit": question.unit_id}),
        "export csv": ("get", "/admin/hoi-dap/", {"export": "csv"}),
        "export xlsx": ("get", "/admin/hoi-dap/", {"export": "xlsx"}),
        "results": ("get", "/admin/hoi-dap/results/", {"q": SECRET}),
        "dashboard": ("get", "/admin/", None),
    }


def leaks(response, question):
    body = body_of(response)
    markers = [question.reference, "bi.mat@example.test", question.name, question.title, question.body]
    return [marker for marker in markers if marker in body]


def body_of(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


@pytest.mark.parametrize("role", ["editor", "approver"])
def test_unit_a_cannot_touch_b_questions(client, commune_a, b_question, editor_a, approver_a, role):
    client.force_login({"editor": editor_a, "approver": approver_a}[role])
    problems = []
    for name, (method, url, data) in actions(b_question, commune_a).items():
        response = client.get(url, data) if method == "get" else client.post(url, data)
        status = response.status_code
        written = status == 200 and method == "post"  # a form that took the data
        if status >= 500 or leaks(response, b_question) or written or status not in (200, 302, 403, 404, 405):
            problems.append((name, status))
        if name in ("inspect", "attachment", "forward", "answer", "close") and status not in (403, 404):
            problems.append((name, status))
    assert not problems
    b_question.refresh_from_db()
    assert b_question.unit_id != commune_a.pk and b_question.status == Question.Status.RECEIVED
    assert b_question.title.startswith(SECRET) and not QuestionForward.objects.exists()
    assert not QuestionPage.objects.exists()


def test_board_sees_every_unit(client, commune_a, commune_b, b_question, board_member):
    mine = make_question(commune_a, title="Câu hỏi Phước Hậu")
    client.force_login(board_member)
    html = client.get("/admin/hoi-dap/").content.decode()
    assert b_question.reference in html and mine.reference in html
    html = client.get("/admin/hoi-dap/", {"unit": commune_a.pk}).content.decode()
    assert mine.reference in html and b_question.reference not in html
    response = client.get(reverse("questions_admin:inspect", args=[b_question.pk]))
    assert response.status_code == 200 and SECRET in response.content.decode()
    response = client.get(reverse("questions_admin:attachment", args=[b_question.pk]))
    assert response.status_code == 200
    export = body_of(client.get("/admin/hoi-dap/", {"export": "csv"}))
    assert b_question.reference in export and mine.reference in export


def test_b_members_see_their_own(client, commune_b, b_question, approver_b):
    client.force_login(approver_b)
    assert b_question.reference in client.get("/admin/hoi-dap/").content.decode()
    html = client.get(reverse("questions_admin:inspect", args=[b_question.pk])).content.decode()
    assert "bi.mat@example.test" in html


def test_the_unit_filter_offers_only_the_users_units(client, commune_a, commune_b, editor_a):
    client.force_login(editor_a)
    html = client.get("/admin/hoi-dap/").content.decode()
    assert commune_b.name not in html
