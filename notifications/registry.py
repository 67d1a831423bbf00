"""What feature apps add to the daily review digest (notifications imports no feature).

Each app registers, in its ``wagtail_hooks.py``, ``fn(*, user, now)`` under ``DIGEST_SECTIONS_HOOK`` (with an
``order``: the sections' place in the mail) returning a list of ``DigestSection``: what waits for ``user`` in
that feature, oldest first. The digest goes to every approver who has pages to review or any section item.
"""

import datetime
from dataclasses import dataclass, field

from wagtail import hooks

DIGEST_SECTIONS_HOOK = "portal_digest_sections"


@dataclass
class DigestItem:
    text: str  # one line: what it is and whose
    url: str  # absolute (admin_url): the mail is read outside the site
    age: datetime.timedelta | None = None  # how long it has waited
    due_on: datetime.date | None = None  # its deadline, when it has one
    overdue: bool = False


@dataclass
class DigestSection:
    title: str
    items: list = field(default_factory=list)  # [DigestItem], oldest first
    url: str = ""  # where the whole list is (absolute), if anywhere
    more: int = 0  # items beyond those listed


def digest_sections(*, user, now):
    """Every registered app's non-empty sections for ``user``, in hook order."""
    return [
        section
        for fn in hooks.get_hooks(DIGEST_SECTIONS_HOOK)
        for section in fn(user=user, now=now)
        if section.items
    ]
