"""The editor's action menu tells an approver why "Approve" is missing (four-eyes)."""

from wagtail.admin.action_menu import ActionMenuItem

from sites.moderation import SELF_EDITED, self_edited_reviewer


class SelfEditedNotice(ActionMenuItem):
    """Takes the place of "Approve" for an approver who edited the item during the step."""

    name = "action-four-eyes"
    label = SELF_EDITED
    icon_name = "warning"
    template_name = "sites/action_menu/four_eyes_notice.html"
    order = 10_000  # last: never the menu's main button

    def is_shown(self, context):
        page = context.get("page")
        return (
            context.get("view") == "edit"
            and page is not None
            and self_edited_reviewer(page, context["request"].user)
        )
