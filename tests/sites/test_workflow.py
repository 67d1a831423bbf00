"""One shared workflow: the page's unit approves, then the editorial board; four-eyes everywhere."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse

from wagtail.models import TaskState, WorkflowState

import pytest

from news.taxonomy import Category
from sites.models import BoardApprovalTask, UnitApprovalTask
from tests.factories import UserFactory, draft_article


def draft(unit, owner, title="Bài chờ duyệt"):
    return draft_article(unit, owner, title=title)


def submit(page, user):
    workflow = page.get_workflow()
    assert workflow is not None, "every unit's pages are under the shared workflow"
    return workflow.start(page, user)


def current_task(page):
    page.refresh_from_db()
    return page.current_workflow_task.specific


def moderated_by(user):
    return {
        state.workflow_state.object_id
        for task in (*UnitApprovalTask.objects.all(), *BoardApprovalTask.objects.all())
        for state in task.get_task_states_user_can_moderate(user)
    }


def approve(page, user, comment=""):
    page.refresh_from_db()
    state = page.current_workflow_task_state
    state.task.specific.on_action(state, user, "approve", comment=comment)


def test_unit_submission_goes_to_unit_approvers_then_board(
    commune_a, editor_a, approver_a, approver_b, board_member
):
    page = draft(commune_a, editor_a)
    submit(page, editor_a)
    assert isinstance(current_task(page), UnitApprovalTask)
    # only the unit's own approvers hold it now
    assert str(page.pk) in moderated_by(approver_a)
    assert str(page.pk) not in moderated_by(approver_b)
    assert str(page.pk) not in moderated_by(board_member)
    assert current_task(page).get_actions(page, approver_b) == []
    assert current_task(page).get_actions(page, board_member) == []

    approve(page, approver_a)
    assert isinstance(current_task(page), BoardApprovalTask)
    assert str(page.pk) in moderated_by(board_member)
    assert str(page.pk) not in moderated_by(approver_a)
    page.refresh_from_db()
    assert not page.live

    approve(page, board_member)
    page.refresh_from_db()
    assert page.live
    assert page.current_workflow_state is None


def test_district_submission_goes_straight_to_the_board(district, board_member):
    district_editor = UserFactory(groups=[district.editors_group])
    page = draft(district, district_editor)
    submit(page, district_editor)
    assert isinstance(current_task(page), BoardApprovalTask)
    skipped = TaskState.objects.get(task__in=UnitApprovalTask.objects.all())
    assert skipped.status == TaskState.STATUS_SKIPPED


def test_four_eyes_at_every_step(district, commune_a, approver_a, board_member, second_board_member):
    # a unit approver who writes an article cannot approve it themselves
    own = draft(commune_a, approver_a, title="Bài của người duyệt")
    submit(own, approver_a)
    task = current_task(own)
    assert task.get_actions(own, approver_a) == []
    with pytest.raises(PermissionDenied):
        task.on_action(own.current_workflow_task_state, approver_a, "approve")
    assert str(own.pk) not in moderated_by(approver_a)

    # a board member's own district article must be approved by another board member
    mine = draft(district, board_member, title="Bài của Ban Biên tập")
    submit(mine, board_member)
    task = current_task(mine)
    assert task.get_actions(mine, board_member) == []
    with pytest.raises(PermissionDenied):
        task.on_action(mine.current_workflow_task_state, board_member, "approve")
    assert [a[0] for a in task.get_actions(mine, second_board_member)] == ["reject", "approve", "approve"]
    approve(mine, second_board_member)
    mine.refresh_from_db()
    assert mine.live


def test_reject_with_comment_reaches_the_author(commune_a, editor_a, approver_a):
    page = draft(commune_a, editor_a)
    submit(page, editor_a)
    page.refresh_from_db()
    state = page.current_workflow_task_state
    state.task.specific.on_action(state, approver_a, "reject", comment="Thiếu nguồn tin.")
    workflow_state = WorkflowState.objects.get(object_id=str(page.pk))
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_REJECTED and state.comment == "Thiếu nguồn tin."
    # resubmission restarts at the rejected step
    workflow_state.resume(user=editor_a)
    assert isinstance(current_task(page), UnitApprovalTask)


def test_admin_workflow_action_urls_respect_the_unit(client, commune_a, editor_a, approver_a, approver_b):
    page = draft(commune_a, editor_a)
    submit(page, editor_a)
    page.refresh_from_db()
    state_id = page.current_workflow_task_state.pk
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state_id])
    client.force_login(approver_b)
    response = client.post(url)
    assert response.status_code in (302, 403, 404)
    assert isinstance(current_task(page), UnitApprovalTask)
    client.force_login(editor_a)
    assert client.post(url).status_code in (302, 403, 404)
    assert isinstance(current_task(page), UnitApprovalTask)
    client.force_login(approver_a)
    response = client.post(url)
    assert response.status_code in (200, 302)
    assert isinstance(current_task(page), BoardApprovalTask)


def test_only_the_board_can_publish_directly(client, commune_a, editor_a, approver_a, board_member):
    page = draft(commune_a, editor_a)
    data = {
        "title": page.title,
        "slug": page.slug,
        "lead": "Bài viết đã đủ điều kiện kiểm tra trước khi xuất bản.",
        "categories": [Category.objects.filter(unit__isnull=True).first().pk],
        "body-count": "0",
        "published_date": "01/11/2026 08:00",
        "tags": "",
        "action-publish": "action-publish",
    }
    for user in (editor_a, approver_a):
        client.force_login(user)
        client.post(f"/admin/pages/{page.pk}/edit/", data)
        page.refresh_from_db()
        assert not page.live, user.username
    client.force_login(board_member)  # the same form data does publish for the board
    client.post(f"/admin/pages/{page.pk}/edit/", data)
    page.refresh_from_db()
    assert page.live


def test_one_workflow_for_every_unit_and_provisioning_repairs_it(district, commune_a, commune_b):
    from wagtail.models import Workflow, WorkflowPage

    from sites.services import provision_site

    workflow = WorkflowPage.objects.get(page=district.site.root_page).workflow
    before = Workflow.objects.count()
    assert {wp.page_id for wp in WorkflowPage.objects.filter(workflow=workflow)} == {
        district.site.root_page_id,
        commune_a.site.root_page_id,
        commune_b.site.root_page_id,
    }
    workflow.workflow_tasks.filter(task__in=UnitApprovalTask.objects.all()).delete()
    provision_site(
        name="Xã An Hải", slug="an-hai", level="commune", hostname="an-hai.localhost", parent="ninh-phuoc"
    )
    steps = [wt.task.specific.__class__ for wt in workflow.workflow_tasks.order_by("sort_order")]
    assert steps == [UnitApprovalTask, BoardApprovalTask]
    assert Workflow.objects.count() == before
