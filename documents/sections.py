from django.utils.translation import gettext as _

from sites.registry import register_section

DOCUMENTS_SLUG = "van-ban"


@register_section("documents", order=20)
def build_documents_section(*, unit, home_page):
    """Every unit's site has its document library at /van-ban/."""
    from documents.models import DocumentIndexPage

    if DocumentIndexPage.objects.child_of(home_page).exists():
        return
    home_page.add_child(
        instance=DocumentIndexPage(title=_("Documents"), slug=DOCUMENTS_SLUG, live=True, show_in_menus=True)
    )
