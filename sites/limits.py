"""Per-visitor limits shared by the public views."""

import re

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


_PERIOD = re.compile(r"\d+/(\d*)([smhdSMHD]?)")  # read as django_ratelimit reads a rate
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def rate_period(rate):
    """The seconds of the window of a django_ratelimit rate such as "10/h", "5/30m" or "3/20" (seconds);
    None when ``rate`` is not one."""
    match = _PERIOD.match(rate) if isinstance(rate, str) else None
    if match is None:
        return None
    return int(match.group(1) or 1) * _SECONDS[(match.group(2) or "s").lower()]


def retry_after(usage, rate):
    """The Retry-After value: seconds until the window that held the visitor back ends (django_ratelimit's
    ``time_left``), at most ``rate``'s period; the whole period if the limiter could not say."""
    period = rate_period(rate) or 3600
    left = (usage or {}).get("time_left", -1)
    return str(min(left, period) if left > 0 else period)
