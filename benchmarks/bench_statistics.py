"""The board's article statistics report over 100,000 articles in 10 units.

Usage:
    DJANGO_SETTINGS_MODULE=portal.settings.test python benchmarks/bench_statistics.py \
        [--articles N] [--repeat N] [--keep]

Uses the search benchmark's database (`bench_search`, built by benchmarks/corpus.py when missing or smaller):
articles dated over 2020–2026 in the demo's ten units. Times the admin report for the board (all units side by
side) through Django's test client, next to a minimal view in the same run, and checks that the number of
queries does not depend on the number of units. Adds 20,000 finished submissions through both moderation steps
(and 200 still waiting) for the turnaround tables.
"""

import argparse
import io
import logging
import os
import random
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import path  # noqa: E402

from wagtail.models import Page, WorkflowState  # noqa: E402

from benchmarks.common import create_bench_database, destroy_bench_database, print_table  # noqa: E402
from benchmarks.corpus import build_articles  # noqa: E402
from news.models import NewsArticlePage  # noqa: E402
from portal import urls as portal_urls  # noqa: E402
from reporting.reports import TABS  # noqa: E402
from sites.models import Unit  # noqa: E402


def build_moderation(total, rng):
    """``total`` finished submissions of random articles, each through both steps of its unit's workflow,
    with a publication log entry (the moderation turnaround table's input), and 200 still waiting."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from wagtail.models import PageLogEntry, Revision, TaskState, Workflow, WorkflowState

    page_type = ContentType.objects.get_for_model(Page)
    article_type = ContentType.objects.get_for_model(NewsArticlePage)
    top = Unit.objects.select_related("site").get(parent__isnull=True)
    workflow = Workflow.objects.get(workflow_pages__page=top.site.root_page_id)  # the units' two steps
    tasks = [wt.task for wt in workflow.workflow_tasks.select_related("task").order_by("sort_order")]
    articles = list(
        NewsArticlePage.objects.order_by("?").values_list("pk", "first_published_at")[: total + 200]
    )
    for model, name in ((WorkflowState, "created_at"), (TaskState, "started_at")):
        model._meta.get_field(name).auto_now_add = False  # the corpus sets its own times
    revisions = Revision.objects.bulk_create(
        [
            Revision(content_type=article_type, base_content_type=page_type, object_id=str(pk), content={},
                     created_at=live - timedelta(hours=12))
            for pk, live in articles
        ]
    )  # fmt: skip
    states, task_states, logs = [], [], []
    IN_PROGRESS = WorkflowState.STATUS_IN_PROGRESS  # noqa: N806
    for index, (pk, live) in enumerate(articles):
        waiting = index >= total
        submitted = (timezone.now() if waiting else live) - timedelta(hours=rng.randint(1, 72))
        states.append(
            WorkflowState(content_type=article_type, base_content_type=page_type, object_id=str(pk),
                          workflow=workflow, created_at=submitted,
                          status=IN_PROGRESS if waiting else WorkflowState.STATUS_APPROVED)
        )  # fmt: skip
    states = WorkflowState.objects.bulk_create(states)
    for state, revision in zip(states, revisions, strict=True):
        at = state.created_at
        for task in tasks if state.status == WorkflowState.STATUS_APPROVED else tasks[:1]:
            done = state.status == WorkflowState.STATUS_APPROVED
            finished = at + timedelta(minutes=rng.randint(10, 1200))
            task_states.append(
                TaskState(workflow_state=state, revision=revision, task=task, content_type=task.content_type,
                          status=TaskState.STATUS_APPROVED if done else TaskState.STATUS_IN_PROGRESS,
                          started_at=at, finished_at=finished if done else None)
            )  # fmt: skip
            at = finished
        if state.status == WorkflowState.STATUS_APPROVED:
            logs.append(
                PageLogEntry(content_type=article_type, label="bench", action="wagtail.publish",
                             page_id=int(state.object_id), revision=revision, timestamp=at)
            )  # fmt: skip
    TaskState.objects.bulk_create(task_states, batch_size=2000)
    PageLogEntry.objects.bulk_create(logs, batch_size=2000)
    for state in states:
        if state.status == WorkflowState.STATUS_IN_PROGRESS:
            state.current_task_state = state.task_states.first()
    WorkflowState.objects.bulk_update(
        [s for s in states if s.status == WorkflowState.STATUS_IN_PROGRESS], ["current_task_state"]
    )


def minimal_view(request):
    return HttpResponse("ok")


urlpatterns = [path("bench/minimal/", minimal_view), *portal_urls.urlpatterns]
URL = "/admin/reports/editorial-statistics/"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--submissions", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="keep (and reuse) the corpus database")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    setup_test_environment()
    old_name = create_bench_database(keep=args.keep, name="bench_search")
    try:
        if NewsArticlePage.objects.count() < args.articles:
            with override_settings(DEBUG=True):
                call_command("seed_demo", "--port", "80", verbosity=0, stdout=io.StringIO())
            units = list(Unit.objects.select_related("site__root_page").order_by("sort_order"))
            build_articles(units, args.articles, random.Random(11))  # noqa: S311 (corpus text, not secrets)
        if not WorkflowState.objects.exists():
            build_moderation(args.submissions, random.Random(12))  # noqa: S311
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        from django.contrib.auth import get_user_model

        board_unit = Unit.objects.get(parent__isnull=True)
        user, _created = get_user_model().objects.get_or_create(username="bench-board")
        user.groups.add(board_unit.approvers_group)
        client = Client()
        client.force_login(user)
        cases = [("minimal view (baseline)", "localhost", "/bench/minimal/")]
        periods = (
            ("month 11/2026", "ky=thang&nam=2026&thang=11"),
            ("year 2024", "ky=nam&nam=2024"),
            ("2020–2026", "ky=khoang&tu=01/01/2020&den=31/12/2026"),
        )
        for key, _label in TABS:
            for name, query in periods:
                cases.append((f"{key}, {name}", "localhost", f"{URL}?{query}&bang={key}"))
        cases.append(("don-vi, year 2024, XLSX", "localhost", f"{URL}?ky=nam&nam=2024&export=xlsx"))
        print(
            f"database: {connection.vendor}; articles: {NewsArticlePage.objects.count()}; "
            f"units: {Unit.objects.count()}; repeat={args.repeat}"
        )
        with override_settings(ROOT_URLCONF=__name__):
            print_table(client, cases, args.repeat, width=32)
            for key, _label in TABS:
                with CaptureQueriesContext(connection) as queries:
                    client.get(f"{URL}?ky=nam&nam=2024&bang={key}", HTTP_HOST="localhost")
                print(f"queries for {key}: {len(queries)}")
    finally:
        if not args.keep:
            destroy_bench_database(old_name)


if __name__ == "__main__":
    main()
