"""Requests to a merged unit's hostname go where its content went (issue #21).

A merged unit keeps its Site (hostname) with its home unpublished, and each moved page's old path has a
Wagtail redirect on that site. This middleware answers every public request to such a host with a permanent
redirect: the redirect of the longest path the request starts with, the rest of the path and the query kept
(a feed ``/tin-tuc/rss/``, a filter ``/van-ban/...``, a listing's ``?page=2``, a moved article itself), else
the home of the unit it was merged into. The admin, file downloads and the health check are left alone.

Why before the view and not on its 404: a site whose unit is dissolved has no unit for the public templates,
so its 404 page (rendered before any middleware sees the response) would itself fail.

Cost for every other request: none beyond the request's unit, which every public view reads anyway (kept on
the request); only a host without a unit in service looks up the merged units' hostnames (kept per process
under the page cache's tokens). The admin, downloads and cached pages never reach it. Place it after
``portal.security.MalformedRequestMiddleware`` (last in ``MIDDLEWARE`` is fine).
"""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponsePermanentRedirect
from django.http.request import split_domain_port
from django.urls import reverse

from wagtail.contrib.redirects.models import Redirect

from restructuring.redirects import path_prefixes
from sites.cache import remember
from sites.models import Unit
from sites.selectors import unit_for_request


def _dissolved_hosts():
    """``{hostname: (site id, the home URL of the unit it was merged into)}`` for every merged unit's site
    (following merges of merges to the unit in service)."""
    units = {unit.pk: unit for unit in Unit.all_objects.select_related("site__root_page")}
    result = {}
    for unit in units.values():
        if unit.dissolved_at is None:
            continue
        target, seen = unit, set()
        while target.merged_into_id and target.pk not in seen:
            seen.add(target.pk)
            target = units.get(target.merged_into_id, target)
        if target.dissolved_at is None:
            result[unit.site.hostname] = (unit.site_id, target.site.root_url.rstrip("/") + "/")
    return result


def dissolved_site(request):
    """``(site id, fallback URL)`` when ``request`` is for a merged unit's hostname, else None."""
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    hostname, _port = split_domain_port(host)
    return remember(request, "dissolved-hosts", None, _dissolved_hosts).get(hostname)


def _exempt(path):
    prefixes = (
        reverse("wagtailadmin_home"),
        "/documents/",
        "/healthz",
        settings.STATIC_URL,
        settings.MEDIA_URL,
    )
    return any(prefix and path.startswith(prefix) for prefix in prefixes)


def new_location(request, site_id, home_url):
    """Where a request to a merged unit's site goes: the longest redirected path it starts with (rest of the
    path and the query kept), else ``home_url``."""
    path = request.path
    query = request.META.get("QUERY_STRING", "")
    prefixes = path_prefixes(path)
    redirects = {
        redirect.old_path: redirect
        for redirect in Redirect.objects.filter(site_id=site_id, old_path__in=prefixes).select_related(
            "redirect_page"
        )
    }
    for prefix in prefixes:
        redirect = redirects.get(prefix)
        if redirect is None:
            continue
        link = redirect.link
        if not link:
            continue
        if prefix == "/":
            return link  # the home: a sub-path of the old home is no address on the new one
        rest = path[len(prefix) :].lstrip("/")
        if rest:
            link = link.rstrip("/") + "/" + rest
        return link + ("?" + query if query else "")
    return home_url


class DissolvedSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # the request's unit is looked up once per request and kept on it: the public views read it anyway
        if not _exempt(request.path) and unit_for_request(request) is None:
            found = dissolved_site(request)
            if found is not None:
                return HttpResponsePermanentRedirect(new_location(request, *found))
        return self.get_response(request)
