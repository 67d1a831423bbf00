"""Reads for units."""

from django.db.models import Q

from wagtail.models import Locale, Site

from sites.models import Unit


def unit_for_site(site):
    """The unit served by ``site`` (or None), with its site and root page loaded."""
    if site is None:
        return None
    return (
        Unit.objects.select_related("site", "site__root_page", "parent__site__root_page")
        .filter(site=site)
        .first()
    )


def unit_for_request(request):
    """The unit of the site answering ``request``; cached on the request."""
    if not hasattr(request, "_portal_unit"):
        request._portal_unit = unit_for_site(Site.find_for_request(request))
    return request._portal_unit


def unit_settings_for_request(request):
    """``UnitSettings`` of the request's unit (or None); cached on the request."""
    from sites.models import UnitSettings

    if not hasattr(request, "_portal_unit_settings"):
        unit = unit_for_request(request)
        request._portal_unit_settings = UnitSettings.for_site(unit.site) if unit else None
    return request._portal_unit_settings


def child_units(unit):
    """Units directly below ``unit``, in display order, with their sites loaded."""
    return unit.children.select_related("site", "site__root_page").order_by("sort_order", "name")


def units_for_user(user):
    """Units ``user`` may look at in admin reports: every unit for the board, else their own."""
    from sites.takedown import is_board_member

    units = Unit.objects.select_related("site__root_page").order_by("parent_id", "sort_order", "name")
    if is_board_member(user):
        return units
    return units.filter(pk__in=Unit.objects.for_member(user).values("pk"))


def top_unit():
    return Unit.objects.select_related("site").filter(parent__isnull=True).first()


def unit_for_page(page):
    """The unit whose site contains ``page`` (one query over the page's ancestor paths).

    A translation (the English tree wagtail-localize builds beside the Vietnamese one) belongs to the unit of
    its source page."""
    steplen = page.steplen
    paths = [page.path[: steplen * depth] for depth in range(1, len(page.path) // steplen + 1)]
    unit = (
        Unit.objects.select_related("site", "parent")
        .filter(site__root_page__path__in=paths)
        .order_by("-site__root_page__depth")
        .first()
    )
    if unit is None and page.locale_id != Locale.get_default().pk:
        source = page.get_translation_or_none(Locale.get_default())
        if source is not None:
            return unit_for_page(source)
    return unit


def unit_root_paths(user, *, approvers_only=False):
    """Tree paths of the homes of the units ``user`` belongs to (as editor or approver)."""
    groups = user.groups.all()
    membership = Q(approvers_group__in=groups)
    if not approvers_only:
        membership |= Q(editors_group__in=groups)
    return list(Unit.objects.filter(membership).values_list("site__root_page__path", flat=True).distinct())


def within_paths(paths, *, field="path"):
    """A Q matching pages (or rows whose ``field`` is a page path) at or below any of ``paths``
    (matches nothing when empty)."""
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(**{f"{field}__startswith": path})
    return condition


# --- What a user may see in the admin -------------------------------------------------------------------
# One answer for every admin view, Wagtail's own included (sites/confinement.py): the editorial board and
# superusers see everything; a unit's editors and approvers see their units' pages and files (and the files
# every unit shares).


def sees_everything(user):
    """The board and superusers: no unit boundary applies to them in the admin."""
    from sites.takedown import is_board_member

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
    return pages.filter(within_paths(member_root_paths(user)))


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
    from wagtail.models import Collection

    paths = unit_collection_paths()
    own = paths.get(unit.pk) if unit is not None else None
    others = [path for unit_id, path in paths.items() if unit_id != getattr(unit, "pk", None)]
    shared_or_own = ~within_paths(others)
    if own is not None:
        shared_or_own |= Q(path__startswith=own)
    return Collection.objects.filter(shared_or_own)
