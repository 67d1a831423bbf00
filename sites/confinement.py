"""Unit boundaries in Wagtail's own admin views (admin API, choosers, bulk actions, move, reports).

Wagtail confines most object views by page and collection permissions, but a few of its views show other
objects without asking: the admin API's image and document endpoints, the confirmation pages of bulk
actions (which list the items the user may *not* act on, by title), the move confirmation, browsing the
page chooser into any page, and the page types report ("last edited page"). Each is confined here, through
Wagtail's hooks where it has one, by the one rule of ``sites.selectors``: the board and superusers see
everything, a unit's members their units' pages and the files of the collections they have permissions on.
tests/sites/test_admin_confinement.py walks every admin URL with another unit's ids.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import F, Q
from django.http import Http404

from wagtail import hooks
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.admin.views.pages import bulk_actions as page_bulk_actions
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.views import bulk_actions as document_bulk_actions
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.images.views import bulk_actions as image_bulk_actions
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction as SnippetDeleteBulkAction
from wagtail.users.views import bulk_actions as user_bulk_actions

from sites.exports import FormulaSafeExportMixin
from sites.selectors import page_is_above_units_of, page_visible_to, pages_visible_to, sees_everything

# What "may see a file" means: any of the actions Wagtail grants per collection.
FILE_ACTIONS = ["add", "change", "choose", "delete"]
OBJECT_ACTIONS = ["view", "change", "delete", "choose"]


def may_see(user, obj):
    """Whether ``user`` may learn that ``obj`` exists (and its title) in the admin."""
    if sees_everything(user):
        return True
    if isinstance(obj, Page):
        return page_visible_to(user, obj)
    policy = policy_registry.get_by_type(type(obj))
    return policy.user_has_any_permission_for_instance(user, FILE_ACTIONS + OBJECT_ACTIONS, obj)


# --- Admin API ------------------------------------------------------------------------------------------
# The Draftail editor reads images and documents through /admin/api/main/; Wagtail serves every one of
# them to anyone with admin access. Only those the user could choose or change are served here.


class ConfinedImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        visible = policy_registry.get_by_type(get_image_model()).instances_user_has_any_permission_for(
            self.request.user, FILE_ACTIONS
        )
        return super().get_queryset().filter(pk__in=visible.values("pk"))


class ConfinedDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        visible = policy_registry.get_by_type(get_document_model()).instances_user_has_any_permission_for(
            self.request.user, FILE_ACTIONS
        )
        return super().get_queryset().filter(pk__in=visible.values("pk"))


@hooks.register("construct_admin_api", order=100)  # after wagtail.images / wagtail.documents register theirs
def confine_admin_api(router):
    router.register_endpoint("images", ConfinedImagesAdminAPIViewSet)
    router.register_endpoint("documents", ConfinedDocumentsAdminAPIViewSet)


# --- Bulk actions -----------------------------------------------------------------------------------------


class ConfinedBulkActionMixin:
    """Items the user may not see are left out altogether: neither acted on nor listed (Wagtail lists the
    items "you don't have permission to" act on by title)."""

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        user = self.request.user
        if sees_everything(user):
            return objects, extra
        extra = {
            **extra,
            "items_with_no_access": [
                obj for obj in extra.get("items_with_no_access", []) if may_see(user, obj)
            ],
        }
        return [obj for obj in objects if may_see(user, obj)], extra


def confined_bulk_action(action_class):
    return type(f"UnitConfined{action_class.__name__}", (ConfinedBulkActionMixin, action_class), {})


# Every bulk action Wagtail registers, replaced (same app, model and action type, registered later).
CONFINED_BULK_ACTIONS = [
    confined_bulk_action(action_class)
    for action_class in (
        page_bulk_actions.DeleteBulkAction,
        page_bulk_actions.MoveBulkAction,
        page_bulk_actions.PublishBulkAction,
        page_bulk_actions.UnpublishBulkAction,
        image_bulk_actions.AddTagsBulkAction,
        image_bulk_actions.AddToCollectionBulkAction,
        image_bulk_actions.DeleteBulkAction,
        document_bulk_actions.AddTagsBulkAction,
        document_bulk_actions.AddToCollectionBulkAction,
        document_bulk_actions.DeleteBulkAction,
        SnippetDeleteBulkAction,
        user_bulk_actions.AssignRoleBulkAction,
        user_bulk_actions.DeleteBulkAction,
        user_bulk_actions.SetActiveStateBulkAction,
    )
]
for _action_class in CONFINED_BULK_ACTIONS:
    hooks.register("register_bulk_action", _action_class, order=100)


def is_confined_bulk_action(action_class):
    return issubclass(action_class, ConfinedBulkActionMixin) and issubclass(action_class, BulkAction)


# --- Moving pages -----------------------------------------------------------------------------------------


@hooks.register("before_move_page")
def confine_move(request, page_to_move, destination):
    """Wagtail's move confirmation shows both pages before checking anything; only a move the user could
    make gets that far (the page's and the destination's permissions, as the move itself checks)."""
    if not page_to_move.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


# --- Page chooser -----------------------------------------------------------------------------------------


@hooks.register("construct_page_chooser_queryset", order=-100)
def confine_page_chooser_parent(pages, request):
    """Browsing the page chooser "into" a page shows that page's title: only into the user's own pages and
    the tree above their units (the rows themselves are confined by ``confine_page_chooser``)."""
    match = request.resolver_match
    parent_id = match.kwargs.get("parent_page_id") if match else None
    if parent_id is not None and not sees_everything(request.user):
        parent = Page.objects.filter(pk=parent_id).first()
        if parent is None or not (
            page_visible_to(request.user, parent) or page_is_above_units_of(request.user, parent)
        ):
            raise Http404
    return pages


# --- Page views that speak before they check --------------------------------------------------------------


def confined_page_view(name, *, page_id_kwarg="page_id"):
    """Wagtail's page view ``name`` answering 404 for a page the user may not see. Its workflow views put
    the page's (draft) title in an error message before checking anything."""
    wagtail_view = page_viewset_registry.as_view(name, page_id_kwarg=page_id_kwarg)

    def view(request, *args, **kwargs):
        page = Page.objects.filter(pk=kwargs.get(page_id_kwarg)).first()
        if page is None or not page_visible_to(request.user, page):
            raise Http404
        return wagtail_view(request, *args, **kwargs)

    view.__name__ = f"confined_{name}"
    return view


# --- Reports ----------------------------------------------------------------------------------------------


class ConfinedPageTypesUsageReportView(FormulaSafeExportMixin, PageTypesUsageReportView):
    """The page types report with "last edited page" among the pages the user may see (counts stay
    portal-wide: they name nothing); its export formula-safe like every other (sites/exports.py)."""

    def decorate_paginated_queryset(self, page_types):
        page_types = super().decorate_paginated_queryset(page_types)
        user = self.request.user
        if sees_everything(user):
            return page_types
        for item in page_types:
            if item.last_edited_page is not None and not may_see(user, item.last_edited_page):
                item.last_edited_page = self._last_visible(item)
        return page_types

    def _last_visible(self, page_type):
        filters = Q(content_type_id=page_type.pk)
        cleaned = self.filters.form.cleaned_data if self.filters is not None else {}
        if cleaned.get("page_locale"):
            filters &= Q(locale__language_code=cleaned["page_locale"])
        if cleaned.get("site"):
            filters &= Q(path__startswith=cleaned["site"])
        pages = pages_visible_to(self.request.user, Page.objects.filter(filters))
        latest = F("latest_revision_created_at").desc(nulls_last=True)
        return pages.order_by(latest, "title", "-pk").specific().first()
