"""The application page cache: what an anonymous visitor gets, served from the shared cache.

``PageCacheMiddleware`` sits right after Django's security middleware (and WhiteNoise), so a hit costs one
round trip to the cache (the generation tokens and the page together) and no session, database or template.

A request is *eligible* when it is a GET or HEAD, carries no session, messages or authorisation (nothing
personal can be in the answer), and is not for the admin, files, search or health paths
(``PORTAL_PAGE_CACHE_SKIP``). Its key: scheme, host, path and the query string as the view reads it (names
sorted). An entry records the generation tokens of everything and of the host's unit (``sites.cache``) read
before its view ran, and is good only while they are still the current ones.

An answer is *stored* only when nothing in it is personal or single-use: status 200, 301, 404 or 410; no
cookie set; no CSRF token used (a form on the page); no CSP nonce used (it would be replayed); no ``private``
or ``no-store`` from the view; not marked ``per_visitor`` (a keyword search counted by the rate limit). It
is kept ``PORTAL_PAGE_CACHE_SECONDS`` at most, and never past the next local midnight (dates shown as
"today") nor past the next start or end of an alert banner.

Headers: a stored or cached answer has ``ETag``, ``Last-Modified`` and ``Cache-Control: public, max-age=0,
must-revalidate`` (a browser asks again and gets a 304 when nothing changed) plus ``X-Accel-Expires``, the
front cache's short life (``PORTAL_FRONT_CACHE_SECONDS``; nginx reads it and does not pass it on). Anything
else a visitor gets on a public path is marked ``private, no-store``. ``X-Page-Cache`` says hit, miss or
bypass.
"""

import hashlib
import math
import re
import time
from datetime import datetime, timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from sites import cache as generations

CACHEABLE_STATUS = {200, 301, 404, 410}
_SKIP_HEADERS = {"set-cookie", "x-page-cache", "date"}


def enabled():
    return settings.PORTAL_PAGE_CACHE_SECONDS > 0


_skip_pattern = None


def _skip(path):
    global _skip_pattern
    if _skip_pattern is None or _skip_pattern[0] != settings.PORTAL_PAGE_CACHE_SKIP:
        _skip_pattern = (settings.PORTAL_PAGE_CACHE_SKIP, re.compile(settings.PORTAL_PAGE_CACHE_SKIP))
    return _skip_pattern[1].match(path) is not None


def public_path(request):
    return not _skip(request.path_info)


def eligible(request):
    """May this request be answered from the cache (and its answer stored)?"""
    if not enabled() or request.method not in ("GET", "HEAD") or not public_path(request):
        return False
    cookies = request.COOKIES
    if (
        settings.SESSION_COOKIE_NAME in cookies
        or getattr(settings, "MESSAGE_COOKIE_NAME", "messages") in cookies
    ):
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def normalised_query(request):
    """The query as the view reads it (``request.GET``, Django's own decoding): names sorted, the values of a
    repeated name kept in their order (``request.GET[name]`` is the last one)."""
    query = request.GET
    return urlencode([(name, value) for name in sorted(query) for value in query.getlist(name)])


# --- Which unit a host serves (kept per process, rebuilt when units or sites change) ----------------------

_hosts = {"token": None, "units": {}}
_HOSTS_MAX = 2048


def unit_id_for_host(request, everything_token):
    from wagtail.models import Site

    from sites.models import Unit

    if _hosts["token"] != everything_token:
        _hosts["token"], _hosts["units"] = everything_token, {}
    host = request.get_host().lower()
    if host not in _hosts["units"]:
        site = Site.find_for_request(request)
        unit_id = Unit.objects.filter(site=site).values_list("pk", flat=True).first() if site else None
        if len(_hosts["units"]) >= _HOSTS_MAX:
            _hosts["units"].clear()
        _hosts["units"][host] = unit_id
    return _hosts["units"][host]


def forget_hosts():
    """Empty this process's host map (tests)."""
    _hosts["token"], _hosts["units"] = None, {}


def _key(request):
    # the scheme too: pages carry absolute URLs built from the request (hreflang), as nginx's key does
    where = f"{request.scheme}|{request.get_host().lower()}|{request.path}|{normalised_query(request)}"
    digest = hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()[:40]
    return f"pc:page:{settings.PORTAL_PAGE_CACHE_VERSION}:{digest}"


# --- How long an answer may be kept ----------------------------------------------------------------------


def _next_midnight(now):
    local = timezone.localtime(now)
    tomorrow = datetime.combine(local.date() + timedelta(days=1), datetime.min.time())
    return timezone.make_aware(tomorrow, local.tzinfo).timestamp()


def _alert_changes(since):
    from sites.models import AlertBanner

    rows = AlertBanner.objects.filter(ends_at__gt=since).values_list("starts_at", "ends_at")
    return sorted({moment.timestamp() for row in rows for moment in row if moment > since})


def _next_alert_change(everything_token, now):
    """The first time after ``now`` an alert banner starts or ends (a Unix time). Every such time from an hour
    before it was read is kept per generation: a request that started before another one read them still
    gets the change that falls while it is built."""
    key = f"pc:alerts:{everything_token}"
    kept = cache.get(key)
    if not isinstance(kept, tuple) or kept[0] > now.timestamp():
        since = now - timedelta(hours=1)
        kept = (since.timestamp(), _alert_changes(since))
        cache.set(key, kept, 24 * 3600)
    return next((moment for moment in kept[1] if moment > now.timestamp()), math.inf)


def valid_until(everything_token, now=None):
    now = now or timezone.now()
    return min(
        now.timestamp() + settings.PORTAL_PAGE_CACHE_SECONDS,
        _next_midnight(now),
        _next_alert_change(everything_token, now),
    )


# --- The middleware -----------------------------------------------------------------------------------------


def _drop_accept_language(response):
    """LocaleMiddleware says ``Vary: Accept-Language`` on every path without a language prefix, but with
    ``prefix_default_language=False`` such a path is always Vietnamese: the header would only make a front
    cache keep one copy per browser language."""
    if "Vary" in response:
        kept = [v.strip() for v in response["Vary"].split(",") if v.strip().lower() != "accept-language"]
        if kept:
            response["Vary"] = ", ".join(kept)
        else:
            del response["Vary"]


def _public_headers(response, etag, last_modified):
    _drop_accept_language(response)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = "public, max-age=0, must-revalidate"
    if settings.PORTAL_FRONT_CACHE_SECONDS > 0:
        response["X-Accel-Expires"] = str(settings.PORTAL_FRONT_CACHE_SECONDS)


def _never_cache(response):
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True, no_cache=True, no_store=True, max_age=0)
    response.headers.pop("X-Accel-Expires", None)


def per_visitor(request):
    """Mark this request's answer as depending on who asks (a rate limit counted it, say): never stored."""
    request._page_cache_per_visitor = True


def _storable(request, response):
    if getattr(request, "_page_cache_per_visitor", False):
        return False
    if response.status_code not in CACHEABLE_STATUS or response.streaming or response.cookies:
        return False
    # get_token() was called (a form on the page): CsrfViewMiddleware sets the flag back to False once it
    # has set the cookie, but leaves it there
    if "CSRF_COOKIE_NEEDS_UPDATE" in request.META:
        return False
    if isinstance(getattr(request, "_csp_nonce", None), str):
        return False
    user = getattr(request, "user", None)
    if user is not None and getattr(user, "is_authenticated", False):
        return False
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in ("private", "no-store", "no-cache"))


def _from_entry(request, entry):
    status, headers, content, etag, last_modified = entry[:5]
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    conditional = get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)
    return conditional


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not eligible(request):
            response = self.get_response(request)
            if enabled() and public_path(request):
                _never_cache(response)
                response["X-Page-Cache"] = "bypass"
            return response

        # one round trip: the generation tokens and the entry, which is good only if stored under those tokens
        key = _key(request)
        unit_id = unit_id_for_host(request, _hosts["token"])
        everything, unit_token, found = generations.read(unit_id, also=[key])
        if _hosts["token"] != everything:  # units or sites changed meanwhile: look the host up again
            unit_id = unit_id_for_host(request, everything)
            everything, unit_token, found = generations.read(unit_id, also=[key])
        if not (everything and unit_token):  # the cache answers only in part: no page from it, none into it
            response = self.get_response(request)
            _never_cache(response)
            response["X-Page-Cache"] = "bypass"
            return response
        request._cache_tokens = {unit_id: (everything, unit_token)}

        entry = found[key]
        if entry is not None and entry[6:8] == (everything, unit_token) and entry[5] > time.time():
            response = _from_entry(request, entry)
            response["X-Page-Cache"] = "hit"
            return response

        # What the view shows is the state as of now: the answer may not outlive a banner's start or end, nor
        # a midnight, that passes while it is being built.
        started = timezone.now()
        response = self.get_response(request)
        if not _storable(request, response):
            _never_cache(response)
            response["X-Page-Cache"] = "bypass"
            return response

        now = timezone.now()
        until = valid_until(everything, started)
        content = response.content
        etag = '"%s"' % hashlib.md5(content, usedforsecurity=False).hexdigest()  # noqa: UP031
        last_modified = math.floor(now.timestamp())
        _public_headers(response, etag, last_modified)
        headers = [(name, value) for name, value in response.items() if name.lower() not in _SKIP_HEADERS]
        seconds = math.floor(until - now.timestamp())
        if seconds >= 1:
            entry = (
                response.status_code,
                headers,
                content,
                etag,
                last_modified,
                until,
                everything,
                unit_token,
            )
            cache.set(key, entry, seconds)
        response = get_conditional_response(
            request, etag=etag, last_modified=last_modified, response=response
        )
        response["X-Page-Cache"] = "miss"
        return response
