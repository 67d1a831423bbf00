"""The editorial log: Wagtail's site history with a unit filter and a unit column."""

from types import SimpleNamespace

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView

from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.models import Page, PageLogEntry

import django_filters

from reporting import services
from reporting.forms import ArticleTargetsForm
from reporting.models import ArticleTarget
from reporting.periods import read_period
from reporting.reports import BUILDERS, TABS, ReportContext, export_value
from reporting.statistics import month_progress
from sites.exports import FormulaSafeExportMixin
from sites.selectors import is_board_member, pages_under, unit_for_path, units_for_user, units_with_roots


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
        return queryset.filter(pages_under([value], field="page__path"))

    class Meta(SiteHistoryReportFilterSet.Meta):
        fields = []


class EditorialLogView(FormulaSafeExportMixin, LogEntriesView):
    page_title = _("Editorial log")
    header_icon = "history"
    results_template_name = "reporting/editorial_log_results.html"
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
            entry.unit = unit_for_path(path, units)
            entry.unit_name = entry.unit.name if entry.unit else ""
        return entries


class ArticleStatisticsView(FormulaSafeExportMixin, TemplateView):
    """The editorial statistics ("Thống kê tin bài"): one table of ``reports.BUILDERS`` (a tab, ``bang=``)
    for the chosen period. Each unit's members see their unit; the board sees every unit side by side. Each
    table exports to XLSX/CSV with the cells shown on the page.
    """

    template_name = "reporting/statistics.html"
    KINDS = (
        ("thang", _("Month")),
        ("quy", _("Quarter")),
        ("9-thang", _("First nine months")),
        ("nam", _("Year")),
        ("khoang", _("Date range")),
    )

    def get_filename(self):
        return f"thong-ke-{self.table}-{self.period.start:%Y%m%d}-{self.period.end:%Y%m%d}"

    def inactive_days(self, notices):
        raw = self.request.GET.get("so-ngay")
        if raw in (None, ""):
            return settings.PORTAL_INACTIVE_DAYS
        if raw.isdigit() and 1 <= int(raw) <= 365:
            return int(raw)
        notices.append(_("Unknown number of days ignored: %(value)s") % {"value": raw[:10]})
        return settings.PORTAL_INACTIVE_DAYS

    def export(self, table):
        self.list_export = [f"c{i}" for i in range(len(table.columns))]
        self.export_headings = {f"c{i}": str(heading) for i, heading in enumerate(table.columns)}
        rows = [*table.rows, *([table.footer] if table.footer else [])]
        items = [
            SimpleNamespace(**{f"c{i}": export_value(cell) for i, cell in enumerate(row)}) for row in rows
        ]
        return self.as_spreadsheet(items, self.request.GET.get("export"))

    def get(self, request, *args, **kwargs):
        units = list(units_for_user(request.user))
        if not units:
            raise PermissionDenied
        self.period, notices = read_period(request.GET)
        self.table = request.GET.get("bang") if request.GET.get("bang") in BUILDERS else "don-vi"
        report = ReportContext(self.period, units, self.inactive_days(notices))
        if self.is_export:  # only the table asked for
            return self.export(BUILDERS[self.table](report))
        context = self.get_context_data(
            period=self.period,
            previous=self.period.previous_year(),
            notices=notices,
            table=BUILDERS[self.table](report),
            tabs=TABS,
            current=self.table,
            inactive_days=report.inactive_days,
            kinds=self.KINDS,
            selected=request.GET,
            export_query={k: v for k, v in request.GET.items() if k not in ("export", "bang")},
        )
        return self.render_to_response(context)


class ArticleTargetsView(TemplateView):
    """The board sets each unit's monthly article target; the page shows this month's progress beside it."""

    template_name = "reporting/targets.html"

    def dispatch(self, request, *args, **kwargs):
        if not is_board_member(request.user):
            raise PermissionDenied
        self.units = list(units_for_user(request.user))
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, data=None):
        targets = dict(ArticleTarget.objects.values_list("unit", "monthly_articles"))
        return ArticleTargetsForm(data, units=self.units, targets=targets)

    def render_form(self, form):
        progress = {row.unit.pk: row for row in month_progress(self.units)}
        rows = [(unit, field, progress[unit.pk]) for unit, field in form.rows()]
        return self.render_to_response(self.get_context_data(form=form, rows=rows))

    def get(self, request, *args, **kwargs):
        return self.render_form(self.get_form())

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST)
        if not form.is_valid():
            messages.error(request, _("The targets were not saved: correct the boxes marked below."))
            return self.render_form(form)  # the entered values stay in the boxes
        changed = services.set_article_targets(request.user, form.targets())
        messages.success(
            request,
            ngettext("Target saved for %(count)d unit.", "Targets saved for %(count)d units.", len(changed))
            % {"count": len(changed)},
        )
        return redirect("editorial_targets")
