from django.utils.translation import gettext as _

from questions.fields import ensure_default_fields
from questions.models import QuestionIndexPage
from sites.registry import ensure_child_page

QUESTIONS_SLUG = "hoi-dap"


def build_questions_section(*, unit, home_page):
    """Every unit's site takes questions and shows the answers at /hoi-dap/ (the fields of questions are
    created too, once)."""
    ensure_default_fields()
    ensure_child_page(home_page, QuestionIndexPage, title=_("Questions and answers"), slug=QUESTIONS_SLUG)
