"""Public search: /tim-kiem/ (results page) and /tim-kiem/goi-y/ (title suggestions, JSON)."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wagtail.models import Locale

from django_ratelimit.decorators import ratelimit

from home.pagination import paginate
from home.text import parse_query
from search import selectors
from search.forms import ALL_UNITS, SearchForm
from search.highlight import highlight, snippet
from search.models import Kind
from sites.selectors import all_units, top_unit, unit_for_request

# A visitor can page through this many results; "more than 1,000" is counted no further.
MAX_RESULTS = 1000
SUGGESTION_MIN_CHARS = 2


def search_rate(group, request):
    return settings.PORTAL_SEARCH_RATE


def suggest_rate(group, request):
    return settings.PORTAL_SUGGEST_RATE


class WindowPaginator(Paginator):
    """Pages through a search's result window (``selectors.Window``), which knows whether there were more."""

    @property
    def more_than_max(self):
        return self.object_list.more


def _too_many(request, template):
    context = {"message": _("Too many searches from your connection. Please wait a minute and try again.")}
    if template is None:
        response = JsonResponse({"error": context["message"], "suggestions": []}, status=429)
    else:
        response = TemplateResponse(request, template, {**context, "rate_limited": True}, status=429)
    response["Retry-After"] = "60"
    return response


def _number_not_in_title(entry):
    # Shown before the title unless the title already carries it ("Quyết định số 125/QĐ-UBND ...").
    return bool(entry.number) and entry.number not in entry.title


def _results(request, entries, parsed):
    local = timezone.localtime
    kinds = dict(Kind.choices)
    return [
        {
            "url": entry.page.get_url(request),
            "title": highlight(entry.title, parsed),
            "number": highlight(entry.number, parsed) if _number_not_in_title(entry) else "",
            "snippet": snippet(entry.text, parsed),
            "unit": entry.unit.name if entry.unit else "",
            "kind": entry.kind,
            "kind_label": kinds.get(entry.kind, ""),
            "date": local(entry.date),
        }
        for entry in entries
    ]


def _read(request):
    """The request's unit, its checked search form and the parsed query (shared by both views)."""
    unit = unit_for_request(request)
    form = SearchForm(request.GET, unit=unit, units=list(all_units()))
    return unit, form, parse_query(form.query)


@require_GET
@ratelimit(key="ip", rate=search_rate, group="portal-search", block=False)
def search(request):
    """Search the live, public pages of this unit (or, from the top unit's site, of any units)."""
    if getattr(request, "limited", False):
        return _too_many(request, "search/search.html")
    unit, form, parsed = _read(request)
    context = {"form": form, "query": form.query, "parsed": parsed, "notices": form.notices, "unit": unit}
    context["values"] = {
        name.replace("-", "_"): (value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else value)
        for name, value in form.values.items()
    }
    context["kind_choices"] = form.fields["loai"].choices
    if form.offers_units:
        context["unit_choices"] = form.fields["don-vi"].choices
    if form.query and not parsed:
        context["notices"].append(_("The search words hold no letters or digits to look for."))
    if parsed:
        scope = selectors.SearchScope(
            unit_ids=form.unit_ids(),
            kinds=form.kinds(),
            date_from=form.values.get("tu-ngay"),
            date_to=form.values.get("den-ngay"),
            locale_id=Locale.get_active().pk,
        )
        window = selectors.search_entries(parsed, scope, order=form.order(), limit=MAX_RESULTS)
        paginator = WindowPaginator(window, form.page_size())
        page = paginate(request, window, form.page_size(), paginator=paginator)
        context.update(results=page, items=_results(request, page.object_list, parsed), paginator=paginator)
        context["all_units"] = scope.unit_ids is None or len(scope.unit_ids) > 1
    if unit is not None and unit.parent_id is not None:
        top = top_unit(unit)
        if top is not None and top.site_id != unit.site_id:
            context["district_search"] = {"unit": top, "root_url": top.site.root_url, "all_units": ALL_UNITS}
    return TemplateResponse(request, "search/search.html", context)


@require_GET
@ratelimit(key="ip", rate=suggest_rate, group="portal-suggest", block=False)
def suggest(request):
    """Up to eight newest titles starting like the typed words, as JSON for the search box."""
    if getattr(request, "limited", False):
        return _too_many(request, None)
    unit, form, parsed = _read(request)
    if not parsed or len(form.query) < SUGGESTION_MIN_CHARS:
        return JsonResponse({"query": form.query, "suggestions": []})
    scope = selectors.SearchScope(
        unit_ids=form.unit_ids(), kinds=form.kinds(), locale_id=Locale.get_active().pk
    )
    kinds = dict(Kind.choices)
    found = [
        {
            "title": entry.title,
            "number": entry.number if _number_not_in_title(entry) else "",
            "url": entry.page.get_url(request),
            "unit": entry.unit.name if entry.unit else "",
            "type": str(kinds.get(entry.kind, "")),
            "date": timezone.localtime(entry.date).strftime("%d/%m/%Y"),
        }
        for entry in selectors.suggestions(parsed, scope)
    ]
    return JsonResponse({"query": form.query, "suggestions": found})
