"""Writes to the public search index (``SearchEntry``)."""

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import Value

from wagtail.models import Page

from home.text import folded_words, tokens
from search.content import MAX_INDEXED_CHARS, MAX_SNIPPET_SOURCE_CHARS, content_of
from search.models import SearchEntry
from sites.models import Unit

# Created by migration 0002: the 'simple' configuration plus unaccent.
SEARCH_CONFIG = "portal_vi"


class UnitResolver:
    """Which unit a page belongs to, from the tree paths of the units' home pages (one query)."""

    def __init__(self):
        roots = Unit.objects.values_list("pk", "site__root_page__path", "site__root_page__translation_key")
        self.by_path = {path: pk for pk, path, _key in roots}
        self.by_key = {key: pk for pk, _path, key in roots}
        self.steplen = Page.steplen

    def unit_id(self, page):
        path = page.path
        for depth in range(len(path) // self.steplen, 0, -1):
            unit_id = self.by_path.get(path[: depth * self.steplen])
            if unit_id is not None:
                return unit_id
        # A translation's tree is not under the unit's home: use the home it translates.
        for ancestor in page.get_ancestors(inclusive=True).filter(translation_key__in=self.by_key):
            return self.by_key[ancestor.translation_key]
        return None


def _vector(parts):
    vector = None
    for text, weight in parts:
        part = SearchVector(Value(text), config=SEARCH_CONFIG, weight=weight)
        vector = part if vector is None else vector + part
    return vector


def index_page(page_id, *, resolver=None):
    """Bring the search entry of page ``page_id`` up to date with its live version.

    Creates or updates the entry of a live, searchable page and deletes it otherwise (unpublished,
    gone, or a type that is not searched). View restrictions are applied when searching, not here.
    Returns the entry or None. Idempotent.
    """
    page = Page.objects.filter(pk=page_id).select_related("locale").first()
    specific = page.specific if page is not None and page.live else None
    content = content_of(specific) if specific is not None else None
    if content is None:
        SearchEntry.objects.filter(page_id=page_id).delete()
        return None
    resolver = resolver or UnitResolver()
    parts = [
        (" ".join(tokens(content.primary)), "A"),
        (" ".join(tokens(content.secondary)), "B"),
        (" ".join(tokens(content.body[:MAX_INDEXED_CHARS])), "C"),
    ]
    values = {
        "unit_id": resolver.unit_id(page),
        "locale_id": page.locale_id,
        "path": page.path,
        "kind": content.kind,
        "date": content.date,
        "title": content.title[:255],
        "number": content.number[:100],
        "text": content.snippet_source[:MAX_SNIPPET_SOURCE_CHARS],
        "folded_title": folded_words(content.primary),
        "folded": f" {' '.join(text for text, _weight in parts if text)} ",
    }
    with transaction.atomic():
        entry, _created = SearchEntry.objects.update_or_create(page_id=page.pk, defaults=values)
        if connection.vendor == "postgresql":
            SearchEntry.objects.filter(pk=page.pk).update(search_vector=_vector(parts))
    return entry


def index_subtree(page_id):
    """Re-index page ``page_id`` and every page below it (after a move: new paths, maybe a new unit)."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return
    resolver = UnitResolver()
    ids = Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
    for page_id in ids.iterator():
        index_page(page_id, resolver=resolver)


def remove_page(page_id):
    SearchEntry.objects.filter(page_id=page_id).delete()


def rebuild(*, progress=None, batch_size=500):
    """Index every live page again and drop entries of pages that are no longer searchable.

    ``progress(done, total)`` is called after each batch. Returns the number of entries.
    """
    resolver = UnitResolver()
    ids = list(Page.objects.live().order_by("path").values_list("pk", flat=True))
    kept = set()
    for start in range(0, len(ids), batch_size):
        for page_id in ids[start : start + batch_size]:
            if index_page(page_id, resolver=resolver) is not None:
                kept.add(page_id)
        if progress:
            progress(min(start + batch_size, len(ids)), len(ids))
    gone = sorted(set(SearchEntry.objects.values_list("page_id", flat=True)) - kept)
    for start in range(0, len(gone), batch_size):
        SearchEntry.objects.filter(page_id__in=gone[start : start + batch_size]).delete()
    return len(kept)
