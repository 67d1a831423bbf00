"""Wagtail's collection-and-owner permission policy for files and images, with one more rule: a file in
use (``assets.selectors.uses_of``) is deleted only by the editorial board. Every delete path of Wagtail
(delete view, multiple uploader, bulk delete) asks the policy."""

from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from assets import selectors


class ProtectedFilePermissionPolicy(CollectionOwnershipPermissionPolicy):
    # (``user_has_permission_for_instance`` asks this one.)
    def user_has_any_permission_for_instance(self, user, actions, instance):
        actions = list(actions)
        if "delete" in actions and selectors.is_locked_for(user, instance):
            actions = [action for action in actions if action != "delete"]
        return bool(actions) and super().user_has_any_permission_for_instance(user, actions, instance)
