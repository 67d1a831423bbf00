"""A person's contact as the portal stores and compares it: one normalisation of e-mail addresses and
Vietnamese phone numbers for the question form, the board's block list and the search for one person's
data."""

import re

_PHONE_TEXT = re.compile(r"\+?[\d\s.\-()]+")


def normalise_phone(value):
    """A Vietnamese phone number as digits with its leading 0 ("+84 912-345-678" → "0912345678",
    "(0259) 3851 234" → "02593851234"), or None when it is not one: a mobile number (10 digits,
    03/05/07/08/09) or a landline (11 digits, 02x)."""
    text = (value or "").strip()
    if not text or not _PHONE_TEXT.fullmatch(text):
        return None
    digits = re.sub(r"\D", "", text)
    if text.startswith("+") or (digits.startswith("84") and len(digits) in (11, 12)):
        if not digits.startswith("84"):
            return None
        digits = "0" + digits[2:]
    if len(digits) == 10 and digits[1] in "35789":
        return digits
    if len(digits) == 11 and digits[1] == "2":
        return digits
    return None


def normalise_email(value):
    """An e-mail address as stored and compared: trimmed, in lower case."""
    return (value or "").strip().lower()
