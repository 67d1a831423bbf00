"""Celery wrappers of the ``sites`` services."""

from django.utils.dateparse import parse_datetime

from celery import shared_task

from sites import personal_data


@shared_task
def erase_expired_personal_data(now=None):
    """Nightly (portal/celery.py beat): contact details past their keeping time, erased and logged.
    ``now``: an ISO date-time to count the keeping time from (tests), default the present.
    Returns ``{provider key: records erased}``."""
    return personal_data.erase_expired_personal_data(now=parse_datetime(now) if now else None)
