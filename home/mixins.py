from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from home.forms import UnitBoundPageForm
from home.text import fold
from sites.models import UnitSettings
from sites.selectors import (
    any_view_restriction,
    unit_for_page,
    unit_for_path,
    unit_for_request,
    unit_settings_for,
)


class FoldedTitleMixin:
    """Indexes the title folded (no diacritics, đ as d) for Wagtail's own search, so that the admin
    finds "Phước Hậu" from "phuoc hau"; search.backend folds the queries of page searches."""

    search_fields = [
        *Page.search_fields,
        index.SearchField("folded_title"),
        index.AutocompleteField("folded_title"),
    ]

    @property
    def folded_title(self):
        return fold(self.title)


class UnitContextMixin:
    """Puts the page's own ``unit`` and ``unit_settings`` in the template context.

    The context processor resolves them from the request's host; previews in the admin
    (served from the district's host) would then show the wrong header, so pages use
    the unit that actually contains them.

    Its edit form keeps the page's images, documents and page links within the unit (home/forms.py);
    a page type with its own form derives it from ``UnitBoundPageForm``.
    """

    base_form_class = UnitBoundPageForm

    def get_unit(self, request):
        """The request's unit when it contains this page (no query beyond the request's one unit lookup),
        else the unit that does (an admin preview, an English page)."""
        unit = unit_for_request(request) if request is not None else None
        if unit is None or unit_for_path(self.path, [unit]) is None:
            unit = unit_for_page(self)
        return unit

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        unit = self.get_unit(request)
        context["unit"] = unit
        if unit is not None and request is not None:
            context["unit_settings"] = unit_settings_for(request, unit)  # kept per process
        elif unit is not None:
            context["unit_settings"] = UnitSettings.for_site(unit.site)
        return context

    def route(self, request, path_components):
        result = super().route(request, path_components)
        page = result[0]
        if request is not None and isinstance(page, Page) and not any_view_restriction(request):
            # Wagtail's serve hook asks every page served for its restrictions (two queries); with none on
            # any page of the portal (kept per process, replaced when one is saved) the answer is known
            page.__dict__["_no_view_restrictions"] = True
        return result

    def get_view_restrictions(self):
        if self.__dict__.get("_no_view_restrictions"):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


REVIEW_INTERVAL = timedelta(days=365)


def default_review_date(today=None):
    """About a year ahead: what provisioning and the demo set on the pages they create."""
    return (today or timezone.localdate()) + REVIEW_INTERVAL


class ReviewDateMixin(models.Model):
    """A review-by date on standard pages (introduction, contact, leaders, procedures ...): by then someone
    checks the page is still true. Admin only, never shown publicly.

    An abstract model, so that Django gives each concrete page type its own ``review_by`` column: put it
    first among the bases
    (``class ProcedurePage(ReviewDateMixin, UnitContextMixin, FoldedTitleMixin, Page)``) and add
    ``ReviewDateMixin.review_panels`` to the page's ``settings_panels``. The dashboard panel "Pages past their
    review date" (home/panels.py) finds every concrete model using it through the app registry.
    """

    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_("By this date someone checks that the page is still accurate; shown only in the admin."),
    )

    review_panels = [FieldPanel("review_by")]

    class Meta:
        abstract = True
