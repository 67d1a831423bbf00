"""How exactly scheduled pages go live: 100 pages scheduled for the same second.

Usage:
    DJANGO_SETTINGS_MODULE=portal.settings.test python benchmarks/bench_schedule.py [--pages 100] [--keep]

Builds a throw-away database (PostgreSQL when DATABASE_URL is set, else SQLite), starts a real Celery
worker (the broker of REDIS_URL, else the file-system broker) and a gunicorn web server on it, schedules
``--pages`` articles for the same second T, and polls every article's public URL over HTTP: the delay of
a page is the time of its first 200 minus T. Printed: p50, p95 and max, next to the delays Wagtail's
plain ``publish_scheduled`` would give for the same T when run by cron each minute (the next minute
boundary after T plus that command's own time, measured here on a second batch of pages); and when
Wagtail had recorded every publication (no revision still scheduled for T: log entries, signals).
"""

import argparse
import math
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from datetime import UTC, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
os.environ["PORTAL_TASKS_BACKEND"] = "celery"  # Wagtail's background work on the worker, as in production

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from benchmarks.common import create_bench_database, destroy_bench_database  # noqa: E402
from portal.celery import app  # noqa: E402


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def summary(values):
    return statistics.median(values), percentile(values, 0.95), max(values)


def make_pages(unit, count, prefix):
    from tests.factories import draft_article

    owner = None
    return [
        draft_article(unit, owner, title=f"{prefix} {n:03d}", slug=f"{prefix.lower()}-{n:03d}")
        for n in range(count)
    ]


def schedule_all(pages, when):
    for page in pages:
        page.go_live_at = when
        page.save_revision().publish()  # queues the ETA task after commit (autocommit here)


def poll_first_200(urls, host, start_at, timeout, threads=12):
    """{url: epoch seconds of its first 200}, polling each pending URL in turn from ``start_at``."""
    first = {}
    lock = threading.Lock()
    chunks = [urls[i::threads] for i in range(threads)]
    deadline = start_at + timeout

    def worker(chunk):
        pending = list(chunk)
        while time.time() < start_at:
            time.sleep(0.005)
        while pending and time.time() < deadline:
            for url in list(pending):
                request = urllib.request.Request(url, headers={"Host": host})
                try:
                    with urllib.request.urlopen(request, timeout=5) as response:
                        ok = response.status == 200
                except urllib.error.HTTPError:
                    ok = False
                if ok:
                    seen = time.time()
                    with lock:
                        first[url] = seen
                    pending.remove(url)

    workers = [threading.Thread(target=worker, args=(chunk,)) for chunk in chunks]
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    return first


def wait_until_recorded(when, timeout):
    """Seconds from ``when`` until no revision is still scheduled for it (Wagtail has recorded
    every publication: the page can be live a moment before)."""
    from wagtail.models import Revision

    deadline = time.time() + timeout
    while Revision.objects.filter(approved_go_live_at=when).exists() and time.time() < deadline:
        time.sleep(0.1)
    return time.time() - when.timestamp()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--lead", type=float, default=30.0, help="seconds between scheduling and T")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument(
        "--worker-nice", type=int, default=10, help="CPU niceness of the worker (readers first), 0 to disable"
    )
    args = parser.parse_args()

    # a database of its own: other benchmark scripts may run at the same time on this server
    old_name = create_bench_database(keep=args.keep, name="bench_schedule")
    db_name = str(connection.settings_dict["NAME"])
    from sites.services import provision_site

    provision_site(name="Huyện Bench", slug="bench", level="district", hostname="bench.localhost")
    unit = provision_site(
        name="Xã Bench", slug="bench-xa", level="commune", hostname="bench-xa.localhost", parent="bench"
    ).unit
    pages = make_pages(unit, args.pages, "Hen")
    cron_pages = make_pages(unit, args.pages, "Cron")

    env = dict(os.environ, PORTAL_TEST_DATABASE_NAME=db_name)
    app.control.purge()
    nice = ["nice", "-n", str(args.worker_nice)] if args.worker_nice else []
    worker = subprocess.Popen(
        [*nice, sys.executable, "-m", "celery", "-A", "portal", "worker", "--concurrency=2",
         f"--loglevel={os.environ.get('BENCH_WORKER_LOG', 'WARNING')}",
         "--without-mingle", "--without-gossip", "-n", f"bench-{os.getpid()}@%h"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    port = free_port()
    web = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "portal.wsgi:application", "-b", f"127.0.0.1:{port}",
         "-w", "2", "--threads", "4", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        from portal.tasks import ping

        assert ping.delay().get(timeout=120) == "pong"
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                urllib.request.urlopen(
                    urllib.request.Request(f"{base}/healthz", headers={"Host": "bench.localhost"})
                )
                break
            except OSError:
                time.sleep(0.1)
        host = "bench-xa.localhost"
        urls = [f"{base}/tin-tuc/{page.slug}/" for page in pages]

        when = (timezone.now() + timedelta(seconds=args.lead)).replace(microsecond=0)
        t0 = time.perf_counter()
        schedule_all(pages, when)
        scheduling_ms = (time.perf_counter() - t0) * 1000 / len(pages)
        assert timezone.now() < when, "scheduling took longer than --lead; raise it"
        first = poll_first_200(urls, host, start_at=when.timestamp(), timeout=120)
        missing = len(urls) - len(first)
        recorded = wait_until_recorded(when, timeout=120)
        delays = [first[url] - when.timestamp() for url in urls if url in first]
        # The floor of this measurement: the same pollers fetching the same 100 live pages once.
        floor_start = time.time() + 0.2
        floor = poll_first_200(urls, host, start_at=floor_start, timeout=120)
        floor_delays = [floor[url] - floor_start for url in urls if url in floor]

        # Wagtail's plain command for the same T, run by cron at the next minute boundary
        past = timezone.now() - timedelta(seconds=1)
        for page in cron_pages:
            page.go_live_at = timezone.now() + timedelta(hours=1)
            revision = page.save_revision()
            revision.publish()
        from wagtail.models import Revision

        Revision.objects.filter(object_id__in=[str(p.pk) for p in cron_pages]).exclude(
            approved_go_live_at=None
        ).update(approved_go_live_at=past)
        start = time.time()
        call_command("publish_scheduled")
        command_s = time.time() - start
        per_page = command_s / len(cron_pages)
        # cron fires at each minute boundary; for publication times spread evenly over a minute
        # the wait for the boundary is 0..60 s, then the command publishes the pages in turn
        cron_delays = [
            wait + per_page * (i + 1) for wait in (k / 10 for k in range(600)) for i in range(len(cron_pages))
        ]

        vendor = connection.vendor
        broker = app.conf.broker_url.split(":")[0]
        print(f"{len(pages)} pages scheduled for {when.astimezone(UTC):%H:%M:%S} UTC "
              f"(database {vendor}, broker {broker}, worker concurrency 2, gunicorn 2x4)")  # fmt: skip
        print(f"scheduling cost per page: {scheduling_ms:.1f} ms; pages never seen: {missing}")
        print(f"every publication recorded by Wagtail (revision, log, page_published) at T+{recorded:.1f} s")
        print(f"{'delay to first 200 (s)':<34}{'p50':>8}{'p95':>8}{'max':>8}")
        p50, p95, worst = summary(delays) if delays else (float("nan"),) * 3
        print(f"{'exact-time tasks (this platform)':<34}{p50:>8.2f}{p95:>8.2f}{worst:>8.2f}")
        c50, c95, cmax = summary(cron_delays)
        print(f"{'publish_scheduled by cron/minute':<34}{c50:>8.2f}{c95:>8.2f}{cmax:>8.2f}")
        f50, f95, fmax = summary(floor_delays)
        print(f"{'HTTP floor (pages already live)':<34}{f50:>8.2f}{f95:>8.2f}{fmax:>8.2f}")
        print(f"ratio cron/this at p95: {c95 / p95:.0f}x; target p95 <= 2 s and max <= 5 s: "
              f"{'met' if p95 <= 2 and worst <= 5 and not missing else 'NOT met'}")  # fmt: skip
        print(f"(cron: publication times spread over a minute; the command took {command_s:.2f} s for "
              f"{len(cron_pages)} pages; worker nice {args.worker_nice})")  # fmt: skip
    finally:
        for proc in (web, worker):
            proc.send_signal(signal.SIGTERM)
        for proc in (web, worker):
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        connection.close()
        if not args.keep:
            destroy_bench_database(old_name)


if __name__ == "__main__":
    main()
