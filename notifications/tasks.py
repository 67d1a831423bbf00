"""Thin Celery wrappers; the work is in ``services``."""

from smtplib import SMTPException

from celery import shared_task

from notifications import services

MAIL_RETRIES = {"autoretry_for": (SMTPException, ConnectionError, TimeoutError), "ignore_result": True}


@shared_task(retry_backoff=30, retry_kwargs={"max_retries": 8}, **MAIL_RETRIES)
def send_notification(event, object_id):
    return services.notify(event, object_id)


# Messages queued before ``editorial`` was split (#17) carry the old task names: a worker that did not
# know them would drop those mails as unregistered tasks. The same work answers to the old names.
legacy_send_notification = shared_task(
    name="editorial.tasks.send_notification",
    retry_backoff=30,
    retry_kwargs={"max_retries": 8},
    **MAIL_RETRIES,
)(send_notification.run)


@shared_task(retry_backoff=60, retry_kwargs={"max_retries": 5}, **MAIL_RETRIES)
def send_review_digests():
    return services.send_review_digests()


legacy_send_review_digests = shared_task(
    name="editorial.tasks.send_review_digests",
    retry_backoff=60,
    retry_kwargs={"max_retries": 5},
    **MAIL_RETRIES,
)(send_review_digests.run)
