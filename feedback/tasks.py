"""Thin Celery wrappers; the work is in ``services``."""

from celery import shared_task

from feedback import services


@shared_task(ignore_result=True)
def forget_old_addresses():
    """Nightly (portal/celery.py's beat schedule): ratings' address hashes past their keeping time."""
    return services.forget_old_addresses()
