"""The language switcher and ``hreflang`` alternates of public pages: ``{% load language_tags %}``,
``{% language_links as languages %}``."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from wagtail.models import Page

from sites.cache import remember
from sites.selectors import unit_ancestors

register = template.Library()

LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}  # each in its own language, as switchers show them


def _live_translations(page):
    """{language code: live translation of ``page`` (itself included)} in one query."""
    pages = Page.objects.filter(translation_key=page.translation_key).live().select_related("locale")
    return {p.locale.language_code: p for p in pages}


def _homes(unit, own):
    """{language code: the live home of ``unit`` in that language (``own``: its translations), else of the
    nearest unit above it that has one}."""
    homes = dict(own)
    for ancestor in unit_ancestors(unit):
        if len(homes) >= len(settings.LANGUAGES):
            break
        for code, home in _live_translations(ancestor.site.root_page).items():
            homes.setdefault(code, home)
    return homes


def _unit_homes(request, unit):
    """``(own, homes)``: the unit's home in each language and the homes the switcher falls back to, kept per
    process (``sites.cache.remember``; a home published replaces the tokens of its unit and those below)."""

    def build():
        own = _live_translations(unit.site.root_page)
        return own, _homes(unit, own)

    return build() if request is None else remember(request, "language-homes", unit.pk, build)


def _page_translations(request, unit, page):
    """``_live_translations(page)``, kept per process under the tokens of the page's unit, which publishing
    any of them replaces."""
    if request is None or unit is None or getattr(request, "is_preview", False):
        return _live_translations(page)
    return remember(
        request, f"translations:{page.translation_key}", unit.pk, lambda: _live_translations(page)
    )


def languages(context):
    """The page's languages, worked out once per render (two or three queries): ``links`` for the switcher,
    one per language, to the same page's live translation, else the unit's home in that language, else the
    parent unit's (the district's English home); ``alternates`` (the live translations of this very page)
    for ``hreflang``; ``home``, the unit's home in the active language. Non-page views switch by prefix."""
    cached = context.get("_portal_languages")
    if cached is not None:
        return cached
    request = context.get("request")
    page = context.get("page")
    unit = context.get("unit") or None
    current = get_language()
    own, homes = _unit_homes(request, unit) if unit is not None else ({}, {})
    if isinstance(page, Page):  # a unit's home is its own translations: no second query
        same = unit is not None and page.translation_key == unit.site.root_page.translation_key
        translations = own if same else _page_translations(request, unit, page)
    else:
        translations = {}
    links, alternates = [], []
    for code, _name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url = target.get_url(request)
            alternates.append({"code": code, "url": request.build_absolute_uri(url) if request else url})
        elif isinstance(page, Page):
            url = homes[code].get_url(request) if code in homes else None
        else:
            url = translate_url(request.get_full_path(), code) if request else None
        if url:
            links.append(
                {"code": code, "name": LANGUAGE_NAMES.get(code, code), "url": url, "current": code == current}
            )
    x_default = next((a["url"] for a in alternates if a["code"] == settings.LANGUAGE_CODE), None)
    own_home = unit.site.root_page if unit is not None else None
    home = homes.get(current) if current != settings.LANGUAGE_CODE else None
    result = {
        "links": links if len(links) > 1 else [],
        "alternates": alternates if len(alternates) > 1 else [],
        "x_default": x_default,
        "home": home or own_home,
    }
    context.dicts[0]["_portal_languages"] = result
    return result


@register.simple_tag(takes_context=True)
def language_links(context):
    return languages(context)
