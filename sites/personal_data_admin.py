"""The admin view "Dữ liệu cá nhân": a unit's approvers (and the board, for every unit) find what their unit
holds about one person (by e-mail or phone), export it as JSON or erase it on the person's request, and read
the log of what was done. Unit editors may not use it. Everything is POSTed: the contact never travels in a
URL (server logs); every export and erasure is logged (``PersonalDataRequest``, the contact masked)."""

import datetime
import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.defaults import permission_denied

from sites.models import PersonalDataRequest, Unit
from sites.personal_data import (
    erase_personal_data,
    export_personal_data,
    find_personal_data,
    normalise_contact,
)
from sites.selectors import all_units, is_board_member

LOG_SIZE = 50
# What the result list shows of each record (the export has everything).
SUMMARY_KEYS = ("kind", "reference", "draft", "title", "name", "status", "sent_at", "received_at")


def units_for_personal_data(user):
    """The units whose people's data ``user`` may find, export and erase: every unit for the board, else the
    units they approve for (editors: none)."""
    if not user.is_authenticated or not user.is_active:
        return Unit.objects.none()
    if is_board_member(user):
        return all_units()
    return all_units().filter(pk__in=Unit.objects.for_member(user, approvers_only=True).values("pk"))


def may_use(user):
    return units_for_personal_data(user).exists()


class PersonalDataForm(forms.Form):
    contact = forms.CharField(
        label=_("E-mail address or phone number"),
        max_length=254,
        help_text=_("As the person gave it when they wrote to the unit."),
        error_messages={"required": _("Enter the person's e-mail address or phone number.")},
    )
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.none(),
        error_messages={
            "required": _("Choose the unit."),
            "invalid_choice": _("Choose one of your units."),
        },
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["unit"].empty_label = None if len(units) == 1 else "---------"

    def clean_contact(self):
        return normalise_contact(self.cleaned_data["contact"])


class EraseForm(PersonalDataForm):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_("E.g. the person's request of 2 January, received by e-mail."),
        error_messages={"required": _("Give the reason for the erasure (the person's request).")},
    )


DATE_KEYS = ("sent_at", "received_at")


def _shown(key, value):
    """A value of the export as the list shows it: the export's ISO times in dd/mm/yyyy HH:MM, local time."""
    if key in DATE_KEYS and isinstance(value, str):
        try:
            moment = datetime.datetime.fromisoformat(value)
        except ValueError:
            return value
        if timezone.is_aware(moment):
            moment = timezone.localtime(moment)
        return moment.strftime("%d/%m/%Y %H:%M")
    return value


def _summary(row):
    return [(key, _shown(key, row[key])) for key in SUMMARY_KEYS if row.get(key) not in (None, "")]


def _results(units, contact):
    results = []
    for provider, records in find_personal_data(units=units, contact=contact):
        rows = provider.export(records) if records else []
        results.append(
            {"label": provider.label, "count": len(records), "rows": [_summary(row) for row in rows]}
        )
    return results


def _log_entries(user, units):
    entries = PersonalDataRequest.objects.select_related("unit", "user")
    if not is_board_member(user):
        entries = entries.filter(unit__in=units)
    return entries[:LOG_SIZE]


def _forbidden(request):
    # A 403 answer, not Wagtail's redirect to the dashboard (which raising PermissionDenied would bring).
    return permission_denied(request, PermissionDenied())


def _render(request, template, context, status=200):
    response = TemplateResponse(request, template, context, status=status)
    response["Cache-Control"] = "no-store"
    return response


@never_cache
def personal_data_view(request):
    """The search form and the log (GET); find, export, confirm and erase (POST ``action``)."""
    units = units_for_personal_data(request.user)
    if not units.exists():
        return _forbidden(request)
    context = {"log": _log_entries(request.user, units), "units": units}
    if request.method != "POST":
        return _render(
            request, "sites/personal_data/index.html", {**context, "form": PersonalDataForm(units=units)}
        )

    # A unit id that is not one of the user's: refused outright, nothing looked up.
    unit_id = request.POST.get("unit", "")
    if unit_id and (
        not (unit_id.isascii() and unit_id.isdigit())
        or len(unit_id) > 9
        or not units.filter(pk=int(unit_id)).exists()
    ):
        return _forbidden(request)
    action = request.POST.get("action", "find")
    form_class = EraseForm if action == "erase" else PersonalDataForm
    form = form_class(request.POST, units=units)
    if not form.is_valid():
        template = (
            "sites/personal_data/confirm.html" if action == "erase" else "sites/personal_data/index.html"
        )
        return _render(request, template, {**context, "form": form}, status=400)
    unit = form.cleaned_data["unit"]
    contact = form.cleaned_data["contact"]

    if action == "export":
        data = export_personal_data(unit=unit, contact=contact, user=request.user)
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="du-lieu-ca-nhan-{unit.slug}-{stamp}.json"'
        response["Cache-Control"] = "no-store"
        return response
    if action == "confirm":
        erase_form = EraseForm(initial={"contact": contact, "unit": unit.pk}, units=units)
        return _render(
            request,
            "sites/personal_data/confirm.html",
            {**context, "form": erase_form, "unit": unit, "results": _results([unit], contact)},
        )
    if action == "erase":
        counts = erase_personal_data(
            unit=unit, contact=contact, user=request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(
            request,
            gettext("Erased: %(count)s records. The erasure is in the log below.")
            % {"count": sum(counts.values())},
        )
        return redirect("portal_personal_data")
    # find
    return _render(
        request,
        "sites/personal_data/index.html",
        {
            **context,
            "form": form,
            "unit": unit,
            "contact": contact,
            "results": _results([unit], contact),
            "searched": True,
        },
    )
