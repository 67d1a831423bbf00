"""News on unit home pages: the unit's latest, 'Tin từ cơ sở' on the district, 'Tin huyện' everywhere."""

from home.links import set_link_urls
from home.registry import HomePanel
from news import selectors
from sites.selectors import pages_under, top_unit, unit_for_path

HOME_LATEST = 6
GRASSROOTS_COUNT = 8
DISTRICT_NEWS_COUNT = 5


def _live(context, request):
    """One live-and-public article queryset per page render, shared by the panels: only what a link shows."""
    if "_live_articles" not in context:
        context["_live_articles"] = selectors.as_links(selectors.live_articles(request))
    return context["_live_articles"]


def _links(articles, parent, request):
    return set_link_urls(selectors.with_locales(articles, request), parent, request)


def latest_news(*, page, unit, request, context):
    """The unit's newest articles; the newest featured one leads with its picture."""
    articles = (
        _live(context, request)
        .descendant_of(page)
        .select_related("featured_image")
        .only(*selectors.LINK_FIELDS, "featured", "lead", "featured_image")
    )
    articles = _links(list(articles[: HOME_LATEST + 1]), page, request)
    if not articles:
        return None
    lead = next((a for a in articles if a.featured), None) or articles[0]
    return HomePanel(
        "news/panels/latest.html",
        {"lead": lead, "articles": [a for a in articles if a is not lead][:HOME_LATEST]},
    )


def grassroots_news(*, page, unit, request, context):
    """On a unit with sub-units: the latest articles of all of them, each with its unit's name."""
    if unit is None:
        return None
    children = context.get("child_units") or []
    if not children:
        return None
    articles = list(_live(context, request).filter(pages_under(children))[:GRASSROOTS_COUNT])
    items = [
        (article, unit_for_path(article.path, children))
        for article in selectors.with_locales(articles, request)
    ]
    for owner in {owner for _article, owner in items}:  # each unit's articles below its home: one get_url
        home = owner.site.root_page if owner is not None else None
        set_link_urls([article for article, found in items if found is owner], home, request)
    return HomePanel("news/panels/grassroots.html", {"items": items}) if items else None


def district_news(*, page, unit, request, context):
    """'Tin huyện': articles the top unit marked for every unit's home, shown on sub-unit homes."""
    if unit is None or unit.parent_id is None:
        return None
    top = top_unit(unit)  # walks the parents (the unit selectors load the first one)
    home = top.site.root_page
    articles = _live(context, request).descendant_of(home).filter(show_on_all_units=True)
    articles = _links(list(articles[:DISTRICT_NEWS_COUNT]), home, request)
    return HomePanel("news/panels/district.html", {"articles": articles, "top": top}) if articles else None
