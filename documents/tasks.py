from celery import shared_task

from documents import services


@shared_task(acks_late=True, ignore_result=True)
def read_attachments(page_id):
    services.read_attachments(page_id)
