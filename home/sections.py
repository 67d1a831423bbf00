"""The introduction every unit's site has at /gioi-thieu/ (Luật Tiếp cận thông tin 2016, Art. 17; the decree
on agencies' portals: the agency's organisation, duties, history, map, leaders and contacts)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from home.mixins import default_review_date
from home.models import AdministrativeMapPage, ContactPage, IntroductionPage, OrganisationPage, StandardPage

INTRODUCTION_SLUG = "gioi-thieu"

# (slug, page type, title): the standard sub-pages, in their order under /gioi-thieu/. The leaders' page
# (/gioi-thieu/lanh-dao/) is added by the news app, which owns the leaders.
STANDARD_SUBPAGES = [
    ("co-cau-to-chuc", OrganisationPage, lambda: _("Organisation structure")),
    ("chuc-nang-nhiem-vu", StandardPage, lambda: _("Functions and duties")),
    ("dieu-kien-tu-nhien", StandardPage, lambda: _("Natural conditions")),
    ("lich-su-van-hoa", StandardPage, lambda: _("History and culture")),
    ("ban-do-hanh-chinh", AdministrativeMapPage, lambda: _("Administrative map")),
    ("lien-he", ContactPage, lambda: _("Contact information")),
]


def ensure_page(parent, page_class, *, slug, **fields):
    """The child of ``parent`` with ``slug``, created live (with a review date a year ahead) when missing.
    Idempotent by slug: a page an editor moved, retitled or changed into another type is left alone."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    now = timezone.now()  # live from the start, like the other sections: "last updated" has a date
    page = page_class(
        live=True,
        slug=slug,
        review_by=default_review_date(),
        first_published_at=now,
        last_published_at=now,
        **fields,
    )
    parent.add_child(instance=page)
    return page


def introduction_of(home_page):
    """The unit's introduction page (specific), or None."""
    return IntroductionPage.objects.child_of(home_page).first()


def build_introduction_section(*, unit, home_page):
    """Every unit's site has its introduction at /gioi-thieu/ with the standard sub-pages."""
    introduction = introduction_of(home_page)
    if introduction is None:
        introduction = ensure_page(
            home_page, IntroductionPage, slug=INTRODUCTION_SLUG, title=_("Introduction"), show_in_menus=True
        )
    if not isinstance(introduction, IntroductionPage):
        return  # /gioi-thieu/ is taken by another page: an editor's choice, left alone
    for slug, page_class, title in STANDARD_SUBPAGES:
        fields = {"title": title()}
        if page_class is ContactPage:
            # unless the unit names another, its chairman speaks for it (Decree 09/2017/ND-CP)
            fields["spokesperson_position"] = _("Chairman of the People's Committee")
        ensure_page(introduction, page_class, slug=slug, **fields)
