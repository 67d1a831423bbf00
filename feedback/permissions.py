"""Who sees and moderates page ratings in the admin.

- the editorial board (model permissions given through ``BOARD_PERMISSIONS_HOOK``) and superusers: every
  unit's ratings, and they moderate every comment;
- a unit's approvers: their units' ratings, and they moderate their units' comments (as the comments on
  drafts are moderated inside the unit);
- a unit's editors: their units' counts and approved comments only; a pending comment is seen by nobody but
  its moderators.
"""

from django.db.models import Q

from feedback.models import PageRating
from sites.models import Unit
from sites.permissions import UnitOwnedPermissionPolicy, member_unit_ids


class PageRatingPermissionPolicy(UnitOwnedPermissionPolicy):
    """Model-wide rights for the board; unit members may only look at their units' ratings (``view``):
    moderation is ``moderation_units``' business, not a model permission of theirs."""

    member_actions = frozenset({"view"})


policy = PageRatingPermissionPolicy(PageRating)


def sees_all_units(user):
    return policy.has_model_permission(user, "view") or policy.has_model_permission(user, "change")


def moderates_all_units(user):
    return policy.has_model_permission(user, "change")


def approver_unit_ids(user):
    """Ids of the units ``user`` approves for (kept on the user for the request)."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if "_approver_unit_ids" not in user.__dict__:
        user.__dict__["_approver_unit_ids"] = frozenset(
            Unit.objects.for_member(user, approvers_only=True).values_list("pk", flat=True)
        )
    return user.__dict__["_approver_unit_ids"]


def may_see_report(user):
    return sees_all_units(user) or bool(member_unit_ids(user))


def may_moderate(user):
    return moderates_all_units(user) or bool(approver_unit_ids(user))


def report_units_q(user, field="unit_id"):
    """Rows of the units ``user`` may see in the report (everything for the board)."""
    if sees_all_units(user):
        return Q()
    return Q(**{f"{field}__in": member_unit_ids(user)})


def visible_ratings(user):
    """The ratings whose counts ``user`` sees."""
    return PageRating.objects.filter(report_units_q(user))


def visible_comments(user):
    """The comments ``user`` may read outside moderation: approved ones of their units."""
    return visible_ratings(user).exclude(comment="").filter(status=PageRating.Status.APPROVED)


def moderated_ratings(user):
    """The commented ratings ``user`` moderates: every unit's for the board, their units' for approvers,
    none for anyone else."""
    ratings = PageRating.objects.exclude(comment="")
    if moderates_all_units(user):
        return ratings
    return ratings.filter(unit_id__in=approver_unit_ids(user))
