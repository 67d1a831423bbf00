from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

from editorial.panels import ArticleProgressPanel, WaitingForMePanel
from editorial.views import ArticleStatisticsView, ArticleTargetsView, EditorialLogView
from sites.takedown import is_board_member


@hooks.register("construct_homepage_panels")
def replace_review_panel(request, panels):
    """Wagtail's "Awaiting your review" becomes "Waiting for me" with ages and units."""
    panels[:] = [p for p in panels if not isinstance(p, WorkflowObjectsToModeratePanel)]
    panels.append(WaitingForMePanel())
    panels.append(ArticleProgressPanel())


@hooks.register("register_admin_urls")
def editorial_urls():
    return [
        path("reports/editorial-log/", EditorialLogView.as_view(), name="editorial_log"),
        path(
            "reports/editorial-log/results/",
            EditorialLogView.as_view(results_only=True),
            name="editorial_log_results",
        ),
        path("reports/editorial-statistics/", ArticleStatisticsView.as_view(), name="editorial_statistics"),
        path("reports/article-targets/", ArticleTargetsView.as_view(), name="editorial_targets"),
    ]


@hooks.register("register_reports_menu_item")
def editorial_log_menu_item():
    return MenuItem(
        _("Editorial log"), reverse("editorial_log"), icon_name="history", order=650, name="editorial-log"
    )


@hooks.register("register_reports_menu_item")
def editorial_statistics_menu_item():
    return MenuItem(
        _("Article statistics"),
        reverse("editorial_statistics"),
        icon_name="table",
        order=660,
        name="editorial-stats",
    )


class BoardMenuItem(MenuItem):
    def is_shown(self, request):
        return is_board_member(request.user)


@hooks.register("register_reports_menu_item")
def article_targets_menu_item():
    return BoardMenuItem(
        _("Monthly article targets"),
        reverse("editorial_targets"),
        icon_name="list-ol",
        order=670,
        name="article-targets",
    )
