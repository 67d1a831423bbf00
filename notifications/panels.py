"""Dashboard panel "Waiting for me": Wagtail's review panel plus the unit, the age and the warnings."""

from django.conf import settings
from django.utils import timezone

from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

from notifications.selectors import describe_wait
from sites.selectors import units_with_roots


class WaitingForMePanel(WorkflowObjectsToModeratePanel):
    name = "waiting_for_me"
    template_name = "notifications/panels/waiting_for_me.html"
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
