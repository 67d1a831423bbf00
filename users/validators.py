"""Password rules beyond Django's own (settings.AUTH_PASSWORD_VALIDATORS)."""

import re

from django.contrib.auth import password_validation
from django.contrib.auth.password_validation import CommonPasswordValidator
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# Words that make a guessable base on a government portal, beside Django's list of common passwords.
PORTAL_WORDS = {
    "admin",
    "administrator",
    "quantri",
    "matkhau",
    "password",
    "congthongtin",
    "ubnd",
    "xa",
    "huyen",
}

_DRESSING = re.compile(r"^[\W\d_]+|[\W\d_]+$")


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's, with a message of our catalog: Django 5.2 changed its wording and its Vietnamese catalog
    still has the old one, so the refusal came out in English."""

    def get_error_message(self):
        return ngettext(
            "This password is too short: it must have at least %(min_length)d character.",
            "This password is too short: it must have at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}

    def get_help_text(self):
        return ngettext(
            "Your password must have at least %(min_length)d character.",
            "Your password must have at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}


class CommonBaseValidator:
    """Refuse a common password dressed up with digits or symbols around it: "Admin2025", "@matkhau123".

    Django's CommonPasswordValidator only knows exact entries of its list; this strips the digits and
    symbols before and after the word and checks what is left against the same list and a few words
    every attacker tries on a portal."""

    def __init__(self):
        self.common = CommonPasswordValidator().passwords | PORTAL_WORDS

    def validate(self, password, user=None):
        base = _DRESSING.sub("", password.strip().lower())
        if base != password.strip().lower() and (not base or base in self.common):
            raise ValidationError(
                _("This password is a common word with digits or symbols added; it is too easy to guess."),
                code="password_common_base",
            )

    def get_help_text(self):
        return _("Your password can't be a common word with only digits or symbols added.")
