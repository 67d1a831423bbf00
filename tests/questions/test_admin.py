"""The admin of citizens' questions: listing (filters, search, order, columns), the question's page, the
actions (draft an answer, forward, close), the attachment download, bad ids."""

import datetime

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from wagtail.models import ModelLogEntry

import pytest

from questions.admin_views import close_reason_label
from questions.models import Question, QuestionForward, QuestionPage
from tests.factories import UserFactory
from tests.questions.test_admin_helpers import make_field, make_question

pytestmark = pytest.mark.django_db

INDEX = "/admin/hoi-dap/"


def inspect_url(question):
    return reverse("questions_admin:inspect", args=[question.pk])


def listed(client, params=None):
    response = client.get(INDEX, params or {})
    assert response.status_code == 200
    return response.content.decode()


def test_listing_oldest_waiting_first_with_columns(client, commune_a, editor_a):
    recent = make_question(commune_a, title="Câu hỏi mới", days_ago=1)
    old = make_question(commune_a, title="Câu hỏi cũ", days_ago=20, due_in=-5)
    done = make_question(commune_a, title="Câu hỏi đã đóng", days_ago=40, status=Question.Status.CLOSED)
    client.force_login(editor_a)
    html = listed(client)
    assert html.index(old.reference) < html.index(recent.reference) < html.index(done.reference)
    received = timezone.localtime(old.received_at).strftime("%d/%m/%Y")
    assert received in html
    assert old.due_on.strftime("%d/%m/%Y") in html
    assert html.count("data-overdue") == 1  # the late one, in red
    assert commune_a.name in html
    with translation.override("vi"):
        assert str(Question.Status.RECEIVED.label) in listed(client)


def test_listing_filters_and_search(client, commune_a, editor_a):
    land = make_field("Đất đai")
    late = make_question(commune_a, title="Trễ hạn", days_ago=30, due_in=-3, field=land)
    fresh = make_question(commune_a, title="Còn hạn", body="Hỏi về hộ tịch khai sinh")
    closed = make_question(commune_a, title="Đã đóng", status=Question.Status.CLOSED, due_in=-9)
    client.force_login(editor_a)
    html = listed(client, {"overdue": "true"})
    assert late.reference in html and fresh.reference not in html and closed.reference not in html
    html = listed(client, {"status": "closed"})
    assert closed.reference in html and late.reference not in html
    html = listed(client, {"field": land.pk})
    assert late.reference in html and fresh.reference not in html
    html = listed(client, {"q": "khai sinh"})
    assert fresh.reference in html and late.reference not in html
    html = listed(client, {"q": late.reference})
    assert late.reference in html and fresh.reference not in html
    for bad in (
        {"status": "nope"},
        {"field": "abc"},
        {"overdue": "maybe"},
        {"unit": "x"},
        {"ordering": "evil"},
    ):
        assert client.get(INDEX, bad).status_code == 200


def test_listing_sorts_by_a_column(client, commune_a, editor_a):
    first = make_question(commune_a, title="Một", days_ago=3, due_in=9)
    second = make_question(commune_a, title="Hai", days_ago=2, due_in=1)
    client.force_login(editor_a)
    html = listed(client, {"ordering": "due_on"})
    assert html.index(second.reference) < html.index(first.reference)
    html = listed(client, {"ordering": "-received_at"})
    assert html.index(second.reference) < html.index(first.reference)


def test_no_add_view_for_anyone(client, commune_a, editor_a, board_member):
    from django.contrib.auth import get_user_model

    root = get_user_model().objects.create_superuser("root", "root@example.test", "pw")
    for user in (editor_a, board_member, root):
        client.force_login(user)
        assert client.get(f"{INDEX}new/").status_code == 403
        assert client.post(f"{INDEX}new/", {"title": "x"}).status_code == 403
        assert f'href="{INDEX}new/"' not in listed(client)
    assert not Question.objects.exists()


def test_the_question_page_shows_contact_to_the_unit_only(client, commune_a, editor_a, board_member):
    question = make_question(commune_a, attachment=("giay-to.pdf", b"%PDF-1.4 test"))
    client.force_login(editor_a)
    html = client.get(inspect_url(question)).content.decode()
    assert question.body in html and "nguoi.hoi@example.test" in html and "0909123456" in html
    assert reverse("questions_admin:attachment", args=[question.pk]) in html
    client.force_login(board_member)  # the board sees the question, not how to reach the person
    html = client.get(inspect_url(question)).content.decode()
    assert question.body in html
    assert "nguoi.hoi@example.test" not in html and "0909123456" not in html


def test_attachment_download(client, commune_a, editor_a):
    question = make_question(commune_a, attachment=("Giấy tờ <1>.html", b"<script>alert(1)</script>"))
    client.force_login(editor_a)
    response = client.get(reverse("questions_admin:attachment", args=[question.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"<script>alert(1)</script>"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/octet-stream"
    without = make_question(commune_a, title="Không có tệp")
    assert client.get(reverse("questions_admin:attachment", args=[without.pk])).status_code == 404


def test_draft_an_answer_then_open_it(client, commune_a, editor_a):
    question = make_question(commune_a, show_name=False)
    client.force_login(editor_a)
    url = reverse("questions_admin:answer", args=[question.pk])
    assert client.get(url).status_code == 405
    response = client.post(url)
    page = QuestionPage.objects.get(question=question)
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{page.pk}/edit/"
    question.refresh_from_db()
    assert question.status == Question.Status.ANSWERING
    assert not page.live and page.question_text == question.body and question.email not in page.asker_label
    # again: the same page, no second one
    assert client.post(url)["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert QuestionPage.objects.count() == 1
    html = client.get(inspect_url(question)).content.decode()
    assert f"/admin/pages/{page.pk}/edit/" in html
    assert reverse("questions_admin:forward", args=[question.pk]) not in html  # no forwarding any more


def test_forward_moves_the_question(client, commune_a, commune_b, editor_a, approver_b):
    question = make_question(commune_a)
    client.force_login(editor_a)
    url = reverse("questions_admin:forward", args=[question.pk])
    form = client.get(url).content.decode()
    assert f'value="{commune_b.pk}"' in form and f'value="{commune_a.pk}"' not in form
    # the reason is required; what was chosen stays
    response = client.post(url, {"to_unit": commune_b.pk, "reason": ""})
    assert response.status_code == 200 and f'value="{commune_b.pk}" selected' in response.content.decode()
    assert client.post(url, {"to_unit": commune_a.pk, "reason": "x"}).status_code == 200  # not itself
    assert client.post(url, {"to_unit": "999999999999", "reason": "x"}).status_code == 200
    question.refresh_from_db()
    assert question.unit == commune_a and not QuestionForward.objects.exists()

    response = client.post(url, {"to_unit": commune_b.pk, "reason": "Thuộc thẩm quyền xã An Hải"})
    assert response.status_code == 302 and response["Location"] == INDEX
    with translation.override("vi"):
        done = gettext("Question %(reference)s forwarded to %(unit)s.") % {
            "reference": question.reference,
            "unit": commune_b.name,
        }
    assert done in client.get(INDEX).content.decode()  # the message, once
    question.refresh_from_db()
    assert question.unit == commune_b and question.received_unit == commune_a
    forward = QuestionForward.objects.get()
    assert (forward.from_unit, forward.to_unit, forward.forwarded_by) == (commune_a, commune_b, editor_a)
    assert ModelLogEntry.objects.filter(object_id=str(question.pk), action="questions.forward").exists()
    # A no longer sees it anywhere; B does, with the history
    assert question.reference not in listed(client)
    assert client.get(inspect_url(question)).status_code == 404
    assert client.post(url, {"to_unit": commune_a.pk, "reason": "trả lại"}).status_code == 404
    client.force_login(approver_b)
    assert question.reference in listed(client)
    html = client.get(inspect_url(question)).content.decode()
    assert "Thuộc thẩm quyền xã An Hải" in html and commune_a.name in html


def test_forward_to_the_district(client, district, commune_a, editor_a):
    question = make_question(commune_a)
    client.force_login(editor_a)
    url = reverse("questions_admin:forward", args=[question.pk])
    assert client.post(url, {"to_unit": district.pk, "reason": "Thuộc huyện"}).status_code == 302
    question.refresh_from_db()
    assert question.unit == district


def test_close_without_an_answer(client, commune_a, editor_a):
    question = make_question(commune_a)
    client.force_login(editor_a)
    url = reverse("questions_admin:close", args=[question.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"reason": "whatever"}).status_code == 200
    question.refresh_from_db()
    assert question.status == Question.Status.RECEIVED
    assert client.post(url, {"reason": "spam"}).status_code == 302
    question.refresh_from_db()
    assert question.status == Question.Status.CLOSED and question.close_reason == "spam"
    assert question.closed_at is not None
    # closed: no more answering, forwarding or closing
    assert client.post(url, {"reason": "spam"}).status_code == 302
    assert client.post(reverse("questions_admin:answer", args=[question.pk])).status_code == 302
    assert not QuestionPage.objects.exists()
    html = client.get(inspect_url(question)).content.decode()
    assert reverse("questions_admin:forward", args=[question.pk]) not in html


def test_edit_changes_only_the_field(client, commune_a, editor_a):
    land = make_field("Đất đai")
    question = make_question(commune_a)
    client.force_login(editor_a)
    url = reverse("questions_admin:edit", args=[question.pk])
    response = client.post(url, {"field": land.pk, "name": "Kẻ gian", "email": "x@evil.test", "title": "Sửa"})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.field == land
    assert (question.name, question.email, question.title) == (
        "Nguyễn Thị Hỏi",
        "nguoi.hoi@example.test",
        "Hỏi về cấp giấy chứng nhận",
    )


def test_delete_only_by_the_board(client, commune_a, approver_a, board_member):
    question = make_question(commune_a)
    url = reverse("questions_admin:delete", args=[question.pk])
    client.force_login(approver_a)
    assert client.post(url).status_code == 403
    assert Question.objects.filter(pk=question.pk).exists()
    client.force_login(board_member)
    assert client.post(url).status_code == 302
    assert not Question.objects.filter(pk=question.pk).exists()


@pytest.mark.parametrize("bad", ["abc", "0", "99999999999", "99999999999999999999999", "-1", "1.5", "%00"])
def test_bad_ids_never_500(client, commune_a, editor_a, board_member, bad):
    make_question(commune_a)
    for user in (editor_a, board_member):
        client.force_login(user)
        for name in (
            "inspect",
            "detail",
            "edit",
            "delete",
            "history",
            "usage",
            "answer",
            "forward",
            "close",
            "attachment",
        ):
            response = client.get(f"{INDEX}{name}/{bad}/")
            assert response.status_code in (403, 404), (name, bad, response.status_code)
            response = client.post(f"{INDEX}{name}/{bad}/", {"to_unit": commune_a.pk, "reason": "spam"})
            assert response.status_code in (403, 404, 405), (name, bad, response.status_code)


def test_export_csv_and_xlsx(client, commune_a, commune_b, editor_a):
    mine = make_question(commune_a, title='=HYPERLINK("http://evil.example","Xem")')
    theirs = make_question(commune_b, title="Câu hỏi của An Hải")
    client.force_login(editor_a)
    response = client.get(INDEX, {"export": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert mine.reference in body and "'=HYPERLINK" in body
    assert theirs.reference not in body and "An Hải" not in body
    assert "nguoi.hoi@example.test" not in body  # no contact details in exports
    assert client.get(INDEX, {"export": "xlsx"}).status_code == 200


def test_messages_are_translated(client, commune_a, editor_a):
    question = make_question(commune_a)
    client.force_login(editor_a)
    response = client.post(
        reverse("questions_admin:close", args=[question.pk]), {"reason": "duplicate"}, follow=True
    )
    with translation.override("vi"):
        expected = gettext("Question %(reference)s closed.") % {"reference": question.reference}
    assert expected in response.content.decode()


def test_a_user_without_unit_gets_nothing(client, commune_a):
    from django.contrib.auth.models import Permission

    make_question(commune_a, title="Không ai ngoài đơn vị được thấy")
    user = UserFactory(username="nobody")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(INDEX)
    assert response.status_code in (302, 403)
    assert "Không ai ngoài" not in client.get("/admin/").content.decode()


def test_due_date_in_the_past_is_marked(client, commune_a, editor_a):
    question = make_question(commune_a, due_in=-1)
    client.force_login(editor_a)
    html = client.get(inspect_url(question)).content.decode()
    assert "data-overdue" in html
    assert (timezone.localdate() - datetime.timedelta(days=1)).strftime("%d/%m/%Y") in html


@pytest.mark.parametrize("who", ["editor", "board"])
def test_listing_query_budget(client, commune_a, commune_b, editor_a, board_member, who):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(INDEX).status_code == 200
        return len(queries)

    client.force_login({"editor": editor_a, "board": board_member}[who])
    for number in range(3):
        make_question(commune_a if number % 2 else commune_b, title=f"Câu {number}")
    few = count()
    for number in range(30):
        make_question(commune_a if number % 2 else commune_b, title=f"Câu thêm {number}", due_in=number - 10)
    assert count() <= few  # no query per row
    assert few <= 30


def test_history_and_flags(client, commune_a, commune_b, editor_a, approver_b, board_member):
    question = make_question(
        commune_a,
        flagged=[
            {"kind": "personal_data", "value": "phone"},
            {"kind": "phrase", "value": "lừa đảo", "note": ""},
        ],
    )
    client.force_login(editor_a)
    html = client.get(inspect_url(question)).content.decode()
    assert "data-flagged" in html and "lừa đảo" in html
    client.post(
        reverse("questions_admin:forward", args=[question.pk]),
        {"to_unit": commune_b.pk, "reason": "Đúng nơi"},
    )
    with translation.override("vi"):
        forwarded = gettext("Forwarded from %(from_unit)s to %(to_unit)s") % {
            "from_unit": commune_a.name,
            "to_unit": commune_b.name,
        }
    for user in (approver_b, board_member):
        client.force_login(user)
        history = client.get(reverse("questions_admin:history", args=[question.pk]))
        assert history.status_code == 200
        assert f"{forwarded}: Đúng nơi" in history.content.decode()  # the log says where and why


def test_history_says_why_a_question_was_closed(client, commune_a, editor_a):
    question = make_question(commune_a)
    client.force_login(editor_a)
    client.post(reverse("questions_admin:close", args=[question.pk]), {"reason": "duplicate"})
    with translation.override("vi"):
        expected = gettext("Closed without a public answer") + ": " + str(close_reason_label("duplicate"))
    history = client.get(reverse("questions_admin:history", args=[question.pk])).content.decode()
    assert expected in history and ": duplicate" not in history
