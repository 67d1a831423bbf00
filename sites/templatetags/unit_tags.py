"""The unit's pieces of public templates: ``{% load unit_tags %}``.

``{% site_menu %}`` (the unit's sections), ``{% site_alerts %}`` (its banners), ``{% unit_name unit %}``,
``{{ unit_settings|setting:"address" }}`` and ``{% lang_attr page %}`` (``sites.bilingual``).
"""

from django import template
from django.utils.html import format_html

from wagtail.models import Page

from sites.alerts import active_alerts
from sites.bilingual import active_language, language_of
from sites.bilingual import setting as localized_setting
from sites.bilingual import unit_name as localized_unit_name
from sites.templatetags.language_tags import languages

register = template.Library()


@register.simple_tag(takes_context=True)
def site_menu(context):
    """The unit's top-level sections shown in menus, each with ``is_current`` (one query)."""
    unit = context.get("unit")
    if not unit:
        return []
    current = context.get("page")
    current_path = getattr(current, "path", "") or ""
    items = list(
        Page.objects.live()
        .public()
        .in_menu()
        .child_of(languages(context)["home"])  # the English home's sections on English pages
        .only("title", "url_path", "path", "depth", "slug")
    )
    for item in items:
        item.is_current = current_path.startswith(item.path)
    return items


@register.simple_tag(takes_context=True)
def site_alerts(context):
    """The alert banners showing now on this unit's pages (``sites.alerts``)."""
    return active_alerts(context.get("unit") or None)


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
