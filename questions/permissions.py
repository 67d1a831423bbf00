"""Who sees and acts on citizens' questions in the admin.

- the editorial board (model permissions given through ``BOARD_PERMISSIONS_HOOK``) and superusers: every
  unit's questions; only they may delete one;
- a unit's editors and approvers: their units' questions (view, answer, forward, close), nothing of another
  unit's: a question forwarded away leaves their list;
- nobody adds a question in the admin (they come from the public form).

The contact details of the asker are shown only to the members of the question's current unit (the board
sees the question, not how to reach the person, unless it is a member of that unit).
"""

from questions.models import Question
from sites.permissions import UnitOwnedPermissionPolicy, member_unit_ids

VIEW_ACTIONS = ["view", "change"]


class QuestionPermissionPolicy(UnitOwnedPermissionPolicy):
    """Model-wide rights for the board; unit members view and change (answer, forward, close) their units'
    questions. "add" is refused to everyone, superusers included."""

    member_actions = frozenset({"view", "change"})

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return action != "add" and super().user_has_permission_for_instance(user, action, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        actions = [action for action in actions if action != "add"]
        if not actions:
            return self.model._default_manager.none()
        return super().instances_user_has_any_permission_for(user, actions)


policy = QuestionPermissionPolicy(Question)


def sees_all_units(user):
    return policy.has_model_permission(user, "view") or policy.has_model_permission(user, "change")


def visible_questions(user):
    """The questions ``user`` may look at: every unit's for the board, their units' for members."""
    return policy.instances_user_has_any_permission_for(user, VIEW_ACTIONS)


def handled_questions(user):
    """The questions ``user`` may act on (answer, forward, close)."""
    return policy.instances_user_has_permission_for(user, "change")


def may_see_contact(user, question):
    """Only the members of the question's current unit read the asker's contact details."""
    return question.unit_id in member_unit_ids(user)


def may_open_listing(user):
    return policy.user_has_any_permission(user, VIEW_ACTIONS)
