"""Admin: a flat listing of news articles, confined by Wagtail to the pages the user may explore."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet

import django_filters

from news.models import NewsArticlePage
from news.taxonomy import Category


class NewsArticleFilterSet(PageFilterSet):
    categories = django_filters.ModelMultipleChoiceFilter(
        label=_("Categories"), queryset=Category.objects.all(), field_name="categories"
    )
    featured = django_filters.BooleanFilter(label=_("featured"))
    show_on_all_units = django_filters.BooleanFilter(label=_("show on every unit's home"))
    live = django_filters.BooleanFilter(label=_("Live"))

    class Meta:
        model = NewsArticlePage
        fields = []


class NewsArticleListingViewSet(PageListingViewSet):
    model = NewsArticlePage
    icon = "doc-full-inverse"
    menu_label = _("News articles")
    add_to_admin_menu = True
    menu_order = 150
    name = "news_articles"
    filterset_class = NewsArticleFilterSet
    columns = [
        *PageListingViewSet.columns,
        DateColumn("published_date", label=_("date"), sort_key="published_date"),
        Column("event_date", label=_("event date"), sort_key="event_date"),
        BooleanColumn("featured", label=_("featured")),
    ]
