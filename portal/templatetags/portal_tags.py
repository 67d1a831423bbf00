from django import template

from wagtail.models import Page

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
        .child_of(unit.site.root_page)
        .only("title", "url_path", "path", "depth", "slug")
    )
    for item in items:
        item.is_current = current_path.startswith(item.path)
    return items


@register.simple_tag(takes_context=True)
def site_alerts(context):
    """The alert banners showing now on this unit's pages (``sites.alerts``)."""
    from sites.alerts import active_alerts

    return active_alerts(context.get("unit") or None)
