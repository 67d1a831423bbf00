from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.http.request import split_domain_port
from django.template.response import TemplateResponse

from sites.selectors import find_takedown, former_hostname_target

HEALTH_PATH = "/healthz"  # portal/urls.py


class HttpResponsePermanentRedirectKeepMethod(HttpResponsePermanentRedirect):
    """308: permanent, and the client repeats the same method and body at the new address."""

    status_code = 308


def _raw_hostname(request):
    """The request's hostname without its port, read as ``HttpRequest.get_host`` reads it but without its
    ``ALLOWED_HOSTS`` check (an old hostname may have left that list): only ever compared with known names."""
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in request.META:
        host = request.META["HTTP_X_FORWARDED_HOST"]
    else:
        host = request.META.get("HTTP_HOST") or request.META.get("SERVER_NAME", "")
    domain, _port = split_domain_port(host)
    return domain.rstrip(".")


class FormerHostnameMiddleware:
    """Answer a permanent redirect, to the same path and query on the unit's current site, for any request to
    a hostname a unit used before a rename (``sites.models.FormerHostname``): 301 for GET and HEAD, 308 for
    other methods (the form is sent again to the new address).

    First in ``MIDDLEWARE``: before the page cache serves anything, before Django's security middleware asks
    for the host (an old hostname need not stay in ``ALLOWED_HOSTS``) and before Wagtail picks a site. The
    former hostnames are kept per process under the generation token of everything
    (``sites.selectors.former_hostnames``): a request costs one read of that token from the shared cache and
    no query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == HEALTH_PATH:  # the health check reports on the cache and the database
            return self.get_response(request)
        hostname = _raw_hostname(request)
        target = former_hostname_target(request, hostname) if hostname else None
        if target is None:
            return self.get_response(request)
        current, port = target
        secure = port == 443 or request.scheme == "https"
        scheme = "https" if secure else "http"
        address = current if port in (80, 443) else f"{current}:{port}"
        location = f"{scheme}://{address}{request.get_full_path()}"
        if request.method in ("GET", "HEAD"):
            return HttpResponsePermanentRedirect(location)
        return HttpResponsePermanentRedirectKeepMethod(location)


class TakeDownMiddleware:
    """Answer 410 Gone, with a notice, for the URL of a page the board has taken down.

    Runs only on 404 responses, so normal pages cost nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        takedown = find_takedown(request)
        if takedown is None:
            return response
        gone = TemplateResponse(request, "410.html", {"takedown": takedown}, status=410)
        return gone.render()
