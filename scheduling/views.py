"""Admin view "Lịch đăng bài": upcoming publications and expiries per unit, as a list and a month
calendar, with overdue items flagged."""

import calendar
from collections import defaultdict
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from home.dates import parse_month
from scheduling.selectors import schedule_entries
from sites.selectors import is_board_member, unit_root_paths, units_for_user


def _month(value, today):
    month = parse_month(value, first_year=2000)
    if month:
        return date(*month, 1), None
    if value:
        return date(today.year, today.month, 1), _("Unknown month: showing the current one.")
    return date(today.year, today.month, 1), None


def schedule_view(request):
    user = request.user
    board = is_board_member(user)
    units = list(units_for_user(user))
    if not units:
        raise PermissionDenied
    notices = []
    selected = None
    unit_param = request.GET.get("unit", "")
    if unit_param:
        selected = next((u for u in units if str(u.pk) == unit_param), None)
        if selected is None:
            notices.append(_("Unknown unit: showing all your units."))
    if selected is not None:
        paths = [selected.site.root_page.path]
    elif board:
        paths = None
    else:
        paths = unit_root_paths(user)

    now = timezone.now()
    today = timezone.localdate(now)
    month, notice = _month(request.GET.get("month"), today)
    if notice:
        notices.append(notice)
    entries = schedule_entries(paths=paths)
    overdue = [e for e in entries if e.overdue]
    upcoming = [e for e in entries if e.when > now]

    by_day = defaultdict(list)
    for entry in entries:
        by_day[timezone.localtime(entry.when).date()].append(entry)
    weeks = [
        [
            {
                "day": day,
                "in_month": day.month == month.month,
                "today": day == today,
                "entries": by_day.get(day, []),
            }
            for day in week
        ]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    ]
    previous_month = (month - timedelta(days=1)).replace(day=1)
    next_month = (month + timedelta(days=32)).replace(day=1)
    return render(
        request,
        "scheduling/schedule.html",
        {
            "units": units,
            "selected": selected,
            "board": board,
            "upcoming": upcoming,
            "overdue": overdue,
            "weeks": weeks,
            "month": month,
            "previous_month": previous_month,
            "next_month": next_month,
            "notices": notices,
            "weekdays": [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")],
        },
    )
