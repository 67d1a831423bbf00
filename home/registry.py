"""Panels that feature apps add to unit home pages (home imports no feature)."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class HomePanel:
    name: str
    order: int
    template: str
    # get_context(*, page, unit, request, context) -> dict | None (None hides the panel);
    # ``context`` is the page context so far (e.g. ``child_units``), to avoid repeating queries.
    get_context: Callable


_panels: dict[str, HomePanel] = {}


def register_home_panel(name, *, template, order=100):
    def decorator(func):
        _panels[name] = HomePanel(name=name, order=order, template=template, get_context=func)
        return func

    return decorator


def render_panels(*, page, unit, request, context):
    """[(panel, context)] for every registered panel that has something to show."""
    result = []
    for panel in sorted(_panels.values(), key=lambda p: (p.order, p.name)):
        panel_context = panel.get_context(page=page, unit=unit, request=request, context=context)
        if panel_context:
            result.append((panel, panel_context))
    return result


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
