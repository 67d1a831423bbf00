"""News on unit home pages: the unit's latest, 'Tin từ cơ sở' on the district, 'Tin huyện' everywhere."""

from django.db.models import Q

from home.registry import register_home_panel
from news import selectors

HOME_LATEST = 6
GRASSROOTS_COUNT = 8
DISTRICT_NEWS_COUNT = 5


def _live(context):
    """One live-and-public article queryset per page render, shared by the panels."""
    if "_live_articles" not in context:
        context["_live_articles"] = selectors.live_articles()
    return context["_live_articles"]


@register_home_panel("latest-news", template="news/panels/latest.html", order=10)
def latest_news(*, page, unit, request, context):
    """The unit's newest articles; the newest featured one leads with its picture."""
    articles = list(_live(context).descendant_of(page)[: HOME_LATEST + 1])
    if not articles:
        return None
    lead = next((a for a in articles if a.featured), None) or articles[0]
    return {"lead": lead, "articles": [a for a in articles if a is not lead][:HOME_LATEST]}


@register_home_panel("grassroots-news", template="news/panels/grassroots.html", order=20)
def grassroots_news(*, page, unit, request, context):
    """On a unit with sub-units: the latest articles of all of them, each with its unit's name."""
    if unit is None:
        return None
    children = context.get("child_units") or []
    if not children:
        return None
    roots = {child.site.root_page.path: child for child in children}
    in_children = Q()
    for path in roots:
        in_children |= Q(path__startswith=path)
    articles = _live(context).filter(in_children)[:GRASSROOTS_COUNT]
    items = [
        (article, next(u for path, u in roots.items() if article.path.startswith(path)))
        for article in articles
    ]
    return {"items": items} if items else None


@register_home_panel("district-news", template="news/panels/district.html", order=5)
def district_news(*, page, unit, request, context):
    """'Tin huyện': articles the top unit marked for every unit's home, shown on sub-unit homes."""
    if unit is None or unit.parent_id is None:
        return None
    top = unit
    while top.parent_id is not None:
        top = top.parent  # loaded with select_related by the unit selectors
    articles = list(
        _live(context).descendant_of(top.site.root_page).filter(show_on_all_units=True)[:DISTRICT_NEWS_COUNT]
    )
    return {"articles": articles, "top": top} if articles else None
