from django.utils.translation import gettext_lazy as _

from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from documents.comments import DraftComment
from sites.exports import PortalSnippetViewSet
from sites.permissions import ConfinedSnippetViewSetMixin, PageScopedPermissionPolicy

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
