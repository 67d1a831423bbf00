import datetime

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html

from reporting.reports import Link, export_value

register = template.Library()


@register.filter
def stat_cell(cell):
    """A statistics table cell: "—" for nothing, dates as in the exports, one decimal, links to the editor."""

    if cell is None or cell == "":
        return "—"
    if isinstance(cell, (datetime.date, datetime.datetime)):
        return export_value(cell)
    if isinstance(cell, float):
        return number_format(cell, 1)
    if isinstance(cell, Link):
        return format_html('<a href="{}">{}</a>', cell.url, cell.text)
    return cell
