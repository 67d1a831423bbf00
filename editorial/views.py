"""The editorial log: Wagtail's site history with a unit filter and a unit column."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.models import Page, PageLogEntry

import django_filters

from editorial.charts import bar_chart
from editorial.periods import read_period
from editorial.selectors import unit_of_path, units_with_roots
from editorial.statistics import Comparison, articles_per_unit
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


class ArticleStatisticsView(SpreadsheetExportMixin, TemplateView):
    """ "Thống kê tin bài": articles published per unit in a period against the same period a year earlier.

    Each unit's members see their unit; the board sees every unit side by side. XLSX/CSV with the same rows.
    """

    template_name = "editorial/statistics.html"
    list_export = ["label", "current", "previous", "change", "percent_text"]
    export_headings = {
        "label": _("Unit"),
        "current": _("This period"),
        "previous": _("Same period last year"),
        "change": _("Change"),
        "percent_text": _("Change (%)"),
    }

    def get_filename(self):
        return f"thong-ke-tin-bai-{self.period.start:%Y%m%d}-{self.period.end:%Y%m%d}"

    def get(self, request, *args, **kwargs):
        units = list(units_for_user(request.user).select_related("site__root_page"))
        if not units:
            raise PermissionDenied
        self.period, notices = read_period(request.GET)
        rows = articles_per_unit(self.period, units)
        if self.is_export:
            return self.as_spreadsheet(rows, request.GET.get("export"))
        context = self.get_context_data(
            period=self.period,
            previous=self.period.previous_year(),
            notices=notices,
            rows=rows,
            chart=bar_chart(rows),
            total=Comparison(_("All units"), sum(r.current for r in rows), sum(r.previous for r in rows)),
            kinds=[("thang", _("Month")), ("quy", _("Quarter")), ("9-thang", _("First nine months")),
                   ("nam", _("Year")), ("khoang", _("Date range"))],
            selected=request.GET,
            export_query={key: value for key, value in request.GET.items() if key != "export"},
        )  # fmt: skip
        return self.render_to_response(context)
