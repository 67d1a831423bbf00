"""The one parser of dates, months and years from query strings (home/dates.py)."""

import datetime

from django.core.exceptions import ValidationError

import pytest

from home.dates import DateFilterField, day_bounds, parse_date, parse_month, parse_year


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("31/12/2026", datetime.date(2026, 12, 31)),
        ("2026-12-31", datetime.date(2026, 12, 31)),
        ("31-12-2026", datetime.date(2026, 12, 31)),
        ("31/12/9999", None),  # a day after it overflows
        ("01/01/0001", None),  # an aware datetime of it overflows
        ("30/02/2026", None),
        ("x" * 10_000, None),
        ("01/01/2026\x00", None),
        ("", None),
        (None, None),
        (["01/01/2026"], None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def test_parse_date_within_narrower_years():
    assert parse_date("01/01/1999", first_year=2000) is None
    assert parse_date("01/01/2000", first_year=2000) == datetime.date(2000, 1, 1)
    assert parse_date("01/01/2101", last_year=3000) is None  # never beyond the portal's own bounds


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2026-11", (2026, 11)), ("2026-13", None), ("9999-12", None), ("0001-01", None), ("2026-1", None)],
)
def test_parse_month(value, expected):
    assert parse_month(value) == expected


def test_parse_year():
    assert parse_year("2026") == 2026
    assert parse_year("1944", first_year=1945) is None
    assert parse_year("99999999999999999999") is None
    assert parse_year("-1") is None


def test_day_bounds_are_local_midnights():
    begin, after = day_bounds(datetime.date(2026, 12, 31), datetime.date(2026, 12, 31))
    assert begin.isoformat() == "2026-12-31T00:00:00+07:00"
    assert after.isoformat() == "2027-01-01T00:00:00+07:00"
    assert day_bounds() == (None, None)


def test_date_filter_field_refuses_dates_beyond_the_portal_years():
    field = DateFilterField()
    assert field.clean("02/03/2026") == datetime.date(2026, 3, 2)
    assert field.clean("") is None
    for value in ("31/12/9999", "01/01/0001"):
        with pytest.raises(ValidationError):
            field.clean(value)
