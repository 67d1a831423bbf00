"""Thin Celery wrappers; the work is in ``services``."""

from celery import shared_task

from notifications.tasks import MAIL_RETRIES
from reporting import services


@shared_task(retry_backoff=60, retry_kwargs={"max_retries": 5}, **MAIL_RETRIES)
def send_weekly_statistics():
    return services.send_weekly_statistics()


# Queued before ``editorial`` was split (#17): see notifications.tasks.
legacy_send_weekly_statistics = shared_task(
    name="editorial.tasks.send_weekly_statistics",
    retry_backoff=60,
    retry_kwargs={"max_retries": 5},
    **MAIL_RETRIES,
)(send_weekly_statistics.run)
