"""Addresses of many pages below one parent, without Wagtail's URL work for each of them.

``{% pageurl %}`` finds the page's site among the site root paths and reverses ``wagtail_serve`` (inside the
page's language) for every link. Below one parent every page has the parent's site and language, and its
address is the parent's followed by the rest of its ``url_path``: one ``get_url`` serves a whole list.
"""

import re

# What reverse() leaves untouched in a path; anything else (non-ASCII slugs) gets Wagtail's own answer.
_PLAIN = re.compile(r"^[A-Za-z0-9/_.~-]*$")


def set_link_urls(pages, parent, request):
    """Set ``page.link_url`` (what ``{% pageurl page %}`` gives) on each of ``pages``; returns them.

    Pages below ``parent`` take the parent's address plus the rest of their ``url_path`` (they need only
    ``url_path`` loaded); any other page asks Wagtail (``get_url``)."""
    base = parent.get_url(request) if parent is not None else None
    prefix = parent.url_path if parent is not None else None
    for page in pages:
        rest = page.url_path[len(prefix) :] if base and page.url_path.startswith(prefix) else None
        if rest is not None and base.endswith("/") and _PLAIN.match(rest):
            page.link_url = base + rest
        else:
            page.link_url = page.get_url(request)
    return pages
