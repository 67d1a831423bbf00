"""The unit's pieces of public templates: ``{% load unit_tags %}``.

``{% site_menu %}`` (the unit's sections), ``{% site_alerts %}`` (its banners), ``{% unit_name unit %}``,
``{{ unit_settings|setting:"address" }}`` and ``{% lang_attr page %}`` (``sites.bilingual``).
"""

from django import template
from django.utils.html import format_html

from wagtail.models import Page, Site

from sites.alerts import alerts_for_request
from sites.bilingual import active_language, language_of
from sites.bilingual import setting as localized_setting
from sites.bilingual import unit_name as localized_unit_name
from sites.cache import remember
from sites.selectors import public
from sites.templatetags.language_tags import languages

register = template.Library()


def _menu(request, home):
    pages = Page.objects.live().in_menu().child_of(home).only("title", "url_path", "path", "depth", "slug")
    return [
        {"title": item.title, "url": item.get_url(request), "path": item.path}
        for item in public(pages, request)
    ]


@register.simple_tag(takes_context=True)
def site_menu(context):
    """The unit's top-level sections shown in menus (``title``, ``url``), each with ``is_current``; kept per
    process (``sites.cache.remember``), for the site answering (relative or full addresses)."""
    unit = context.get("unit")
    if not unit:
        return []
    request = context.get("request")
    home = languages(context)["home"]  # the English home's sections on English pages
    if request is None:
        items = _menu(request, home)
    else:
        site = Site.find_for_request(request)
        name = f"menu:{home.pk}:{getattr(site, 'pk', None)}"
        items = remember(request, name, unit.pk, lambda: _menu(request, home))
    current_path = getattr(context.get("page"), "path", "") or ""
    return [{**item, "is_current": current_path.startswith(item["path"])} for item in items]


@register.simple_tag(takes_context=True)
def site_alerts(context):
    """The alert banners showing now on this unit's pages (``sites.alerts``)."""
    return alerts_for_request(context.get("request"), context.get("unit") or None)


@register.simple_tag(takes_context=True)
def unit_emblem(context, info):
    """``info.emblem`` (``UnitSettings``) as in the header: the ``<img>`` of its height-64 rendition, kept
    per process (an image or the settings changed replace the token of everything)."""

    def build():
        return info.emblem.get_rendition("height-64").img_tag({"class": "brand__emblem", "alt": ""})

    request = context.get("request")
    if request is None:
        return build()
    return remember(request, f"emblem:{info.pk}:{info.emblem_id}", None, build)


@register.filter
def setting(info, field):
    """``{{ unit_settings|setting:"address" }}``: the English text on English pages where one is given, else
    the Vietnamese one inside ``<span lang="vi">`` (``sites.bilingual``)."""
    return localized_setting(info, field)


@register.simple_tag(takes_context=True)
def unit_name(context, unit):
    """``{% unit_name unit %}``: the unit's name in the page's language (``sites.bilingual``)."""
    return localized_unit_name(unit, context.get("request"))


@register.simple_tag(takes_context=True)
def lang_attr(context, page):
    """`` lang="vi"`` for a page whose language is not the one of the page it is listed on, else nothing."""
    language = language_of(page, context.get("request"))
    return format_html(' lang="{}"', language) if language != active_language() else ""
