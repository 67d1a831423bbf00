import json

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def article_json_ld(context, page):
    """A JSON-LD ``NewsArticle`` script for ``page``; <, > and & are escaped inside the JSON."""
    request = context.get("request")
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "datePublished": page.published_date.isoformat(),
        "dateModified": (page.last_published_at or page.published_date).isoformat(),
        "mainEntityOfPage": page.get_full_url(request),
        "inLanguage": page.locale.language_code,  # an English translation is in English
    }
    if page.lead:
        data["description"] = page.lead
    if page.byline:
        data["author"] = {"@type": "Person", "name": page.byline}
    unit_settings = context.get("unit_settings")
    publisher = getattr(unit_settings, "full_name", "") if unit_settings else ""
    if publisher:
        data["publisher"] = {"@type": "GovernmentOrganization", "name": publisher}
    payload = json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308 (escaped above)
