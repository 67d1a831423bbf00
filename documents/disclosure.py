"""What the document library discloses, per disclosure category, for the access-to-information page.

Each ``Disclosure`` category is one item of the list of information disclosed proactively (Luật Tiếp cận
thông tin 2016, Art. 17; Nghị định 13/2018/NĐ-CP, Art. 11): where (the unit's /van-ban/ filtered by the
category), when (its latest publication) and how many. Registered under ``home.registry.DISCLOSURE_HOOK``.
"""

from datetime import date, datetime
from typing import NamedTuple

from django.db.models import Count, F, Max, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext_lazy as _

from documents.legal import Disclosure, LegalDocument
from documents.selectors import children_of
from home.registry import DisclosureItem
from sites.cache import remember
from sites.selectors import public

# The query parameter of the /van-ban/ listing that filters by category (documents.selectors.read_filters).
CATEGORY_PARAMETER = "danh-muc"

LAW = _("Law on Access to Information 2016, Art. 17, clause 1, point %(point)s")

# The point of Art. 17, clause 1 that asks for each category (as numbered in the codified text: a, b, c, d,
# đ, e, g, h, i, k, l, m, n, o, p), and its place in the list. Inspection conclusions: point i names those on
# the environment, public health, food and labour safety; the others are disclosed under the Law on
# Inspection (point p, "other information the law requires"), as are the anti-corruption and administrative
# reform disclosures.
LEGAL_BASIS = {
    Disclosure.DIRECTION: ("a", 11),
    Disclosure.PROCEDURES: ("a", 12),
    Disclosure.DRAFT: ("c", 13),
    Disclosure.PLANNING: ("d", 14),
    Disclosure.BUDGET: ("đ", 15),
    Disclosure.FUNDS: ("e", 16),
    Disclosure.PROCUREMENT: ("g", 17),
    Disclosure.LAND: ("g", 18),
    Disclosure.INSPECTION: ("i", 19),
    Disclosure.REPORTS: ("l", 20),
    Disclosure.RECRUITMENT: ("l", 21),
    Disclosure.APPOINTMENT: ("l", 22),
    Disclosure.FEES: ("o", 23),
    Disclosure.ADMIN_REFORM: ("p", 24),
    Disclosure.ANTI_CORRUPTION: ("p", 25),
}


def legal_basis(category):
    point, _order = LEGAL_BASIS[category]
    return LAW % {"point": point}


LATEST_PER_CATEGORY = 5


class ListedDocument(NamedTuple):
    """A row of the list of information disclosed (Nghị định 13/2018/NĐ-CP, Art. 6(3)): name, number and
    symbol, date it was created (issued), date it was published, and where to read or download it."""

    number: str
    title: str
    issued_on: date
    published: datetime
    url: str | None


def counts_per_category(index_pages, request=None):
    """``{category: (count, latest first publication)}`` of the live documents directly under
    ``index_pages``: one query for every category."""
    rows = (
        public(LegalDocument.objects.live(), request)
        .filter(children_of(index_pages))
        .order_by()
        .values("disclosure")
        .annotate(n=Count("pk"), last=Max("first_published_at"))
    )
    return {row["disclosure"]: (row["n"], row["last"]) for row in rows}


def latest_per_category(index_pages, request=None, *, limit=LATEST_PER_CATEGORY):
    """``{category: [(number, title, issued_on, first_published_at, url_path)]}``: the ``limit`` latest live
    documents of each category directly under ``index_pages``, newest first, in one query."""
    rank = Window(
        RowNumber(), partition_by=F("disclosure"), order_by=(F("first_published_at").desc(), F("pk").desc())
    )
    rows = (
        public(LegalDocument.objects.live(), request)
        .filter(children_of(index_pages))
        .annotate(rank=rank)
        .filter(rank__lte=limit)
        .order_by("disclosure", "rank")
        .values_list("disclosure", "number", "title", "issued_on", "first_published_at", "url_path")
    )
    result = {}
    for disclosure, *row in rows:
        result.setdefault(disclosure, []).append(tuple(row))
    return result


def _library(unit, request):
    """(url_path of the unit's library, counts per category, latest per category): three queries, kept per
    process under the unit's token (a publication in the unit replaces it)."""
    from documents.models import DocumentIndexPage  # documents.models imports documents.access → this module

    def build():
        index = DocumentIndexPage.objects.child_of(unit.site.root_page).live().first()
        if index is None:
            return None, {}, {}
        return index.url_path, counts_per_category([index], request), latest_per_category([index], request)

    if request is None:
        return build()
    return remember(request, "access-documents", unit.pk, build)


def document_disclosure_items(*, unit, request):
    """One ``DisclosureItem`` per ``Disclosure`` category for ``unit``'s own document library (empty ones
    included: the access page lists them apart)."""
    index_path, counts, _latest = _library(unit, request)
    index_url = _relative_url(unit, index_path)
    items = []
    for category in Disclosure:
        count, last = counts.get(category.value, (0, None))
        items.append(
            DisclosureItem(
                key=f"documents:{category.value}",
                title=category.label,
                legal_basis=legal_basis(category),
                url=f"{index_url}?{CATEGORY_PARAMETER}={category.value}" if index_url else None,
                count=count,
                last_published=last,
                order=LEGAL_BASIS[category][1],
            )
        )
    return items


def latest_documents(unit, request):
    """``{item key: [ListedDocument]}``: the latest documents of each category of ``unit``, for the list of
    information disclosed (no query beyond ``document_disclosure_items``')."""
    _index_path, _counts, latest = _library(unit, request)
    return {
        f"documents:{category}": [
            ListedDocument(number, title, issued_on, published, _relative_url(unit, url_path))
            for number, title, issued_on, published, url_path in rows
        ]
        for category, rows in latest.items()
    }


def _relative_url(unit, url_path):
    """The site-relative address of a page of ``unit`` from its ``url_path`` (no query: the unit's home is
    loaded)."""
    if url_path is None:
        return None
    home_path = unit.site.root_page.url_path
    return "/" + url_path[len(home_path) :] if url_path.startswith(home_path) else None
