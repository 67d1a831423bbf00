"""A django-tasks backend that runs Wagtail's background tasks on the Celery workers.

Wagtail 8 queues its background work (search and reference index updates, image renditions and
focal points, file deletions, frontend cache purges) through django-tasks. No published backend
hands django-tasks to Celery for Django 5.2 (django-tasks-fennel 0.1 was the only candidate, and
is neither Celery nor mature), so this small one does: ``enqueue`` sends one Celery message per
task after the surrounding transaction commits, and the worker imports the task by its path and
calls it. Tasks are idempotent on Wagtail's side (they re-read the object), so a redelivery is
harmless.
"""

from django.db import transaction
from django.utils import timezone

from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import TaskResult, TaskResultStatus
from django_tasks.utils import get_random_id, normalize_json

from portal.tasks import run_django_task


class CeleryTaskBackend(BaseTaskBackend):
    supports_defer = True
    supports_priority = True

    def _send(self, task_result):
        options = {}
        task = task_result.task
        if task.run_after is not None:
            options["eta"] = task.run_after
        run_django_task.apply_async(
            args=[task.module_path, task_result.args, task_result.kwargs, task_result.id], **options
        )

    def enqueue(self, task, args, kwargs):
        self.validate_task(task)
        task_result = TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=timezone.now(),
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=normalize_json(list(args)),
            kwargs=normalize_json(dict(kwargs)),
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )

        # After commit: the worker must see the rows the task is about. robust=True: a broker
        # outage is logged and loses only this index update, never the editor's save.
        key = (task.module_path, repr(task_result.args), repr(sorted(task_result.kwargs.items())))
        connection = transaction.get_connection()
        if any(getattr(func, "task_key", None) == key for _, func, _ in connection.run_on_commit):
            # Wagtail asks for the same index update several times in one save (page, revision,
            # publish): one run after commit covers them all.
            return task_result

        def send_django_task():  # named: Django logs failing robust callbacks by __qualname__
            self._send(task_result)

        send_django_task.task_key = key
        transaction.on_commit(send_django_task, robust=True)
        return task_result
