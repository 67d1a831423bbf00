"""Overdue scheduled items are logged as errors and mailed to the editorial board (once each)."""

import logging

from notifications.services import admin_url, deliver, reachable
from sites.selectors import board_members

logger = logging.getLogger("scheduling")


def report_overdue(entries):
    board = reachable(board_members())
    sent = 0
    for entry in entries:
        logger.error(
            "overdue scheduled %s: %s (%s) was due at %s",
            entry.kind,
            entry.title,
            entry.unit.name if entry.unit else "-",
            entry.when.isoformat(),
        )
        sent += deliver(
            event="overdue",
            ident=entry.key,
            users=board,
            context={
                "entry": entry,
                "edit_url": admin_url(entry.edit_url),
                "schedule_url": admin_url("/admin/schedule/"),
            },
            page=entry.page,
        )
    return sent
