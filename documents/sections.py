from django.utils.translation import gettext as _

from documents.models import DocumentIndexPage
from sites.registry import ensure_child_page

DOCUMENTS_SLUG = "van-ban"


def build_documents_section(*, unit, home_page):
    """Every unit's site has its document library at /van-ban/."""
    ensure_child_page(home_page, DocumentIndexPage, title=_("Documents"), slug=DOCUMENTS_SLUG)
