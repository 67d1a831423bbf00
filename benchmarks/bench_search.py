"""Public search over 100,000 news articles and 20,000 documents in 10 units.

Usage:
    DJANGO_SETTINGS_MODULE=portal.settings.test python benchmarks/bench_search.py \
        [--articles N] [--documents N] [--repeat N] [--keep]

Builds a throw-away database (PostgreSQL when DATABASE_URL is set, else SQLite) with the demo's district and
nine units, bulk-inserts generated Vietnamese articles and documents (benchmarks/corpus.py), then indexes
them twice: with the portal's search index (search.services.rebuild) and with Wagtail's default search
backend (wagtail.search.backends.database, default settings). Each of 20 queries is then run ``--repeat``
times through both, the same work each: the first 10 results by relevance and the number of matches. Ours
also cuts and highlights the snippets. Prints median and p95 per query and over all, and the ratio.
"""

import argparse
import io
import logging
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from wagtail.models import Locale, Page  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from benchmarks.common import create_bench_database, destroy_bench_database, percentiles  # noqa: E402
from benchmarks.corpus import build_articles, build_documents, progress  # noqa: E402
from documents.legal import LegalDocument  # noqa: E402
from home.text import parse_query  # noqa: E402
from news.models import NewsArticlePage  # noqa: E402
from search import selectors, services  # noqa: E402
from search.highlight import highlight, snippet  # noqa: E402
from search.models import SearchEntry  # noqa: E402
from search.views import MAX_RESULTS  # noqa: E402
from sites.models import Unit  # noqa: E402

QUERIES = [
    "xã",  # in almost every page
    "quyết định",
    "ubnd",
    "phòng chống thiên tai",
    "phong chong thien tai",
    '"nông thôn mới"',
    "nong thon moi",
    "chuyển đổi số",
    "chuyen doi so",
    "dịch vụ công trực tuyến",
    "Phước Hậu",
    "phuoc hau",
    "đảng ủy",
    "dang uy",
    "tiêm chủng",
    "học bổng",
    "bầu cử đại biểu",
    "125/QĐ-UBND",
    "qd-ubnd",
    "sốt xuất huyết",
]


def ours(query, unit_ids, locale_id):
    parsed = parse_query(query)
    scope = selectors.SearchScope(unit_ids=unit_ids, locale_id=locale_id)
    window = selectors.search_entries(parsed, scope, limit=MAX_RESULTS)
    items = window[:10]
    for entry in items:
        highlight(entry.title, parsed)
        snippet(entry.text, parsed)
    return len(window) + window.more, items


def wagtails(query, root, backend):
    pages = Page.objects.live().public()
    if root is not None:
        pages = pages.descendant_of(root, inclusive=True)
    results = backend.search(query, pages)
    items = list(results[:10])
    return results.count(), items


def print_row(name, matches, samples, wagtail_matches, wagtail_samples):
    p50, p95 = percentiles(samples)
    w50, w95 = percentiles(wagtail_samples)
    ours_part = f"{name:<26}{matches:>9}{p50:>8.1f}{p95:>8.1f}"
    print(f"{ours_part}  |{wagtail_matches:>9}{w50:>9.1f}{w95:>9.1f}{w50 / p50:>7.1f}")


def time_runs(fn, repeat):
    fn()  # warm-up
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def build(args, rng):
    with override_settings(DEBUG=True):
        call_command("seed_demo", "--port", "80", verbosity=0, stdout=io.StringIO())
    units = list(Unit.objects.select_related("site__root_page").order_by("sort_order"))
    t0 = time.perf_counter()
    build_articles(units, args.articles, rng)
    build_documents(units, args.documents, rng)
    print(f"  pages inserted in {time.perf_counter() - t0:.0f} s")

    t0 = time.perf_counter()
    count = services.rebuild(
        progress=lambda done, total: progress("portal index", done, total), batch_size=1000
    )
    print(f"  portal search index: {count} entries in {time.perf_counter() - t0:.0f} s")

    t0 = time.perf_counter()
    stock = get_search_backend("wagtail.search.backends.database")
    for model in (NewsArticlePage, LegalDocument):
        ids = list(model.objects.values_list("pk", flat=True))
        for start in range(0, len(ids), 1000):
            stock.add_bulk(model, list(model.objects.filter(pk__in=ids[start : start + 1000])))
            progress(f"Wagtail index ({model.__name__})", min(start + 1000, len(ids)), len(ids))
    print(f"  Wagtail's index: {time.perf_counter() - t0:.0f} s")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument(
        "--wagtail-repeat", type=int, default=5, help="Wagtail's backend takes seconds a query"
    )
    parser.add_argument("--keep", action="store_true", help="keep (and reuse) the corpus database")
    parser.add_argument("--reindex", action="store_true", help="rebuild the portal's index of a kept corpus")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    setup_test_environment()
    old_name = create_bench_database(keep=args.keep, name="bench_search")
    try:
        if SearchEntry.objects.filter(kind="news").count() < args.articles:
            build(args, random.Random(11))  # noqa: S311 (corpus text, not secrets)
        elif args.reindex:
            t0 = time.perf_counter()
            services.rebuild(
                progress=lambda done, total: progress("portal index", done, total), batch_size=1000
            )
            print(f"  portal search index rebuilt in {time.perf_counter() - t0:.0f} s")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        locale_id = Locale.get_default().pk
        units = list(Unit.objects.select_related("site__root_page").order_by("sort_order"))
        commune = units[4]
        stock = get_search_backend("wagtail.search.backends.database")
        print(
            f"database: {connection.vendor}; articles: {NewsArticlePage.objects.count()}; "
            f"documents: {LegalDocument.objects.count()}; units: {len(units)}; "
            f"repeat={args.repeat} (Wagtail: {args.wagtail_repeat})"
        )
        scopes = [
            ("all units", None, None),
            (f"one unit ({commune.name})", [commune.pk], commune.site.root_page),
        ]
        for label, unit_ids, root in scopes:
            print(f"\n{label}: first 10 by relevance + number of matches (ms)")
            header = f"{'query':<26}{'matches':>9}{'p50':>8}{'p95':>8}"
            print(f"{header}  |{'Wagtail':>9}{'p50':>9}{'p95':>9}{'x p50':>7}")
            all_ours, all_wagtail = [], []
            for query in QUERIES:
                matches = ours(query, unit_ids, locale_id)[0]
                samples = time_runs(lambda q=query, u=unit_ids: ours(q, u, locale_id), args.repeat)
                wagtail_matches = wagtails(query, root, stock)[0]
                wagtail_samples = time_runs(
                    lambda q=query, r=root: wagtails(q, r, stock), args.wagtail_repeat
                )
                all_ours += samples
                all_wagtail += wagtail_samples
                shown = f">{MAX_RESULTS}" if matches > MAX_RESULTS else str(matches)
                print_row(query, shown, samples, wagtail_matches, wagtail_samples)
            print_row("ALL QUERIES", "", all_ours, "", all_wagtail)

        client = Client()
        print("\nwhole /tim-kiem/ page (district site, all units), ms")
        for query in ("xã", "phuoc hau", "125/QĐ-UBND"):
            url = f"/tim-kiem/?don-vi=tat-ca&q={query}"
            samples = time_runs(lambda u=url: client.get(u, HTTP_HOST="localhost"), args.repeat)
            p50, p95 = percentiles(samples)
            print(f"  {query:<24}{p50:>8.1f}{p95:>8.1f}")
    finally:
        if not args.keep:
            destroy_bench_database(old_name)


if __name__ == "__main__":
    main()
