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
