from django.utils.translation import gettext as _

from home.mixins import default_review_date
from procedures.models import ProcedureIndexPage
from sites.registry import ensure_child_page

PROCEDURES_SLUG = "thu-tuc-hanh-chinh"


def build_procedures_section(*, unit, home_page):
    """Every unit's site lists its administrative procedures at /thu-tuc-hanh-chinh/ (with a review date a
    year ahead, like the other standard pages)."""
    ensure_child_page(
        home_page,
        ProcedureIndexPage,
        title=_("Administrative procedures"),
        slug=PROCEDURES_SLUG,
        review_by=default_review_date(),
    )
