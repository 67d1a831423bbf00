"""The public search form: every value from the query string is checked; a bad one is dropped with a
notice in Vietnamese and the search still runs with the rest."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.dates import DateFilterField
from home.text import MAX_QUERY_LENGTH, clean_query
from search.models import Kind
from search.selectors import NEWEST, RELEVANCE

ALL_UNITS = "tat-ca"
KIND_SLUGS = {"tin-tuc": Kind.NEWS, "van-ban": Kind.DOCUMENT, "thu-tuc": Kind.PROCEDURE, "trang": Kind.PAGE}
SORT_SLUGS = {"lien-quan": RELEVANCE, "moi-nhat": NEWEST}
PAGE_SIZES = (10, 20, 50)


class SearchForm(forms.Form):
    """``q``, ``don-vi`` (on the top unit's site), ``loai``, ``tu-ngay``, ``den-ngay``, ``sap-xep``,
    ``so-luong``."""

    def __init__(self, data, *, unit, units):
        super().__init__(data)
        self.unit = unit
        self.units = units
        self.offers_units = unit is None or unit.parent_id is None
        if self.offers_units:
            choices = [("", gettext_lazy("This unit")), (ALL_UNITS, gettext_lazy("All units"))]
            choices += [(u.slug, u.name) for u in units if unit is None or u.pk != unit.pk]
            self.fields["don-vi"] = forms.ChoiceField(choices=choices, required=False)
        self.fields["loai"] = forms.ChoiceField(
            choices=[
                ("", gettext_lazy("All types")),
                *((slug, Kind(k).label) for slug, k in KIND_SLUGS.items()),
            ],
            required=False,
        )
        self.fields["tu-ngay"] = DateFilterField()
        self.fields["den-ngay"] = DateFilterField()
        self.fields["sap-xep"] = forms.ChoiceField(
            choices=[("lien-quan", gettext_lazy("Relevance")), ("moi-nhat", gettext_lazy("Newest"))],
            required=False,
        )
        self.fields["so-luong"] = forms.TypedChoiceField(
            choices=[(str(size), str(size)) for size in PAGE_SIZES],
            coerce=int,
            required=False,
            empty_value=PAGE_SIZES[0],
        )
        self.notices = []
        self.values = {}
        self._read()

    def _read(self):
        raw = self.data.get("q", "")
        self.query = clean_query(raw)
        if len(" ".join(str(raw).split())) > MAX_QUERY_LENGTH:
            self.notices.append(
                _("The search words were too long: only the first %(count)s characters were used.")
                % {"count": MAX_QUERY_LENGTH}
            )
        self.is_valid()
        labels = {
            "don-vi": _("unit"),
            "loai": _("type"),
            "tu-ngay": _("from date"),
            "den-ngay": _("to date"),
            "sap-xep": _("sort order"),
            "so-luong": _("results per page"),
        }
        for name in self.errors:
            if name in labels:
                self.notices.append(
                    _("Ignored an invalid %(field)s: “%(value)s”.")
                    % {"field": labels[name], "value": str(self.data.get(name, ""))[:40]}
                )
        self.values = {name: value for name, value in self.cleaned_data.items() if value not in ("", None)}
        start, end = self.values.get("tu-ngay"), self.values.get("den-ngay")
        if start and end and start > end:
            self.values["tu-ngay"], self.values["den-ngay"] = end, start
            self.notices.append(_("The start date was after the end date: the two were swapped."))

    def unit_ids(self):
        """The units to search (None: all of them)."""
        choice = self.values.get("don-vi", "")
        if not self.offers_units or not choice:
            return [self.unit.pk] if self.unit else None
        if choice == ALL_UNITS:
            return None
        return [u.pk for u in self.units if u.slug == choice]

    def kinds(self):
        slug = self.values.get("loai")
        return (KIND_SLUGS[slug],) if slug else ()

    def order(self):
        return SORT_SLUGS.get(self.values.get("sap-xep"), RELEVANCE)

    def page_size(self):
        return self.values.get("so-luong") or PAGE_SIZES[0]
