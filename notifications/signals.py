"""Workflow events → notification tasks, queued only once the transaction has committed.

A rolled-back submission sends nothing; a committed one queues exactly one task per event.
"""

import logging

from django.db import transaction

from wagtail.models import TaskState, WorkflowState
from wagtail.signals import (
    page_published,
    task_approved,
    task_rejected,
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

from sites.models import UnitApprovalTask
from sites.signals import page_taken_down

logger = logging.getLogger(__name__)

# Wagtail's own workflow e-mails, replaced by ours (see EditorialConfig).
WAGTAIL_HANDLERS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification"),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification"),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification"),
]


def replace_wagtail_notifications():
    for signal, sender, uid in WAGTAIL_HANDLERS:
        signal.disconnect(sender=sender, dispatch_uid=uid)


def _enqueue(event, object_id):
    from notifications.tasks import (
        send_notification,  # tasks → services: kept out of AppConfig.ready()'s imports
    )

    send_notification.delay(event, object_id)


def queue(event, object_id):
    """Queue the notification after commit; a broker failure is logged, never undoes the action.

    (A named function, not functools.partial: Django logs a failing robust callback by its
    ``__qualname__``, which a partial does not have.)
    """

    def enqueue_notification():
        _enqueue(event, object_id)

    enqueue_notification.event, enqueue_notification.object_id = event, object_id
    transaction.on_commit(enqueue_notification, robust=True)


def on_task_submitted(sender, instance, user=None, **kwargs):
    queue("submitted", instance.pk)


def on_task_approved(sender, instance, user=None, **kwargs):
    # The last step's approval publishes or schedules: those events tell the author instead.
    if isinstance(instance.task.specific, UnitApprovalTask):
        queue("approved", instance.pk)


def on_task_rejected(sender, instance, user=None, **kwargs):
    queue("rejected", instance.pk)


def on_workflow_approved(sender, instance, user=None, **kwargs):
    queue("scheduled", instance.pk)


def on_page_published(sender, instance, revision=None, **kwargs):
    if revision is not None:
        queue("published", revision.pk)


def on_page_taken_down(sender, takedown, **kwargs):
    queue("takedown", takedown.pk)


def connect():
    # Task states and pages are sent by their specific classes: connect without a sender.
    task_submitted.connect(on_task_submitted, dispatch_uid="portal_task_submitted")
    task_approved.connect(on_task_approved, dispatch_uid="portal_task_approved")
    task_rejected.connect(on_task_rejected, dispatch_uid="portal_task_rejected")
    workflow_approved.connect(
        on_workflow_approved, sender=WorkflowState, dispatch_uid="portal_workflow_approved"
    )
    page_published.connect(on_page_published, dispatch_uid="portal_page_published")
    page_taken_down.connect(on_page_taken_down, dispatch_uid="portal_page_taken_down")
