from django.apps import apps
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from home.blocks import HomeStreamBlock
from home.mixins import FoldedTitleMixin, UnitContextMixin
from home.registry import render_panels
from sites.cache import remember
from sites.selectors import child_units, unit_for_request


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

    def route(self, request, path_components):
        if path_components and request is not None and not getattr(request, "is_preview", False):
            # A section: its type and id are kept per process for the unit (a publication, a move or a
            # deletion under it replaces the unit's token), so it is read with its own fields in one query
            # (Wagtail reads the page, then its specific row). A slug not known there takes Wagtail's way.
            unit = unit_for_request(request)
            if unit is not None:
                known = remember(request, f"sections:{self.pk}", unit.pk, self._sections)
                model_label, pk = known.get(path_components[0], (None, None))
                model = apps.get_model(model_label) if model_label else None
                child = model.objects.filter(pk=pk, path__startswith=self.path).first() if model else None
                if child is not None and child.slug == path_components[0]:
                    child._cached_parent_obj = self
                    return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def _sections(self):
        """``{slug: (model label, id)}`` of the pages directly under this home."""
        children = self.get_children().values_list(
            "slug", "pk", "content_type__app_label", "content_type__model"
        )
        return {slug: (f"{app_label}.{model}", pk) for slug, pk, app_label, model in children}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        unit = context["unit"]
        if unit is not None and request is not None:
            context["child_units"] = remember(
                request, "child-units", unit.pk, lambda: list(child_units(unit))
            )
        else:
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
