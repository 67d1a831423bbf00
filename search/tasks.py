"""Index updates as django-tasks, like Wagtail's own: on the Celery workers after commit when Redis is
configured (portal.task_backend), inline otherwise."""

from django_tasks import task

from search import services


@task()
def update_entry(page_id):
    services.index_page(page_id)


@task()
def update_subtree(page_id):
    services.index_subtree(page_id)
