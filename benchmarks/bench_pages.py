"""Render times of the public pages built in the foundation, against a baseline in the same run.

Usage:  DJANGO_SETTINGS_MODULE=portal.settings.test python benchmarks/bench_pages.py [--repeat 200]
Creates a throw-away test database (PostgreSQL when DATABASE_URL is set, else SQLite), seeds the demo,
then times each URL with Django's test client. Baseline: /healthz (no page tree, no templates).
Every page is timed twice: rendered (the page cache off) and from the page cache (sites/page_cache.py).
"""

import argparse
import io
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import logging  # noqa: E402

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from benchmarks.common import create_bench_database, destroy_bench_database, print_table  # noqa: E402

CASES = [
    ("baseline /healthz", "localhost", "/healthz"),
    ("district home", "localhost", "/"),
    ("commune home", "phuoc-hau.localhost", "/"),
    ("news index", "phuoc-hau.localhost", "/tin-tuc/"),
    ("document library", "phuoc-hau.localhost", "/van-ban/"),
    ("404 page", "phuoc-hau.localhost", "/khong-co/", 404),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    setup_test_environment()
    logging.getLogger("django.request").setLevel(logging.ERROR)
    old_name = create_bench_database()
    try:
        t0 = time.perf_counter()
        with override_settings(DEBUG=True):
            call_command("seed_demo", "--port", "80", verbosity=0, stdout=io.StringIO())
        seed_seconds = time.perf_counter() - t0
        client = Client()
        print(
            f"database: {connection.vendor}; seed_demo (10 units): {seed_seconds:.1f} s; repeat={args.repeat}"
        )
        with override_settings(PORTAL_PAGE_CACHE_SECONDS=0):
            print("rendered (no page cache):")
            print_table(client, CASES, args.repeat, width=22)
        print("from the page cache (anonymous visitor, second request on):")
        print_table(client, CASES, args.repeat, width=22)
    finally:
        destroy_bench_database(old_name)


if __name__ == "__main__":
    main()
