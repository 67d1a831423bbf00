"""The week schedule's admin form: one week per Monday in a unit's schedule, entries inside the week, and only
the unit's own leaders as chair or participants."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from agenda.weeks import date_label
from home.forms import UnitBoundPageForm
from news.taxonomy import Official

DUPLICATE_WEEK = _("The schedule already has this week: “%(title)s”. Edit that page instead.")
DAY_OUTSIDE_WEEK = _("The day must be within the week, from %(start)s to %(end)s.")
OTHER_UNIT_OFFICIAL = _("Choose one of this unit's leaders.")
OFFICIAL_FIELDS = ("chair", "officials")


def officials_of(unit):
    return Official.objects.filter(unit=unit).order_by("-active", "sort_order", "name")


def week_clash(model, parent, week_start, *, exclude_pk=None):
    """The page of ``parent`` (a schedule) for the week starting ``week_start``, other than ``exclude_pk``."""
    if parent is None or week_start is None:
        return None
    found = model.objects.child_of(parent).filter(week_start=week_start)
    if exclude_pk is not None:
        found = found.exclude(pk=exclude_pk)
    return found.only("pk", "title").first()


class WeekSchedulePageForm(UnitBoundPageForm):
    """Chair and participants are chosen among the page's unit's leaders; a posted id of another unit's leader
    is refused on its field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formset = self.formsets.get("entries")
        unit = self._unit()
        if formset is None:
            return
        queryset = officials_of(unit) if unit is not None else Official.objects.none()
        base = formset.form

        class EntryForm(base):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                limit_officials(self, queryset)

        EntryForm.__name__ = base.__name__
        formset.form = EntryForm  # the formset builds its forms (and the empty one) lazily, from this class
        for form in formset.__dict__.get("forms", []):
            limit_officials(form, queryset)

    def clean(self):
        cleaned = super().clean()
        week_start = cleaned.get("week_start")
        if week_start is None:
            return cleaned
        parent = self.parent_page if self.instance.pk is None else self.instance.get_parent()
        clash = week_clash(type(self.instance), parent, week_start, exclude_pk=self.instance.pk)
        if clash is not None:
            self.add_error("week_start", DUPLICATE_WEEK % {"title": clash.title})
        return cleaned

    def is_valid(self):
        valid = super().is_valid()  # the entries' forms are cleaned by now (after this form's clean())
        if not hasattr(self, "_days_ok"):  # once: asked again, the errors would be added twice
            self._days_ok = self.check_days()
        return self._days_ok and valid

    def check_days(self):
        """Every kept entry's day falls inside the week; True when so (or when there is no week to check)."""
        week_start = (getattr(self, "cleaned_data", None) or {}).get("week_start")
        formset = self.formsets.get("entries")
        if week_start is None or formset is None:
            return True
        week_end = week_start + timedelta(days=6)
        message = DAY_OUTSIDE_WEEK % {"start": date_label(week_start), "end": date_label(week_end)}
        ok = True
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            day = data.get("day")
            if data.get("DELETE") or day is None:
                continue
            if not week_start <= day <= week_end:
                form.add_error("day", message)
                ok = False
        return ok


def limit_officials(form, queryset):
    for name in OFFICIAL_FIELDS:
        field = form.fields.get(name)
        if field is not None:
            field.queryset = queryset
            field.error_messages = {**field.error_messages, "invalid_choice": OTHER_UNIT_OFFICIAL}
