"""Reads of the public search index."""

import datetime
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When

from wagtail.models import PageViewRestriction

from home.dates import day_bounds
from home.text import parse_query
from search.models import SearchEntry
from search.services import SEARCH_CONFIG

RELEVANCE = "relevance"
NEWEST = "newest"


@dataclass
class SearchScope:
    """Where to search: the units (None: all), the kinds (empty: all) and an inclusive date range."""

    unit_ids: list | None = None
    kinds: tuple = ()
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    locale_id: int | None = None


def _lexeme(word, prefix=False, weights=""):
    # Words come from home.text.tokens(): letters and digits only, nothing tsquery would parse.
    return f"'{word}'" + (f":*{weights}" if prefix else (f":{weights}" if weights else ""))


def tsquery_text(parsed, *, prefix_last=False, weights=""):
    """A to_tsquery() string: every term and every phrase (words at consecutive positions)."""
    parts = [_lexeme(term, weights=weights) for term in parsed.terms]
    parts += [" <-> ".join(_lexeme(word, weights=weights) for word in phrase) for phrase in parsed.phrases]
    if prefix_last and parts:
        last = parsed.phrases[-1][-1] if parsed.phrases else parsed.terms[-1]
        head, _sep, _tail = parts[-1].rpartition(_lexeme(last, weights=weights))
        parts[-1] = head + _lexeme(last, prefix=True, weights=weights)
    return " & ".join(f"({part})" for part in parts)


def _like_conditions(parsed, field, *, prefix_last=False):
    """The same matching on SQLite: whole folded words inside the space-padded text."""
    needles = [f" {term} " for term in parsed.terms] + [f" {' '.join(phrase)} " for phrase in parsed.phrases]
    if prefix_last and needles:
        needles[-1] = needles[-1].rstrip()
    condition = Q()
    for needle in needles:
        condition &= Q(**{f"{field}__contains": needle})
    return condition, needles


def _visible(scope):
    entries = SearchEntry.objects.all()
    if scope.locale_id is not None:
        entries = entries.filter(locale_id=scope.locale_id)
    if scope.unit_ids is not None:
        entries = entries.filter(unit_id__in=scope.unit_ids)
    if scope.kinds:
        entries = entries.filter(kind__in=scope.kinds)
    begin, after = day_bounds(scope.date_from, scope.date_to)
    if begin:
        entries = entries.filter(date__gte=begin)
    if after:
        entries = entries.filter(date__lt=after)
    # Pages behind a view restriction (password, login, groups), also one added after indexing.
    for path in PageViewRestriction.objects.values_list("page__path", flat=True):
        entries = entries.exclude(path__startswith=path)
    return entries


def _matching(entries, parsed):
    """(``entries`` matching every part of ``parsed``, the tsquery on PostgreSQL or the needles on SQLite)."""
    if connection.vendor == "postgresql":
        query = SearchQuery(tsquery_text(parsed), search_type="raw", config=SEARCH_CONFIG)
        return entries.filter(search_vector=query), query
    condition, needles = _like_conditions(parsed, "folded")
    return entries.filter(condition), needles


class Window:
    """A search's result window (ids in result order) as a sequence the paginator can count and slice; a
    slice costs one query for the entries it shows."""

    def __init__(self, ids, more):
        self.ids, self.more = ids, more

    def __len__(self):
        return len(self.ids)

    def __iter__(self):
        return iter(self[:])

    def __getitem__(self, key):
        if isinstance(key, int):
            return self[key : key + 1][0] if 0 <= key < len(self.ids) else self.ids[key]
        ids = self.ids[key]
        if not ids:
            return []
        entries = (
            SearchEntry.objects.select_related("unit", "page")
            .defer("folded", "folded_title", "search_vector", "rank_vector")
            .in_bulk(ids)
        )
        return [entries[pk] for pk in ids if pk in entries]


def search_entries(parsed, scope, *, order=RELEVANCE, limit=1000):
    """The newest ``limit`` entries matching every part of ``parsed`` within ``scope``, best or newest first.

    Relevance orders that window: words in the title or document number (weight A) count most, then the
    lead, summary and metadata (B); ties go to the newer page. Ranking every match of a frequent word ("xã"
    is on nearly every page) would cost time in proportion to the whole index; the window bounds it, and
    a visitor pages through at most ``limit`` results anyway. One statement finds, counts and orders the
    window (ids only); returns a ``Window``.
    """
    matching, query = _matching(_visible(scope), parsed)
    newest = matching.order_by("-date", "-pk")
    if order == RELEVANCE:
        if connection.vendor == "postgresql":
            rank = SearchRank(F("rank_vector"), query)
        else:  # as weight A on PostgreSQL: each part found in the title or number counts most
            rank = sum(
                (
                    Case(When(folded_title__contains=needle, then=Value(4)), default=Value(0))
                    for needle in query
                ),
                Value(1, output_field=IntegerField()),
            )
        window = newest.annotate(rank=rank).values("page_id", "date", "rank")[: limit + 1]
        outer_order = "w.rank DESC, w.date DESC, w.page_id DESC"
    else:
        window = newest.values("page_id", "date")[: limit + 1]
        outer_order = "w.date DESC, w.page_id DESC"
    sql, params = window.query.sql_with_params()
    with connection.cursor() as cursor:
        # One row more than the window tells that there are more; that row (the oldest) is then dropped.
        cursor.execute(f"SELECT w.page_id, w.date FROM ({sql}) w ORDER BY {outer_order}", params)  # noqa: S608
        rows = cursor.fetchall()
    more = len(rows) > limit
    if more:
        oldest = min(rows, key=lambda row: (row[1], row[0]))
        rows.remove(oldest)
    return Window([row[0] for row in rows], more)


def matching_page_ids(parsed):
    """Ids of the indexed pages matching every part of ``parsed`` (a subquery)."""
    return _matching(SearchEntry.objects.all(), parsed)[0].values("page_id")


def filter_pages(queryset, query):
    """Pages of ``queryset`` that the public search finds for ``query`` (none for an empty query)."""
    parsed = parse_query(query)
    if not parsed:
        return queryset.none()
    return queryset.filter(pk__in=matching_page_ids(parsed))


def suggestions(parsed, scope, *, limit=8):
    """Newest titles whose words start like the query (the last word may be unfinished)."""
    entries = _visible(scope)
    if connection.vendor == "postgresql":
        query = SearchQuery(
            tsquery_text(parsed, prefix_last=True, weights="A"), search_type="raw", config=SEARCH_CONFIG
        )
        entries = entries.filter(rank_vector=query)
    else:
        condition, _needles = _like_conditions(parsed, "folded_title", prefix_last=True)
        entries = entries.filter(condition)
    return list(
        entries.select_related("unit", "page")
        .defer("text", "folded", "folded_title", "search_vector", "rank_vector")
        .order_by("-date", "-pk")[:limit]
    )
