"""Validators for contact details published on pages and leaders' profiles, with messages readers of the admin
understand (Vietnamese through the catalog)."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.utils.translation import gettext_lazy as _

# Digits with the usual separators; an optional leading + (international) and an extension ("máy lẻ").
PHONE_RE = re.compile(r"^\+?\(?[0-9][0-9 .\-()]*[0-9]$")
PHONE_DIGITS = (8, 15)

PHONE_MESSAGE = _(
    "Enter a phone number of 8 to 15 digits, such as 0259 3864 123 or +84 259 3864 123 "
    "(digits, spaces, dots, hyphens or brackets only)."
)
EMAIL_MESSAGE = _("Enter a valid e-mail address, such as vanphong@ninhphuoc.gov.vn.")


def validate_phone(value):
    """A telephone number as printed on official letterheads: 8 to 15 digits with separators."""
    digits = sum(ch.isdigit() for ch in value or "")
    if not PHONE_RE.match(value or "") or not PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]:
        raise ValidationError(PHONE_MESSAGE, code="invalid_phone")


validate_email = EmailValidator(message=EMAIL_MESSAGE)


def tel_href(value):
    """``value`` as a ``tel:`` address: digits and a leading + only."""
    value = value or ""
    return ("+" if value.strip().startswith("+") else "") + "".join(ch for ch in value if ch.isdigit())
