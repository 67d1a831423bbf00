from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from home.blocks import HomeStreamBlock
from home.mixins import FoldedTitleMixin, UnitContextMixin
from home.registry import render_panels
from sites.selectors import child_units


class HomePage(UnitContextMixin, FoldedTitleMixin, Page):
    """The root page of one unit's site."""

    body = StreamField(HomeStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("body")]

    template = "home/home_page.html"
    # Homes sit only under the portal container (a plain Page); see docs/architecture.md.
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.NewsIndexPage", "documents.DocumentIndexPage", "home.StandardPage"]
    max_count_per_parent = None

    class Meta:
        verbose_name = _("home page")

    @classmethod
    def for_new_unit(cls, *, title, slug):
        return cls(title=title, slug=slug, live=True)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        unit = context["unit"]
        context["child_units"] = list(child_units(unit)) if unit else []
        context["home_panels"] = render_panels(page=self, unit=unit, request=request, context=context)
        return context


class StandardPage(UnitContextMixin, FoldedTitleMixin, Page):
    """A plain content page (introduction, contacts ...)."""

    body = StreamField(HomeStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("body")]

    template = "home/standard_page.html"
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
