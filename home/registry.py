"""What feature apps add to unit home pages (home imports no feature).

Panels come through the Wagtail hook ``HOME_PANELS_HOOK``, registered in the feature's ``wagtail_hooks.py``
with an ``order`` (their place on the page): ``fn(*, page, unit, request, context)`` returns a
``HomePanel`` or None (nothing to show). ``context`` is the page context so far (e.g. ``child_units``), to
avoid repeating queries.
"""

from collections.abc import Callable
from datetime import datetime
from typing import NamedTuple

from wagtail import hooks

HOME_PANELS_HOOK = "portal_home_panels"


class HomePanel(NamedTuple):
    template: str
    context: dict


def render_panels(*, page, unit, request, context):
    """The panels that have something to show, in hook order."""
    panels = (
        fn(page=page, unit=unit, request=request, context=context) for fn in hooks.get_hooks(HOME_PANELS_HOOK)
    )
    return [panel for panel in panels if panel is not None]


# Matching of visitors' words against pages: the search app registers the Vietnamese-aware
# matcher at start-up (search/apps.py); listings call ``filter_pages_by_words``.
_word_filter: Callable | None = None


def register_word_filter(func):
    """``func(queryset, query) -> queryset``: pages of ``queryset`` matching the visitor's ``query``."""
    global _word_filter
    _word_filter = func
    return func


def filter_pages_by_words(queryset, query):
    if _word_filter is None:  # the search app is not installed: plain, accent-sensitive containment
        return queryset.filter(title__icontains=query)
    return _word_filter(queryset, query)


# What the unit publishes that the law asks it to disclose (Luật Tiếp cận thông tin 2016, Art. 17;
# Nghị định 13/2018/NĐ-CP, Art. 11): each feature app registers ``fn(*, unit, request)`` under
# ``DISCLOSURE_HOOK`` returning ``DisclosureItem``s; the access-to-information page lists them, with where
# and when, and the empty ones.
DISCLOSURE_HOOK = "portal_disclosure_items"


class DisclosureItem(NamedTuple):
    key: str
    title: str
    legal_basis: str
    url: str | None
    count: int
    last_published: datetime | None
    order: int = 100


def disclosure_items(*, unit, request):
    """Every registered app's items for ``unit``, by ``order`` then title."""
    items = [item for fn in hooks.get_hooks(DISCLOSURE_HOOK) for item in fn(unit=unit, request=request)]
    return sorted(items, key=lambda item: (item.order, str(item.title)))
