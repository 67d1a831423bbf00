from django.utils.translation import gettext as _

from news.models import NewsIndexPage
from sites.registry import ensure_child_page

NEWS_SLUG = "tin-tuc"


def build_news_section(*, unit, home_page):
    """Every unit's site has its news index at /tin-tuc/."""
    ensure_child_page(home_page, NewsIndexPage, title=_("News"), slug=NEWS_SLUG)
