"""Reads for units: the one place that answers the unit-tree questions.

Every other app asks these here instead of walking paths, parents or groups itself
(docs/architecture.md, "One idea, one place").

The unit of a request
    ``unit_for_site(site)``            the unit served by a Wagtail site (its home and its parent's loaded).
    ``unit_for_request(request)``      the unit of the site answering a request; looked up once per request.
    ``unit_settings_for_request(r)``   that unit's ``UnitSettings``.
    ``unit_settings_for(request, unit)``  any unit's ``UnitSettings``, its emblem loaded.
    Both are kept per process under the generation tokens (``sites.cache.remember``): read-only objects.
    ``find_takedown(request)``         the board's active take-down of the requested address, if any.
    ``former_hostname_target(request, hostname)``  ``(hostname, port)`` of the site of the unit that answered
                                       at ``hostname`` before a rename (kept per process), or None.

Which unit owns a page or a path
    ``unit_for_page(page, units=None)``  the unit whose home contains ``page`` (a translation: the unit whose
                                         home one of its ancestors translates); with preloaded ``units``, no
                                         query for a page under a home.
    ``units_with_roots()``               every unit with its site and home page loaded (one query), for
                                         ``unit_for_path`` over many pages.
    ``unit_for_path(path, units)``       among preloaded ``units``, the one whose home is the longest prefix.

Public pages
    ``any_view_restriction(request)``    whether any page has a view restriction (kept per process).
    ``public(pages, request)``           ``pages.public()``, without its query when none has.
    ``locales(request)``                 ``{id: Locale}`` (kept per process).

Pages under units
    ``home_paths(units)``                the tree paths of the units' homes.
    ``units_by_home(units)``             ``{home path: unit}``.
    ``home_path_length(units)``          how many characters of a page's path name its unit's home.
    ``pages_under(units_or_paths, *, field="path")``  a ``Q`` for the pages (or rows whose ``field`` is a page
                                         path) at or below those homes or paths; matches nothing when empty.

The hierarchy
    ``child_units(unit)``                the units directly below, in display order, with their sites.
    ``unit_ancestors(unit)``             its parent, grandparent ... up to the top unit, lazily.
    ``top_unit(unit=None)``              the top unit: ``unit``'s last ancestor, else looked up.

Members and the board
    ``Unit.objects.for_member(user, approvers_only=False)``  the units a user belongs to.
    ``unit_root_paths(user, *, approvers_only=False)``       the home paths of those units.
    ``all_units()``                      every unit with its home loaded, in the order of reports.
    ``units_for_user(user)``             the units a user may look at in admin reports (the board: all).
    ``board_members()``                  active members of the editorial board (the top unit's approvers).
    ``is_board_member(user)``            superuser or board member; kept on the user object.
    ``approvers()``                      active members of any unit's approvers group (the board included).

What a user may see in the admin (sites/confinement.py)
    ``sees_everything``, ``member_root_paths``, ``pages_visible_to``, ``page_visible_to``,
    ``page_is_above_units_of``, ``unit_collection_paths``, ``collection_owner``, ``collections_usable_by``.

Templates: ``{% load unit_tags %}`` and ``{% load language_tags %}`` (``sites/templatetags``) build on these.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from wagtail.models import Collection, Locale, Page, PageViewRestriction, Site

from sites.cache import HOSTNAMES, remember, remember_in_scope
from sites.models import FormerHostname, TakeDown, Unit, UnitSettings

# --- The unit of a request ------------------------------------------------------------------------------


def _with_parents():
    # the parent's home too: the language switcher and "Tin huyện" read it on every page, without a query
    return Unit.objects.with_site().select_related("parent__site__root_page")


def unit_for_site(site):
    """The unit served by ``site`` (or None), with its home and its parent's loaded."""
    if site is None:
        return None
    return _with_parents().filter(site=site).first()


def unit_for_request(request):
    """The unit of the site answering ``request``, cached on it and kept per process under the generation
    tokens (``sites.cache.remember``): a shared object, read-only."""
    if not hasattr(request, "_portal_unit"):
        site = Site.find_for_request(request)
        unit = None
        if site is not None:
            # which unit (an id, under the token of everything: units and sites), then the unit itself under
            # its own token too, as its home and its parent's are pages
            unit_id = remember(request, f"unit-of-site:{site.pk}", None, lambda: _unit_id_for_site(site))
            if unit_id is not None:
                unit = remember(request, "unit", unit_id, lambda: _with_parents().filter(pk=unit_id).first())
        request._portal_unit = unit
    return request._portal_unit


def _unit_id_for_site(site):
    return Unit.objects.filter(site=site).values_list("pk", flat=True).first()


def unit_settings_for_request(request):
    """``UnitSettings`` of the request's unit (or None); templates get them from
    ``sites.context_processors``."""
    unit = unit_for_request(request)
    return unit_settings_for(request, unit) if unit is not None else None


def unit_settings_for(request, unit):
    """``UnitSettings`` of ``unit`` with its emblem loaded, created when missing (Wagtail's ``for_site``),
    kept per process (``sites.cache.remember``): a shared object, read-only."""

    def build():
        found = UnitSettings.objects.select_related("emblem").filter(site_id=unit.site_id).first()
        return found or UnitSettings.for_site(unit.site)

    return remember(request, "unit-settings", unit.pk, build)


def find_takedown(request):
    """The active take-down for this request's site and path, if any. A unit's take-downs are kept per
    process by path (``sites.cache.remember``: a take-down saved replaces the token of everything, a page
    published again its unit's)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    active = TakeDown.objects.filter(site=site, active=True, page__live=False)
    unit = unit_for_request(request)
    if unit is None or unit.site_id != site.pk:
        return active.filter(path=request.path).first()

    def build():
        found = {}
        for takedown in active:
            found.setdefault(takedown.path, takedown)  # the first of each path, as .first() would
        return found

    return remember(request, "takedowns", unit.pk, build).get(request.path)


def former_hostnames(request):
    """``{former hostname: unit id}``, kept per process under the token of hostnames
    (``sites.cache.remember_in_scope``), which only a former hostname saved or deleted replaces: asking costs
    no query, even on the first request after a unit or a site was created."""

    def build():
        return dict(FormerHostname.objects.values_list("hostname", "unit_id"))

    return remember_in_scope(request, "former-hostnames", HOSTNAMES, build)


def former_hostname_target(request, hostname):
    """``(hostname, port)`` of the current site of the unit that answered at ``hostname`` before, or None.
    Only a request to a former hostname asks for the site (kept under the token of everything, which a site
    saved replaces)."""
    unit_id = former_hostnames(request).get(hostname)
    if unit_id is None:
        return None

    def site_of_unit():
        return Unit.all_objects.filter(pk=unit_id).values_list("site__hostname", "site__port").first()

    return remember(request, "former-hostname-target", unit_id, site_of_unit)


# --- Which unit owns a page or a path -------------------------------------------------------------------


class Units(list):
    """Units with their homes loaded (``units_with_roots``), indexed once by home path."""

    _by_home = None

    @property
    def by_home(self):
        if self._by_home is None:
            self._by_home = dict(zip(home_paths(self), self, strict=True))
        return self._by_home


def units_with_roots():
    """Every unit with its site and home page loaded (one query), to resolve many pages with
    ``unit_for_path`` / ``unit_for_page(page, units)``."""
    return Units(Unit.objects.with_site())


def units_by_home(units):
    """``{home path: unit}`` for ``units`` (their homes loaded)."""
    return units.by_home if isinstance(units, Units) else dict(zip(home_paths(units), units, strict=True))


def home_paths(units):
    """The tree paths of the homes of ``units``."""
    return [unit.site.root_page.path for unit in units]


def unit_for_path(path, units):
    """The unit among ``units`` (their homes loaded) whose home is the longest prefix of ``path``, or None.
    No query."""
    if not path:
        return None
    homes = units_by_home(units)
    steplen = Page.steplen
    for end in range(len(path) - len(path) % steplen, 0, -steplen):
        unit = homes.get(path[:end])
        if unit is not None:
            return unit
    return None


def unit_for_page(page, units=None):
    """The unit whose home contains ``page``, with its home and its parent's loaded (or None).

    With ``units`` (``units_with_roots()``) a page under a home costs no query. Otherwise, and for a page
    outside every home, one query: the unit whose home is one of the page's ancestors or is translated by one
    of them. So a translation (the English tree wagtail-localize builds beside the Vietnamese one, under an
    alias of the portal container) belongs to the unit whose home its tree translates.
    """
    if units is not None:
        unit = unit_for_path(page.path, units)
        if unit is not None:
            return unit
    path, steplen = page.path or "", page.steplen
    ancestors = [path[:end] for end in range(steplen, len(path) + 1, steplen)]
    if not ancestors:
        return None
    keys = Page.objects.filter(path__in=ancestors).values("translation_key")
    return (
        _with_parents()
        .filter(site__root_page__translation_key__in=keys)
        .order_by("-site__root_page__depth")
        .first()
    )


# --- Public pages --------------------------------------------------------------------------------------


def any_view_restriction(request):
    """Whether any page has a view restriction, kept per process (``sites.cache.remember``: a restriction
    saved or deleted replaces the token of everything). Most portals have none, and then no page needs
    Wagtail's queries for them."""
    return remember(request, "any-view-restriction", None, PageViewRestriction.objects.exists)


def locales(request):
    """``{id: Locale}``, kept per process (a locale saved replaces the token of everything): set a page's
    ``locale`` from it instead of joining or querying it."""
    return remember(request, "locales", None, lambda: {locale.pk: locale for locale in Locale.objects.all()})


def public(pages, request):
    """``pages.public()``, without its query for the restrictions when no page has one."""
    if request is not None and not any_view_restriction(request):
        return pages
    return pages.public()


# --- Pages under units ----------------------------------------------------------------------------------


def pages_under(units_or_paths, *, field="path"):
    """A ``Q`` matching pages (or rows whose ``field`` is a page path, e.g. ``"page__path"``) at or below the
    homes of the given units or the given tree paths; matches nothing when there are none. Any treebeard
    tree works the same way (``collections_usable_by`` uses it on collection paths).

    Prefix matches, not ``Substr(path) IN (...)``: PostgreSQL estimates a prefix from its statistics and joins
    by hash; on the substring it guessed 1 row in 50 and walked all 100,000 articles one by one (336 ms
    against 143 ms for the same counts).
    """
    condition = Q(pk__in=[])
    for item in units_or_paths:
        path = item if isinstance(item, str) else item.site.root_page.path
        condition |= Q(**{f"{field}__startswith": path})
    return condition


def home_path_length(units):
    """How many leading characters of a page's tree path name its unit's home: every unit's home sits at
    the same depth (docs/architecture.md), so reports group pages by ``Substr(path, 1, length)``."""
    lengths = {len(path) for path in home_paths(units)}
    if len(lengths) != 1:  # not how units are provisioned
        raise ValueError("unit homes must sit at the same depth of the page tree")
    return lengths.pop()


# --- The hierarchy --------------------------------------------------------------------------------------


def child_units(unit):
    """Units directly below ``unit``, in display order, with their sites loaded."""
    return unit.children.with_site().order_by("sort_order", "name")


def unit_ancestors(unit):
    """``unit``'s parent, its parent's parent ... up to the top unit, nearest first. Lazy: a parent already
    loaded costs no query (``unit_for_site`` and ``unit_for_page`` load the first one), and a caller that
    stops early reads no further."""
    parent = unit.parent if unit is not None else None
    while parent is not None:
        yield parent
        parent = parent.parent


def top_unit(unit=None):
    """The top unit, whose approvers are the editorial board: ``unit``'s last ancestor (``unit`` itself
    at the top) when given, else looked up (one query)."""
    if unit is not None:
        return ([unit, *unit_ancestors(unit)])[-1]
    return Unit.objects.with_site().filter(parent__isnull=True).first()


# --- Members and the board ------------------------------------------------------------------------------


def unit_root_paths(user, *, approvers_only=False):
    """Tree paths of the homes of the units ``user`` belongs to (as editor or approver, or approver only)."""
    units = Unit.objects.for_member(user, approvers_only=approvers_only)
    return list(units.values_list("site__root_page__path", flat=True))


def all_units():
    """Every unit with its home loaded, in the order of reports (by parent, then display order)."""
    return Unit.objects.with_site().order_by("parent_id", "sort_order", "name")


def units_for_user(user):
    """Units ``user`` may look at in admin reports (``all_units`` order): every unit for the board, else
    their own."""
    units = all_units()
    if is_board_member(user):
        return units
    return units.filter(pk__in=Unit.objects.for_member(user).values("pk"))


def board_members():
    """Active members of the editorial board (the top unit's approvers), by id."""
    top = top_unit()
    if top is None:
        return get_user_model().objects.none()
    return get_user_model().objects.filter(is_active=True, groups=top.approvers_group_id).order_by("pk")


def is_board_member(user):
    """Superuser or member of the top unit's approvers (the editorial board).

    Asked for every row of an admin page listing, so the answer is kept on the user object.
    """
    if user.is_superuser:
        return True
    if "_is_board_member" not in user.__dict__:
        top = top_unit()
        user.__dict__["_is_board_member"] = (
            top is not None and user.groups.filter(pk=top.approvers_group_id).exists()
        )
    return user.__dict__["_is_board_member"]


def approvers():
    """Active people in any unit's approvers group (the editorial board included)."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__in=Unit.objects.values("approvers_group"))
        .distinct()
    )


# --- What a user may see in the admin -------------------------------------------------------------------
# One answer for every admin view, Wagtail's own included (sites/confinement.py): the editorial board and
# superusers see everything; a unit's editors and approvers see their units' pages and files (and the files
# every unit shares).


def sees_everything(user):
    """The board and superusers: no unit boundary applies to them in the admin."""
    return user.is_authenticated and user.is_active and is_board_member(user)


def member_root_paths(user):
    """``unit_root_paths(user)``, kept on the user for the request (asked once per row of a listing)."""
    if not user.is_authenticated or not user.is_active:
        return []
    if "_unit_root_paths" not in user.__dict__:
        user.__dict__["_unit_root_paths"] = unit_root_paths(user)
    return user.__dict__["_unit_root_paths"]


def pages_visible_to(user, pages):
    """``pages`` narrowed to those ``user`` may see in the admin: all for the board, else their units'."""
    if sees_everything(user):
        return pages
    return pages.filter(pages_under(member_root_paths(user)))


def page_visible_to(user, page):
    if sees_everything(user):
        return True
    return any(page.path.startswith(root) for root in member_root_paths(user))


def page_is_above_units_of(user, page):
    """True for the tree's root and the portal container above ``user``'s units (nothing to hide there)."""
    return any(root.startswith(page.path) and root != page.path for root in member_root_paths(user))


def unit_collection_paths():
    """``{unit id: tree path of the unit's collection}``."""
    return dict(Unit.objects.values_list("pk", "collection__path"))


def collection_owner(collection, paths=None):
    """The id of the unit whose collection holds ``collection`` (or None: a shared collection)."""
    paths = unit_collection_paths() if paths is None else paths
    owners = [(len(path), unit_id) for unit_id, path in paths.items() if collection.path.startswith(path)]
    return max(owners)[1] if owners else None


def collections_usable_by(unit):
    """Collections whose files the pages of ``unit`` may use: the unit's own collection (with its
    sub-collections) and the shared ones, i.e. every collection that belongs to no unit (the board's
    "shared files" collection made by provisioning, and the portal's own)."""
    paths = unit_collection_paths()
    own = paths.get(unit.pk) if unit is not None else None
    others = [path for unit_id, path in paths.items() if unit_id != getattr(unit, "pk", None)]
    shared_or_own = ~pages_under(others)
    if own is not None:
        shared_or_own |= Q(path__startswith=own)
    return Collection.objects.filter(shared_or_own)
