"""Thin Celery wrappers around publishing commands; the logic stays in Wagtail and services."""

from django.core.management import call_command

from celery import shared_task


@shared_task(ignore_result=True)
def publish_scheduled():
    """Publish pages whose go-live time has passed and unpublish expired ones.

    Runs every minute from beat until exact-time scheduling replaces it.
    """
    call_command("publish_scheduled")


@shared_task
def ping():
    """Answered by any live worker; used by health checks and tests."""
    return "pong"
