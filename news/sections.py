from django.utils.translation import gettext as _

from sites.registry import register_section

NEWS_SLUG = "tin-tuc"


@register_section("news", order=10)
def build_news_section(*, unit, home_page):
    """Every unit's site has its news index at /tin-tuc/."""
    from news.models import NewsIndexPage

    if NewsIndexPage.objects.child_of(home_page).exists():
        return
    home_page.add_child(
        instance=NewsIndexPage(title=_("News"), slug=NEWS_SLUG, live=True, show_in_menus=True)
    )
