"""Four-eyes: whoever saved a version of an item during a review step cannot approve that step.

Wagtail approves the page's latest revision, so an approver who edits a submitted item and then
approves it would approve their own text. Every way in is tried through the real admin URLs: the
workflow action modal, the page editor's "Approve", and the dashboard; rejecting stays open.
"""

from html.parser import HTMLParser

from django.core.exceptions import PermissionDenied
from django.urls import reverse

from wagtail.models import Revision, TaskState

import pytest

from sites.models import BoardApprovalTask, UnitApprovalTask
from sites.moderation import SelfApprovalRefused
from tests.factories import UserFactory, draft_article, legal_document

NOTICE = "Bạn đã sửa bản này, cần người khác duyệt"


class _FormFields(HTMLParser):
    """What a browser would send for the page editor's form (text inputs, checked boxes, selects,
    text areas), so a test can post the form "as is" or with one field changed."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.data = []
        self._in_form = False
        self._select = None
        self._textarea = None
        self._templates = 0  # inputs inside <template> (empty inline forms) are not sent

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == "page-edit-form":
            self._in_form = True
        if tag == "template":
            self._templates += 1
        if not self._in_form or self._templates:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data.append((name, attrs.get("value", "on" if attrs.get("type") == "checkbox" else "")))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.data.append((self._select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "template":
            self._templates -= 1
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            name, value = self._textarea
            self.data.append((name, value[1:] if value.startswith("\n") else value))
            self._textarea = None
        elif tag == "form" and self._in_form:
            self._in_form = False


def editor_form(client, page):
    """The page editor's form data as the browser would post it (a dict of lists)."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    parser = _FormFields()
    parser.feed(response.content.decode())
    data = {}
    for name, value in parser.data:
        data.setdefault(name, []).append(value)
    assert "title" in data, "the editor's form was not found"
    data.setdefault("body-count", ["0"])  # the body's blocks are made by the browser's script
    return data


def draft(unit, owner, **fields):
    """A draft the editor's form posts back unchanged: an empty body (see ``editor_form``)."""
    fields.setdefault("body", "[]")
    return draft_article(unit, owner, **fields)


def submit(page, user):
    return page.get_workflow().start(page, user)


def task_of(page):
    page.refresh_from_db()
    return page.current_workflow_task.specific


def state_of(page):
    page.refresh_from_db()
    return page.current_workflow_task_state


def action_url(page, action):
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state_of(page).pk])


def save_draft(client, page, **changes):
    """The user saves a draft in the page editor (a new revision by them)."""
    data = editor_form(client, page)
    data.update({key: [value] for key, value in changes.items()})
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def approve_in_editor(client, page, **changes):
    """The editor's footer "Approve": posts the form (with any changes) and the workflow action."""
    data = editor_form(client, page)
    data.update({key: [value] for key, value in changes.items()})
    data.update({"action-workflow-action": ["true"], "workflow-action-name": ["approve"]})
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def refused(response):
    """Wagtail's admin answers a PermissionDenied with a redirect to the dashboard and its message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


@pytest.fixture
def second_approver_a(commune_a):
    return UserFactory(username="a-approver-2", groups=[commune_a.approvers_group])


def test_approver_who_edits_cannot_approve_by_any_admin_url(
    client, commune_a, editor_a, approver_a, second_approver_a
):
    page = draft(commune_a, editor_a)
    submit(page, editor_a)
    client.force_login(approver_a)
    save_draft(client, page, title="Bài chờ duyệt (người duyệt sửa)")
    assert Revision.objects.for_instance(page).latest("pk").user == approver_a

    task = task_of(page)
    assert [name for name, *_ in task.get_actions(page, approver_a)] == ["reject"]
    # the workflow action modal (what the dashboard and the editor's menu open), GET and POST
    assert refused(client.get(action_url(page, "approve")))
    assert refused(client.post(action_url(page, "approve"), {"comment": "ok"}))
    collect = reverse(
        "wagtailadmin_pages:collect_workflow_action_data", args=[page.pk, "approve", state_of(page).pk]
    )
    assert refused(client.get(collect))
    # the editor's "Approve" posted by hand, without changes: only saves
    approve_in_editor(client, page)
    assert isinstance(task_of(page), UnitApprovalTask)
    assert state_of(page).status == TaskState.STATUS_IN_PROGRESS
    # the task itself refuses, whoever calls it
    with pytest.raises(SelfApprovalRefused):
        task.on_action(state_of(page), approver_a, "approve", comment="")
    assert isinstance(task_of(page), UnitApprovalTask)

    # the editor's menu explains instead of offering "Approve"; sending back is still offered
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert NOTICE in html
    assert 'data-workflow-action-name="approve"' not in html
    assert 'data-workflow-action-name="reject"' in html
    # the dashboard lists it for review with "Request changes" only
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert action_url(page, "reject") in dashboard
    assert action_url(page, "approve") not in dashboard

    # another approver of the unit approves it: it goes on to the board
    client.force_login(second_approver_a)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert NOTICE not in html and 'data-workflow-action-name="approve"' in html
    response = client.post(action_url(page, "approve"), {"comment": ""})
    assert response.status_code == 302
    assert isinstance(task_of(page), BoardApprovalTask)


def test_the_approver_may_still_send_it_back(client, commune_a, editor_a, approver_a):
    page = draft(commune_a, editor_a)
    submit(page, editor_a)
    client.force_login(approver_a)
    save_draft(client, page, title="Bài đã sửa")
    response = client.post(action_url(page, "reject"), {"comment": "Xin bổ sung nguồn tin."})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state is None or page.workflow_states.last().status == "needs_changes"


def test_edit_and_approve_in_one_click_keeps_the_edit_and_refuses(client, commune_a, editor_a, approver_a):
    page = draft(commune_a, editor_a)
    submit(page, editor_a)
    client.force_login(approver_a)
    response = approve_in_editor(client, page, title="Tiêu đề do người duyệt sửa")
    # refused (Wagtail's own "no permission" answer); the change is kept as a draft, and the editor
    # then says why "Approve" is gone
    assert refused(response)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert NOTICE in html and 'data-workflow-action-name="approve"' not in html
    latest = Revision.objects.for_instance(page).latest("pk")
    assert latest.user == approver_a and latest.content["title"] == "Tiêu đề do người duyệt sửa"
    assert isinstance(task_of(page), UnitApprovalTask)
    assert state_of(page).status == TaskState.STATUS_IN_PROGRESS


def test_approving_unchanged_in_the_editor_still_works(client, commune_a, editor_a, approver_a):
    """No false alarm: the editor's "Approve" saves a revision by the approver whenever Django's form
    thinks a field changed (here the date, whose hidden initial value the editor never sends, and whose
    seconds the form drops), but a revision that changes nothing editable does not make them an author."""
    page = draft(commune_a, editor_a)
    submit(page, editor_a)
    client.force_login(approver_a)
    response = approve_in_editor(client, page)
    assert response.status_code == 302 and not refused(response)
    assert isinstance(task_of(page), BoardApprovalTask)


def test_board_member_who_edits_cannot_approve_at_the_board_step(
    client, commune_a, editor_a, approver_a, board_member, second_board_member
):
    page = draft(commune_a, editor_a)
    submit(page, editor_a)
    task_of(page).on_action(state_of(page), approver_a, "approve", comment="")
    assert isinstance(task_of(page), BoardApprovalTask)

    client.force_login(board_member)
    save_draft(client, page, title="Bài đã được Ban Biên tập sửa")
    assert refused(client.post(action_url(page, "approve"), {"comment": ""}))
    assert approve_in_editor(client, page).status_code == 302
    page.refresh_from_db()
    assert not page.live and isinstance(task_of(page), BoardApprovalTask)
    with pytest.raises(PermissionDenied):
        task_of(page).on_action(state_of(page), board_member, "approve", comment="")
    assert NOTICE in client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()

    # the unit approver's earlier approval does not let them past the board either
    assert task_of(page).get_actions(page, approver_a) == []

    client.force_login(second_board_member)
    assert client.post(action_url(page, "approve"), {"comment": ""}).status_code == 302
    page.refresh_from_db()
    assert page.live and page.title == "Bài đã được Ban Biên tập sửa"


def test_board_member_who_writes_and_submits_needs_another_board_member(
    client, district, board_member, second_board_member
):
    page = draft(district, board_member, title="Bài của thành viên Ban Biên tập")
    submit(page, board_member)
    assert isinstance(task_of(page), BoardApprovalTask)
    client.force_login(board_member)
    assert refused(client.post(action_url(page, "approve"), {"comment": ""}))
    page.refresh_from_db()
    assert not page.live
    client.force_login(second_board_member)
    assert client.post(action_url(page, "approve"), {"comment": ""}).status_code == 302
    page.refresh_from_db()
    assert page.live


def test_an_edit_saved_before_the_step_began_does_not_count(client, commune_a, editor_a, approver_a):
    """Only versions saved during the step count: the approver's fix sent back with a rejection and then
    resubmitted by the editor (who saved it as theirs) can be approved by that approver."""
    page = draft(commune_a, editor_a)
    submit(page, editor_a)
    client.force_login(approver_a)
    save_draft(client, page, title="Bài người duyệt sửa giúp")
    client.post(action_url(page, "reject"), {"comment": "Tôi đã sửa tiêu đề, xem lại và gửi lại."})
    client.force_login(editor_a)
    data = editor_form(client, page)
    data["action-submit"] = ["true"]
    assert client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data).status_code == 302
    assert Revision.objects.for_instance(page).latest("pk").user == editor_a
    client.force_login(approver_a)
    assert client.post(action_url(page, "approve"), {"comment": ""}).status_code == 302
    assert isinstance(task_of(page), BoardApprovalTask)


def test_legal_documents_go_through_the_same_rule(client, commune_a, approver_a, second_approver_a, editor_a):
    doc = legal_document(commune_a, number="77/QĐ-UBND", publish=False)
    doc.save_revision(user=editor_a)
    submit(doc, editor_a)
    client.force_login(approver_a)
    save_draft(client, doc, title="Quyết định 77/QĐ-UBND (sửa)")
    assert refused(client.post(action_url(doc, "approve"), {"comment": ""}))
    client.force_login(second_approver_a)
    assert client.post(action_url(doc, "approve"), {"comment": ""}).status_code == 302
    assert isinstance(task_of(doc), BoardApprovalTask)
