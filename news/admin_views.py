"""Admin: a flat listing of news articles, confined by Wagtail to the pages the user may explore."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.pages.listing import PageFilterSet

import django_filters

from news.models import NewsArticlePage
from news.taxonomy import Category
from sites.exports import PortalPageListingViewSet
from sites.permissions import member_unit_ids
from sites.selectors import sees_everything


def categories_for_filter(request):
    """Shared categories and those of the user's units (every category for the board)."""
    if request is None or sees_everything(request.user):
        return Category.objects.all()
    return Category.objects.filter(Q(unit__isnull=True) | Q(unit_id__in=member_unit_ids(request.user)))


class NewsArticleFilterSet(PageFilterSet):
    categories = django_filters.ModelMultipleChoiceFilter(
        label=_("Categories"), queryset=categories_for_filter, field_name="categories"
    )
    featured = django_filters.BooleanFilter(label=_("featured"))
    show_on_all_units = django_filters.BooleanFilter(label=_("show on every unit's home"))
    live = django_filters.BooleanFilter(label=_("Live"))

    class Meta:
        model = NewsArticlePage
        fields = []


class NewsArticleListingViewSet(PortalPageListingViewSet):
    model = NewsArticlePage
    icon = "doc-full-inverse"
    menu_label = _("News articles")
    add_to_admin_menu = True
    menu_order = 150
    name = "news_articles"
    filterset_class = NewsArticleFilterSet
    columns = [
        *PortalPageListingViewSet.columns,
        DateColumn("published_date", label=_("date"), sort_key="published_date"),
        Column("event_date", label=_("event date"), sort_key="event_date"),
        BooleanColumn("featured", label=_("featured")),
    ]
