from django.utils.translation import gettext as _

from documents.models import AccessInformationPage, DocumentIndexPage
from sites.registry import ensure_child_page

DOCUMENTS_SLUG = "van-ban"
ACCESS_SLUG = "tiep-can-thong-tin"


def build_documents_section(*, unit, home_page):
    """Every unit's site has its document library at /van-ban/."""
    ensure_child_page(home_page, DocumentIndexPage, title=_("Documents"), slug=DOCUMENTS_SLUG)


def build_access_section(*, unit, home_page):
    """Every unit's site has its access-to-information page at /tiep-can-thong-tin/ (Luật Tiếp cận thông tin
    2016, Art. 17; Nghị định 13/2018/NĐ-CP, Art. 11); the unit fills in its focal point."""
    ensure_child_page(home_page, AccessInformationPage, title=_("Access to information"), slug=ACCESS_SLUG)
