"""Thin Celery wrappers; the work is in ``services``."""

from smtplib import SMTPException

from celery import shared_task

from notifications import services


@shared_task(
    autoretry_for=(SMTPException, ConnectionError, TimeoutError),
    retry_backoff=30,
    retry_kwargs={"max_retries": 8},
    ignore_result=True,
)
def send_notification(event, object_id):
    return services.notify(event, object_id)


@shared_task(
    autoretry_for=(SMTPException, ConnectionError, TimeoutError),
    retry_backoff=60,
    retry_kwargs={"max_retries": 5},
    ignore_result=True,
)
def send_review_digests():
    return services.send_review_digests()
