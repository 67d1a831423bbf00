"""Dashboard panel "Câu hỏi chờ trả lời": the open questions of the user's units (every unit's for the board),
the oldest first, with their due dates and the late ones marked."""

from django.utils import timezone

from wagtail.admin.ui.components import Component

from questions.selectors import waiting_summary
from sites.permissions import member_unit_ids
from sites.selectors import is_board_member, units_for_user

PANEL_ROWS = 10


class WaitingQuestionsPanel(Component):
    name = "waiting_questions"
    template_name = "questions/admin/panel_waiting.html"
    order = 95

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        today = timezone.localdate()
        is_board = is_board_member(request.user)
        units = units_for_user(request.user)
        count, overdue_count, questions = waiting_summary(units, limit=PANEL_ROWS, today=today)
        return {
            "count": count,
            "overdue_count": overdue_count,
            "questions": questions,
            "today": today,
            "is_board": is_board,
        }

    def render_html(self, parent_context=None):
        request = (parent_context or {}).get("request")
        if request is None or not (member_unit_ids(request.user) or is_board_member(request.user)):
            return ""  # someone of no unit (a superuser aside): nothing to wait for
        return super().render_html(parent_context)
