"""The editorial log: Wagtail's site history with a unit filter and a unit column."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.models import Page, PageLogEntry

import django_filters

from editorial.selectors import unit_of_path, units_with_roots
from sites.selectors import units_for_user


def units_for_filter(request):
    return units_for_user(request.user)


class EditorialLogFilterSet(SiteHistoryReportFilterSet):
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit"), queryset=units_for_filter, method="filter_unit", empty_label=_("All my units")
    )

    def filter_unit(self, queryset, name, value):
        if value is None:
            return queryset
        if queryset.model is not PageLogEntry:
            return queryset.none()  # the unit filter covers pages (articles, sections, documents pages)
        return queryset.filter(page__path__startswith=value.site.root_page.path)

    class Meta(SiteHistoryReportFilterSet.Meta):
        fields = []


class EditorialLogView(LogEntriesView):
    page_title = _("Editorial log")
    header_icon = "history"
    results_template_name = "editorial/editorial_log_results.html"
    filterset_class = EditorialLogFilterSet
    index_url_name = "editorial_log"
    index_results_url_name = "editorial_log_results"
    export_headings = {**LogEntriesView.export_headings, "unit_name": _("Unit")}
    list_export = [*LogEntriesView.list_export, "unit_name"]

    def get_filename(self):
        return super().get_filename().replace("audit-log", "nhat-ky-bien-tap")

    def decorate_paginated_queryset(self, queryset):
        entries = super().decorate_paginated_queryset(queryset)
        page_ids = {e.page_id for e in entries if isinstance(e, PageLogEntry)}
        paths = dict(Page.objects.filter(pk__in=page_ids).values_list("pk", "path")) if page_ids else {}
        units = units_with_roots() if paths else []
        for entry in entries:
            path = paths.get(getattr(entry, "page_id", None))
            entry.unit = unit_of_path(path, units) if path else None
            entry.unit_name = entry.unit.name if entry.unit else ""
        return entries
