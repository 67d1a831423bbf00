"""Render times of the public pages built in the foundation, against a baseline in the same run.

Usage:  DJANGO_SETTINGS_MODULE=portal.settings.test python benchmarks/bench_pages.py [--repeat 200]
Creates a throw-away test database (PostgreSQL when DATABASE_URL is set, else SQLite), seeds the demo,
then times each URL with Django's test client. Baseline: /healthz (no page tree, no templates).
"""

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import logging  # noqa: E402

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

CASES = [
    ("baseline /healthz", "localhost", "/healthz"),
    ("district home", "localhost", "/"),
    ("commune home", "phuoc-hau.localhost", "/"),
    ("news index", "phuoc-hau.localhost", "/tin-tuc/"),
    ("document library", "phuoc-hau.localhost", "/van-ban/"),
    ("404 page", "phuoc-hau.localhost", "/khong-co/"),
]


def measure(client, host, path, repeat):
    client.get(path, HTTP_HOST=host)  # warm-up
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(path, HTTP_HOST=host)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    setup_test_environment()
    # A database of its own, so a benchmark never collides with a test run.
    test_settings = connection.settings_dict.setdefault("TEST", {})
    test_settings["NAME"] = (
        str(settings.VAR_DIR / "bench-db.sqlite3") if connection.vendor == "sqlite" else "bench_portal"
    )
    logging.getLogger("django.request").setLevel(logging.ERROR)
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        t0 = time.perf_counter()
        with override_settings(DEBUG=True):
            call_command("seed_demo", "--port", "80", verbosity=0, stdout=io.StringIO())
        seed_seconds = time.perf_counter() - t0
        client = Client()
        print(
            f"database: {connection.vendor}; seed_demo (10 units): {seed_seconds:.1f} s; repeat={args.repeat}"
        )
        print(f"{'case':<22}{'median ms':>10}{'p95 ms':>10}{'x baseline':>12}")
        baseline = None
        for name, host, path in CASES:
            median, p95 = measure(client, host, path, args.repeat)
            baseline = baseline or median
            print(f"{name:<22}{median:>10.2f}{p95:>10.2f}{median / baseline:>12.1f}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
