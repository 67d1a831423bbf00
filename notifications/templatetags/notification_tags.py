from django import template
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def waiting_age(delta):
    """A short Vietnamese-friendly age: "45 phút", "5 giờ", "3 ngày"."""
    if delta is None:
        return ""
    minutes = max(int(delta.total_seconds() // 60), 0)
    if minutes < 60:
        return ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}
    hours = minutes // 60
    if hours < 48:
        return ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours}
    days = hours // 24
    return ngettext("%(n)d day", "%(n)d days", days) % {"n": days}


@register.filter
def waiting_hours(delta):
    return int(delta.total_seconds() // 3600) if delta is not None else 0
