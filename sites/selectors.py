"""Reads for units."""

from wagtail.models import Site

from sites.models import Unit


def unit_for_site(site):
    """The unit served by ``site`` (or None), with its site and root page loaded."""
    if site is None:
        return None
    return Unit.objects.select_related("site", "site__root_page", "parent__site").filter(site=site).first()


def unit_for_root_page(page):
    """The unit whose site starts at ``page`` (or None)."""
    return Unit.objects.select_related("site", "parent__site").filter(site__root_page_id=page.pk).first()


def unit_for_request(request):
    """The unit of the site answering ``request``; cached on the request."""
    if not hasattr(request, "_portal_unit"):
        request._portal_unit = unit_for_site(Site.find_for_request(request))
    return request._portal_unit


def child_units(unit):
    """Units directly below ``unit``, in display order, with their sites loaded."""
    return unit.children.select_related("site", "site__root_page").order_by("sort_order", "name")


def top_unit():
    return Unit.objects.select_related("site").filter(parent__isnull=True).first()
