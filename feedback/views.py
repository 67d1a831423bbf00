"""The public side of "Thông tin có hữu ích không?": the form under every page posts here.

The form sits on every public page, which the anonymous page cache keeps (sites/page_cache.py): it must not
use the CSRF token (nor set a cookie, nor a CSP nonce), or no page would be cached any more. So this view is
exempt from CSRF, which is safe here: the visitor is anonymous, there is no session and nothing is done on a
user's behalf (a forged post could only add one more anonymous answer, which anyone can do anyway). Abuse is
held by a rate limit per client address (``PORTAL_FEEDBACK_RATE``), a honeypot field, and the page id, which
must name a live page without a view restriction that belongs to a unit.
"""

import re

from django.conf import settings
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from wagtail.models import Page

from django_ratelimit.core import get_usage

from feedback.models import COMMENT_MAX_LENGTH
from feedback.services import record_rating
from sites.client_ip import client_ip
from sites.limits import rate_period, retry_after  # noqa: F401  (rate_period: tests read it here)
from sites.selectors import unit_for_page

CHOICES = {"co": True, "khong": False}
HONEYPOT = "website"
MAX_PAGE_ID = 2**31 - 1
# Control characters a browser never sends in a textarea (PostgreSQL refuses NUL in text).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _page_id(value):
    value = (value or "").strip()
    if not value.isascii() or not value.isdigit() or len(value) > 10:
        return None
    number = int(value)
    return number if 0 < number <= MAX_PAGE_ID else None


def rateable_page(value):
    """The live, public page (of a unit) named by ``value`` (a page id as typed in a URL or a form),
    with its unit; ``(None, None)`` for anything else."""
    page_id = _page_id(value)
    if page_id is None:
        return None, None
    page = Page.objects.filter(pk=page_id, live=True).first()
    if page is None or page.depth < 2 or page.get_view_restrictions().exists():
        return None, None
    unit = unit_for_page(page)
    if unit is None:  # the tree's root, the portal container: no unit's page
        return None, None
    return page, unit


def _comment(value):
    # a browser counts a line break as one character of ``maxlength`` but sends it as CR LF
    return _CONTROL.sub("", (value or "").replace("\r\n", "\n").replace("\r", "\n")).strip()


def _retry_after(usage):
    """Seconds until the window that held the visitor back ends, at most the rate's period."""
    return retry_after(usage, settings.PORTAL_FEEDBACK_RATE)


def _message(request, *, status, title, error=None, page=None, comment="", choice=""):
    context = {
        "feedback_title": title,
        "feedback_error": error,
        "feedback_target": page,
        "feedback_target_url": page.get_url(request) if page is not None else None,
        "feedback_comment": comment,
        "feedback_choice": choice,
        "feedback_comment_max": COMMENT_MAX_LENGTH,
    }
    response = TemplateResponse(request, "feedback/message.html", context, status=status)
    if status == 405:
        response["Allow"] = "POST"
    return response


def _thanks(page_id):
    return HttpResponseRedirect(
        f"{reverse('page_feedback_thanks')}?{urlencode({'trang': page_id})}", status=303
    )


@never_cache
@csrf_exempt  # see the module's docstring: anonymous, no session, no action on anyone's behalf
def rate(request):
    """Record a yes/no (and an optional comment) about a page, then 303 to the thanks; or a page that says
    what went wrong, with the form again and what was typed."""
    if request.method != "POST":
        return _message(
            request,
            status=405,
            title=gettext("Rate a page"),
            error=gettext("Use the form “Was this information useful?” at the bottom of a page."),
        )
    data = request.POST
    comment = _comment(data.get("y-kien"))
    choice = data.get("huu-ich", "")
    page, unit = rateable_page(data.get("trang"))
    keep = {"comment": comment[:5000], "choice": choice if choice in CHOICES else ""}

    usage = get_usage(
        request, group="page-feedback", key="ip", rate=settings.PORTAL_FEEDBACK_RATE, increment=True
    )
    if usage is not None and usage["should_limit"]:
        response = _message(
            request,
            status=429,
            title=gettext("Too many answers"),
            error=gettext(
                "Too many answers were sent from your connection in a short time. Please try again later; "
                "your comment is kept below."
            ),
            page=page,
            **keep,
        )
        response["Retry-After"] = _retry_after(usage)
        return response
    if data.get(HONEYPOT):
        # a robot filled the field people never see: it is told "thank you" and nothing is kept
        return _thanks(page.pk if page is not None else "")
    if page is None:
        return _message(
            request,
            status=404,
            title=gettext("Page not found"),
            error=gettext(
                "The page you rated does not exist or is no longer published. Nothing was recorded."
            ),
        )
    if choice not in CHOICES:
        return _message(
            request,
            status=400,
            title=gettext("Was this information useful?"),
            error=gettext("Please choose “Yes” or “No”."),
            page=page,
            **keep,
        )
    if len(comment) > COMMENT_MAX_LENGTH:
        return _message(
            request,
            status=400,
            title=gettext("Was this information useful?"),
            error=gettext(
                "The comment is %(length)d characters long; at most %(max)d are allowed. Please shorten it."
            )
            % {"length": len(comment), "max": COMMENT_MAX_LENGTH},
            page=page,
            **keep,
        )
    record_rating(page=page, unit=unit, useful=CHOICES[choice], comment=comment, address=client_ip(request))
    return _thanks(page.pk)


@never_cache
def thanks(request):
    """The thanks after a rating, with a link back to the page rated (``?trang=<page id>``)."""
    page, _unit = rateable_page(request.GET.get("trang"))
    return _message(request, status=200, title=gettext("Thank you for your answer"), page=page)
