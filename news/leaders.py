"""The unit's leaders at /gioi-thieu/lanh-dao/ (issue #19 §2): the public profiles of its tracked officials
(``news.taxonomy.Official``), ordered by position, and a page per leader at /gioi-thieu/lanh-dao/<id>/."""

from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from home.blocks import HomeStreamBlock
from home.mixins import FoldedTitleMixin, ReviewDateMixin, UnitContextMixin
from home.models import ContactPage
from home.registry import DisclosureItem
from home.sections import ensure_page, introduction_of
from news.taxonomy import Official

LEADERS_SLUG = "lanh-dao"
# The renditions the templates ask for: prefetched with the photos, so the list costs the same at any length.
LIST_PHOTO = "fill-160x200"
DETAIL_PHOTO = "fill-320x400"


def public_leaders(unit, *, rendition=LIST_PHOTO):
    """The unit's leaders shown publicly, by position, with their photos and those photos' ``rendition``
    (two queries, whatever their number)."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=rendition)
    return (
        Official.objects.public()
        .filter(unit=unit)
        .select_related("photo")
        .prefetch_related(Prefetch("photo__renditions", queryset=renditions))
        .order_by("sort_order", "name", "pk")
    )


class LeadersPage(RoutablePageMixin, ReviewDateMixin, UnitContextMixin, FoldedTitleMixin, Page):
    """The leaders ("Lãnh đạo"): the unit's leaders (name, position, term, duties, office phone and e-mail,
    photo) and a page per leader with the biography."""

    body = StreamField(HomeStreamBlock(), blank=True, verbose_name=gettext_lazy("body"))

    content_panels = Page.content_panels + [FieldPanel("body")]
    settings_panels = Page.settings_panels + ReviewDateMixin.review_panels
    search_fields = FoldedTitleMixin.search_fields + [index.SearchField("body")]

    template = "news/leaders_page.html"
    parent_page_types = ["home.IntroductionPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = gettext_lazy("leaders page")

    @path("")
    def listing(self, request):
        unit = self.get_unit(request)
        leaders = list(public_leaders(unit)) if unit is not None else []
        return self.render(request, context_overrides={"leaders": leaders, "page_url": self.get_url(request)})

    @path("<int:official_id>/", name="leader")
    def leader(self, request, official_id):
        unit = self.get_unit(request)
        leader = public_leaders(unit, rendition=DETAIL_PHOTO).filter(pk=official_id).first() if unit else None
        if leader is None:  # another unit's, hidden, or out of office
            raise Http404
        return self.render(
            request,
            context_overrides={"leader": leader, "page_url": self.get_url(request)},
            template="news/leader_detail.html",
        )


def build_leaders_section(*, unit, home_page):
    """Every unit's introduction has its leaders' page at /gioi-thieu/lanh-dao/ (after the introduction's own
    sub-pages, hook order 31)."""
    introduction = introduction_of(home_page)
    if introduction is not None:
        ensure_page(introduction, LeadersPage, slug=LEADERS_SLUG, title=_("Leaders"))


LEADERS_DISCLOSURE_TITLE = gettext_lazy(
    "Leaders of the agency (names, positions, duties, contacts), the agency's contacts and its press "
    "spokesperson"
)
LEADERS_DISCLOSURE_BASIS = gettext_lazy(
    "Law on Access to Information 2016, Article 19(1)(đ); Decree 42/2022/ND-CP, Article 4(1)(e); "
    "Decree 09/2017/ND-CP (press spokesperson)"
)


def leaders_disclosure(*, unit, request):
    """The leaders' page and the contact page (with the spokesperson): how many leaders are listed, and when
    either page was last published."""
    introduction = introduction_of(unit.site.root_page) if unit is not None else None
    pages = (
        list(introduction.get_children().live().type(LeadersPage, ContactPage).specific())
        if introduction is not None and introduction.live
        else []
    )
    leaders_page = next((page for page in pages if isinstance(page, LeadersPage)), None)
    contact = next((page for page in pages if isinstance(page, ContactPage)), None)
    count = Official.objects.public().filter(unit=unit).count() if leaders_page is not None else 0
    if contact is not None and contact.spokesperson_name:
        count += 1  # the spokesperson is published too
    dates = [page.last_published_at for page in pages if page.last_published_at is not None]
    url = (leaders_page or contact).get_url(request) if pages else None
    item = DisclosureItem(
        "leaders",
        LEADERS_DISCLOSURE_TITLE,
        LEADERS_DISCLOSURE_BASIS,
        url,
        count,
        max(dates, default=None),
        11,
    )
    return [item]
