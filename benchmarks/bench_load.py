"""Throughput of the public pages under load over real HTTP: gunicorn with production settings, driven by wrk.

Usage:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379/1 \\
    python benchmarks/bench_load.py [--duration 20] [--connections 8] [--threads 2] [--articles 2000] \\
        [--keep] [--nginx]

Builds a PostgreSQL database of its own (``bench_load``: migrated, the demo of ``seed_demo``, then
``--articles`` generated articles spread over the ten units, two categories each), collects the static files
into a temporary STATIC_ROOT and starts two gunicorn servers on the loopback, as production runs them
(``-w 2 -k sync``, benchmarks/load_settings.py: portal.settings.production plus a minimal view): one with the
page cache (sites/page_cache.py), one without (``PORTAL_PAGE_CACHE_SECONDS=0``). Every case is checked first
(200; on the cached server a second request must say ``X-Page-Cache: hit``), warmed up for a second, then
driven by wrk for ``--duration`` seconds. Baseline: the minimal view (``HttpResponse("ok")``) on the server
without the page cache, the floor of a request through the whole middleware stack. With ``--nginx`` (nginx on
PATH and docker/nginx.conf present) the cached cases once more through nginx's micro-cache on a third port.
Prints the table and the goals, then the same table in Markdown. ``--keep`` keeps (and reuses) the database.
"""

import argparse
import http.client
import importlib.util
import os
import random
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")) or not os.environ.get(
    "REDIS_URL"
):
    sys.exit(
        "bench_load measures production's setup: set DATABASE_URL to a PostgreSQL server and REDIS_URL to a "
        "Redis database, e.g.\n  DATABASE_URL=postgres://postgres@127.0.0.1:5432/test "
        "REDIS_URL=redis://127.0.0.1:6379/1 python benchmarks/bench_load.py"
    )
# What production requires from the environment, for this process and the servers it starts.
os.environ.update(
    DJANGO_SETTINGS_MODULE="benchmarks.load_settings",
    ALLOWED_HOSTS="localhost,.localhost,127.0.0.1",
    WAGTAILADMIN_BASE_URL="https://localhost",
    SECURE_SSL_REDIRECT="0",
    LOG_LEVEL="WARNING",
    CACHE_KEY_PREFIX="bench-load",
)
os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402

from benchmarks import corpus  # noqa: E402
from benchmarks.common import create_bench_database, destroy_bench_database, free_port  # noqa: E402
from documents.models import DocumentIndexPage  # noqa: E402
from news.models import NewsArticlePage, NewsIndexPage  # noqa: E402
from news.taxonomy import Category  # noqa: E402
from sites.models import Unit  # noqa: E402

# NukeViet 4.5 on this machine (issue #18): the CMS most district and commune portals run today.
NUKEVIET_RPS = {"article": 100, "home": 158, "news index": 139}
NUKEVIET_ARTICLE = NUKEVIET_RPS["article"]
GOAL_CACHED_MINIMAL = 0.5  # a cached page at least half the minimal view's throughput
GOAL_CACHED_NUKEVIET = 20  # ... and 20 times NukeViet's article
GOAL_UNCACHED_ARTICLE = NUKEVIET_ARTICLE  # an uncached article at least as fast as NukeViet's
CORPUS_SLUG = r"^bai-[0-9]+$"  # benchmarks/corpus.py's article slugs
WARM_UP_SECONDS = 1
APP_HIT = ("X-Page-Cache", "hit")  # sites/page_cache.py
FRONT_HIT = ("X-Cache-Status", "HIT")  # docker/nginx.conf


# --- Database and data --------------------------------------------------------------------------------------


def database_url(name):
    """DATABASE_URL pointing at the database ``name`` on the same server."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path=f"/{name}"))


def start_seed(db_url, var_dir, media_root):
    """``seed_demo`` in a child process: it refuses to run with DEBUG off, so with the development settings.

    Without REDIS_URL, Wagtail's background work (search index, renditions) runs inline there instead of
    being queued in Redis for a worker this benchmark never starts; its file cache is thrown away.
    """
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        DATABASE_URL=db_url,
        PORTAL_VAR_DIR=str(var_dir),
        MEDIA_ROOT=str(media_root),
        DEBUG="1",
    )
    env.pop("REDIS_URL", None)
    return subprocess.Popen(
        [sys.executable, "manage.py", "seed_demo", "--port", "80"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def start_collectstatic(static_root):
    env = dict(os.environ, STATIC_ROOT=str(static_root))
    return subprocess.Popen(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def finish(process, what):
    output, _ = process.communicate()
    if process.returncode:
        sys.exit(f"{what} failed ({process.returncode}):\n{output}")
    return output


def corpus_articles():
    return NewsArticlePage.objects.filter(slug__regex=CORPUS_SLUG)


def build_corpus(total):
    """``total`` live articles over the units (benchmarks/corpus.py), two of their unit's categories each."""
    units = list(Unit.objects.select_related("site__root_page").order_by("sort_order"))
    rng = random.Random(18)  # noqa: S311 (corpus text, not secrets)
    corpus.build_articles(units, total, rng)
    through = NewsArticlePage._meta.get_field("categories").remote_field.through
    rows = []
    for unit in units:
        categories = list(Category.objects.for_unit(unit).values_list("pk", flat=True))
        index = NewsIndexPage.objects.child_of(unit.site.root_page).get()
        for article_id in corpus_articles().child_of(index).values_list("pk", flat=True):
            for category_id in rng.sample(categories, min(2, len(categories))):
                rows.append(through(newsarticlepage_id=article_id, category_id=category_id))
    through.objects.bulk_create(rows, batch_size=2000)


def prepare_data(args, media_root, static_root, seed_var):
    """The demo and the corpus in the benchmark's database (unless it has them: --keep); collectstatic
    meanwhile."""
    children = [start_collectstatic(static_root)]
    collect = children[0]
    started = time.perf_counter()
    try:
        if not Unit.objects.exists():
            seed = start_seed(database_url(connection.settings_dict["NAME"]), seed_var, media_root)
            children.append(seed)
            lines = finish(seed, "seed_demo").strip().splitlines()
            print(f"seed_demo: {time.perf_counter() - started:.1f} s; {lines[-1] if lines else ''}")
        units = Unit.objects.count()
        wanted = args.articles // units * units
        found = corpus_articles().count()
        if found == 0 and wanted:
            t0 = time.perf_counter()
            build_corpus(args.articles)
            print(f"corpus: {wanted} articles over {units} units in {time.perf_counter() - t0:.1f} s")
        elif found != wanted:
            sys.exit(
                f"bench_load holds {found} generated articles, not {wanted}: "
                "run once without --keep to rebuild it."
            )
        # What autovacuum would have done by now on a real server: fresh planner statistics.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        t0 = time.perf_counter()
        finish(collect, "collectstatic")
        print(f"collectstatic (alongside): finished {time.perf_counter() - t0:.1f} s after the data")
    except BaseException:
        stop(*children)
        raise


def page_path(page):
    """The page's path on its own site."""
    return page.get_url_parts()[2]


def find_cases():
    """(name, host, path) of the pages to load, found in the database."""
    district = (
        Unit.objects.filter(parent=None).select_related("site__root_page").order_by("sort_order").first()
    )
    commune = (
        Unit.objects.filter(slug="phuoc-hau").select_related("site").first()
        or Unit.objects.exclude(parent=None).select_related("site").order_by("sort_order").first()
    )
    host, root = district.site.hostname, district.site.root_page
    news_index = NewsIndexPage.objects.child_of(root).live().get()
    library = DocumentIndexPage.objects.child_of(root).live().get()
    articles = NewsArticlePage.objects.child_of(news_index).live().public()
    article = articles.exclude(slug__regex=CORPUS_SLUG).order_by("-published_date").first()
    through = NewsArticlePage._meta.get_field("categories").remote_field.through
    category = (
        through.objects.filter(newsarticlepage__in=articles.values("pk"))
        .values("category__slug")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    if category["n"] <= NewsIndexPage.page_size:
        sys.exit(
            f"no category of the district has a second page ({category['n']} articles at most): "
            "raise --articles"
        )
    index = page_path(news_index)
    return [
        ("article (district)", host, page_path(article)),
        ("district home", host, "/"),
        ("news index", host, index),
        ("commune home", commune.site.hostname, "/"),
        ("document library", host, page_path(library)),
        ("news index, category, page 2", host, f"{index}?category={category['category__slug']}&page=2"),
        ("RSS feed", host, f"{index}rss/"),
        ("sitemap.xml", host, "/sitemap.xml"),
    ]


# --- Servers ------------------------------------------------------------------------------------------------


class Server:
    def __init__(self, label, port, process):
        self.label, self.port, self.process = label, port, process

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"


def fetch(port, host, path):
    """One GET on the loopback; the response with its body read."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path, headers={"Host": host})
        response = conn.getresponse()
        response.read()
        return response
    finally:
        conn.close()


def wait_ready(server, host, path="/healthz", timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            sys.exit(f"{server.label} exited ({server.process.returncode}) before answering")
        try:
            if fetch(server.port, host, path).status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    sys.exit(f"{server.label} did not answer {path} within {timeout} s")


def start_gunicorn(label, env):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "docker/gunicorn.conf.py", "portal.wsgi:application",
         "-b", f"127.0.0.1:{port}", "-w", "2", "-k", "sync", "--log-level", "warning",
         "--no-control-socket"],  # gunicorn 27's control socket is one path for every instance by default
        cwd=ROOT, env=dict(os.environ, **env), start_new_session=True,
    )  # fmt: skip
    return Server(label, port, process)


def start_nginx(workdir, upstream, static_root, media_root):
    """nginx with docker/nginx.conf (rendered for the loopback by docker/render_nginx.py, as the tests and
    scripts/scale_out.sh do) in front of ``upstream``; (None, why) when it cannot run here."""
    renderer = ROOT / "docker" / "render_nginx.py"
    if not shutil.which("nginx"):
        return None, "nginx is not on PATH"
    if not (ROOT / "docker" / "nginx.conf").exists() or not renderer.exists():
        return None, "docker/nginx.conf or docker/render_nginx.py does not exist (yet)"
    # render_nginx.py serves <app root>/static/ and <app root>/media/images/ from disk.
    app_root = workdir / "app"
    app_root.mkdir()
    (app_root / "static").symlink_to(static_root)
    (app_root / "media").symlink_to(media_root)
    folder = workdir / "nginx"
    port = free_port()
    spec = importlib.util.spec_from_file_location("render_nginx", renderer)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
        config = module.render(
            folder, listen=f"127.0.0.1:{port}", upstreams=[f"127.0.0.1:{upstream}"], app_root=app_root,
            access_log=False,
        )  # fmt: skip
    except (SystemExit, TypeError, OSError) as exc:
        return None, f"docker/render_nginx.py could not render the configuration: {exc}"
    command = ["nginx", "-p", f"{folder}/", "-e", str(folder / "log" / "error.log"), "-c", str(config)]
    test = subprocess.run([*command, "-t"], capture_output=True, text=True)
    if test.returncode:
        return None, f"the rendered configuration ({config}) does not load:\n{test.stderr}"
    process = subprocess.Popen([*command, "-g", "daemon off;"], start_new_session=True)
    return Server("nginx", port, process), None


def stop(*processes, sig=signal.SIGTERM):
    """Signal every process first, then wait for each (gunicorn 27's master takes several seconds to exit)."""
    running = [p for p in processes if p is not None and p.poll() is None]
    for process in running:
        process.send_signal(sig)
    for process in running:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# --- Measuring ----------------------------------------------------------------------------------------------


def describe(response):
    cookies = [c.split("=", 1)[0] for c in response.headers.get_all("Set-Cookie") or []]
    return (
        f"status {response.status}, X-Page-Cache {response.getheader('X-Page-Cache', '-')}, "
        f"X-Cache-Status {response.getheader('X-Cache-Status', '-')}, "
        f"Set-Cookie {', '.join(cookies) or '-'}, Cache-Control {response.getheader('Cache-Control', '-')}, "
        f"Vary {response.getheader('Vary', '-')}"
    )


def check(server, name, host, path, *, hit=None):
    """What is wrong with this case on this server (None: it answers 200 and, when ``hit`` names a header and
    its value, says so on a second request)."""
    first = fetch(server.port, host, path)
    if first.status != 200:
        return f"{name} [{server.label}] {host}{path}: {describe(first)}"
    if hit:
        second = fetch(server.port, host, path)
        if second.getheader(hit[0]) != hit[1]:
            return (
                f"{name} [{server.label}] {host}{path}: never answered from the cache ({hit[0]}: {hit[1]})\n"
                f"      first:  {describe(first)}\n      second: {describe(second)}"
            )
    return None


MIN_ANSWERS = 50
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def parse_wrk(output):
    """{rps, p50, p99 (ms), errors} from wrk's --latency report."""
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    latency = {
        q: float(v) * UNITS[u]
        for q, v, u in re.findall(r"(?m)^\s+(50|99)%\s+([\d.]+)(us|ms|s|m)\s*$", output)
    }
    errors = []
    socket_errors = re.search(r"Socket errors: (.*)", output)
    if socket_errors:
        errors.append(f"socket errors: {socket_errors.group(1).strip()}")
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non_2xx:
        errors.append(f"{non_2xx.group(1)} non-2xx/3xx answers")
    answers = re.search(r"(\d+) requests in", output)
    if not rps or not answers or set(latency) != {"50", "99"}:
        sys.exit(f"could not read wrk's report:\n{output}")
    if int(answers.group(1)) < MIN_ANSWERS:
        errors.append(f"only {answers.group(1)} answers in the run: too few for these figures to mean much")
    return {"rps": float(rps.group(1)), "p50": latency["50"], "p99": latency["99"], "errors": errors}


def wrk(server, host, path, args, duration):
    command = [
        "wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{duration}s", "--timeout", "10s",
        "--latency", "-H", f"Host: {host}", server.url(path),
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60)
    if result.returncode:
        sys.exit(f"wrk failed on {host}{path}:\n{result.stdout}{result.stderr}")
    return parse_wrk(result.stdout)


def measure(name, kind, server, host, path, args):
    wrk(server, host, path, args, WARM_UP_SECONDS)  # every worker has loaded its templates and connections
    # gunicorn's sync workers still answer what wrk left queued when it stopped (they cannot tell that the
    # client went away): two requests in turn return once that backlog is gone, before the measured run.
    for _ in range(2):
        fetch(server.port, host, path)
    return {
        "case": name,
        "kind": kind,
        "server": server.label,
        **wrk(server, host, path, args, args.duration),
    }


# --- Output -------------------------------------------------------------------------------------------------


def verdict(value, target):
    change = (value / target - 1) * 100
    return f"met (+{change:.0f} %)" if value >= target else f"missed by {-change:.0f} %"


def goals(row, minimal):
    if row["kind"] in ("cached", "nginx"):
        return (
            f"≥ {GOAL_CACHED_MINIMAL}× minimal {verdict(row['rps'] / minimal, GOAL_CACHED_MINIMAL)}; "
            f"≥ {GOAL_CACHED_NUKEVIET * NUKEVIET_ARTICLE:,} req/s "
            f"{verdict(row['rps'], GOAL_CACHED_NUKEVIET * NUKEVIET_ARTICLE)}"
        )
    if row["kind"] == "uncached" and row["case"].startswith("article"):
        return f"≥ {GOAL_UNCACHED_ARTICLE} req/s {verdict(row['rps'], GOAL_UNCACHED_ARTICLE)}"
    return ""


def cells(row, minimal):
    rps = row["rps"]
    label = {
        "baseline": "minimal view, no page cache (baseline)",
        "minimal-cached": "minimal view, page cache hit",
        "uncached": f"{row['case']}, no page cache",
        "cached": f"{row['case']}, page cache",
        "nginx": f"{row['case']}, nginx micro-cache",
    }[row["kind"]]
    cached = row["kind"] in ("cached", "nginx", "minimal-cached")
    return [
        label,
        f"{rps:,.0f}" if rps >= 100 else f"{rps:.1f}",
        f"{row['p50']:.2f}",
        f"{row['p99']:.2f}",
        f"{rps / minimal:.2f}",
        f"{rps / NUKEVIET_ARTICLE:.1f}" if cached else "",
        goals(row, minimal),
    ]


HEADERS = ["case", "req/s", "p50 ms", "p99 ms", "× minimal", "× NukeViet article", "goals"]


def print_row(row, minimal, widths=(48, 9, 9, 9, 10, 8)):
    values = cells(row, minimal)
    line = f"{values[0]:<{widths[0]}}" + "".join(
        f"{v:>{w}}" for v, w in zip(values[1:6], widths[1:], strict=True)
    )
    print(f"{line}  {values[6]}".rstrip(), flush=True)
    for error in row["errors"]:
        print(f"    ! {error}")


def print_markdown(rows, minimal, header):
    print()
    print(header)
    print()
    print("| " + " | ".join(HEADERS) + " |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    notes = []
    for row in rows:
        values = cells(row, minimal)
        if row["errors"]:
            notes.append(f"{values[0]}: {'; '.join(row['errors'])}")
            values[0] += f" ({len(notes)})"
        print("| " + " | ".join(values) + " |")
    if notes:
        print()
        for n, note in enumerate(notes, start=1):
            print(f"({n}) {note}")
    print()
    print(goal_summary(rows, minimal))


def goal_summary(rows, minimal):
    verdicts = [(row, goals(row, minimal)) for row in rows if goals(row, minimal)]
    missed = [cells(row, minimal)[0] for row, text in verdicts if "missed" in text]
    total = sum(text.count(";") + 1 for _, text in verdicts)
    count = sum(text.count("missed") for _, text in verdicts)
    summary = f"Goals: {total - count} of {total} met"
    return f"{summary}; missed on: {'; '.join(missed)}." if missed else f"{summary}."


# --- Main ---------------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=20, help="seconds of wrk per case")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--articles", type=int, default=2000, help="generated articles besides the demo")
    parser.add_argument("--keep", action="store_true", help="keep (and reuse) the bench_load database")
    parser.add_argument(
        "--nginx", action="store_true", help="also the cached cases through docker/nginx.conf"
    )
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # each row as it is measured, into a file too
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (apt-get install wrk)")
    # Ctrl-C and kill end the same way: servers stopped, database dropped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    media_root = Path(settings.VAR_DIR) / "bench_load_media"  # kept with --keep: the demo's images
    workdir = Path(tempfile.mkdtemp(prefix="bench-load-"))
    static_root = workdir / "static"
    old_name = None
    servers = []
    try:
        old_name = create_bench_database(keep=args.keep, name="bench_load")
        prepare_data(args, media_root, static_root, workdir / "seed-var")
        db_name = connection.settings_dict["NAME"]
        cases = find_cases()
        connection.close()

        env = {
            "DATABASE_URL": database_url(db_name),
            "STATIC_ROOT": str(static_root),
            "MEDIA_ROOT": str(media_root),
            # A version of its own: every run starts with an empty page cache, old entries just expire.
            "PORTAL_PAGE_CACHE_VERSION": f"bench-load-{os.getpid()}-{int(time.time())}",
        }
        cached = start_gunicorn("page cache", env)
        servers.append(cached)
        uncached = start_gunicorn("no page cache", dict(env, PORTAL_PAGE_CACHE_SECONDS="0"))
        servers.append(uncached)
        for server in (cached, uncached):
            wait_ready(server, cases[0][1])
        front = None
        if args.nginx:
            front, why = start_nginx(workdir, cached.port, static_root, media_root)
            if front is None:
                print(f"nginx variant skipped: {why}")
            else:
                servers.append(front)
                wait_ready(front, cases[0][1])

        print(
            f"servers on 127.0.0.1: page cache :{cached.port}, no page cache :{uncached.port}"
            + (f", nginx :{front.port}" if front else "")
            + "; checking every case"
        )
        minimal_case = ("minimal view", cases[0][1], "/__bench__/minimal")
        problems = [
            check(uncached, *minimal_case),
            check(cached, *minimal_case, hit=APP_HIT),
        ]
        for name, host, path in cases:
            problems.append(check(uncached, name, host, path))
            problems.append(check(cached, name, host, path, hit=APP_HIT))
            if front:
                problems.append(check(front, name, host, path, hit=FRONT_HIT))
        problems = [p for p in problems if p]
        if problems:
            print("Cases that cannot be measured:")
            for problem in problems:
                print(f"  {problem}")
            sys.exit(1)

        started = datetime.now(UTC)
        load = os.getloadavg()
        header = (
            f"{started:%Y-%m-%d %H:%M} UTC; {os.cpu_count()} cores, load average {load[0]:.2f} before the "
            f"run; gunicorn -w 2 -k sync per server; wrk -t{args.threads} -c{args.connections} "
            f"-d{args.duration}s (+{WARM_UP_SECONDS} s warm-up); database {db_name}: "
            f"{NewsArticlePage.objects.count()} articles, {Unit.objects.count()} units"
        )
        connection.close()
        print(header)
        print("cases:")
        for name, host, path in [minimal_case, *cases]:
            print(f"  {name}: {host}{path}")
        print(f"{'case':<48}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'× min':>10}{'× NV':>8}  goals")
        rows = [measure("minimal view", "baseline", uncached, *minimal_case[1:], args)]
        minimal = rows[0]["rps"]
        print_row(rows[0], minimal)
        rows.append(measure("minimal view", "minimal-cached", cached, *minimal_case[1:], args))
        print_row(rows[-1], minimal)
        for name, host, path in cases:
            for kind, server in (("uncached", uncached), ("cached", cached), ("nginx", front)):
                if server is None:
                    continue
                rows.append(measure(name, kind, server, host, path, args))
                print_row(rows[-1], minimal)
        load = os.getloadavg()
        print(
            f"load average {load[0]:.2f} at the end. NukeViet 4.5 on this machine (issue #18): article "
            f"{NUKEVIET_RPS['article']} req/s, home {NUKEVIET_RPS['home']}, "
            f"news index {NUKEVIET_RPS['news index']}."
        )
        print(goal_summary(rows, minimal))
        print_markdown(rows, minimal, header)
    finally:
        stop(*(server.process for server in servers))  # TERM: nginx's fast shutdown, gunicorn's graceful one
        connection.close()
        if old_name is not None and not args.keep:
            destroy_bench_database(old_name)
            shutil.rmtree(media_root, ignore_errors=True)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
