"""Thin Celery wrappers; the work is in ``services``."""

from smtplib import SMTPException

from celery import shared_task

from reporting import services


@shared_task(
    autoretry_for=(SMTPException, ConnectionError, TimeoutError),
    retry_backoff=60,
    retry_kwargs={"max_retries": 5},
    ignore_result=True,
)
def send_weekly_statistics():
    return services.send_weekly_statistics()
