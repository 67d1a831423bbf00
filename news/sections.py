from django.utils.translation import gettext as _

from sites.registry import ensure_child_page, register_section

NEWS_SLUG = "tin-tuc"


@register_section("news", order=10)
def build_news_section(*, unit, home_page):
    """Every unit's site has its news index at /tin-tuc/."""
    from news.models import NewsIndexPage

    ensure_child_page(home_page, NewsIndexPage, title=_("News"), slug=NEWS_SLUG)
