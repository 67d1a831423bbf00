"""Thin Celery wrappers around publishing commands; the logic stays in Wagtail and services."""

from django.utils.module_loading import import_string

from celery import shared_task


@shared_task(ignore_result=True, acks_late=True)
def run_django_task(module_path, args, kwargs, result_id=None):
    """Run one django-tasks task (Wagtail's background work) on a Celery worker."""
    task = import_string(module_path)
    task.call(*args, **kwargs)


@shared_task
def ping():
    """Answered by any live worker; used by health checks and tests."""
    return "pong"
