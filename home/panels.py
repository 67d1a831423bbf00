"""Dashboard panel "Pages past their review date": each unit's live standard pages whose review-by date has
passed (issue #19 §6), confined to the user's units (the board: every unit, grouped by unit)."""

from django.utils import timezone

from wagtail.admin.ui.components import Component

from home.selectors import pages_past_review
from sites.selectors import is_board_member, units_for_user


class ReviewOverduePanel(Component):
    name = "review_overdue"
    template_name = "home/panels/review_overdue.html"
    order = 110

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        today = timezone.localdate()
        total, groups = pages_past_review(units_for_user(request.user), today=today)
        return {"total": total, "groups": groups, "today": today, "is_board": is_board_member(request.user)}
