"""The board's merge form (the admin's "Cơ cấu đơn vị"); rename and re-parent have theirs in their modules."""

from django import forms
from django.utils.translation import gettext_lazy

from restructuring.merge import apply_merge, plan_merge
from restructuring.plans import RestructuringError
from sites.models import Unit, UnitLevel


def _active_units():
    return Unit.objects.order_by("parent_id", "sort_order", "name")


class MergeForm(forms.Form):
    """Units to merge and the unit they become (new, or an existing one chosen by its slug). ``plan()``
    returns the plan or None with the reason on the form; ``apply(user)`` carries it out the same way."""

    sources = forms.ModelMultipleChoiceField(
        queryset=Unit.objects.none(),
        to_field_name="slug",
        label=gettext_lazy("Units to merge"),
        widget=forms.CheckboxSelectMultiple,
    )
    slug = forms.CharField(
        label=gettext_lazy("Slug of the merged unit"),
        max_length=100,
        help_text=gettext_lazy("The slug of an existing unit merges the others into it."),
    )
    name = forms.CharField(label=gettext_lazy("Name of the new unit"), max_length=255, required=False)
    hostname = forms.CharField(label=gettext_lazy("Hostname of the new unit"), max_length=255, required=False)
    parent = forms.ModelChoiceField(
        queryset=Unit.objects.none(),
        to_field_name="slug",
        label=gettext_lazy("Parent unit"),
        required=False,
    )
    level = forms.ChoiceField(
        label=gettext_lazy("Level"),
        choices=[("", gettext_lazy("The merged units' level"))] + list(UnitLevel.choices),
        required=False,
    )
    port = forms.IntegerField(label=gettext_lazy("Port"), min_value=1, max_value=65535, initial=80)
    archive = forms.BooleanField(
        label=gettext_lazy("Keep each unit's pages as an archive section (“Lưu trữ …”)"), required=False
    )
    users = forms.ChoiceField(
        label=gettext_lazy("Editors and approvers"),
        choices=[
            ("move", gettext_lazy("Move them to the merged unit")),
            ("list", gettext_lazy("Leave them and list them for the board")),
        ],
        initial="move",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sources"].queryset = _active_units()
        self.fields["parent"].queryset = _active_units()

    def options(self):
        data = self.cleaned_data
        return {
            "sources": [unit.slug for unit in data["sources"]],
            "slug": data["slug"].strip(),
            "name": data.get("name") or None,
            "hostname": data.get("hostname") or None,
            "parent": data["parent"].slug if data.get("parent") else None,
            "level": data.get("level") or None,
            "port": data.get("port") or 80,
            "archive": bool(data.get("archive")),
            "users": data["users"],
        }

    def plan(self):
        if not self.is_valid():
            return None
        try:
            return plan_merge(**self.options())
        except RestructuringError as error:
            self.add_error(None, str(error))
            return None

    def apply(self, user):
        if not self.is_valid():
            return None
        try:
            return apply_merge(user=user, **self.options())
        except RestructuringError as error:
            self.add_error(None, str(error))
            return None
