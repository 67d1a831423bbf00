"""The questions' log actions (registered by questions/wagtail_hooks.py through ``register_log_actions``): the
history of a question says where it was forwarded, or why it was closed, with the reason."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.log_actions import LogFormatter

from questions.admin_views import close_reason_label
from questions.services import CLOSE_ACTION, FORWARD_ACTION


class ForwardFormatter(LogFormatter):
    label = gettext_lazy("Forward a question")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        message = _("Forwarded from %(from_unit)s to %(to_unit)s") % {
            "from_unit": data.get("from_unit_name", ""),
            "to_unit": data.get("to_unit_name", ""),
        }
        return f"{message}: {data['reason']}" if data.get("reason") else message


class CloseFormatter(LogFormatter):
    label = gettext_lazy("Close a question")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        message = _("Closed without a public answer")
        return f"{message}: {close_reason_label(data['reason'])}" if data.get("reason") else message


def register_question_log_actions(actions):
    actions.register_action(FORWARD_ACTION)(ForwardFormatter)
    actions.register_action(CLOSE_ACTION)(CloseFormatter)
