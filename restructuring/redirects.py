"""Old addresses keep working after a restructuring: record where pages were, then redirect from there.

Call ``old_urls(pages)`` BEFORE moving pages (their addresses on their old site), ``create_redirects(old)``
AFTER: a site-specific Wagtail ``Redirect`` per old path (on the OLD site, which a merged unit keeps with its
hostname), leading to the page wherever it is now. Paths that already have a redirect on that site are left
alone, so running it twice changes nothing.
"""

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page


def old_urls(pages):
    """``{page_id: (site_id, path)}``: each routable page's current address (path relative to its site's root,
    language prefix included for a translation). Pages outside every site are left out."""
    result = {}
    for page in pages:
        if not isinstance(page, Page):
            page = Page.objects.get(pk=page)
        parts = page.get_url_parts()
        if not parts or parts[2] is None:
            continue
        site_id, _root_url, path = parts
        result[page.pk] = (site_id, path)
    return result


def add_redirect(*, site_id, path, page, permanent=True):
    """A permanent redirect of ``path`` on site ``site_id`` to ``page`` (a page or its id), unless that path
    already redirects somewhere on that site. Returns the new ``Redirect`` or None."""
    old_path = Redirect.normalise_path(path)
    if old_path == "" or Redirect.objects.filter(site_id=site_id, old_path=old_path).exists():
        return None
    page_id = page.pk if isinstance(page, Page) else page
    return Redirect.objects.create(
        site_id=site_id, old_path=old_path, redirect_page_id=page_id, is_permanent=permanent
    )


def create_redirects(old, *, permanent=True):
    """Redirect every address of ``old`` (from ``old_urls``) to its page's current address; returns how many
    redirects were created (paths already redirected are skipped: idempotent)."""
    created = 0
    for page_id, (site_id, path) in old.items():
        if add_redirect(site_id=site_id, path=path, page=page_id, permanent=permanent) is not None:
            created += 1
    return created


def path_prefixes(path):
    """``"/a/b/c/"`` → ``["/a/b/c", "/a/b", "/a", "/"]``: the normalised redirect paths a request path falls
    under, longest first."""
    parts = [part for part in path.split("/") if part]
    prefixes = ["/" + "/".join(parts[:end]) for end in range(len(parts), 0, -1)]
    return prefixes + ["/"]
