"""Wagtail admin views replaced by unit-confined subclasses (sites/confinement.py), at their usual
addresses. Included under ``admin/`` ahead of Wagtail's admin URLs, so these answer first."""

from django.urls import path
from django.views.decorators.cache import never_cache

from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from sites.confinement import ConfinedPageTypesUsageReportView, confined_page_view

urlpatterns = [
    path(
        "pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        confined_page_view("workflow_action"),
    ),
    path(
        "pages/workflow/collect_action_data/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        confined_page_view("collect_workflow_action_data"),
    ),
    path(
        "pages/workflow/confirm_cancellation/<int:page_id>/",
        confined_page_view("confirm_workflow_cancellation"),
    ),
    path("pages/workflow/preview/<int:page_id>/<int:task_id>/", confined_page_view("workflow_preview")),
    path("reports/page-types-usage/", ConfinedPageTypesUsageReportView.as_view()),
    path("reports/page-types-usage/results/", ConfinedPageTypesUsageReportView.as_view(results_only=True)),
]

# As Wagtail's admin URLs are: signed-in users with admin access only, never cached.
urlpatterns = decorate_urlpatterns(decorate_urlpatterns(urlpatterns, require_admin_access), never_cache)
