"""The board's article statistics report over 100,000 articles in 10 units.

Usage:
    DJANGO_SETTINGS_MODULE=portal.settings.test python benchmarks/bench_statistics.py \
        [--articles N] [--repeat N] [--keep]

Uses the search benchmark's database (`bench_search`, built by benchmarks/corpus.py when missing or smaller):
articles dated over 2020–2026 in the demo's ten units. Times the admin report for the board (all units side by
side) through Django's test client, next to a minimal view in the same run, and checks that the number of
queries does not depend on the number of units.
"""

import argparse
import io
import logging
import os
import random
import sys
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

from benchmarks.common import create_bench_database, destroy_bench_database, print_table  # noqa: E402
from benchmarks.corpus import build_articles  # noqa: E402
from news.models import NewsArticlePage  # noqa: E402
from portal import urls as portal_urls  # noqa: E402
from sites.models import Unit  # noqa: E402


def minimal_view(request):
    return HttpResponse("ok")


urlpatterns = [path("bench/minimal/", minimal_view), *portal_urls.urlpatterns]
URL = "/admin/reports/editorial-statistics/"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
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
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        from django.contrib.auth import get_user_model

        board_unit = Unit.objects.get(parent__isnull=True)
        user, _created = get_user_model().objects.get_or_create(username="bench-board")
        user.groups.add(board_unit.approvers_group)
        client = Client()
        client.force_login(user)
        cases = [
            ("minimal view (baseline)", "localhost", "/bench/minimal/"),
            ("month (11/2026)", "localhost", f"{URL}?ky=thang&nam=2026&thang=11"),
            ("quarter (Q3/2025)", "localhost", f"{URL}?ky=quy&nam=2025&quy=3"),
            ("first nine months 2025", "localhost", f"{URL}?ky=9-thang&nam=2025"),
            ("year 2024", "localhost", f"{URL}?ky=nam&nam=2024"),
            ("range 01/01/2020-31/12/2026", "localhost", f"{URL}?ky=khoang&tu=01/01/2020&den=31/12/2026"),
            ("year 2024, XLSX export", "localhost", f"{URL}?ky=nam&nam=2024&export=xlsx"),
        ]
        print(
            f"database: {connection.vendor}; articles: {NewsArticlePage.objects.count()}; "
            f"units: {Unit.objects.count()}; repeat={args.repeat}"
        )
        with override_settings(ROOT_URLCONF=__name__):
            print_table(client, cases, args.repeat, width=32)
            with CaptureQueriesContext(connection) as queries:
                client.get(f"{URL}?ky=nam&nam=2024", HTTP_HOST="localhost")
            print(f"queries for the report page: {len(queries)}")
    finally:
        if not args.keep:
            destroy_bench_database(old_name)


if __name__ == "__main__":
    main()
