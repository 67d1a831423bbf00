from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from reporting.panels import ArticleProgressPanel
from reporting.views import ArticleStatisticsView, ArticleTargetsView, EditorialLogView
from sites.selectors import is_board_member


@hooks.register("construct_homepage_panels")
def add_progress_panel(request, panels):
    """This month's articles against the targets, below "Waiting for me" (``notifications``)."""
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
