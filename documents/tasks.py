from django.conf import settings
from django.db import OperationalError

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded

from documents import services

# Each file is read in a limited child process (documents/extraction.py); these bound the whole run.
# A run is acknowledged even when its worker process is lost (reject_on_worker_lost=False: no redelivery
# loop), and the service gives a document up after a few unfinished runs (worker killed outright).
READ_SOFT_LIMIT = settings.PORTAL_EXTRACT_TASK_SECONDS
READ_HARD_LIMIT = READ_SOFT_LIMIT + 30


@shared_task(
    acks_late=True,
    reject_on_worker_lost=False,
    ignore_result=True,
    soft_time_limit=READ_SOFT_LIMIT,
    time_limit=READ_HARD_LIMIT,
    autoretry_for=(OperationalError,),  # the database restarting
    max_retries=3,
    retry_backoff=True,
)
def read_attachments(page_id):
    try:
        services.read_attachments(page_id)
    except SoftTimeLimitExceeded:
        services.give_up_reading(page_id)
