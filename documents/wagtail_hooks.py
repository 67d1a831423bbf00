from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from documents.dashboard import OverdueOutcomesPanel
from documents.disclosure import document_disclosure_items
from documents.models import DraftComment
from documents.personal_data import draft_comment_data
from documents.sections import build_access_section, build_documents_section
from home.registry import DISCLOSURE_HOOK
from sites.exports import PortalSnippetViewSet
from sites.permissions import ConfinedSnippetViewSetMixin, PageScopedPermissionPolicy
from sites.registry import BOARD_PERMISSIONS_HOOK, PERSONAL_DATA_HOOK, UNIT_SECTIONS_HOOK

register_permission_policy(DraftComment, PageScopedPermissionPolicy(DraftComment))


class DraftCommentViewSet(ConfinedSnippetViewSetMixin, PortalSnippetViewSet):
    """Each unit moderates and exports the comments on its own drafts."""

    model = DraftComment
    icon = "comment"
    menu_label = _("Comments on drafts")
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["name", "page", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["name", "body"]
    list_export = ["page", "name", "contact", "body", "status", "created_at"]
    export_filename = "gop-y-du-thao"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("page").order_by("-created_at")


register_snippet(DraftCommentViewSet)


# Every unit's site has its document library (after the news: the order of the sections).
hooks.register(UNIT_SECTIONS_HOOK, build_documents_section, order=20)
# ... and its access-to-information page, last of the standard sections.
hooks.register(UNIT_SECTIONS_HOOK, build_access_section, order=50)
# Each disclosure category of the documents is an item of the access page's list.
hooks.register(DISCLOSURE_HOOK, document_disclosure_items)


@hooks.register("construct_homepage_panels")
def add_overdue_outcomes_panel(request, panels):
    """Drafts whose consultation outcome is overdue (the user's units; the board: every unit)."""
    panels.append(OverdueOutcomesPanel())


@hooks.register(BOARD_PERMISSIONS_HOOK)
def draft_comment_board_permissions():
    return [f"documents.{action}_draftcomment" for action in ("change", "delete", "view")]


# Issue #20 §3: the names and contacts of comments on drafts, for the "Dữ liệu cá nhân" view and the
# nightly erasure (sites/personal_data.py).
hooks.register(PERSONAL_DATA_HOOK, draft_comment_data)
