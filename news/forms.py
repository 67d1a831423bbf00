from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import Resolver404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.pages import CopyForm
from wagtail.contrib.routable_page.models import RoutablePageMixin

from home.forms import UnitBoundPageForm
from news.checks import check_article
from news.taxonomy import Category, Official
from sites.selectors import unit_ancestors, unit_for_page

SLUG_TAKEN_BY_ROUTE = _(
    "The slug “%(slug)s” is already an address of “%(parent)s” itself (such as its RSS or Atom feed): a page "
    "with this slug could never be opened. Choose another slug."
)


def check_slug_against_routes(parent, slug):
    """Raise ValidationError({"slug": ...}) when ``parent`` answers ``<parent>/<slug>/`` with one of its own
    routes (the news index's feeds, say): Wagtail tries a routable page's routes before its child pages, so a
    child with that slug could never be opened. What is reserved is read from the parent's routes, so a
    route added later is covered too.
    """
    if parent is None or not slug:
        return
    page_class = parent.specific_class
    if page_class is None or not issubclass(page_class, RoutablePageMixin):
        return
    try:
        page_class.get_resolver().resolve(f"/{slug}/")
    except Resolver404:
        return
    raise ValidationError({"slug": SLUG_TAKEN_BY_ROUTE % {"slug": slug, "parent": parent.title}})


class NewsArticleCopyForm(CopyForm):
    """Wagtail's copy form, refusing a slug the destination's own routes answer (the copy is saved without
    the page's ``clean()``)."""

    def clean(self):
        cleaned_data = super().clean()
        slug = cleaned_data.get("new_slug")
        parent = cleaned_data.get("new_parent_page") or self.page.get_parent()
        try:
            check_slug_against_routes(parent, slug)
        except ValidationError as error:
            self.add_error("new_slug", error.message_dict["slug"])
        return cleaned_data


class NewsArticleForm(UnitBoundPageForm):
    """Offers only the unit's categories and officials; runs the pre-publication checks on submit."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance if self.instance.pk else self.parent_page
        unit = unit_for_page(page) if page is not None and page.pk else None
        if "categories" in self.fields:
            self.fields["categories"].queryset = Category.objects.for_unit(unit)
        if "officials" in self.fields:
            # A commune article may cover its own leaders and those of the units above it.
            units = [unit, *unit_ancestors(unit)] if unit is not None else []
            self.fields["officials"].queryset = Official.objects.filter(
                Q(unit_id__in=[u.pk for u in units]), active=True
            ).select_related("unit")

    def clean(self):
        cleaned_data = super().clean()
        if not self.instance.path and cleaned_data.get("slug"):
            # A new page is not in the tree yet: its model's clean() cannot see the parent whose routes
            # would hide it, so the check runs here; NewsArticlePage.clean() checks pages in the tree.
            try:
                check_slug_against_routes(self.parent_page, cleaned_data["slug"])
            except ValidationError as error:
                self.add_error(None, error)
        # Checks apply when the article goes to moderation or is published, not to drafts.
        if "action-submit" in self.data or "action-publish" in self.data:
            problems = check_article(
                title=cleaned_data.get("title"),
                lead=cleaned_data.get("lead"),
                body=cleaned_data.get("body"),
                categories=list(cleaned_data.get("categories") or []),
                source=cleaned_data.get("source"),
                featured_image=cleaned_data.get("featured_image"),
            )
            for problem in problems:
                if problem.blocking:
                    self.add_error(problem.field if problem.field in self.fields else None, problem.message)
        return cleaned_data
