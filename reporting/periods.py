"""Reporting periods on the Asia/Ho_Chi_Minh calendar: month, quarter, first nine months, year, any range."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from home.dates import day_bounds, parse_date

MAX_RANGE_DAYS = 5 * 366
FIRST_YEAR, LAST_YEAR = 2000, 2100
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d")
KINDS = ("thang", "quy", "9-thang", "nam", "khoang")


@dataclass(frozen=True)
class Period:
    """Whole local days from ``start`` to ``end``, both included."""

    start: datetime.date
    end: datetime.date
    label: str

    def bounds(self):
        """[start, end) as aware datetimes: local midnight at the start, local midnight after the end."""
        return day_bounds(self.start, self.end)

    def previous_year(self):
        """The same days one year earlier (29 February becomes the 28th)."""
        return Period(
            _year_before(self.start),
            _year_before(self.end),
            _("%(label)s, previous year") % {"label": self.label},
        )


def _year_before(day):
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _int(value, low, high, default):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default, value not in (None, "")
    if low <= number <= high:
        return number, False
    return default, True


def _date(value):
    return parse_date(value, formats=DATE_FORMATS, first_year=FIRST_YEAR, last_year=LAST_YEAR)


def read_period(params, today=None):
    """(``Period``, notices) from ``ky`` (thang, quy, 9-thang, nam, khoang), ``nam``, ``thang``, ``quy``,
    ``tu``, ``den``; a bad value falls back to the current month, quarter or year with a notice."""
    today = today or timezone.localdate()
    notices = []
    kind = params.get("ky") or "thang"
    if kind not in KINDS:
        notices.append(_("Unknown period ignored: %(value)s") % {"value": str(kind)[:20]})
        kind = "thang"
    year, bad = _int(params.get("nam"), FIRST_YEAR, LAST_YEAR, today.year)
    if bad:
        notices.append(_("Unknown year ignored: %(value)s") % {"value": str(params.get("nam"))[:10]})
    if kind == "thang":
        month, bad = _int(params.get("thang"), 1, 12, today.month)
        if bad:
            notices.append(_("Unknown month ignored: %(value)s") % {"value": str(params.get("thang"))[:10]})
        start = datetime.date(year, month, 1)
        end = (start + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
        return Period(
            start, end, _("Month %(month)s/%(year)s") % {"month": f"{month:02d}", "year": year}
        ), notices
    if kind == "quy":
        quarter, bad = _int(params.get("quy"), 1, 4, (today.month - 1) // 3 + 1)
        if bad:
            notices.append(_("Unknown quarter ignored: %(value)s") % {"value": str(params.get("quy"))[:10]})
        start = datetime.date(year, 3 * quarter - 2, 1)
        end = (datetime.date(year, 3 * quarter, 1) + datetime.timedelta(days=32)).replace(day=1)
        end -= datetime.timedelta(days=1)
        return Period(
            start, end, _("Quarter %(quarter)s/%(year)s") % {"quarter": quarter, "year": year}
        ), notices
    if kind == "9-thang":
        label = _("First nine months of %(year)s") % {"year": year}
        return Period(datetime.date(year, 1, 1), datetime.date(year, 9, 30), label), notices
    if kind == "nam":
        return Period(
            datetime.date(year, 1, 1), datetime.date(year, 12, 31), _("Year %(year)s") % {"year": year}
        ), notices
    start, end = _date(params.get("tu")), _date(params.get("den"))
    if start is None or end is None:
        notices.append(_("Enter both dates of the range as dd/mm/yyyy: showing this month instead."))
        return read_period({"ky": "thang"}, today)[0], notices
    if start > end:
        start, end = end, start
        notices.append(_("The start date was after the end date: the two were swapped."))
    if (end - start).days > MAX_RANGE_DAYS:
        end = start + datetime.timedelta(days=MAX_RANGE_DAYS)
        notices.append(_("Ranges are limited to five years: the end was moved."))
    label = _("%(start)s to %(end)s") % {"start": start.strftime("%d/%m/%Y"), "end": end.strftime("%d/%m/%Y")}
    return Period(start, end, label), notices
