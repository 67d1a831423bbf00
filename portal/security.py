"""Response headers every page carries, and requests refused before any view sees them.

``SecurityHeadersMiddleware``: django-csp's middleware (``CONTENT_SECURITY_POLICY``: the strict public policy,
with a nonce for our few inline scripts and styles) that gives the admin its own, looser policy
(``PORTAL_ADMIN_CONTENT_SECURITY_POLICY``: Wagtail's widgets use inline scripts and style attributes), and
adds ``Permissions-Policy``.

``MalformedRequestMiddleware``: a NUL character in the path or the query string reaches no view. PostgreSQL
refuses NUL in text, so any lookup with one (a take-down by path, a category by slug, an admin filter) would
fail with a 500; a path with NUL is no page (404), a query string with NUL is a bad request (400).
"""

from django.conf import settings
from django.http import Http404
from django.template.response import TemplateResponse

from csp.middleware import CSPMiddleware

ADMIN_PREFIX = "/admin/"  # portal/urls.py


class SecurityHeadersMiddleware(CSPMiddleware):
    """Content-Security-Policy (public or admin) and Permissions-Policy on every response."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        # A view's own policy (django-csp's decorators) wins; else the admin has its own.
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIX):
            parts.config = settings.PORTAL_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if settings.PERMISSIONS_POLICY and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = settings.PERMISSIONS_POLICY
        return response


def _has_nul(request):
    if "\x00" in request.path:
        return "path"
    for key, values in request.GET.lists():
        if "\x00" in key or any("\x00" in value for value in values):
            return "query"
    return None


class MalformedRequestMiddleware:
    """404 for a NUL in the path, 400 (a short notice in the visitor's language) for a NUL in the query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        where = _has_nul(request)
        if where == "path":
            raise Http404
        if where == "query":
            return TemplateResponse(request, "400.html", status=400).render()
        return self.get_response(request)
