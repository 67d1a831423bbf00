"""Server-side render time of news pages over a corpus of 10 units and 10,000 articles.

Usage:
    DJANGO_SETTINGS_MODULE=portal.settings.test python benchmarks/bench_news.py [--articles N] [--repeat N]

Builds a throw-away test database (PostgreSQL when DATABASE_URL is set, else SQLite) with a district and
nine units, spreads the articles over them (with categories, some flagged for every unit's home),
then times each page with Django's test client (full middleware stack, no cache) next to two baselines
measured in the same run: a minimal Django view (plain HttpResponse) and a minimal view that runs one
query and renders a small template.
"""

import argparse
import io
import logging
import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.template import engines  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import path  # noqa: E402
from django.utils import timezone  # noqa: E402

from benchmarks.common import create_bench_database, destroy_bench_database, print_table  # noqa: E402
from news.models import NewsArticlePage, NewsIndexPage  # noqa: E402
from news.taxonomy import Category  # noqa: E402
from portal import urls as portal_urls  # noqa: E402
from sites.models import Unit  # noqa: E402

WORDS = (  # noqa: SIM905 (readable as prose)
    "xã huyện Ninh Phước hội nghị triển khai kế hoạch năm cải cách hành chính nhân dân phát triển kinh tế "
    "xã hội quốc phòng an ninh xây dựng Đảng nông thôn mới môi trường dịch vụ công trực tuyến đoàn viên "
    "thanh niên phụ nữ nông dân sản xuất vụ Đông Xuân giải ngân vốn đầu tư công an sinh chính sách"
).split()


def minimal_view(request):
    return HttpResponse("ok")


_TEMPLATE = engines["django"].from_string(
    "<!DOCTYPE html><title>{{ unit.name }}</title><p>{{ unit.slug }}</p>"
)


def minimal_db_view(request):
    return HttpResponse(_TEMPLATE.render({"unit": Unit.objects.first()}, request))


urlpatterns = [
    path("bench/minimal/", minimal_view),
    path("bench/minimal-db/", minimal_db_view),
    *portal_urls.urlpatterns,
]


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize()


def build_corpus(total, rng):
    units = list(Unit.objects.select_related("site__root_page").order_by("sort_order"))
    categories = list(Category.objects.filter(unit__isnull=True))
    now = timezone.now()
    per_unit = total // len(units)
    made = 0
    for unit in units:
        index = NewsIndexPage.objects.child_of(unit.site.root_page).get()
        with transaction.atomic():
            for i in range(per_unit):
                article = NewsArticlePage(
                    title=sentence(rng, 10),
                    slug=f"bai-{i}",
                    lead=sentence(rng, 30),
                    body=[("paragraph", f"<p>{sentence(rng, 80)}</p>")] * 3,
                    published_date=now - timedelta(hours=i * 3 + rng.randint(0, 2)),
                    live=True,
                    show_on_all_units=unit.parent_id is None and i % 50 == 0,
                    featured=i % 40 == 0,
                )
                article.categories = rng.sample(categories, 2)
                index.add_child(instance=article)
                made += 1
                if made % 500 == 0:
                    print(f"\r  corpus: {made}/{total} articles", end="", flush=True)
    print(f"\r  corpus: {made}/{total} articles")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--keep", action="store_true", help="keep (and reuse) the corpus database")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    setup_test_environment()
    old_name = create_bench_database(keep=args.keep)
    try:
        if NewsArticlePage.objects.count() < args.articles:
            with override_settings(DEBUG=True):
                call_command("seed_demo", "--port", "80", verbosity=0, stdout=io.StringIO())
            t0 = time.perf_counter()
            build_corpus(args.articles, random.Random(42))  # noqa: S311 (corpus text, not secrets)
            print(f"  built in {time.perf_counter() - t0:.0f} s")
        if connection.vendor == "postgresql":
            # What autovacuum would have done by now on a real server: fresh planner statistics.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        units = list(Unit.objects.select_related("site__root_page").order_by("sort_order"))
        commune = units[4]
        article = NewsArticlePage.objects.live().descendant_of(commune.site.root_page).order_by("-pk").first()
        cases = [
            ("minimal view (baseline)", "localhost", "/bench/minimal/"),
            ("minimal view + 1 query", "localhost", "/bench/minimal-db/"),
            ("district home", "localhost", "/"),
            ("commune home", commune.site.hostname, "/"),
            ("news index", commune.site.hostname, "/tin-tuc/"),
            ("news index page 50", commune.site.hostname, "/tin-tuc/?page=50"),
            ("news index category", commune.site.hostname, "/tin-tuc/?category=kinh-te-xa-hoi"),
            ("article", commune.site.hostname, article.url_path[len(commune.site.root_page.url_path) - 1 :]),
            ("RSS feed", commune.site.hostname, "/tin-tuc/rss/"),
        ]
        client = Client()
        print(
            f"database: {connection.vendor}; articles: {NewsArticlePage.objects.count()}; "
            f"units: {len(units)}; repeat={args.repeat}"
        )
        with override_settings(ROOT_URLCONF=__name__):
            print_table(client, cases, args.repeat)
    finally:
        if not args.keep:
            destroy_bench_database(old_name)


if __name__ == "__main__":
    main()
