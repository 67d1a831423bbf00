from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from documents.models import DraftComment
from documents.sections import build_documents_section
from sites.exports import PortalSnippetViewSet
from sites.permissions import ConfinedSnippetViewSetMixin, PageScopedPermissionPolicy
from sites.registry import BOARD_PERMISSIONS_HOOK, UNIT_SECTIONS_HOOK

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


@hooks.register(BOARD_PERMISSIONS_HOOK)
def draft_comment_board_permissions():
    return [f"documents.{action}_draftcomment" for action in ("change", "delete", "view")]
