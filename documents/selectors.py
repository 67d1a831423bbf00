"""The public document listing: filters from the query string, never trusted."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.legal import Disclosure as DisclosureChoices
from documents.legal import DocumentType, Field, LegalDocument, Status
from home.dates import parse_year
from home.registry import filter_pages_by_words
from home.text import clean_query
from sites.selectors import pages_under, public, unit_for_path

MAX_QUERY = 200
# Days after the comments close within which the outcome of a consultation is published, when the setting
# PORTAL_CONSULTATION_OUTCOME_DAYS is not given. No text sets this deadline (Luật Tiếp cận thông tin 2016,
# Art. 17(1)(c) asks for the outcome to be disclosed, Art. 18(4) within 5 working days of the report being
# made; nothing found on how soon the report must follow the comments): a portal rule, not the law's.
DEFAULT_OUTCOME_DAYS = 30


@dataclass
class Filters:
    values: dict = field(default_factory=dict)
    notices: list = field(default_factory=list)


def status_q(status, today=None):
    today = today or timezone.localdate()
    if status == Status.PENDING:
        return Q(effective_from__gt=today)
    if status == Status.EXPIRED:
        return Q(effective_until__lte=today)
    return (Q(effective_from__isnull=True) | Q(effective_from__lte=today)) & (
        Q(effective_until__isnull=True) | Q(effective_until__gt=today)
    )


def read_filters(params):
    """Valid filters from ``params``; anything else is ignored with a notice."""
    result = Filters()
    choices = {
        "loai": DocumentType.values,
        "linh-vuc": Field.values,
        "danh-muc": DisclosureChoices.values,
        "tinh-trang": Status.values,
    }
    for key, allowed in choices.items():
        value = params.get(key, "")
        if value:
            if value in allowed:
                result.values[key] = value
            else:
                result.notices.append(_("Unknown filter value ignored: %(value)s") % {"value": value[:40]})
    year = params.get("nam", "")
    if year:
        if parse_year(year, first_year=1945):
            result.values["nam"] = int(year)
        else:
            result.notices.append(_("Unknown year ignored: %(value)s") % {"value": year[:10]})
    body = clean_query(params.get("co-quan"), 255)
    if body:
        result.values["co-quan"] = body
    query = clean_query(params.get("q"), MAX_QUERY)
    if query:
        result.values["q"] = query
    return result


def children_of(index_pages):
    """A Q for the pages directly under any of ``index_pages`` (matches nothing when empty)."""
    condition = Q(pk__in=[])
    for index in index_pages:
        condition |= Q(path__startswith=index.path, depth=index.depth + 1)
    return condition


def documents_for(index_pages, filters, request=None):
    """Live documents below ``index_pages``, filtered, newest issue date first (with the ``request``:
    without the query for view restrictions when no page has one, ``sites.selectors.public``)."""
    qs = public(LegalDocument.objects.live(), request).filter(children_of(index_pages))
    v = filters.values
    if "loai" in v:
        qs = qs.filter(doc_type=v["loai"])
    if "linh-vuc" in v:
        qs = qs.filter(field=v["linh-vuc"])
    if "danh-muc" in v:
        qs = qs.filter(disclosure=v["danh-muc"])
    if "tinh-trang" in v:
        qs = qs.filter(status_q(v["tinh-trang"]))
    if "nam" in v:
        qs = qs.filter(issued_on__year=v["nam"])
    if "co-quan" in v:
        qs = qs.filter(issuing_body__iexact=v["co-quan"])
    if "q" in v:
        # The public search's matching: without diacritics, numbers whole or in parts.
        qs = filter_pages_by_words(qs, v["q"])
    return qs.order_by("-issued_on", "-pk")


def issuing_bodies(index_pages):
    return list(
        LegalDocument.objects.live()
        .filter(children_of(index_pages))
        .order_by("issuing_body")
        .values_list("issuing_body", flat=True)
        .distinct()[:200]
    )


def outcome_days():
    """How many days after a consultation closes its outcome is due (``PORTAL_CONSULTATION_OUTCOME_DAYS``)."""
    return int(getattr(settings, "PORTAL_CONSULTATION_OUTCOME_DAYS", DEFAULT_OUTCOME_DAYS))


def overdue_outcomes(units, *, today=None, days=None):
    """Live drafts for public comment of ``units`` whose comments closed more than ``days`` days ago
    (``outcome_days()`` by default) without a published outcome, longest overdue first, each with ``unit``
    and ``days_overdue`` set. One query (plus none for the units: their homes are loaded)."""
    if not units:
        return []
    today = today or timezone.localdate()
    days = outcome_days() if days is None else days
    drafts = (
        LegalDocument.objects.live()
        .filter(pages_under(units), disclosure=DisclosureChoices.DRAFT)
        .filter(comment_closes__lt=today - timedelta(days=days))
        .filter(Q(outcome_report__isnull=True) | Q(outcome_published_on__isnull=True))
        .defer("full_text")
        .order_by("comment_closes", "pk")
    )
    result = []
    for draft in drafts:
        draft.unit = unit_for_path(draft.path, units)
        draft.due_on = draft.comment_closes + timedelta(days=days)
        draft.days_overdue = (today - draft.due_on).days
        result.append(draft)
    return result
