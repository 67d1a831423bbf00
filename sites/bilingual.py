"""Unit names and site settings in the visitor's language.

A unit's English name is the title of its live English home (wagtail-localize translates it with the rest of
the tree); its site settings have an English twin of each text field. Where no English text is provided
the Vietnamese one is shown inside ``<span lang="vi">``, so screen readers read it as Vietnamese (WCAG 3.1.2).
"""

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.utils.html import conditional_escape, format_html
from django.utils.translation import get_language

from wagtail.models import Locale, Page

from sites.models import Unit

DEFAULT_LANGUAGE = settings.LANGUAGE_CODE


def active_language():
    return (get_language() or DEFAULT_LANGUAGE).split("-")[0]


def in_language(text, language):
    """``text`` as HTML, marked with its language when that is not the page's."""
    if not text:
        return ""
    if language == active_language():
        return conditional_escape(text)
    return format_html('<span lang="{}">{}</span>', language, text)


def setting(info, field):
    """A text field of ``UnitSettings`` in the active language (its twin ``<field>_<language>``), else in
    Vietnamese marked as such."""
    if info is None:
        return ""
    language = active_language()
    if language != DEFAULT_LANGUAGE:
        translated = getattr(info, f"{field}_{language}", "")
        if translated:
            return conditional_escape(translated)
    return in_language(getattr(info, field, ""), DEFAULT_LANGUAGE)


def unit_names(language):
    """{unit id: title of the unit's live home in ``language``} for every unit that has one (one query)."""
    titles = Page.objects.filter(
        translation_key=OuterRef("site__root_page__translation_key"),
        locale__language_code=language,
        live=True,
    ).values("title")[:1]
    rows = Unit.objects.annotate(translated=Subquery(titles)).values_list("pk", "translated")
    return {pk: title for pk, title in rows if title}


def unit_name(unit, request=None):
    """The unit's name in the active language (its translated home's title), else its Vietnamese name marked
    ``lang="vi"``. The names are looked up once per request."""
    if not unit:  # None, or the lazy unit of a site that has none (a merged unit's, sites.context_processors)
        return ""
    language = active_language()
    if language == DEFAULT_LANGUAGE:
        return conditional_escape(unit.name)
    cache = getattr(request, "_portal_unit_names", None) if request is not None else None
    if cache is None or cache[0] != language:
        cache = (language, unit_names(language))
        if request is not None:
            request._portal_unit_names = cache
    translated = cache[1].get(unit.pk)
    return conditional_escape(translated) if translated else in_language(unit.name, DEFAULT_LANGUAGE)


def language_of(page, request=None):
    """The language code of ``page``'s locale: from the locale loaded with the page (``select_related``),
    else from the locales looked up once per request."""
    if "locale" in page._state.fields_cache:
        return page.locale.language_code
    codes = getattr(request, "_portal_locale_codes", None) if request is not None else None
    if codes is None or page.locale_id not in codes:
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        if request is not None:
            request._portal_locale_codes = codes
    return codes.get(page.locale_id, DEFAULT_LANGUAGE)
