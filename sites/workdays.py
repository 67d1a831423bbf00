"""Working days (ngày làm việc) as Vietnamese law counts them: Monday to Friday, less public holidays.

The deadlines of the portal rules count working days: information disclosed at the latest 5 working days after
it is made (Luật Tiếp cận thông tin 2016, Art. 18(4)), a planned interruption announced 7 working days ahead.
Holidays come from the ``holidays`` package (Tết and Hùng Kings' day follow the lunar calendar, substituted
days included); the government's yearly swaps are settings: ``PORTAL_EXTRA_DAYS_OFF`` (dates given off) and
``PORTAL_EXTRA_WORKING_DAYS`` (Saturdays worked in exchange), ISO dates.
"""

from datetime import date, timedelta
from functools import lru_cache

from django.conf import settings

import holidays


@lru_cache(maxsize=64)
def _holidays(year):
    return frozenset(holidays.country_holidays("VN", years=year))


def _setting_dates(name):
    return {date.fromisoformat(value) for value in getattr(settings, name, ())}


def is_working_day(day):
    """Whether ``day`` (a date) is a working day."""
    if day in _setting_dates("PORTAL_EXTRA_WORKING_DAYS"):
        return True
    if day.weekday() >= 5 or day in _setting_dates("PORTAL_EXTRA_DAYS_OFF"):
        return False
    return day not in _holidays(day.year)


def add_working_days(start, count):
    """The ``count``-th working day after ``start`` (a date); ``start`` itself is not counted."""
    day = start
    while count > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def working_days_between(start, end):
    """How many working days come after ``start`` up to and including ``end`` (0 when ``end <= start``)."""
    if end <= start:
        return 0
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day)
    return count
