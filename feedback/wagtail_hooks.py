from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from feedback import admin_views, permissions
from feedback.models import PageRating
from sites.registry import BOARD_PERMISSIONS_HOOK

register_permission_policy(PageRating, permissions.policy)


@hooks.register("register_admin_urls")
def feedback_admin_urls():
    return [
        path("reports/danh-gia-trang/", admin_views.PageRatingReportView.as_view(), name="feedback_report"),
        path(
            "reports/danh-gia-trang/results/",
            admin_views.PageRatingReportView.as_view(results_only=True),
            name="feedback_report_results",
        ),
        path(
            "reports/danh-gia-trang/y-kien/",
            admin_views.RatingCommentsReportView.as_view(),
            name="feedback_comments",
        ),
        path(
            "reports/danh-gia-trang/y-kien/results/",
            admin_views.RatingCommentsReportView.as_view(results_only=True),
            name="feedback_comments_results",
        ),
        path("danh-gia-trang/duyet/", admin_views.moderation, name="feedback_moderation"),
        path(
            "danh-gia-trang/duyet/<int:rating_id>/<slug:action>/",
            admin_views.moderate_one,
            name="feedback_moderate_one",
        ),
    ]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.may_see_report(request.user)


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.may_moderate(request.user)


@hooks.register("register_reports_menu_item")
def feedback_report_menu_item():
    return ReportMenuItem(
        _("Page ratings"), reverse("feedback_report"), icon_name="comment", order=680, name="page-ratings"
    )


@hooks.register("register_reports_menu_item")
def feedback_moderation_menu_item():
    return ModerationMenuItem(
        _("Moderate page comments"),
        reverse("feedback_moderation"),
        icon_name="tasks",
        order=681,
        name="page-rating-moderation",
    )


@hooks.register(BOARD_PERMISSIONS_HOOK)
def page_rating_board_permissions():
    return [f"feedback.{action}_pagerating" for action in ("change", "delete", "view")]
