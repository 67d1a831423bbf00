from django.db.models import Count, Max
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.models import Page

from home.models import OrganisationPage, StandardPage
from home.panels import ReviewOverduePanel
from home.registry import DISCLOSURE_HOOK, DisclosureItem
from home.sections import build_introduction_section, introduction_of
from sites.registry import UNIT_SECTIONS_HOOK

# Every unit's site has its introduction at /gioi-thieu/ (after news 10 and documents 20).
hooks.register(UNIT_SECTIONS_HOOK, build_introduction_section, order=30)


@hooks.register("construct_homepage_panels")
def add_review_overdue_panel(request, panels):
    """The panel "Pages past their review date", below the work lists."""
    panels.append(ReviewOverduePanel())


INTRODUCTION_TITLE = _("Organisation structure, functions, duties and powers of the agency and its units")
# The brief said point h; the law's text (notes/law19.md, read) puts the organisation at point k, and the
# portal duty (with the organisation chart and the agency's contacts) at Article 19(1)(đ).
INTRODUCTION_BASIS = _("Law on Access to Information 2016, Article 17(1)(k) and Article 19(1)(đ)")


@hooks.register(DISCLOSURE_HOOK)
def introduction_disclosure(*, unit, request):
    """The introduction: its live pages (the introduction and the standard pages under it)."""
    introduction = introduction_of(unit.site.root_page) if unit is not None else None
    if introduction is None or not introduction.live:
        return [
            DisclosureItem("introduction", INTRODUCTION_TITLE, INTRODUCTION_BASIS, None, 0, None, order=10)
        ]
    pages = (
        Page.objects.live()
        .descendant_of(introduction)
        .type(OrganisationPage, StandardPage)
        .aggregate(last=Max("last_published_at"), count=Count("pk"))
    )
    count = pages["count"]
    last = max(
        (when for when in (introduction.last_published_at, pages["last"]) if when is not None), default=None
    )
    url = introduction.get_url(request)
    return [
        DisclosureItem("introduction", INTRODUCTION_TITLE, INTRODUCTION_BASIS, url, count, last, order=10)
    ]
