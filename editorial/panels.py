"""Dashboard panel "Waiting for me": Wagtail's review panel plus the unit, the age and the warnings."""

from django.conf import settings
from django.utils import timezone

from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

from editorial.selectors import describe_wait, units_with_roots
from editorial.statistics import month_progress
from sites.selectors import units_for_user
from sites.takedown import is_board_member


class WaitingForMePanel(WorkflowObjectsToModeratePanel):
    name = "waiting_for_me"
    template_name = "editorial/panels/waiting_for_me.html"
    order = 90  # first on the dashboard: it is the approvers' work list

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        states = context["states"]
        if not states:
            return context
        now = timezone.now()
        units = units_with_roots()
        for state in states:
            state.update(describe_wait(state["task_state"], state["obj"], units, now))
        states.sort(key=lambda s: s["task_state"].started_at)
        context["overdue_hours"] = settings.PORTAL_REVIEW_OVERDUE_HOURS
        context["overdue_count"] = sum(1 for s in states if s["overdue"])
        return context


class ArticleProgressPanel(Component):
    """Dashboard panel: this month's articles of each of the user's units against its target."""

    name = "article_progress"
    template_name = "editorial/panels/article_progress.html"
    order = 95

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        units = list(units_for_user(request.user))
        return {
            "rows": month_progress(units) if units else [],
            "today": timezone.localdate(),
            "is_board": is_board_member(request.user),
        }
