"""Dashboard panel: drafts for public comment whose outcome is overdue, for the user's units."""

from wagtail.admin.ui.components import Component

from documents.selectors import outcome_days, overdue_outcomes
from sites.selectors import units_for_user


class OverdueOutcomesPanel(Component):
    """The drafts of the user's units (every unit for the board) whose comments closed more than
    ``PORTAL_CONSULTATION_OUTCOME_DAYS`` ago without a published outcome; nothing when there is none."""

    name = "overdue_outcomes"
    template_name = "documents/panels/overdue_outcomes.html"
    order = 96

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        units = list(units_for_user(request.user))
        return {"drafts": overdue_outcomes(units), "days": outcome_days()}
