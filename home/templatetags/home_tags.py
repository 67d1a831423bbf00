from django import template

from home.validators import tel_href

register = template.Library()


@register.filter(name="tel_href")
def tel_href_filter(value):
    """``{{ phone|tel_href }}``: the number as a ``tel:`` address (digits and a leading + only)."""
    return tel_href(value)
