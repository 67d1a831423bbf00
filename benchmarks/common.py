"""Shared pieces of the benchmark scripts: a database of their own, timing, the result table."""

import socket
import statistics
import time

from django.conf import settings
from django.db import connection


def create_bench_database(*, keep=False, name="bench_portal"):
    """Create (or with ``keep`` reuse) the benchmark's own test database; returns the old name."""
    test_settings = connection.settings_dict.setdefault("TEST", {})
    # A database of its own, so a benchmark never collides with a test run.
    test_settings["NAME"] = (
        str(settings.VAR_DIR / f"{name}.sqlite3") if connection.vendor == "sqlite" else name
    )
    return connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=keep, serialize=False)


def destroy_bench_database(old_name):
    connection.creation.destroy_test_db(old_name, verbosity=0)


def percentiles(samples):
    """(median, p95) of ``samples``."""
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[max(0, int(len(ordered) * 0.95) - 1)]


def measure(client, host, url, repeat, expect=200):
    """(median, p95) in milliseconds of ``repeat`` GETs after one warm-up; each must answer ``expect``."""
    client.get(url, HTTP_HOST=host)
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url, HTTP_HOST=host)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == expect, (url, response.status_code)
    return percentiles(samples)


def print_table(client, cases, repeat, width=26):
    """Time every (name, host, url[, expected status]) case; the first is the baseline of the ratios."""
    print(f"{'case':<{width}}{'median ms':>10}{'p95 ms':>10}{'x baseline':>12}")
    baseline = None
    for name, host, url, *expect in cases:
        median, p95 = measure(client, host, url, repeat, *expect)
        baseline = baseline or median
        print(f"{name:<{width}}{median:>10.2f}{p95:>10.2f}{median / baseline:>12.1f}")


def free_port():
    """A TCP port free on the loopback right now (for a server the benchmark starts)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
