"""The editorial log: Wagtail's site history with a unit filter and a unit column."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.models import Page, PageLogEntry

import django_filters

from editorial.charts import bar_chart
from editorial.periods import read_period
from editorial.selectors import unit_of_path, units_with_roots
from editorial.statistics import (
    Comparison,
    articles_per_author,
    articles_per_category,
    articles_per_unit,
    documents_per_disclosure,
    inactive_units,
)
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
    """The editorial statistics ("Thống kê biên tập"): articles per unit against the same period a year
    earlier, the same per category and per author, inactive units, documents per disclosure category. Each
    unit's members see their unit; the board sees every unit side by side. Each table exports to XLSX/CSV
    (``bang=`` one of ``TABLES``) with the rows shown on the page.
    """

    template_name = "editorial/statistics.html"
    TABLES = ("don-vi", "chuyen-muc", "tac-gia", "khong-hoat-dong", "van-ban")
    COMPARISONS = {
        "don-vi": (articles_per_unit, _("Unit")),
        "chuyen-muc": (articles_per_category, _("Category")),
        "tac-gia": (articles_per_author, _("Author")),
    }

    def get_filename(self):
        return f"thong-ke-{self.table}-{self.period.start:%Y%m%d}-{self.period.end:%Y%m%d}"

    def compare(self, table, units):
        return self.COMPARISONS[table][0](self.period, units)

    def inactive_days(self, notices):
        raw = self.request.GET.get("so-ngay")
        if raw in (None, ""):
            return settings.PORTAL_INACTIVE_DAYS
        if raw.isdigit() and 1 <= int(raw) <= 365:
            return int(raw)
        notices.append(_("Unknown number of days ignored: %(value)s") % {"value": raw[:10]})
        return settings.PORTAL_INACTIVE_DAYS

    def export(self, table, rows, inactive, disclosure_labels, documents):
        if table == "khong-hoat-dong":
            self.list_export = ["unit.name", "last_published_text", "days_text"]
            self.export_headings = {
                "unit.name": _("Unit"),
                "last_published_text": _("Last article"),
                "days_text": _("Days without an article"),
            }
            for activity in inactive:
                last = activity.last_published
                activity.last_published_text = timezone.localtime(last).strftime("%d/%m/%Y") if last else "—"
                activity.days_text = activity.days_since if activity.days_since is not None else _("never")
            return self.as_spreadsheet(inactive, self.request.GET.get("export"))
        if table == "van-ban":
            self.list_export = ["unit.name", *(f"c{i}" for i in range(len(disclosure_labels))), "total"]
            self.export_headings = {"unit.name": _("Unit"), "total": _("Total")}
            self.export_headings.update({f"c{i}": label for i, label in enumerate(disclosure_labels)})
            for row in documents:
                for i, n in enumerate(row.counts):
                    setattr(row, f"c{i}", n)
            return self.as_spreadsheet(documents, self.request.GET.get("export"))
        self.list_export = ["label", "current", "previous", "change", "percent_text"]
        self.export_headings = {
            "label": self.COMPARISONS[table][1],
            "current": _("This period"),
            "previous": _("Same period last year"),
            "change": _("Change"),
            "percent_text": _("Change (%)"),
        }
        return self.as_spreadsheet(rows, self.request.GET.get("export"))

    def get(self, request, *args, **kwargs):
        units = list(units_for_user(request.user).select_related("site__root_page"))
        if not units:
            raise PermissionDenied
        self.period, notices = read_period(request.GET)
        self.table = request.GET.get("bang") if request.GET.get("bang") in self.TABLES else "don-vi"
        days = self.inactive_days(notices)
        if self.is_export:  # only the table asked for
            compare = self.COMPARISONS.get(self.table)
            rows = compare[0](self.period, units) if compare else []
            inactive = inactive_units(units, days=days) if self.table == "khong-hoat-dong" else []
            labels, documents = (
                documents_per_disclosure(self.period, units) if self.table == "van-ban" else ([], [])
            )
            return self.export(self.table, rows, inactive, labels, documents)
        rows = articles_per_unit(self.period, units)
        inactive = inactive_units(units, days=days)
        disclosure_labels, documents = documents_per_disclosure(self.period, units)
        context = self.get_context_data(
            period=self.period,
            previous=self.period.previous_year(),
            notices=notices,
            rows=rows,
            chart=bar_chart(rows),
            total=Comparison(_("All units"), sum(r.current for r in rows), sum(r.previous for r in rows)),
            comparison_tables=[
                ("chuyen-muc", _("Articles per category"), _("Category"), self.compare("chuyen-muc", units)),
                ("tac-gia", _("Articles per author"), _("Author"), self.compare("tac-gia", units)),
            ],
            inactive=inactive,
            inactive_days=days,
            disclosure_labels=disclosure_labels,
            documents=documents,
            kinds=[("thang", _("Month")), ("quy", _("Quarter")), ("9-thang", _("First nine months")),
                   ("nam", _("Year")), ("khoang", _("Date range"))],
            selected=request.GET,
            export_query={k: v for k, v in request.GET.items() if k not in ("export", "bang")},
        )  # fmt: skip
        return self.render_to_response(context)
