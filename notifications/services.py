"""E-mail notifications of the editorial workflow.

Every notifier is called by a Celery task after the transaction that caused the event has
committed (see ``signals.py``). Recipients are resolved when the task runs; each (event, person)
pair is recorded in ``Notification`` before the mail goes out, inside one transaction, so a
retried or repeated task never sends the same message twice and a failed send is retried.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import AbstractGroupApprovalTask, Page, PageLogEntry, Revision, TaskState, WorkflowState

from notifications.models import Notification
from notifications.registry import digest_sections
from notifications.selectors import waiting_for
from sites.models import TakeDown, UnitApprovalTask
from sites.selectors import approvers, unit_for_page

logger = logging.getLogger(__name__)


def admin_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def edit_url(page):
    return admin_url(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def reachable(users, *, exclude=()):
    """Active users with an e-mail address, without duplicates, minus ``exclude``."""
    excluded = {u.pk for u in exclude if u is not None}
    seen, result = set(), []
    for user in users:
        if user is None or user.pk in excluded or user.pk in seen:
            continue
        if user.is_active and user.email:
            seen.add(user.pk)
            result.append(user)
    return result


def authors_of(page):
    """The page's owner and whoever last submitted it for moderation."""
    latest = (
        WorkflowState.objects.for_instance(page)
        .select_related("requested_by")
        .order_by("-created_at")
        .first()
    )
    return [page.owner, latest.requested_by if latest else None]


def unit_approvers(page):
    unit = unit_for_page(page)
    if unit is None:
        return []
    return list(unit.approvers_group.user_set.all())


def task_approvers(task_state):
    task = task_state.task.specific
    page = task_state.workflow_state.content_object
    if isinstance(task, UnitApprovalTask):
        return unit_approvers(page)
    if isinstance(task, AbstractGroupApprovalTask):
        return list(get_user_model().objects.filter(groups__in=task.groups.all()).distinct())
    return []


def deliver(*, event, ident, users, context, page=None, templates="notifications/emails"):
    """Send the ``event`` mail (templates ``<templates>/<event>*.txt``) once per user for the key
    ``<event>:<ident>``; returns how many went out now."""
    key = f"{event}:{ident}"
    template = event
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for user in users:
            ctx = {**context, "recipient": user}
            subject = " ".join(render_to_string(f"{templates}/{template}_subject.txt", ctx).split())
            body = render_to_string(f"{templates}/{template}.txt", ctx)
            try:
                with transaction.atomic():
                    Notification.objects.create(
                        key=key,
                        event=event,
                        recipient=user,
                        email=user.email,
                        subject=subject[:255],
                        page=page,
                    )
                    send_mail(subject, body, None, [user.email])
            except IntegrityError:
                continue  # already sent for this event
            sent += 1
    return sent


def _page_context(page):
    page = page.specific
    return {"page": page, "unit": unit_for_page(page), "edit_url": edit_url(page)}


def notify_submitted(task_state_id):
    """The approvers of the step an item has just reached."""
    state = TaskState.objects.select_related("workflow_state__requested_by").filter(pk=task_state_id).first()
    if state is None or state.status != TaskState.STATUS_IN_PROGRESS:
        return 0  # skipped step (the top unit's own pages) or already decided
    page = state.workflow_state.content_object
    if not isinstance(page, Page):
        return 0
    requested_by = state.workflow_state.requested_by
    users = reachable(task_approvers(state), exclude=[requested_by])
    context = {**_page_context(page), "task": state.task, "requested_by": requested_by}
    return deliver(
        event="submitted",
        ident=state.pk,
        users=users,
        context=context,
        page=page,
    )


def _notify_author_of_decision(task_state_id, *, status, event):
    """The author, when a step is decided (``status``), with who decided and their comment."""
    state = TaskState.objects.select_related("finished_by").filter(pk=task_state_id).first()
    if state is None or state.status != status:
        return 0
    page = state.workflow_state.content_object
    context = {
        **_page_context(page),
        "task": state.task,
        "actor": state.finished_by,
        "comment": state.comment,
    }
    return deliver(
        event=event,
        ident=state.pk,
        users=reachable(authors_of(page), exclude=[state.finished_by]),
        context=context,
        page=page,
    )


def notify_step_approved(task_state_id):
    """The author, when a step before the last one approves (the item goes on to the board)."""
    return _notify_author_of_decision(task_state_id, status=TaskState.STATUS_APPROVED, event="approved")


def notify_rejected(task_state_id):
    """The author, with the approver's comment."""
    return _notify_author_of_decision(task_state_id, status=TaskState.STATUS_REJECTED, event="rejected")


def notify_published(revision_id):
    """The author, when their page goes live (directly, on final approval or at its scheduled time)."""
    revision = Revision.page_revisions.filter(pk=revision_id).first()
    if revision is None:
        return 0
    page = Page.objects.filter(pk=revision.object_id).first()
    if page is None or not page.live:
        return 0
    entry = (
        PageLogEntry.objects.filter(page=page, revision=revision, action="wagtail.publish")
        .select_related("user")
        .order_by("-timestamp")
        .first()
    )
    actor = entry.user if entry else None
    users = reachable(authors_of(page), exclude=[actor])
    context = {**_page_context(page), "actor": actor, "public_url": page.specific.full_url}
    return deliver(
        event="published",
        ident=revision.pk,
        users=users,
        context=context,
        page=page,
    )


def notify_scheduled(workflow_state_id):
    """The author, when the final approval schedules the page instead of publishing it now."""
    workflow_state = WorkflowState.objects.filter(pk=workflow_state_id).first()
    if workflow_state is None or workflow_state.status != WorkflowState.STATUS_APPROVED:
        return 0
    page = workflow_state.content_object
    revision = page.get_latest_revision() if page is not None else None
    go_live_at = revision.approved_go_live_at if revision else None
    if go_live_at is None or go_live_at <= timezone.now():
        return 0  # published now: notify_published tells the author
    last = workflow_state.task_states.select_related("finished_by").order_by("-finished_at").first()
    actor = last.finished_by if last else None
    users = reachable(authors_of(page), exclude=[actor])
    context = {**_page_context(page), "actor": actor, "go_live_at": go_live_at}
    return deliver(
        event="scheduled",
        ident=workflow_state.pk,
        users=users,
        context=context,
        page=page,
    )


def notify_takedown(takedown_id):
    """The author and the unit's approvers, with the board's reason."""
    takedown = TakeDown.objects.select_related("page", "user").filter(pk=takedown_id).first()
    if takedown is None:
        return 0
    page = takedown.page
    users = reachable([*authors_of(page), *unit_approvers(page)], exclude=[takedown.user])
    context = {**_page_context(page), "takedown": takedown, "actor": takedown.user}
    return deliver(
        event="takedown",
        ident=takedown.pk,
        users=users,
        context=context,
        page=page,
    )


def send_review_digests(now=None):
    """One mail a day to every approver with something waiting: the pages they can review (what, from which
    unit, for how long), then the sections the features add (``registry.DIGEST_SECTIONS_HOOK``: questions
    waiting for an answer ...). Someone with no page to review but a section item gets the mail too."""
    now = now or timezone.now()
    day = timezone.localdate(now).isoformat()
    sent = 0
    for user in reachable(approvers()):
        items = waiting_for(user, now=now)
        sections = digest_sections(user=user, now=now)
        if not items and not sections:
            continue
        context = {
            "items": items,
            "sections": sections,
            "section_total": sum(len(s.items) + s.more for s in sections),
            "dashboard_url": admin_url(reverse("wagtailadmin_home")),
            "now": now,
        }
        sent += deliver(event="digest", ident=day, users=[user], context=context)
    return sent


NOTIFIERS = {
    "submitted": notify_submitted,
    "approved": notify_step_approved,
    "rejected": notify_rejected,
    "published": notify_published,
    "scheduled": notify_scheduled,
    "takedown": notify_takedown,
}


def notify(event, object_id):
    try:
        notifier = NOTIFIERS[event]
    except KeyError:
        raise ValueError(f"unknown notification event {event!r}") from None
    return notifier(object_id)
