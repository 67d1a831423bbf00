from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.pagination import paginate

LEAD_MAX_LENGTH = 400


class NewsIndexPage(Page):
    """A unit's news listing at /tin-tuc/."""

    template = "news/news_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsArticlePage"]
    max_count_per_parent = 1
    page_size = 20

    class Meta:
        verbose_name = _("news index")

    def get_articles(self):
        return (
            NewsArticlePage.objects.live()
            .public()
            .child_of(self)
            .defer_streamfields()
            .order_by("-published_date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = paginate(request, self.get_articles(), self.page_size)
        return context


class NewsArticlePage(Page):
    """One news article. Issue #3 extends it (categories, officials, feeds ...)."""

    lead = models.TextField(_("lead"), max_length=LEAD_MAX_LENGTH, blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    published_date = models.DateTimeField(_("date"), default=timezone.now, db_index=True)
    event_date = models.DateField(_("event date"), null=True, blank=True)
    byline = models.CharField(_("byline"), max_length=255, blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("published_date"),
                FieldPanel("event_date"),
                FieldPanel("byline"),
                FieldPanel("source"),
            ],
            heading=_("Details"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("published_date"),
    ]

    template = "news/news_article_page.html"
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
