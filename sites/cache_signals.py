"""What replaces the page cache's generation tokens (``sites.cache``); connected in ``SitesConfig.ready``.

Pages: Wagtail's publish, unpublish (expiry, take-down), move and delete; the scheduled switch-on calls
``sites.cache.pages_changed`` itself. Everything else a public page shows replaces the ``all`` token when
saved or deleted: the models below, and those other apps add with ``watch`` (categories, comments on drafts).
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from sites import cache

# Shown on public pages, or deciding what they answer.
EVERYTHING_MODELS = [
    "wagtailcore.Site",
    "wagtailcore.Locale",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.CollectionViewRestriction",
    "wagtailredirects.Redirect",
    "portal_sites.Unit",
    "portal_sites.UnitSettings",
    "portal_sites.AlertBanner",
    "portal_sites.TakeDown",
    "portal_sites.FormerHostname",
    "assets.CustomImage",
    "assets.CustomDocument",
    "taggit.Tag",
]


def _everything(sender, raw=False, **kwargs):
    if not raw:
        cache.everything_changed()


def watch(model):
    """Replace the ``all`` token whenever ``model`` (a class or "app_label.Model") is saved or deleted."""
    if isinstance(model, str):
        model = apps.get_model(model)
    uid = f"portal_page_cache_{model._meta.label_lower}"
    post_save.connect(_everything, sender=model, dispatch_uid=uid, weak=False)
    post_delete.connect(_everything, sender=model, dispatch_uid=f"{uid}_delete", weak=False)


def _hostnames(sender, raw=False, **kwargs):
    if not raw:
        cache.hostnames_changed()


def _page_changed(sender, instance, **kwargs):
    cache.pages_changed([instance])


def _page_deleted(sender, instance, **kwargs):
    if sender is Page and instance.live:
        cache.pages_changed([instance])


def _page_moved(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    cache.pages_changed(
        [page for page in (instance, parent_page_before, parent_page_after) if page is not None]
    )


def connect():
    page_published.connect(_page_changed, dispatch_uid="portal_page_cache_published")
    page_unpublished.connect(_page_changed, dispatch_uid="portal_page_cache_unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="portal_page_cache_moved")
    post_delete.connect(_page_deleted, dispatch_uid="portal_page_cache_deleted")
    for label in EVERYTHING_MODELS:
        watch(label)
    # the map of former hostnames (sites.selectors.former_hostnames) reads that model only
    model = apps.get_model("portal_sites.FormerHostname")
    post_save.connect(_hostnames, sender=model, dispatch_uid="portal_hostnames_saved", weak=False)
    post_delete.connect(_hostnames, sender=model, dispatch_uid="portal_hostnames_deleted", weak=False)
