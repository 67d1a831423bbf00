from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from news.taxonomy import BannedPhrase, Category, Official
from sites.exports import PortalSnippetViewSet
from sites.permissions import ConfinedSnippetViewSetMixin, UnitOwnedPermissionPolicy

# Each unit manages its own categories and officials; the board manages all (and the shared ones).
register_permission_policy(Category, UnitOwnedPermissionPolicy(Category))
register_permission_policy(Official, UnitOwnedPermissionPolicy(Official))


class UnitOwnedViewSet(ConfinedSnippetViewSetMixin, PortalSnippetViewSet):
    """Listing, forms and object views confined to the user's units (see sites/permissions.py)."""


class CategoryViewSet(UnitOwnedViewSet):
    model = Category
    icon = "tag"
    list_display = ["name", "slug", "unit", "requires_source"]
    list_filter = ["unit"]
    search_fields = ["name"]


class OfficialViewSet(UnitOwnedViewSet):
    model = Official
    icon = "user"
    list_display = ["name", "position", "unit", "active"]
    list_filter = ["unit", "active"]
    search_fields = ["name", "position"]


class BannedPhraseViewSet(PortalSnippetViewSet):
    model = BannedPhrase
    icon = "warning"
    list_display = ["phrase", "blocks_submission", "note"]
    search_fields = ["phrase"]


class NewsTaxonomyGroup(SnippetViewSetGroup):
    items = (CategoryViewSet, OfficialViewSet, BannedPhraseViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = "Phân loại tin"  # noqa: RUF001
    menu_name = "news-taxonomy"


register_snippet(NewsTaxonomyGroup)


@hooks.register("register_admin_viewset")
def register_news_listing():
    from news.admin_views import NewsArticleListingViewSet

    return NewsArticleListingViewSet("news_articles")
