"""The Celery app. Broker and result store are Redis when REDIS_URL is set,
otherwise an embedded file-system broker (see settings/base.py)."""

import os

from celery import Celery
from celery.schedules import crontab
from celery.signals import task_postrun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Periodic tasks are declared here, in one place.
app.conf.beat_schedule = {
    # Catch-up and look-ahead for exact-time publishing (scheduling/services.py).
    "schedule-sweep": {
        "task": "scheduling.tasks.sweep",
        "schedule": crontab(minute="*"),
    },
    "review-digests": {
        "task": "notifications.tasks.send_review_digests",
        "schedule": crontab(hour=7, minute=0),  # CELERY_TIMEZONE: Asia/Ho_Chi_Minh
    },
    # The board's weekly digest and the reminders to units behind their target (issue #8).
    "weekly-statistics": {
        "task": "reporting.tasks.send_weekly_statistics",
        "schedule": crontab(day_of_week="mon", hour=7, minute=30),
    },
    # Ratings' address hashes older than PORTAL_FEEDBACK_HASH_DAYS are cleared (personal data; issue #19).
    "forget-rating-addresses": {
        "task": "feedback.tasks.forget_old_addresses",
        "schedule": crontab(hour=2, minute=30),
    },
    # Contact details of closed questions and of comments on closed drafts past their keeping time (#20).
    "erase-expired-personal-data": {
        "task": "sites.tasks.erase_expired_personal_data",
        "schedule": crontab(hour=2, minute=45),
    },
}


def route_django_task(name, args, kwargs, options, task=None, **kw):
    """A Celery router (CELERY_TASK_ROUTES): Wagtail's background tasks all travel as
    ``portal.tasks.run_django_task``; the django-task inside (its path, the first argument) picks the queue
    from ``PORTAL_DJANGO_TASK_QUEUES``. Anything else: None, the next route decides."""
    if name != "portal.tasks.run_django_task":
        return None
    from django.conf import settings  # read when a task is sent, after Django's setup

    module_path = args[0] if args else (kwargs or {}).get("module_path")
    queue = settings.PORTAL_DJANGO_TASK_QUEUES.get(module_path)
    return {"queue": queue} if queue else None


@task_postrun.connect
def _note_write(**kwargs):
    """A task may have written (a publication at its second): public reads stay on "default" for a moment
    (portal/db_router.py; nothing happens without replicas)."""
    from portal.db_router import note_write  # reads settings: only once Django is set up

    note_write()
