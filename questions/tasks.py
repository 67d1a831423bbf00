"""Thin Celery wrappers; the work is in ``questions.mail`` and ``questions.services``."""

from celery import shared_task

from questions import mail


@shared_task(ignore_result=True)
def send_acknowledgement(question_id):
    """The asker's acknowledgement: reference number and due date."""
    return mail.send_acknowledgement(question_id)


@shared_task(ignore_result=True)
def send_forward_notice(forward_id):
    """The asker is told their question went to another unit."""
    return mail.send_forward_notice(forward_id)


@shared_task(ignore_result=True)
def send_answer_notice(question_id):
    """The asker gets the address of the published answer."""
    return mail.send_answer_notice(question_id)


@shared_task(ignore_result=True)
def alert_flood(unit_id):
    """The editorial board is told a unit's question form is being flooded."""
    return mail.alert_flood(unit_id)
