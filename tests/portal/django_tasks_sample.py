"""A django-tasks task for the Celery backend test (importable by the worker process)."""

from pathlib import Path

from django_tasks import task


@task()
def write_marker(path, text):
    Path(path).write_text(text)
