"""Per-visitor limits shared by the public views."""

from django.conf import settings

from django_ratelimit.core import is_ratelimited

from sites import page_cache


def keyword_search_limited(request):
    """Whether this client has run the word matcher too often: the keyword boxes of the listings (documents,
    procedures) share the public search's budget (``PORTAL_SEARCH_RATE`` per client address)."""
    page_cache.per_visitor(request)  # counted per visitor: the answer is never the page cache's
    return is_ratelimited(
        request, group="portal-search", key="ip", rate=settings.PORTAL_SEARCH_RATE, increment=True
    )
