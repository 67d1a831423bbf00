from django import template

from sites.moderation import warnings_for

register = template.Library()


@register.simple_tag
def moderation_warnings(obj):
    return warnings_for(obj)
