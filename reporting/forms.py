from django import forms
from django.utils.translation import gettext_lazy as _

MAX_MONTHLY_TARGET = 1000


class ArticleTargetsForm(forms.Form):
    """One monthly article target per unit; an empty box removes the unit's target."""

    def __init__(self, *args, units, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.units = units
        for unit in units:
            self.fields[self.field_name(unit)] = forms.IntegerField(
                label=unit.name,
                required=False,
                min_value=1,
                max_value=MAX_MONTHLY_TARGET,
                initial=targets.get(unit.pk),
                error_messages={
                    "invalid": _("Enter a whole number of articles."),
                    "min_value": _("A target is at least 1 article; leave the box empty for no target."),
                    "max_value": _("A target is at most %(limit_value)s articles a month."),
                },
                widget=forms.NumberInput(attrs={"min": 1, "max": MAX_MONTHLY_TARGET, "inputmode": "numeric"}),
            )

    @staticmethod
    def field_name(unit):
        return f"unit-{unit.pk}"

    def targets(self):
        return {unit: self.cleaned_data.get(self.field_name(unit)) for unit in self.units}

    def rows(self):
        return [(unit, self[self.field_name(unit)]) for unit in self.units]
