"""Dates, months and years typed into a query string: one parser for every filter (public search, document
listing, news archive, admin reports and calendar).

Each is bounded to years the portal can hold: 31/12/9999 and 01/01/0001 are valid dates to Python, but
adding a day to the first, or making the second an aware datetime (UTC is seven hours behind Hà Nội),
overflows; so does a database column. A value outside the bounds is treated like one that is no date at all.
"""

import datetime
import re

from django import forms
from django.utils import timezone

FIRST_YEAR, LAST_YEAR = 1900, 2100
DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d")
MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
YEAR_RE = re.compile(r"^\d{4}$")


def _within(year, first_year, last_year):
    return max(first_year, FIRST_YEAR) <= year <= min(last_year, LAST_YEAR)


def parse_date(value, *, formats=DATE_FORMATS, first_year=FIRST_YEAR, last_year=LAST_YEAR):
    """``value`` ("31/12/2026", "2026-12-31"...) as a date; None for anything else or outside the years."""
    if not isinstance(value, str) or len(value) > 10:
        return None
    for fmt in formats:
        try:
            day = datetime.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        return day if _within(day.year, first_year, last_year) else None
    return None


def parse_month(value, *, first_year=FIRST_YEAR, last_year=LAST_YEAR):
    """The month "2026-11" as (2026, 11); None for anything else or outside the years."""
    match = MONTH_RE.match(value) if isinstance(value, str) else None
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (1 <= month <= 12 and _within(year, first_year, last_year)):
        return None
    return year, month


def parse_year(value, *, first_year=FIRST_YEAR, last_year=LAST_YEAR):
    """The year "2026" as 2026; None for anything else or outside the years."""
    if not isinstance(value, str) or not YEAR_RE.match(value):
        return None
    year = int(value)
    return year if _within(year, first_year, last_year) else None


def day_bounds(start=None, end=None):
    """Whole local days from ``start`` to ``end`` (both included, either may be None) as aware datetimes:
    (local midnight starting ``start``, local midnight after ``end``), for ``>=`` and ``<`` filters."""
    tz = timezone.get_current_timezone()
    begin = datetime.datetime.combine(start, datetime.time(), tz) if start else None
    after = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time(), tz) if end else None
    return begin, after


class DateFilterField(forms.DateField):
    """A form field for a date filter: the formats people type, within the portal's years."""

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", DATE_FORMATS)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        day = super().to_python(value)
        if day is not None and not _within(day.year, FIRST_YEAR, LAST_YEAR):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return day
