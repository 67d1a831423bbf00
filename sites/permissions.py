"""Unit-owned rows (categories, officials, ... anything with a ``unit`` foreign key).

Wagtail's snippet permissions are model-wide: whoever may change one category may change them
all, in every unit. Here the editorial board (and superusers) keep model-wide rights through
ordinary Django permissions, while a unit's editors and approvers manage the rows of their own
unit only, without holding any model-wide permission (so other units' rows never show up for
them, in listings, forms, or the site history).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser as chooser_views
from wagtail.snippets.views import snippets as snippet_views

from sites.models import Unit
from sites.selectors import member_root_paths, pages_under

MEMBER_ACTIONS = frozenset({"add", "change", "delete", "view"})


def member_unit_ids(user):
    """Ids of the units ``user`` edits or approves for (kept on the user for the request)."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if "_member_unit_ids" not in user.__dict__:
        user.__dict__["_member_unit_ids"] = frozenset(
            Unit.objects.for_member(user).values_list("pk", flat=True)
        )
    return user.__dict__["_member_unit_ids"]


class ScopedPermissionPolicy(ModelPermissionPolicy):
    """Model-wide rights from Django permissions (the board, superusers); unit members get
    ``member_actions`` on the rows within their scope only. Subclasses define the scope."""

    member_actions = MEMBER_ACTIONS

    def has_scope(self, user):
        raise NotImplementedError

    def in_scope(self, user, instance):
        raise NotImplementedError

    def scope_q(self, user):
        raise NotImplementedError

    def has_model_permission(self, user, action):
        return super().user_has_permission(user, action)

    def user_has_permission(self, user, action):
        if self.has_model_permission(user, action):
            return True
        return action in self.member_actions and self.has_scope(user)

    def user_has_permission_for_instance(self, user, action, instance):
        if self.has_model_permission(user, action):
            return True
        return action in self.member_actions and self.in_scope(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        manager = self.model._default_manager
        if any(self.has_model_permission(user, action) for action in actions):
            return manager.all()
        if not self.member_actions.intersection(actions):
            return manager.none()
        return manager.filter(self.scope_q(user))

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])


class UnitOwnedPermissionPolicy(ScopedPermissionPolicy):
    """Rows with a ``unit`` foreign key: members act on their own units' rows."""

    unit_field = "unit"

    def has_scope(self, user):
        return bool(member_unit_ids(user))

    def in_scope(self, user, instance):
        return getattr(instance, f"{self.unit_field}_id") in member_unit_ids(user)

    def scope_q(self, user):
        return Q(**{f"{self.unit_field}_id__in": member_unit_ids(user)})


class UnitOwnedForm(WagtailAdminModelForm):
    """Offers unit members only their own units (and requires one); the board chooses any or none."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("unit")
        user = self.for_user
        if field is None or user is None:
            return
        opts = self._meta.model._meta
        if user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
            return
        field.queryset = Unit.objects.filter(pk__in=member_unit_ids(user))
        field.required = True
        field.empty_label = None
        field.help_text = _("Rows shared by every unit are kept by the editorial board.")


def confined(view_class, action):
    """``view_class`` whose object must be one ``action`` is allowed on (else 403)."""

    class Confined(view_class):
        def get_object(self, *args, **kwargs):
            obj = super().get_object(*args, **kwargs)
            if not self.permission_policy.user_has_permission_for_instance(self.request.user, action, obj):
                raise PermissionDenied
            return obj

    Confined.__name__ = f"UnitConfined{view_class.__name__}"
    Confined.__qualname__ = Confined.__name__
    return Confined


class PageScopedPermissionPolicy(ScopedPermissionPolicy):
    """Rows that belong to a page (``page_field``): unit members act on those of their units'
    pages; the board and superusers (model permissions) on all. Nobody adds them in the admin."""

    page_field = "page"
    member_actions = frozenset({"change", "delete", "view"})

    def _paths(self, user):
        return member_root_paths(user)

    def has_scope(self, user):
        return bool(self._paths(user))

    def in_scope(self, user, instance):
        path = getattr(instance, self.page_field).path
        return any(path.startswith(root) for root in self._paths(user))

    def scope_q(self, user):
        return pages_under(self._paths(user), field=f"{self.page_field}__path")


def _chooser_rows(view):
    return policy_registry.get_by_type(view.model_class).instances_user_has_any_permission_for(
        view.request.user, ["change", "view"]
    )


def confined_chooser_viewset():
    """A snippet chooser showing (and answering "chosen" for) only the rows the user may see."""

    class ConfinedChooseView(chooser_views.ChooseView):
        def get_object_list(self):
            return _chooser_rows(self)

    class ConfinedChooseResultsView(chooser_views.ChooseResultsView):
        def get_object_list(self):
            return _chooser_rows(self)

    class ConfinedChosenView(chooser_views.SnippetChosenView):
        def get_object(self, pk):
            return _chooser_rows(self).get(pk=pk)

    class ConfinedChosenMultipleView(chooser_views.SnippetChosenMultipleView):
        def get_objects(self, pks):
            return _chooser_rows(self).filter(pk__in=pks)

    class ConfinedSnippetChooserViewSet(chooser_views.SnippetChooserViewSet):
        choose_view_class = ConfinedChooseView
        choose_results_view_class = ConfinedChooseResultsView
        chosen_view_class = ConfinedChosenView
        chosen_multiple_view_class = ConfinedChosenMultipleView

    return ConfinedSnippetChooserViewSet


class ConfinedSnippetViewSetMixin:
    """For a SnippetViewSet whose permission policy confines rows per unit: the object views
    check the row (403 otherwise), and the listing and the chooser show only the rows the user may
    act on."""

    @classmethod
    def confined_views(cls):
        return {
            "edit_view_class": confined(snippet_views.EditView, "change"),
            "delete_view_class": confined(snippet_views.DeleteView, "delete"),
            "usage_view_class": confined(snippet_views.UsageView, "view"),
            "history_view_class": confined(snippet_views.HistoryView, "view"),
            "inspect_view_class": confined(snippet_views.InspectView, "view"),
        }

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for name, view_class in ConfinedSnippetViewSetMixin.confined_views().items():
            setattr(cls, name, view_class)
        cls.chooser_viewset_class = confined_chooser_viewset()

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_any_permission_for(request.user, ["change", "view"])
