"""Signals of the sites app (receivers defer their work to commit)."""

from django.dispatch import Signal

# Sent inside the take-down's transaction with ``takedown=``.
page_taken_down = Signal()
