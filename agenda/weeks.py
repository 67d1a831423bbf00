"""Weeks of the schedule: Monday to Sunday, named by their ISO week ("2026-W49"), in Viet Nam's time."""

import re
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
WEEK_RE = re.compile(r"^(\d{4})-W(\d{1,2})$", re.IGNORECASE)
FIRST_YEAR, LAST_YEAR = 2000, 2100

# "Thứ Hai 30/11/2026": one msgid per weekday, with the date, so that the project's catalog does not change
# Django's own "Monday" (the admin's calendars use it).
DAY_HEADINGS = [
    _("Monday %(date)s"),
    _("Tuesday %(date)s"),
    _("Wednesday %(date)s"),
    _("Thursday %(date)s"),
    _("Friday %(date)s"),
    _("Saturday %(date)s"),
    _("Sunday %(date)s"),
]


def vietnam_today():
    """Today's date in Viet Nam, whatever the server's zone."""
    return timezone.localdate(timezone=VIETNAM)


def monday_of(day):
    return day - timedelta(days=day.weekday())


def this_monday(today=None):
    return monday_of(today or vietnam_today())


def parse_week(value):
    """``"2026-W49"`` as the Monday of that ISO week; None for anything else (or a year out of range)."""
    match = WEEK_RE.match(value) if isinstance(value, str) and len(value) <= 8 else None
    if match is None:
        return None
    year, week = int(match[1]), int(match[2])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return date.fromisocalendar(year, week, 1)
    except ValueError:  # week 0, or 53 in a year that has 52
        return None


def week_param(monday):
    """The ``?tuan=`` value of the week starting ``monday``: ``"2026-W49"``."""
    year, week, _day = monday.isocalendar()
    return f"{year}-W{week:02d}"


def date_label(day):
    return day.strftime("%d/%m/%Y") if day else ""


def day_heading(day):
    """ "Thứ Hai 30/11/2026"."""
    return DAY_HEADINGS[day.weekday()] % {"date": date_label(day)}


def week_title(monday):
    """ "Lịch công tác tuần 49 (30/11/2026 – 06/12/2026)", in the active language."""
    return gettext("Work schedule, week %(week)s (%(start)s – %(end)s)") % {
        "week": monday.isocalendar()[1],
        "start": date_label(monday),
        "end": date_label(monday + timedelta(days=6)),
    }


def week_label(monday):
    """ "tuần 49 (30/11/2026 – 06/12/2026)" for headings and links."""
    return gettext("week %(week)s (%(start)s – %(end)s)") % {
        "week": monday.isocalendar()[1],
        "start": date_label(monday),
        "end": date_label(monday + timedelta(days=6)),
    }
