from datetime import date

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home import dates
from home.links import set_link_urls
from home.mixins import FoldedTitleMixin, UnitContextMixin
from home.pagination import paginate
from news import selectors
from news.blocks import NewsBodyBlock
from news.checks import check_article
from news.forms import NewsArticleCopyForm, NewsArticleForm, check_slug_against_routes
from news.leaders import LeadersPage  # noqa: F401  (re-exported model path)
from news.taxonomy import Category, Official  # noqa: F401  (re-exported model path)
from sites.cache import remember
from sites.selectors import locales

LEAD_MAX_LENGTH = 400
HOME_DEPTH = 3  # a unit's home: under the tree's root and the portal container (docs/architecture.md)


def parse_month(value):
    """'2026-11' -> (2026, 11); anything else raises Http404."""
    month = dates.parse_month(value, first_year=2000)
    if month is None:
        raise Http404
    return month


class NewsIndexPage(UnitContextMixin, FoldedTitleMixin, RoutablePageMixin, Page):
    """A unit's news listing at /tin-tuc/, with category and month filters and feeds."""

    template = "news/news_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsArticlePage"]
    max_count_per_parent = 1
    page_size = 20

    class Meta:
        verbose_name = _("news index")

    def get_articles(self, request=None):
        return selectors.articles_under(self, request)

    def route(self, request, path_components):
        if len(path_components) == 1 and self.live and not self._is_own_route(path_components[0]):
            # An article: read with its own fields and its picture in one query (Wagtail reads the page,
            # then its specific row, then the picture)
            article = (
                NewsArticlePage.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related("featured_image")
                .first()
            )
            if article is not None:
                article._cached_parent_obj = self
                return article.route(request, [])
        return super().route(request, path_components)

    def _is_own_route(self, component):
        try:
            self.resolve_subpage(f"/{component}/")
        except Http404:
            return False
        return True

    @path("")
    def listing(self, request):
        all_articles = articles = self.get_articles(request)
        unit = self.get_unit(request)
        category = month = None
        if request.GET.get("category"):
            category = selectors.category_for_unit(unit, request.GET["category"])
            if category is None:
                raise Http404
            articles = articles.filter(categories=category)
        if request.GET.get("month"):
            month = parse_month(request.GET["month"])
            articles = selectors.in_month(articles, *month)
        paginator = Paginator(
            selectors.as_links(articles, "lead").prefetch_related("categories"), self.page_size
        )
        if category is None and month is None and unit is not None:
            # the count, the month archive and the categories change only with a publication or a category
            # saved, which replace the unit's token: kept per process (sites.cache.remember)
            paginator.count = remember(request, f"news-count:{self.pk}", unit.pk, all_articles.count)
        archive = selectors.month_archive
        context = {
            "articles": paginate(request, None, self.page_size, paginator=paginator),
            "active_category": category,
            "active_month": date(month[0], month[1], 1) if month else None,
            "categories": selectors.categories_for_unit(unit, request),
            "archive": (
                remember(request, f"news-archive:{self.pk}", unit.pk, lambda: archive(all_articles))
                if unit is not None
                else archive(all_articles)
            ),
        }
        set_link_urls(context["articles"], self, request)
        return self.render(request, context_overrides=context)

    @path("rss/", name="rss")
    def rss(self, request):
        from news.feeds import NewsRssFeed  # news.feeds imports this module

        return NewsRssFeed()(request, index_page=self)

    @path("atom/", name="atom")
    def atom(self, request):
        from news.feeds import NewsAtomFeed  # news.feeds imports this module

        return NewsAtomFeed()(request, index_page=self)

    @re_path(r"^(?P<category_slug>[a-z0-9-]+)/rss/$", name="category_rss")
    def category_rss(self, request, category_slug):
        from news.feeds import NewsRssFeed  # news.feeds imports this module

        return NewsRssFeed()(request, index_page=self, category_slug=category_slug)

    @re_path(r"^(?P<category_slug>[a-z0-9-]+)/atom/$", name="category_atom")
    def category_atom(self, request, category_slug):
        from news.feeds import NewsAtomFeed  # news.feeds imports this module

        return NewsAtomFeed()(request, index_page=self, category_slug=category_slug)


class NewsArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsArticlePage(UnitContextMixin, FoldedTitleMixin, Page):
    """One news article of a unit."""

    copy_form_class = NewsArticleCopyForm

    lead = models.TextField(
        _("lead"),
        max_length=LEAD_MAX_LENGTH,
        blank=True,
        help_text=_("A short summary shown under the title and in listings (at most 400 characters)."),
    )
    body = StreamField(NewsBodyBlock(), blank=True, verbose_name=_("body"))
    featured_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("featured image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_date = models.DateTimeField(
        _("date"), default=timezone.now, db_index=True, help_text=_("The date shown to readers.")
    )
    event_date = models.DateField(
        _("event date"),
        null=True,
        blank=True,
        help_text=_("When the reported event happened; used for timeliness figures."),
    )
    byline = models.CharField(_("byline"), max_length=255, blank=True, help_text=_("Pen name of the author."))
    source = models.CharField(_("source"), max_length=255, blank=True)
    categories = ParentalManyToManyField(Category, verbose_name=_("categories"), blank=True)
    officials = ParentalManyToManyField(
        Official,
        verbose_name=_("officials covered"),
        blank=True,
        help_text=_("Leaders whose activities this article reports."),
    )
    tags = ClusterTaggableManager(through=NewsArticleTag, verbose_name=_("tags"), blank=True)
    featured = models.BooleanField(_("featured"), default=False)
    show_on_all_units = models.BooleanField(
        _("show on every unit's home"),
        default=False,
        help_text=_("District news (Tin huyện): listed on the home page of every unit."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        FieldPanel("featured_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("byline"), FieldPanel("source"), FieldPanel("event_date")],
            heading=_("Author and source"),
        ),
    ]
    taxonomy_panels = [
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
        FieldPanel("officials"),
        FieldPanel("tags"),
    ]
    publishing_panels = [
        FieldPanel("published_date"),
        FieldPanel("featured"),
        FieldPanel("show_on_all_units"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(taxonomy_panels, heading=_("Taxonomy")),
            ObjectList(publishing_panels + Page.promote_panels, heading=_("Publishing")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = FoldedTitleMixin.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("published_date"),
    ]

    base_form_class = NewsArticleForm
    template = "news/news_article_page.html"
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def clean(self):
        super().clean()
        if self.path:  # in the tree; the form checks a new page, whose parent only it knows (NewsArticleForm)
            check_slug_against_routes(self.get_parent(), self.slug)
        published = self.published_date and timezone.localtime(self.published_date).date()
        if self.event_date and published and self.event_date > published:
            raise ValidationError({"event_date": _("The event date cannot be after the publication date.")})

    def moderation_warnings(self):
        """Every problem the pre-publication checks find, shown to approvers before they approve."""
        problems = check_article(
            title=self.title,
            lead=self.lead,
            body=self.body,
            categories=list(self.categories.all()),
            source=self.source,
            featured_image=self.featured_image,
        )
        return [problem.message for problem in problems]

    def _routed_ancestors(self):
        """The unit's home and the news index when routing loaded them (Wagtail keeps each page's parent on
        it while routing), else None."""
        index = self.__dict__.get("_cached_parent_obj")
        home = index.__dict__.get("_cached_parent_obj") if index is not None else None
        if home is None or not (home.depth == index.depth - 1 == self.depth - 2 == HOME_DEPTH):
            return None
        return [home, index]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        categories = list(self.categories.all())
        known_locales = locales(request) if request is not None else {}
        breadcrumbs = self._routed_ancestors() if request is not None else None
        if breadcrumbs is not None and self.locale_id in known_locales:
            self.locale = known_locales[self.locale_id]  # for the JSON-LD: no query
        else:
            # One query serves the breadcrumbs, the links to the news index (the parent), the related lists
            # and the page's language for the JSON-LD (a translation is a whole tree: its parent has its
            # locale).
            ancestors = list(self.get_ancestors().select_related("locale"))
            if ancestors[-1].locale_id == self.locale_id:
                self.locale = ancestors[-1].locale
            breadcrumbs = ancestors[2:]  # from the unit's home, below the portal container
        news_index = breadcrumbs[-1]
        siblings = selectors.as_links(selectors.articles_under(news_index, request))
        unit = context["unit"]
        context["breadcrumbs"] = breadcrumbs
        context["news_index"] = news_index
        context["article_categories"] = categories
        context["other_news"] = set_link_urls(
            selectors.other_news(self, siblings, categories), news_index, request
        )
        context["earlier_news"] = set_link_urls(selectors.earlier_news(self, siblings), news_index, request)
        # the address of the picture for sharing: the unit's site is the page's (no query)
        context["site_root_url"] = unit.site.root_url if unit is not None else self.get_site().root_url
        return context
