"""Reads about files and images: which pages use them, whether the public may see them.

Two rules live here (issue #16):

* a file (image or document) used by a live page, or by a revision waiting in moderation or scheduled, is
  *in use*: unit roles may not change or delete it, only the editorial board replaces it (what the board
  approved is what goes live);
* a document reaches the public only through a live, unrestricted, unexpired page whose live content
  uses it.

"Uses" comes from Wagtail's ReferenceIndex, which indexes each page's *row* (for a live page, its live
content: fields, child relations such as legal-document attachments, StreamField blocks, rich text links).
Revisions are not indexed, so revisions in moderation or scheduled are read here, on demand.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, ReferenceIndex, Revision, WorkflowState
from wagtail.permissions import policy_registry

from assets.models import FileVersion
from sites.selectors import is_board_member

LIVE = "live"
MODERATION = "moderation"
SCHEDULED = "scheduled"
OTHER = "other"

USE_LABELS = {
    LIVE: _("published page"),
    MODERATION: _("awaiting approval"),
    SCHEDULED: _("scheduled for publication"),
    OTHER: _("site settings or shared content"),
}


@dataclass(frozen=True)
class FileUse:
    kind: str  # LIVE, MODERATION, SCHEDULED or OTHER
    title: str
    page_id: int | None = None

    @property
    def label(self):
        return USE_LABELS[self.kind]


def _references_to(obj):
    """ReferenceIndex rows pointing at ``obj`` (a document or an image)."""
    return ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(type(obj)), to_object_id=str(obj.pk)
    )


def page_ids_using(obj):
    """Ids of the pages whose row (for live pages: the live content) uses ``obj``."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = _references_to(obj).filter(base_content_type=page_type).values_list("object_id", flat=True)
    return {int(pk) for pk in ids}


def public_pages_using(document, *, at=None):
    """Live pages, open to everyone and not past their expiry, whose live content uses ``document``."""
    at = at or timezone.now()
    return (
        Page.objects.live()
        .public()
        .filter(pk__in=page_ids_using(document))
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=at))
    )


def is_public(document):
    """Whether anyone may download ``document`` (see the module's rule)."""
    return public_pages_using(document).exists()


def may_download(user, document):
    """Public documents to everyone; the others only to the board and to the roles of the unit whose
    collection holds the file (drafts' files, for the admin and previews)."""
    if is_public(document):
        return True
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if is_board_member(user):
        return True
    policy = policy_registry.get_by_type(type(document))
    return policy.user_has_any_permission_for_instance(user, ["change", "choose"], document)


def _references_in(obj):
    """(content type id, object id) of everything ``obj`` (a page as of some revision) refers to.

    Uses the extractor ReferenceIndex itself runs on saved rows, so revisions are read the same way
    as live content (fields, child relations, StreamField blocks, rich text)."""
    return {
        (content_type_id, str(object_id))
        for content_type_id, object_id, *_rest in ReferenceIndex._extract_references_from_object(obj)
    }


def _pending_revisions():
    """Page revisions the board is asked to approve (in a workflow) or has scheduled."""
    page_type = ContentType.objects.get_for_model(Page)
    in_moderation = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_IN_PROGRESS, base_content_type=page_type
    ).values_list("current_task_state__revision_id", flat=True)
    revisions = Revision.objects.filter(base_content_type=page_type).filter(
        Q(pk__in=in_moderation) | Q(approved_go_live_at__isnull=False)
    )
    return revisions.select_related("content_type").order_by("pk")


def pending_uses(obj):
    """Uses of ``obj`` by revisions in moderation or scheduled."""
    target = (ContentType.objects.get_for_model(type(obj)).pk, str(obj.pk))
    uses = []
    for revision in _pending_revisions():
        page = revision.as_object()
        if target in _references_in(page):
            kind = SCHEDULED if revision.approved_go_live_at else MODERATION
            uses.append(FileUse(kind, page.title, int(revision.object_id)))
    return uses


def uses_of(obj):
    """Every use that makes ``obj`` unchangeable for unit roles: live pages, revisions in moderation or
    scheduled, and anything other than a page that refers to it (site settings such as the emblem)."""
    live = Page.objects.live().filter(pk__in=page_ids_using(obj)).order_by("pk")
    uses = [FileUse(LIVE, page.title, page.pk) for page in live]
    page_type = ContentType.objects.get_for_model(Page)
    for reference in _references_to(obj).exclude(base_content_type=page_type).select_related("content_type"):
        model = reference.content_type.model_class()
        source = model._default_manager.filter(pk=reference.object_id).first() if model else None
        uses.append(FileUse(OTHER, str(source) if source is not None else str(reference.content_type)))
    return uses + pending_uses(obj)


def is_in_use(obj):
    return bool(uses_of(obj))


def may_replace(user):
    """Whether ``user`` may change or delete a file in use: the editorial board and superusers."""
    return user is not None and user.is_authenticated and is_board_member(user)


def is_locked_for(user, obj):
    """Whether ``obj`` (saved) is in use and ``user`` may not change it."""
    return obj.pk is not None and not may_replace(user) and is_in_use(obj)


def versions_of(obj):
    field = "image" if obj._meta.model_name == "customimage" else "document"
    return FileVersion.objects.filter(**{field: obj}).select_related("replaced_by").order_by("-public_until")
