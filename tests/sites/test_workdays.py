"""Working days as Vietnamese deadlines count them (sites/workdays.py)."""

from datetime import date

import pytest

from sites.workdays import add_working_days, is_working_day, working_days_between


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 12, 3), True),  # a Thursday
        (date(2026, 12, 5), False),  # Saturday
        (date(2026, 12, 6), False),  # Sunday
        (date(2027, 1, 1), False),  # New Year
        (date(2027, 2, 8), False),  # Tết (lunar: moves every year)
        (date(2027, 2, 11), True),  # back at work after Tết
        (date(2026, 9, 2), False),  # National Day
        (date(2026, 4, 30), False),  # Reunification Day
    ],
)
def test_is_working_day(day, expected):
    assert is_working_day(day) is expected


def test_add_working_days_skips_weekends():
    # Friday + 1 working day = Monday; + 5 = the next Friday
    assert add_working_days(date(2026, 12, 4), 1) == date(2026, 12, 7)
    assert add_working_days(date(2026, 12, 4), 5) == date(2026, 12, 11)
    assert add_working_days(date(2026, 12, 4), 0) == date(2026, 12, 4)


def test_add_working_days_across_tet_2027():
    # Tết 2027: 4–10 February are days off; 3 Feb (Wed) + 1 working day = 11 Feb (Thu), + 7 = 19 Feb
    assert add_working_days(date(2027, 2, 3), 1) == date(2027, 2, 11)
    assert add_working_days(date(2027, 2, 3), 7) == date(2027, 2, 19)


def test_working_days_between():
    assert working_days_between(date(2026, 12, 4), date(2026, 12, 4)) == 0
    assert working_days_between(date(2026, 12, 4), date(2026, 12, 3)) == 0
    assert working_days_between(date(2026, 12, 4), date(2026, 12, 7)) == 1  # Fri → Mon
    assert working_days_between(date(2026, 12, 4), date(2026, 12, 11)) == 5
    assert working_days_between(date(2027, 2, 3), date(2027, 2, 11)) == 1  # across Tết


def test_the_governments_swaps_come_from_settings(settings):
    saturday, monday = date(2026, 12, 12), date(2026, 12, 14)
    assert not is_working_day(saturday) and is_working_day(monday)
    settings.PORTAL_EXTRA_WORKING_DAYS = [saturday.isoformat()]
    settings.PORTAL_EXTRA_DAYS_OFF = [monday.isoformat()]
    assert is_working_day(saturday) and not is_working_day(monday)
    assert add_working_days(date(2026, 12, 11), 1) == saturday
    assert add_working_days(date(2026, 12, 11), 2) == date(2026, 12, 15)
