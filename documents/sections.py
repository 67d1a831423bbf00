from django.utils.translation import gettext as _

from sites.registry import ensure_child_page, register_section

DOCUMENTS_SLUG = "van-ban"


@register_section("documents", order=20)
def build_documents_section(*, unit, home_page):
    """Every unit's site has its document library at /van-ban/."""
    from documents.models import DocumentIndexPage

    ensure_child_page(home_page, DocumentIndexPage, title=_("Documents"), slug=DOCUMENTS_SLUG)
