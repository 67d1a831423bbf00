"""Reads for the procedure listings: filters from the query string (never trusted) and fixed-size queries."""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.utils.translation import gettext as _

from wagtail.models import Page

from home.links import set_link_urls
from home.pagination import paginate
from home.registry import filter_pages_by_words
from home.text import clean_query
from procedures.choices import Level, ProcedureField
from procedures.models import ProcedureIndexPage, ProcedurePage
from sites.cache import remember
from sites.limits import keyword_search_limited
from sites.selectors import Units, pages_under, public, units_with_roots

MAX_QUERY = 200
FIELD_PARAM = "linh-vuc"
LEVEL_PARAM = "cap"
# What a row of the listing shows.
LIST_FIELDS = ("title", "code", "field", "level", "url_path", "path", "depth", "show_on_all_units")


@dataclass
class Filters:
    values: dict = field(default_factory=dict)
    notices: list = field(default_factory=list)


def _single(params, name):
    """The value of ``name`` as text (the last one when repeated), at most 200 characters."""
    value = params.get(name, "")
    return value[:MAX_QUERY] if isinstance(value, str) else ""


def read_filters(params):
    """Valid filters from ``params`` (a QueryDict); an unknown field or level is ignored with a notice."""
    result = Filters()
    for name, allowed in ((FIELD_PARAM, ProcedureField.values), (LEVEL_PARAM, Level.values)):
        value = _single(params, name).strip()
        if not value:
            continue
        if value in allowed:
            result.values[name] = value
        else:
            result.notices.append(_("Unknown filter value ignored: %(value)s") % {"value": value[:40]})
    query = clean_query(_single(params, "q"), MAX_QUERY)
    if query:
        result.values["q"] = query
    return result


def ancestor_units(unit, request=None):
    """``unit``'s higher units (nearest first) with their homes loaded, kept per process."""

    def build():
        units = units_with_roots()
        by_pk = {u.pk: u for u in units}
        chain, up = [], by_pk.get(unit.parent_id)
        while up is not None and up not in chain:
            chain.append(up)
            up = by_pk.get(up.parent_id)
        return Units(chain)

    if unit is None:
        return Units()
    if request is None:
        return build()
    return remember(request, "procedure-ancestor-units", unit.pk, build)


def translated_homes(units, locale_id):
    """``{unit pk: its home in the locale}`` for those of ``units`` (their homes loaded) whose home has a
    translation in ``locale_id``. One query, run only by translated listings (not kept: a home translated
    later must show at once)."""
    by_key = {unit.site.root_page.translation_key: unit for unit in units}
    if not by_key:
        return {}
    homes = Page.objects.filter(locale_id=locale_id, translation_key__in=list(by_key))
    homes = homes.select_related("locale")
    return {by_key[home.translation_key].pk: home for home in homes}


def in_other_locale(index_page, ancestors):
    """Whether ``index_page`` is a translation (an English listing) of a unit whose higher units' sites are in
    another language: their shared procedures are then shown in the listing's language where translated."""
    return bool(ancestors) and index_page.locale_id != ancestors[0].site.root_page.locale_id


def visible_condition(index_page, ancestors):
    """A Q for the procedures a unit's listing shows: its own (children of ``index_page``) and those its
    ``ancestors`` mark ``show_on_all_units``.

    In a translated listing (the English tree) a shared procedure appears as its live translation in the
    listing's language when it has one, otherwise as it is (a visitor still finds every procedure)."""
    own = Q(path__startswith=index_page.path, depth=index_page.depth + 1)
    if not ancestors:
        return own
    shared = Q(show_on_all_units=True) & pages_under(ancestors)
    if not in_other_locale(index_page, ancestors):
        return own | shared
    keys = ProcedurePage.objects.filter(shared).values("translation_key")
    translated = ProcedurePage.objects.live().filter(locale_id=index_page.locale_id, translation_key__in=keys)
    return (
        own
        | Q(pk__in=translated.values("pk"))
        | (shared & ~Q(translation_key__in=translated.values("translation_key")))
    )


def procedures_for(index_page, unit, request=None):
    """Live, public procedures shown on ``index_page`` (a unit's listing), by title."""
    pages = public(ProcedurePage.objects.live(), request)
    return pages.filter(visible_condition(index_page, ancestor_units(unit, request))).order_by("title", "pk")


def field_counts(procedures):
    """``{field slug: count}`` of ``procedures`` (one query)."""
    rows = procedures.order_by().values("field").annotate(count=Count("pk")).values_list("field", "count")
    return dict(rows)


def listing_context(index_page, unit, request):
    """The context of a unit's procedure listing (a fixed number of queries, whatever the number of
    procedures)."""
    filters = read_filters(request.GET)
    query = filters.values.get("q")
    limited = bool(query) and keyword_search_limited(request)
    if limited:
        del filters.values["q"]
        filters.notices.append(
            _("Too many searches from your connection. Please wait a minute and try again.")
        )
    base = procedures_for(index_page, unit, request)
    matching = base
    if LEVEL_PARAM in filters.values:
        matching = matching.filter(level=filters.values[LEVEL_PARAM])
    if "q" in filters.values:
        matching = filter_pages_by_words(matching, filters.values["q"])
    # counts per field under the other filters (level and keyword): a visitor sees where to go next
    if filters.values or unit is None:
        counts = field_counts(matching)
    else:  # unfiltered: changes only with a publication in the unit or above it (which replaces its token)
        counts = remember(request, f"procedure-counts:{index_page.pk}", unit.pk, lambda: field_counts(base))
    listed = matching
    if FIELD_PARAM in filters.values:
        listed = listed.filter(field=filters.values[FIELD_PARAM])
    paginator = Paginator(listed.only(*LIST_FIELDS), index_page.page_size)
    paginator.count = (
        counts.get(filters.values[FIELD_PARAM], 0) if FIELD_PARAM in filters.values else sum(counts.values())
    )
    procedures = paginate(request, None, index_page.page_size, paginator=paginator)
    _set_links(list(procedures.object_list), index_page, unit, request)
    labels = dict(ProcedureField.choices)
    context = {
        "procedures": procedures,
        "selected": {key.replace("-", "_"): value for key, value in filters.values.items()},
        "notices": filters.notices,
        "fields": [(slug, labels[slug], counts.get(slug, 0)) for slug in ProcedureField.values],
        "levels": Level.choices,
        "total": sum(counts.values()),
        "rate_limited": limited,
    }
    if limited:
        context["selected"]["q"] = query
    return context


def _set_links(procedures, index_page, unit, request):
    """Own procedures link below the listing; shared ones to their page on the owning unit's site (in the
    listing's language when the shared procedure is a translation)."""
    own = [p for p in procedures if p.path.startswith(index_page.path)]
    set_link_urls(own, index_page, request)
    shared = [p for p in procedures if not p.path.startswith(index_page.path)]
    ancestors = ancestor_units(unit, request)
    homes = {owner.site.root_page.path: (owner, owner.site.root_page) for owner in ancestors}
    if in_other_locale(index_page, ancestors):  # asked even with no shared procedure: a steady budget
        by_pk = {owner.pk: owner for owner in ancestors}
        for pk, home in translated_homes(ancestors, index_page.locale_id).items():
            homes[home.path] = (by_pk[pk], home)
    groups = {}  # home path -> (unit, home, [procedures])
    for procedure in shared:
        home_path = next((path for path in homes if procedure.path.startswith(path)), None)
        owner, home = homes.get(home_path, (None, None))
        groups.setdefault(home_path, (owner, home, []))[2].append(procedure)
    for owner, home, pages in groups.values():
        set_link_urls(pages, home, request)
        for procedure in pages:
            procedure.owner_unit = owner


def index_of(unit):
    """The unit's procedure listing, or None."""
    if unit is None:
        return None
    return ProcedureIndexPage.objects.child_of(unit.site.root_page).first()


def disclosure_summary(unit, request=None):
    """(listing page or None, number of procedures it shows, when the newest was last published)."""
    index_page = index_of(unit)
    if index_page is None or not index_page.live:
        return None, 0, None
    stats = (
        procedures_for(index_page, unit, request)
        .order_by()
        .aggregate(count=Count("pk"), last=Max("last_published_at"))
    )
    return index_page, stats["count"], stats["last"]
