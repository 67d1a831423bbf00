"""Thin Celery wrappers around scheduling.services."""

from celery import shared_task

from scheduling import services


@shared_task(acks_late=True, ignore_result=True)
def publish_revision_task(revision_id, due):
    result = services.publish_revision(revision_id, due)
    if result == services.EARLY:  # delivered before its time (clock skew): try again at the time
        services.queue_publication(revision_id, services._as_datetime(due), force=True)
    return result


@shared_task(acks_late=True, ignore_result=True)
def publish_due_at_task(due):
    # queued PORTAL_SCHEDULE_PREPARE_SECONDS early: prepares, then waits for ``due`` holding no
    # transaction; if this worker dies, the revisions' own tasks and the sweep publish them
    return services.publish_due_at(due)


@shared_task(acks_late=True, ignore_result=True)
def expire_object_task(model_label, pk, due):
    return services.expire_object(model_label, pk, due)


@shared_task(ignore_result=True)
def sweep():
    report = services.sweep()
    return {"published": report.published, "expired": report.expired, "queued": report.queued}
