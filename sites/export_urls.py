"""Wagtail's own exporting listings (reports, redirects) at their usual addresses, with formula-safe exports
(sites/exports.py). Included under ``admin/`` ahead of Wagtail's admin URLs, so these answer first; the
URL names stay Wagtail's (``wagtailadmin_reports:locked_pages`` resolves to the same path)."""

from django.urls import path
from django.views.decorators.cache import never_cache

from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from sites import exports

_listings = [
    ("reports/locked/", exports.SafeLockedPagesView),
    ("reports/workflow/", exports.SafeWorkflowView),
    ("reports/workflow_tasks/", exports.SafeWorkflowTasksView),
    ("reports/site-history/", exports.SafeLogEntriesView),
    ("reports/aging-pages/", exports.SafeAgingPagesView),
    ("redirects/", exports.SafeRedirectIndexView),
]

urlpatterns = []
for route, view_class in _listings:
    urlpatterns += [
        path(route, view_class.as_view()),
        path(f"{route}results/", view_class.as_view(results_only=True)),
    ]

# As Wagtail's admin URLs are: signed-in users with admin access only, never cached.
urlpatterns = decorate_urlpatterns(decorate_urlpatterns(urlpatterns, require_admin_access), never_cache)
