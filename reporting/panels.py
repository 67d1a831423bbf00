"""Dashboard panel: this month's articles of each of the user's units against its target."""

from django.utils import timezone

from wagtail.admin.ui.components import Component

from reporting.statistics import month_progress
from sites.selectors import is_board_member, units_for_user


class ArticleProgressPanel(Component):
    """Dashboard panel: this month's articles of each of the user's units against its target."""

    name = "article_progress"
    template_name = "reporting/panels/article_progress.html"
    order = 95

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        units = list(units_for_user(request.user))
        return {
            "rows": month_progress(units) if units else [],
            "today": timezone.localdate(),
            "is_board": is_board_member(request.user),
        }
