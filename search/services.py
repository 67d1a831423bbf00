"""Writes to the public search index (``SearchEntry``)."""

from django.db import connection, transaction

from wagtail.models import Locale, Page

from home.text import tokens
from search.content import MAX_INDEXED_CHARS, MAX_SNIPPET_SOURCE_CHARS, content_of
from search.models import SearchEntry
from sites.selectors import unit_for_page, units_with_roots

# Created by migration 0002: the 'simple' configuration plus unaccent.
SEARCH_CONFIG = "portal_vi"
WEIGHTS = ("A", "B", "C")
UPDATE_FIELDS = [
    "unit",
    "locale",
    "path",
    "kind",
    "date",
    "title",
    "number",
    "text",
    "folded_title",
    "folded",
    "indexed_at",
]


class UnitResolver:
    """Which unit a page belongs to (``sites.selectors.unit_for_page`` over units loaded once) and the
    language of each locale, for indexing many pages."""

    def __init__(self):
        self.units = units_with_roots()
        self.languages = dict(Locale.objects.values_list("pk", "language_code"))

    def unit_id(self, page):
        unit = unit_for_page(page, self.units)
        return unit.pk if unit is not None else None


def build_entry(page, resolver):
    """(unsaved ``SearchEntry``, its words per weight) for a live specific page, or None."""
    content = content_of(page, resolver.languages.get(page.locale_id))
    if content is None:
        return None
    parts = (
        " ".join(tokens(content.primary)),
        " ".join(tokens(content.secondary)),
        " ".join(tokens(content.body[:MAX_INDEXED_CHARS])),
    )
    entry = SearchEntry(
        page_id=page.pk,
        unit_id=resolver.unit_id(page),
        locale_id=page.locale_id,
        path=page.path,
        kind=content.kind,
        date=content.date,
        title=content.title[:255],
        number=content.number[:100],
        text=content.snippet_source[:MAX_SNIPPET_SOURCE_CHARS],
        folded_title=f" {parts[0]} ",
        folded=f" {' '.join(part for part in parts if part)} ",
    )
    return entry, parts


def write_entries(built):
    """Insert or update the built entries; on PostgreSQL also their weighted tsvectors, in one
    statement per batch (title and number A, lead/summary/metadata B, body and files C)."""
    if not built:
        return
    with transaction.atomic():
        SearchEntry.objects.bulk_create(
            [entry for entry, _parts in built],
            update_conflicts=True,
            unique_fields=["page"],
            update_fields=UPDATE_FIELDS,
        )
        if connection.vendor == "postgresql":
            a, b, c = (f"setweight(to_tsvector('{SEARCH_CONFIG}', v.{w.lower()}), '{w}')" for w in WEIGHTS)
            rows = ", ".join(["(%s, %s, %s, %s)"] * len(built))
            params = [value for entry, parts in built for value in (entry.page_id, *parts)]
            with connection.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {SearchEntry._meta.db_table} AS e "  # noqa: S608 (constants only)
                    f"SET rank_vector = {a} || {b}, search_vector = {a} || {b} || {c} "
                    f"FROM (VALUES {rows}) AS v(id, a, b, c) WHERE e.page_id = v.id",
                    params,
                )


def index_page(page_id, *, resolver=None):
    """Bring the search entry of page ``page_id`` up to date with its live version.

    Creates or updates the entry of a live, searchable page and deletes it otherwise (unpublished,
    gone, or a type that is not searched). View restrictions are applied when searching, not here.
    Returns the entry or None. Idempotent.
    """
    page = Page.objects.filter(pk=page_id).select_related("locale").first()
    built = build_entry(page.specific, resolver or UnitResolver()) if page is not None and page.live else None
    if built is None:
        SearchEntry.objects.filter(page_id=page_id).delete()
        return None
    write_entries([built])
    return SearchEntry.objects.get(pk=page_id)


def index_subtree(page_id):
    """Re-index page ``page_id`` and every page below it (after a move: new paths, maybe a new unit), in
    batches like ``rebuild``; entries of pages below it that are not searchable are dropped."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return
    subtree = Page.objects.descendant_of(page, inclusive=True)
    kept = _index_batches(list(subtree.live().order_by("path").values_list("pk", flat=True)))
    SearchEntry.objects.filter(page_id__in=subtree.values("pk")).exclude(page_id__in=kept).delete()


def remove_page(page_id):
    SearchEntry.objects.filter(page_id=page_id).delete()


def _index_batches(ids, *, batch_size=500, progress=None):
    """Index the live pages ``ids`` in batches (one query per page type to load them, one statement to
    write them); returns the ids that got an entry."""
    resolver = UnitResolver()
    kept = set()
    for start in range(0, len(ids), batch_size):
        pages = (
            Page.objects.filter(pk__in=ids[start : start + batch_size]).select_related("locale").specific()
        )
        built = [b for b in (build_entry(page, resolver) for page in pages) if b is not None]
        write_entries(built)
        kept.update(entry.page_id for entry, _parts in built)
        if progress:
            progress(min(start + batch_size, len(ids)), len(ids))
    return kept


def rebuild(*, progress=None, batch_size=500):
    """Index every live page again and drop entries of pages that are no longer searchable.

    ``progress(done, total)`` is called after each batch. Returns the number of entries.
    """
    ids = list(Page.objects.live().order_by("path").values_list("pk", flat=True))
    kept = _index_batches(ids, batch_size=batch_size, progress=progress)
    gone = sorted(set(SearchEntry.objects.values_list("page_id", flat=True)) - kept)
    for start in range(0, len(gone), batch_size):
        SearchEntry.objects.filter(page_id__in=gone[start : start + batch_size]).delete()
    return len(kept)
