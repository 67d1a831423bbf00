"""The Celery app. Broker and result store are Redis when REDIS_URL is set,
otherwise an embedded file-system broker (see settings/base.py)."""

import os

from celery import Celery
from celery.schedules import crontab

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
}
