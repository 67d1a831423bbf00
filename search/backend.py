"""Wagtail's database search backend with folded page queries (WAGTAILSEARCH_BACKENDS "BACKEND").

Page types index their title folded (``home.mixins.FoldedTitleMixin``); this backend searches pages
for the query as typed or folded, so the admin's page search, explorer filter and page chooser find
"Đảng ủy xã Phước Hậu" from "dang uy phuoc hau" and from "Đảng ủy" on SQLite and PostgreSQL alike.
Searches of other models (images, documents, snippets) are passed through untouched: they index no
folded fields, and unaccent (PostgreSQL) or FTS5's diacritic removal (SQLite) serve them.
"""

import copy
import functools

from wagtail.models import Page

from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.query import And, Boost, Fuzzy, Not, Or, Phrase, PlainText

from home.text import fold


def fold_query(query):
    """``query`` (a string or a search query object) with every query string folded."""
    if isinstance(query, str):
        return fold(query)
    if isinstance(query, PlainText | Phrase | Fuzzy):
        folded = copy.copy(query)
        folded.query_string = fold(query.query_string)
        return folded
    if isinstance(query, Boost | Not):
        folded = copy.copy(query)
        folded.subquery = fold_query(query.subquery)
        return folded
    if isinstance(query, And | Or):
        folded = copy.copy(query)
        folded.subqueries = [fold_query(sub) for sub in query.subqueries]
        return folded
    return query  # MatchAll


class FoldingMixin:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        model = getattr(model_or_queryset, "model", model_or_queryset)
        if isinstance(model, type) and issubclass(model, Page):
            if isinstance(query, str):
                operator = kwargs.get("operator") or query_compiler_class.DEFAULT_OPERATOR
                query = PlainText(query, operator=operator) if query else query
            folded = fold_query(query)
            if repr(folded) != repr(query):
                # Either form: folded words meet the folded titles; as typed, they meet the other
                # fields where the database keeps diacritics (SQLite's FTS5 drops single marks
                # only, so "phẩm" stays as typed).
                query = Or([query, folded])
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


@functools.cache
def _folding_class(base):
    return type(f"Folding{base.__name__}", (FoldingMixin, base), {})


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up)
    backend = database_backend(params)  # PostgreSQL, SQLite (FTS5) or the fallback, by database
    backend.__class__ = _folding_class(type(backend))
    return backend
