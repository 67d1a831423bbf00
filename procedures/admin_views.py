"""Nhập thủ tục: the admin upload of a CSV/JSON file of procedures (``procedures.services``).

A user imports into the units whose /thu-tuc-hanh-chinh/ they may add pages to (their own unit; the board:
any); they publish at once only where Wagtail lets them publish, otherwise the procedures are saved as drafts
for the moderation workflow. Nothing of another unit is listed or reachable.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from procedures import services
from procedures.demo import COMMUNE_FILE
from procedures.selectors import index_of
from sites.selectors import units_for_user


def importable_units(user):
    """[(unit, its procedure index, may publish)] for the units ``user`` may import into."""
    found = []
    for unit in units_for_user(user):
        index_page = index_of(unit)
        if index_page is None:
            continue
        permissions = index_page.permissions_for_user(user)
        if permissions.can_add_subpage():
            found.append((unit, index_page, permissions.can_publish_subpage()))
    return found


class ImportForm(forms.Form):
    unit = forms.ChoiceField(label=gettext_lazy("Unit"))
    file = forms.FileField(
        label=gettext_lazy("File (.csv or .json, UTF-8)"),
        help_text=gettext_lazy("At most 20 MB. The columns are those of the sample file."),
    )
    publish = forms.BooleanField(
        label=gettext_lazy("Publish at once (otherwise saved as drafts to submit for approval)"),
        required=False,
    )
    dry_run = forms.BooleanField(label=gettext_lazy("Only check the file, import nothing"), required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.units = {str(unit.pk): (unit, may_publish) for unit, _index, may_publish in units}
        self.fields["unit"].choices = [(pk, unit.name) for pk, (unit, _p) in self.units.items()]
        if not any(may_publish for _unit, may_publish in self.units.values()):
            del self.fields["publish"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > services.MAX_FILE_BYTES:
            raise forms.ValidationError(_("The file is too large (at most 20 MB)."))
        return upload

    def clean(self):
        cleaned = super().clean()
        choice = self.units.get(cleaned.get("unit", ""))
        if choice and cleaned.get("publish") and not choice[1]:
            self.add_error("publish", _("You cannot publish in this unit: import as drafts."))
        return cleaned


def import_view(request):
    units = importable_units(request.user)
    if not units:
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None, units=units)
    context = {"form": form, "result": None, "file_errors": []}
    if request.method == "POST" and form.is_valid():
        unit, _may_publish = form.units[form.cleaned_data["unit"]]
        upload = form.cleaned_data["file"]
        try:
            rows = services.read_file(upload.read(), name=upload.name)
            context["result"] = services.import_procedures(
                unit=unit,
                rows=rows,
                publish=bool(form.cleaned_data.get("publish")),
                dry_run=form.cleaned_data["dry_run"],
                user=request.user,
            )
        except services.ImportFileError as error:
            context["file_errors"] = error.messages
        context["unit"] = unit
    return TemplateResponse(request, "procedures/admin/import.html", context)


def sample_view(request):
    """The sample file (procedures/samples/thu-tuc-mau.csv) to start from."""
    if not importable_units(request.user):
        raise PermissionDenied
    return FileResponse(COMMUNE_FILE.open("rb"), as_attachment=True, filename=COMMUNE_FILE.name)
