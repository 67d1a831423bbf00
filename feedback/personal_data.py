"""What in a visitor's comment looks like personal data (Nghị định 13/2023/NĐ-CP, Art. 2): a Vietnamese phone
number, an identity card number (CMND, 9 digits) or citizen identity number (CCCD, 12 digits), an e-mail
address. The form asks people not to write any; the moderation list flags the comments that still do, so the
moderator rejects them (a comment is never published without moderation). A hint for a person, not a filter:
it may flag a number that is none of these, and cannot see a name or a street address."""

import re

from django.utils.translation import gettext_lazy as _

PHONE = "phone"
ID_NUMBER = "id"
EMAIL = "email"

LABELS = {
    PHONE: _("phone number"),
    ID_NUMBER: _("ID card number"),
    EMAIL: _("e-mail address"),
}

# Digits written as people write numbers: groups joined by one space, dot or dash ("0912 345 678",
# "0912.345.678", "+84 912-345-678", "(0259) 3851 234"), not touching another digit or a letter. (A group
# always ends with its separator: no two ways to cut a run of digits, no catastrophic backtracking.)
_NUMBER = re.compile(r"(?<![\w+])\+?(?:\(\d+\)[ .\-]?|\d+[ .\-])*\d+(?!\w)")
# 1.500.000 or 150,000,000: an amount of money, not a number that names someone
_AMOUNT = re.compile(r"[1-9]\d{0,2}([.,])\d{3}(?:\1\d{3})*")
_EMAIL = re.compile(r"[\w.%+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[^\W\d_]{2,}")


def _is_phone(digits, international):
    if international:  # +84 912 345 678 (mobile, 9 digits) or +84 259 3851 234 (landline, 10 digits)
        national = digits[2:]
        return national[:1] != "0" and len(national) in (9, 10)
    # 0912 345 678 (mobile: 10 digits) or 0259 3851 234 (landline: 11 digits, area code 02x)
    return digits[:1] == "0" and (
        (len(digits) == 10 and digits[1] in "35789") or (len(digits) == 11 and digits[1] == "2")
    )


def _number_kind(text):
    digits = re.sub(r"\D", "", text)
    international = text.startswith("+") or (digits.startswith("84") and len(digits) in (11, 12))
    if international and digits.startswith("84") and _is_phone(digits, True):
        return PHONE
    if text.startswith("+"):  # another country's number: not ours to judge
        return None
    if _is_phone(digits, False):
        return PHONE
    # an ID is written in one piece or in groups of three ("079 123 456 789"), unlike "2023 2024 2025"
    groups = re.split(r"[ .\-]", text)
    if (
        len(digits) in (9, 12)
        and not _AMOUNT.fullmatch(text)
        and (len(groups) == 1 or all(len(group) == 3 for group in groups))
    ):
        return ID_NUMBER
    return None


def personal_data_kinds(text):
    """The kinds of personal data (``PHONE``, ``ID_NUMBER``, ``EMAIL``) ``text`` seems to contain, in that
    order, each once; empty when none."""
    if not text:
        return []
    found = set()
    if _EMAIL.search(text):
        found.add(EMAIL)
    for match in _NUMBER.finditer(_EMAIL.sub(" ", text)):
        number = match.group()
        # "0912345678 0987654321": two numbers a space apart are also read one by one
        kinds = {_number_kind(number)} - {None} or {_number_kind(part) for part in number.split()} - {None}
        found |= kinds
    return [kind for kind in (PHONE, ID_NUMBER, EMAIL) if kind in found]


def personal_data_labels(text):
    """What ``personal_data_kinds`` found, as words for the moderator."""
    return [LABELS[kind] for kind in personal_data_kinds(text)]
