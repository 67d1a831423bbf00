"""Workflow tasks shared by every unit: the page's own unit approves, then the editorial board.

One workflow serves all units; the unit step finds its approvers from the page's place in the
tree instead of keeping a copy of the workflow per commune. Both steps enforce four-eyes: the
person who submitted an item can never approve it.
"""

from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from wagtail.models import AbstractGroupApprovalTask, Page, Task, TaskState

REJECT = ("reject", _("Request changes"), True)
APPROVE = ("approve", _("Approve"), False)
APPROVE_WITH_COMMENT = ("approve", _("Approve with comment"), True)
APPROVE_WITH_WARNINGS = ("approve", _("Review the warnings and approve"), True)
REVIEW_ACTIONS = [REJECT, APPROVE, APPROVE_WITH_COMMENT]

REVIEW_TEMPLATE = "sites/workflow_review_modal.html"


def warnings_for(obj):
    """Problems the pre-publication checks find in the version under review (kept on ``obj``).

    Pages opt in with a ``moderation_warnings()`` method; approvers must acknowledge these
    before they can approve.
    """
    if not isinstance(obj, Page):
        return []
    if "_moderation_warnings" not in obj.__dict__:
        specific = obj.get_latest_revision_as_object() if obj.latest_revision_id else obj.specific
        method = getattr(specific, "moderation_warnings", None)
        obj.__dict__["_moderation_warnings"] = list(method()) if method else []
    return obj.__dict__["_moderation_warnings"]


def _as_datetime(value):
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value
    parsed = parse_datetime(str(value))
    if parsed is not None and timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


def submitted_by(obj, user):
    """True when ``user`` submitted the workflow that ``obj`` is in."""
    state = getattr(obj, "current_workflow_state", None)
    return state is not None and state.requested_by_id == user.pk


class FourEyesMixin:
    """Shared review rules of both steps.

    - Nobody reviews their own submission, superusers included.
    - Sending back requires a comment.
    - When the pre-publication checks warn about the version under review, the only way to
      approve is the form where the approver acknowledges the warnings.
    - The final step may approve with a publication time (scheduling).
    """

    schedulable = False

    def get_actions(self, obj, user):
        self._reviewed_object = obj  # the action forms validate against it
        if submitted_by(obj, user):
            return []
        actions = self.get_review_actions(obj, user)
        if actions and warnings_for(obj):
            return [REJECT, APPROVE_WITH_WARNINGS]
        if actions and self.schedulable:
            return [REJECT, APPROVE, ("approve", _("Approve with comment or publication time"), True)]
        return actions

    def get_review_actions(self, obj, user):
        return super().get_actions(obj, user)

    def get_form_for_action(self, action):
        from sites.review_forms import RejectForm, review_form

        if action == "reject":
            return RejectForm
        if action == "approve":
            return review_form(self, schedulable=self.schedulable)
        return super().get_form_for_action(action)

    def get_template_for_action(self, action):
        return REVIEW_TEMPLATE if action in ("approve", "reject") else super().get_template_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        obj = task_state.workflow_state.content_object
        if submitted_by(obj, user):
            raise PermissionDenied
        acknowledged = kwargs.pop("acknowledge_warnings", False)
        go_live_at = _as_datetime(kwargs.pop("go_live_at", None))
        if action_name == "approve":
            if warnings_for(obj) and not acknowledged:
                raise PermissionDenied  # only the acknowledgement form approves such an item
            if go_live_at is not None and self.schedulable:
                self._set_go_live_at(obj, go_live_at)
        if action_name == "reject" and not (kwargs.get("comment") or "").strip():
            raise PermissionDenied
        return super().on_action(task_state, user, action_name, **kwargs)

    @staticmethod
    def _set_go_live_at(obj, go_live_at):
        """Publishing the latest revision (Wagtail's finish action) then schedules instead."""
        if go_live_at <= timezone.now():
            raise PermissionDenied
        revision = obj.get_latest_revision()
        revision.content["go_live_at"] = go_live_at.isoformat()
        revision.save(update_fields=["content"])


class UnitApprovalTask(FourEyesMixin, Task):
    """Approval by the approvers group of the unit that owns the page.

    Skipped for the top unit's pages: their approvers are the board, which is the next step.
    """

    def _unit(self, obj):
        from sites.selectors import unit_for_page

        return unit_for_page(obj) if isinstance(obj, Page) else None

    def _is_approver(self, obj, user):
        if user.is_superuser:
            return True
        # The editor asks several times per request (lock, actions, access): answer from a
        # per-user cache, as Wagtail's group approval task does.
        cache = user.__dict__.setdefault("_unit_approval_checks", {})
        key = (self.pk, obj.pk)
        if key not in cache:
            unit = self._unit(obj)
            cache[key] = unit is not None and user.groups.filter(pk=unit.approvers_group_id).exists()
        return cache[key]

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        unit = self._unit(workflow_state.content_object)
        if unit is not None and unit.parent_id is None:
            task_state.status = TaskState.STATUS_SKIPPED
            task_state.finished_at = timezone.now()
            task_state.save(update_fields=["status", "finished_at"])
        return task_state

    def user_can_access_editor(self, obj, user):
        return self._is_approver(obj, user)

    def locked_for_user(self, obj, user):
        return not self._is_approver(obj, user)

    def user_can_lock(self, obj, user):
        return self._is_approver(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_review_actions(self, obj, user):
        return list(REVIEW_ACTIONS) if self._is_approver(obj, user) else []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        from sites.selectors import unit_root_paths, within_paths

        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        roots = unit_root_paths(user, approvers_only=True)
        if not roots:
            return TaskState.objects.none()
        page_ids = (
            Page.objects.filter(within_paths(roots)).annotate(str_id=Cast("id", CharField())).values("str_id")
        )
        return states.filter(
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
            workflow_state__object_id__in=page_ids,
        ).exclude(workflow_state__requested_by=user)

    @classmethod
    def get_description(cls):
        return _("The approvers of the page's own unit approve this step")

    class Meta:
        verbose_name = _("unit approval")
        verbose_name_plural = _("unit approvals")


class BoardApprovalTask(FourEyesMixin, AbstractGroupApprovalTask):
    """Approval by the editorial board (a group task with four-eyes); may approve with a time."""

    schedulable = True

    def get_task_states_user_can_moderate(self, user, **kwargs):
        return (
            super()
            .get_task_states_user_can_moderate(user, **kwargs)
            .exclude(workflow_state__requested_by=user)
        )

    class Meta:
        verbose_name = _("editorial board approval")
        verbose_name_plural = _("editorial board approvals")
