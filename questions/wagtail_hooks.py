"""The admin of citizens' questions: "Hỏi đáp" (the units' questions, confined to the user's units; the board:
every unit), the board's "Lĩnh vực hỏi đáp" and "Danh sách chặn", the dashboard panel of waiting questions."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.permissions import register_permission_policy

from notifications.registry import DIGEST_SECTIONS_HOOK
from questions import admin_views, permissions
from questions.digest import question_sections
from questions.log_actions import register_question_log_actions
from questions.models import BlockedSender, Question, QuestionField
from questions.panels import WaitingQuestionsPanel
from questions.personal_data import question_data
from questions.sections import build_questions_section
from sites.exports import PortalModelViewSet
from sites.registry import BOARD_PERMISSIONS_HOOK, PERSONAL_DATA_HOOK, UNIT_SECTIONS_HOOK

register_permission_policy(Question, permissions.policy)

# Every unit's site takes questions at /hoi-dap/ (after the procedures, 40).
hooks.register(UNIT_SECTIONS_HOOK, build_questions_section, order=45)
# "questions.forward", "questions.close" in the history and the site history.
hooks.register("register_log_actions", register_question_log_actions)
# A person's questions found, exported and erased on request; contact details erased after the keeping time.
hooks.register(PERSONAL_DATA_HOOK, question_data)
# The daily review digest: the questions waiting in the user's units (the board: the late ones elsewhere too).
hooks.register(DIGEST_SECTIONS_HOOK, question_sections, order=20)


class QuestionViewSet(PortalModelViewSet):
    """Each unit's questions; the board sees every unit's and alone may delete one. No one adds one here."""

    model = Question
    icon = "help"
    menu_label = _("Questions")
    menu_order = 100
    pk_path_converter = "int"
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = admin_views.QuestionIndexView
    inspect_view_class = admin_views.QuestionInspectView
    edit_view_class = admin_views.QuestionEditView
    delete_view_class = admin_views.QuestionDeleteView
    history_view_class = admin_views.QuestionHistoryView
    usage_view_class = admin_views.QuestionUsageView
    form_fields = ["field"]
    filterset_class = admin_views.QuestionFilterSet
    search_fields = ["reference", "title", "body"]

    def get_urlpatterns(self):
        return admin_views.answering_403(
            [
                *super().get_urlpatterns(),
                # the address the daily digest links to (notifications: "questions_admin:detail")
                path("detail/<int:pk>/", self.inspect_view, name="detail"),
                path("answer/<int:pk>/", admin_views.start_answer_view, name="answer"),
                path("forward/<int:pk>/", admin_views.forward_view, name="forward"),
                path("close/<int:pk>/", admin_views.close_view, name="close"),
                path("attachment/<int:pk>/", admin_views.attachment_view, name="attachment"),
            ]
        )


class QuestionFieldViewSet(PortalModelViewSet):
    """The fields (lĩnh vực) a visitor chooses from: the board's."""

    model = QuestionField
    icon = "tag"
    menu_label = _("Question fields")
    menu_order = 200
    copy_view_enabled = False
    form_fields = ["name", "sort_order"]
    list_display = ["name", "sort_order"]
    search_fields = ["name"]

    def get_urlpatterns(self):
        return admin_views.answering_403(super().get_urlpatterns())


class BlockedSenderViewSet(PortalModelViewSet):
    """Senders whose questions are refused: the board's alone (unit members: 403 everywhere)."""

    model = BlockedSender
    icon = "warning"
    menu_label = _("Block list")
    menu_order = 300
    copy_view_enabled = False
    form_fields = ["kind", "value", "reason"]

    def get_form_class(self, for_update=False):
        return admin_views.BlockedSenderForm

    def get_urlpatterns(self):
        return admin_views.answering_403(super().get_urlpatterns())

    list_display = ["value", "kind", "reason", "created_at"]
    list_filter = ["kind"]
    search_fields = ["value", "reason"]


class QuestionsMenu(ViewSetGroup):
    menu_label = _("Q&A")
    menu_icon = "help"
    menu_order = 265
    items = (
        QuestionViewSet("questions_admin", url_prefix="hoi-dap"),
        QuestionFieldViewSet("question_fields", url_prefix="hoi-dap-linh-vuc"),
        BlockedSenderViewSet("blocked_senders", url_prefix="hoi-dap-danh-sach-chan"),
    )


@hooks.register("register_admin_viewset")
def register_question_admin():
    return QuestionsMenu()


@hooks.register("construct_homepage_panels")
def add_waiting_questions_panel(request, panels):
    """Questions waiting for an answer (the user's units; the board: every unit)."""
    panels.append(WaitingQuestionsPanel())


@hooks.register(BOARD_PERMISSIONS_HOOK)
def question_board_permissions():
    # Questions: the board sees every unit's and may delete (nobody adds one in the admin); fields and the
    # block list are the board's alone (units get no model permission on them).
    return [
        *(f"questions.{action}_question" for action in ("change", "delete", "view")),
        *(f"questions.{action}_questionfield" for action in ("add", "change", "delete", "view")),
        *(f"questions.{action}_blockedsender" for action in ("add", "change", "delete", "view")),
    ]
