"""Dashboard panel "Câu hỏi chờ trả lời": the user's units' open questions, oldest first, late ones marked,
the count and a link to the listing; the board sees every unit; a bounded number of queries."""

from django.test.client import RequestFactory
from django.utils import translation
from django.utils.translation import gettext

import pytest

from questions.models import Question
from questions.panels import WaitingQuestionsPanel
from questions.selectors import waiting_summary
from tests.questions.test_admin_helpers import make_question

pytestmark = pytest.mark.django_db


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_panel_lists_the_units_open_questions_oldest_first(client, commune_a, commune_b, editor_a):
    old = make_question(commune_a, title="Câu hỏi cũ trễ hạn", days_ago=20, due_in=-2)
    new = make_question(commune_a, title="Câu hỏi mới", days_ago=1)
    answering = make_question(commune_a, title="Đang soạn trả lời", status=Question.Status.ANSWERING)
    make_question(commune_a, title="Đã trả lời xong", status=Question.Status.ANSWERED)
    make_question(commune_a, title="Đã đóng rồi", status=Question.Status.CLOSED)
    theirs = make_question(commune_b, title="Câu hỏi bí mật An Hải")
    html = dashboard(client, editor_a)
    assert 'id="waiting-questions' in html
    assert html.index(old.reference) < html.index(new.reference)
    assert answering.reference in html
    assert "Đã trả lời xong" not in html and "Đã đóng rồi" not in html
    assert theirs.reference not in html and "bí mật An Hải" not in html
    assert html.count("data-overdue") == 1
    assert 'href="/admin/hoi-dap/"' in html
    assert "3" in html.split("data-waiting-count", 1)[1][:80]
    with translation.override("vi"):
        html = client.get("/admin/").content.decode()
        assert gettext("Questions waiting for an answer") in html


def test_board_sees_every_unit(client, commune_a, commune_b, board_member):
    a = make_question(commune_a, title="Phước Hậu hỏi")
    b = make_question(commune_b, title="An Hải hỏi")
    html = dashboard(client, board_member)
    assert a.reference in html and b.reference in html
    assert commune_a.name in html and commune_b.name in html


def test_panel_without_questions_says_so(client, commune_a, editor_a):
    html = dashboard(client, editor_a)
    assert 'id="waiting-questions' in html


def test_summary_counts_everything_and_lists_a_few(commune_a):
    for number in range(12):
        make_question(commune_a, title=f"Câu {number}", days_ago=30 - number, due_in=-1 if number < 4 else 5)
    count, late, rows = waiting_summary([commune_a], limit=10)
    assert (count, late, len(rows)) == (12, 4, 10)
    assert [row.title for row in rows[:2]] == ["Câu 0", "Câu 1"]
    assert [row.overdue for row in rows[:5]] == [True, True, True, True, False]


@pytest.mark.parametrize("who", ["editor", "board"])
def test_panel_query_budget(commune_a, commune_b, editor_a, board_member, who, django_assert_max_num_queries):
    for number in range(15):
        make_question(commune_a if number % 2 else commune_b, title=f"Câu {number}", due_in=number - 5)
    user = {"editor": editor_a, "board": board_member}[who]
    request = RequestFactory().get("/admin/")
    request.user = type(user).objects.get(pk=user.pk)  # nothing cached on it
    with django_assert_max_num_queries(7):
        html = WaitingQuestionsPanel().render_html({"request": request})
    assert "waiting-questions" in html
