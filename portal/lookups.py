"""Lookups that answer "no match" (or "all") instead of overflowing, for values typed into a URL.

``__in`` on an integer column leaves out the values no such column can hold.

Django already turns ``pk=99999999999999999999`` (``exact``, ``gt``, ``lt``...) into "no match", but not
``pk__in=[99999999999999999999]``: SQLite's driver raises ``OverflowError``, a 500. Every model multiple
choice field validates its input that way (``ModelMultipleChoiceField._check_values``), so any admin filter
on objects (categories, owners, content types, Wagtail's own) answered a typed URL with a 500. Registered
once, on ``IntegerField`` (every auto, big and small integer field inherits it), by ``PortalConfig.ready``.

Comparisons with a datetime at the edge of the calendar: Wagtail's date range filters (last edited, the
history's timestamp) make 01/01/0001 an aware datetime at local midnight, which is year 0 in UTC: SQLite's
adapter raises ``OverflowError``. Such a bound is moved to the first (or last) representable day, which no
stored value precedes (or follows): the comparison means the same.
"""

import datetime

from django.db.models import DateTimeField, IntegerField
from django.db.models.lookups import (
    Exact,
    GreaterThan,
    GreaterThanOrEqual,
    In,
    LessThan,
    LessThanOrEqual,
    Range,
)

FIRST_SAFE = datetime.datetime(1, 1, 2, tzinfo=datetime.UTC)
LAST_SAFE = datetime.datetime(9999, 12, 30, tzinfo=datetime.UTC)


class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(self.lhs.output_field.get_internal_type())
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)


def _clamp(value):
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        return min(max(value, FIRST_SAFE), LAST_SAFE)
    return value


class ClampedDateTimeMixin:
    def get_prep_lookup(self):
        value = super().get_prep_lookup()
        if isinstance(value, list | tuple):
            return type(value)(_clamp(item) for item in value)
        return _clamp(value)


CLAMPED_DATETIME_LOOKUPS = [
    type(f"ClampedDateTime{base.__name__}", (ClampedDateTimeMixin, base), {})
    for base in (Exact, GreaterThan, GreaterThanOrEqual, LessThan, LessThanOrEqual, Range)
]


def register():
    IntegerField.register_lookup(IntegerFieldIn)
    for lookup in CLAMPED_DATETIME_LOOKUPS:
        DateTimeField.register_lookup(lookup)
