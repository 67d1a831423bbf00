"""The two workflow steps shared by every unit: the page's own unit approves, then the editorial board
(the review rules of both are ``sites.moderation.FourEyesMixin``)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import AbstractGroupApprovalTask, Page, Task, TaskState

from sites.moderation import REVIEW_ACTIONS, FourEyesMixin


class UnitApprovalTask(FourEyesMixin, Task):
    """Approval by the approvers group of the unit that owns the page.

    Skipped for the top unit's pages: their approvers are the board, which is the next step.
    """

    def _unit(self, obj):
        from sites.selectors import unit_for_page  # sites.selectors imports sites.models: a cycle at load

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
        from sites.selectors import pages_under, unit_root_paths  # as in _unit

        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        roots = unit_root_paths(user, approvers_only=True)
        if not roots:
            return TaskState.objects.none()
        page_ids = (
            Page.objects.filter(pages_under(roots)).annotate(str_id=Cast("id", CharField())).values("str_id")
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
