"""Workflow tasks shared by every unit: the page's own unit approves, then the editorial board.

One workflow serves all units; the unit step finds its approvers from the page's place in the
tree instead of keeping a copy of the workflow per commune. Both steps enforce four-eyes: the
person who submitted an item can never approve it, and nor can anyone who saved a version of it during
the step (Wagtail approves the latest version, so an approver who edits has approved their own text).
"""

from datetime import datetime

from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db.models import DateTimeField
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from wagtail.models import COMMENTS_RELATION_NAME, Page, Revision

REJECT = ("reject", _("Request changes"), True)
APPROVE = ("approve", _("Approve"), False)
APPROVE_WITH_COMMENT = ("approve", _("Approve with comment"), True)
APPROVE_WITH_WARNINGS = ("approve", _("Review the warnings and approve"), True)
REVIEW_ACTIONS = [REJECT, APPROVE, APPROVE_WITH_COMMENT]

REVIEW_TEMPLATE = "sites/workflow_review_modal.html"

SELF_EDITED = _("You edited this version: someone else must approve it")


class SelfApprovalRefused(PermissionDenied):
    """Approval refused because the approver saved (part of) the version under review."""

    def __init__(self):
        super().__init__(SELF_EDITED)


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


def edited_by(obj, user, task_state=None):
    """True when ``user`` changed what ``obj`` says during the step it waits at.

    Looks at the version the step started on (the one submitted) and every later one: Wagtail approves
    the latest version, so whoever wrote any of them would approve their own text. A version that
    changes nothing an editor can edit does not count (the editor's "Approve" saves one whenever the form
    looks changed). Rejecting stays open to them. ``task_state`` defaults to ``obj``'s current step.
    """
    cache = None
    if task_state is None:
        task_state = getattr(obj, "current_workflow_task_state", None)
        # Asked several times per request (menu, actions, lock): the key changes with each new revision.
        cache = obj.__dict__.setdefault("_edited_by", {})
    if task_state is None or user is None or not user.is_authenticated:
        return False
    key = (user.pk, task_state.pk, getattr(obj, "latest_revision_id", None))
    if cache is not None and key in cache:
        return cache[key]
    revisions = Revision.objects.for_instance(obj).order_by("-pk")
    mine = revisions.filter(user=user)
    if task_state.revision_id is not None:
        mine = mine.filter(pk__gte=task_state.revision_id)
    result = False
    for pk in mine.values_list("pk", flat=True):
        # the version and the one before it
        pair = list(revisions.filter(pk__lte=pk).values_list("content", flat=True)[:2])
        if len(pair) < 2 or _edited_content(obj, pair[0]) != _edited_content(obj, pair[1]):
            result = True
            break
    if cache is not None:
        cache[key] = result
    return result


def _edited_content(obj, content):
    """What the editor's form can change in a revision's ``content`` (fields, tags and inline items),
    without what Wagtail or the workers keep there (timestamps, counters, extracted text, comments)."""
    model = getattr(obj, "specific_class", None) or type(obj)
    get_edit_handler = getattr(model, "get_edit_handler", None)
    if get_edit_handler is None:
        return content
    options = get_edit_handler().get_form_options()
    edited = {}
    for name in options.get("fields", []):
        if name in content:
            edited[name] = _to_the_minute(model, name, content[name])
        elif (items := _tag_items(model, name)) is not None:
            edited[name] = sorted(item.get("tag") for item in content.get(items) or [])
    for relation, formset in options.get("formsets", {}).items():
        if relation == COMMENTS_RELATION_NAME:
            continue
        names = formset.get("fields", [])
        edited[relation] = [{name: item.get(name) for name in names} for item in content.get(relation) or []]
    return edited


def _to_the_minute(model, name, value):
    """A date and time as the editor's form shows it (to the minute): a version saved by the form from one
    made elsewhere (imports, the demo) drops the seconds without anyone changing the time."""
    try:
        if isinstance(value, str) and isinstance(model._meta.get_field(name), DateTimeField):
            parsed = parse_datetime(value)
            return parsed.replace(second=0, microsecond=0).isoformat() if parsed else value
    except FieldDoesNotExist:
        pass
    return value


def _tag_items(model, name):
    """For a tags field (a cluster taggable manager), the key its tagged items have in ``content``."""
    try:
        through = getattr(model._meta.get_field(name), "through", None)
        return through._meta.get_field("content_object").remote_field.get_accessor_name()
    except (AttributeError, FieldDoesNotExist):
        return None


def self_edited_reviewer(obj, user):
    """True when ``user`` reviews ``obj``'s current step but may not approve it (they edited it)."""
    task = getattr(obj, "current_workflow_task", None)
    task = task.specific if task is not None else None
    if not isinstance(task, FourEyesMixin) or submitted_by(obj, user):
        return False
    return bool(task.get_review_actions(obj, user)) and edited_by(obj, user)


class FourEyesMixin:
    """Shared review rules of both steps.

    - Nobody reviews their own submission, superusers included.
    - Nobody approves a step during which they changed the item (saved a version that changes what it
      says); they may still send it back.
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
        if actions and edited_by(obj, user):
            return [REJECT]
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
            if edited_by(obj, user, task_state=task_state):
                raise SelfApprovalRefused
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
