from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from home.registry import DISCLOSURE_HOOK, HOME_PANELS_HOOK
from news import home_panels
from news.leaders import build_leaders_section, leaders_disclosure
from news.sections import build_news_section
from news.taxonomy import BannedPhrase, Category, Official
from sites.exports import PortalSnippetViewSet
from sites.permissions import ConfinedSnippetViewSetMixin, UnitOwnedPermissionPolicy
from sites.registry import BOARD_PERMISSIONS_HOOK, UNIT_SECTIONS_HOOK

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
    list_display = ["name", "position", "unit", "active", "shown_publicly", "sort_order"]
    list_filter = ["unit", "active", "shown_publicly"]
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
    from news.admin_views import NewsArticleListingViewSet  # here: its listing views need the admin loaded

    return NewsArticleListingViewSet("news_articles")


# Panels on unit home pages, in this order: 'Tin huyện', the unit's latest, 'Tin từ cơ sở'.
hooks.register(HOME_PANELS_HOOK, home_panels.district_news, order=5)
hooks.register(HOME_PANELS_HOOK, home_panels.latest_news, order=10)
hooks.register(HOME_PANELS_HOOK, home_panels.grassroots_news, order=20)

# Every unit's site has its news index (the first section).
hooks.register(UNIT_SECTIONS_HOOK, build_news_section, order=10)


@hooks.register(BOARD_PERMISSIONS_HOOK)
def news_board_permissions():
    # The board keeps the list of banned phrases, the shared categories and every unit's
    # categories and officials (units manage their own: sites/permissions.py).
    return [
        f"news.{action}_{model}"
        for model in ("bannedphrase", "category", "official")
        for action in ("add", "change", "delete", "view")
    ]


# The leaders' page under every unit's introduction (/gioi-thieu/lanh-dao/; the introduction is order 30).
hooks.register(UNIT_SECTIONS_HOOK, build_leaders_section, order=31)
hooks.register(DISCLOSURE_HOOK, leaders_disclosure)
