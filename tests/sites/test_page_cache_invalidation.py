"""The page cache is never stale (issue #18): two real web processes on Redis and the test database.

Two gunicorn processes serve the test database and share the test's Redis. For every kind of change the app
makes, each page where the item shows is first primed in both processes (asked twice: the second answer is
``X-Page-Cache: hit``, so the cache is really in the way), the change is made through the app's own code path,
and both processes are polled, from before the change until every page shows the new state. A page passes when
it shows the new state and no answer to a request sent more than ``LIMIT`` after the commit (for changes that
happen by the clock: after their time) showed the old one, and when asked twice more it shows the new state
from the cache again.
"""

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, replace
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale
from wagtail.signals import page_published
from wagtail_localize.operations import translate_object

import pytest

from news.models import NewsArticlePage
from news.taxonomy import Category
from scheduling import services as scheduling
from sites import cache as generations
from sites.models import AlertBanner, UnitSettings
from sites.services import take_down
from tests.conftest import ROOT
from tests.factories import (
    NewsArticlePageFactory,
    UserFactory,
    draft_article,
    legal_document,
    news_index,
    publish_article,
)

LIMIT = 1.0  # seconds after the commit (or the time of a timed change) by which every page is fresh
GIVE_UP = 8.0  # seconds after it, polling stops: a page still old then has failed anyway

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DISTRICT, COMMUNE_A, COMMUNE_B = "localhost", "phuoc-hau.localhost", "an-hai.localhost"


# --- The two web processes ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Server:
    name: str
    port: int
    process: subprocess.Popen
    log: object

    def output(self):
        return self.log.read_text(errors="replace")[-4000:]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def servers(django_db_setup, tmp_path_factory):
    """Two gunicorn processes (one sync worker each) serving the test database, sharing Redis and one page
    cache version (fresh per run: nothing a former run stored is ever asked for)."""
    from django.conf import settings
    from django.db import connection

    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="portal.settings.test",
        PORTAL_TEST_DATABASE_NAME=str(connection.settings_dict["NAME"]),
        PORTAL_TEST_MEDIA_ROOT=str(settings.MEDIA_ROOT),
        PORTAL_PAGE_CACHE_VERSION=f"invalidation-{uuid.uuid4().hex}",
    )
    logs = tmp_path_factory.mktemp("gunicorn")
    started = []
    try:
        for name in ("A", "B"):
            port = free_port()
            log = logs / f"{name}.log"
            with open(log, "w") as out:
                process = subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "gunicorn",
                        "portal.wsgi",
                        "-w",
                        "1",
                        "--no-control-socket",
                        "-b",
                        f"127.0.0.1:{port}",
                    ],
                    cwd=ROOT,
                    env=env,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                )
            started.append(Server(name, port, process, log))
        deadline = time.monotonic() + 60
        for server in started:
            while True:
                try:
                    get(server, DISTRICT, "/healthz")
                    break
                except OSError:
                    if server.process.poll() is not None or time.monotonic() > deadline:
                        raise AssertionError(f"web process {server.name} did not start:\n{server.output()}")
                    time.sleep(0.1)
        yield started
    finally:
        for server in started:
            server.process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown
        for server in started:
            try:
                server.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.process.kill()
        # Scheduling queued ETA tasks (no worker here to take them): leave the broker empty.
        from portal.celery import app

        app.control.purge()


@pytest.fixture(autouse=True)
def _fresh_generation(servers):
    """The database is emptied between tests, the shared cache is not: start each test on a new generation,
    as if everything had changed (ids of a former test's units may come back)."""
    generations.bump(everything=True)


@dataclass
class Answer:
    status: int
    cache: str
    body: str
    sent: float
    received: float


def get(server, host, path):
    """GET ``path`` from ``server`` with ``Host: host`` (no cookies: an anonymous visitor)."""
    sent = time.time()
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        connection.request("GET", path, headers={"Host": host})
        response = connection.getresponse()
        body = response.read().decode("utf-8", "replace")
        return Answer(response.status, response.getheader("X-Page-Cache", ""), body, sent, time.time())
    finally:
        connection.close()


def on_each(servers, work):
    """``work(server)`` for both processes at once; the first failure is raised."""
    failures = []

    def run(server):
        try:
            work(server)
        except BaseException as error:  # noqa: BLE001  (re-raised below, in the test's thread)
            failures.append(error)

    threads = [threading.Thread(target=run, args=(server,)) for server in servers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]


# --- What a page shows --------------------------------------------------------------------------------------


def part(body, section):
    """The ``<section>`` titled by the heading ``section`` (``None``: the whole page; missing: empty)."""
    if section is None:
        return body
    found = re.search(rf'<section[^>]*aria-labelledby="{section}"[^>]*>(.*?)</section>', body, re.S)
    return found.group(1) if found else ""


@dataclass(frozen=True)
class Probe:
    """A page (``host`` + ``path``) and ``check``: does an answer show the new state?"""

    what: str
    host: str
    path: str
    check: object
    clock: str = "at"  # which reference time of the change applies (``watch``)

    def __str__(self):
        return f"{self.what} ({self.host}{self.path})"


def shows(*texts, section=None):
    return lambda answer: answer.status == 200 and all(text in part(answer.body, section) for text in texts)


def lacks(*texts, section=None):
    return lambda answer: (
        answer.status == 200 and not any(text in part(answer.body, section) for text in texts)
    )


def both(*checks):
    return lambda answer: all(check(answer) for check in checks)


def status(*codes):
    return lambda answer: answer.status in codes


def article_url(slug):
    return f"/tin-tuc/{slug}/"


def places(title, slug, *, host=COMMUNE_A, other=None):
    """Where a commune article shows, as ``(what, host, path, section, text)``: its page, its unit's home,
    news index, category listing, feed and sitemap, the district's "Tin từ cơ sở", and "Tin khác" and
    "Tin đã đưa" on ``other`` (an article of the same unit published after it, in the same category)."""
    found = [
        ("article", host, article_url(slug), None, f"<h1>{title}</h1>"),
        ("unit home: latest", host, "/", "latest-heading", title),
        ("news index", host, "/tin-tuc/", None, title),
        ("category listing", host, "/tin-tuc/?category=kinh-te-xa-hoi", None, title),
        ("RSS feed", host, "/tin-tuc/rss/", None, f"<title>{title}</title>"),
        ("sitemap", host, "/sitemap.xml", None, f"{article_url(slug)}</loc>"),
        ("district home: Tin từ cơ sở", DISTRICT, "/", "grassroots-heading", title),
    ]
    if other is not None:
        found += [
            ("Tin khác on another article", host, article_url(other.slug), "other-heading", title),
            ("Tin đã đưa on another article", host, article_url(other.slug), "earlier-heading", title),
        ]
    return found


def appear(found):
    """Probes for an item that is not there yet: each page must come to show it."""
    probes = []
    for what, host, path, section, text in found:
        if section is None and path.startswith("/tin-tuc/") and "<h1>" in text:
            probes.append(Probe(what, host, path, both(status(200), shows(text))))
        else:
            probes.append(Probe(what, host, path, shows(text, section=section)))
    return probes


def disappear(found, *, own_page_status=(404,)):
    """Probes for an item that is there: each page must come not to show it (its own page answers
    ``own_page_status``)."""
    probes = []
    for what, host, path, section, text in found:
        if what == "article":
            probes.append(Probe(what, host, path, status(*own_page_status)))
        else:
            probes.append(Probe(what, host, path, lacks(text, section=section)))
    return probes


def renamed(before, after):
    """Probes for an item whose title changes: the new title shows where the old did, the old nowhere."""
    probes = []
    for (what, host, path, section, old), (_, _, _, _, new) in zip(before, after, strict=True):
        if old == new:
            continue  # the sitemap: its URL stays, and its <lastmod> is a day
        probes.append(Probe(what, host, path, both(shows(new, section=section), lacks(old, section=section))))
    return probes


# --- Priming, changing, watching ----------------------------------------------------------------------------


def prime(servers, probes):
    """Ask every page twice in both processes: the second answer is from the cache and shows the old state."""

    def work(server):
        for probe in probes:
            get(server, probe.host, probe.path)
            answer = get(server, probe.host, probe.path)
            assert answer.cache == "hit", (
                f"{server.name}: {probe} was not cached: {answer.status} {answer.cache}"
            )
            assert not probe.check(answer), f"{server.name}: {probe} shows the new state before the change"

    on_each(servers, work)


def committed(change):
    """Run ``change()`` in one transaction, as the admin's views do; return the moment it committed."""
    moment = []
    with transaction.atomic():
        transaction.on_commit(lambda: moment.append(time.time()))  # the first callback: right at the commit
        change()
    return moment[0]


def watch(servers, probes, change, *, not_before=None):
    """Poll every probe in both processes while ``change()`` runs and after, until each shows the new state.

    ``change()`` returns the reference time: the moment it committed (or, as ``{clock: time}``, one per
    ``Probe.clock``). A change by the clock gives ``not_before``, its moment: no page may show it earlier.
    Fails, listing every problem, unless in each process each page comes to show the new state and no
    request sent more than ``LIMIT`` after its reference got the old one. Returns the longest delay seen.
    """
    seen = {(server.name, probe): [] for server in servers for probe in probes}
    clocks = {}
    failures = []

    def poll(server):
        pending = list(probes)
        hard_stop = time.time() + 60
        while pending and time.time() < hard_stop:
            if clocks and time.time() > max(clocks.values()) + GIVE_UP:
                return
            for probe in list(pending):
                try:
                    answer = get(server, probe.host, probe.path)
                except OSError as error:
                    failures.append(f"{server.name}: {probe}: {error!r}")
                    return
                fresh = probe.check(answer)
                seen[(server.name, probe)].append((answer, fresh))
                if fresh and clocks and (not_before is None or answer.received >= not_before):
                    pending.remove(probe)
            time.sleep(0.005)

    threads = [threading.Thread(target=poll, args=(server,)) for server in servers]
    for thread in threads:
        thread.start()
    try:
        found = change()
        clocks.update(found if isinstance(found, dict) else {"at": found})
    finally:
        clocks.setdefault("at", time.time())
        for thread in threads:
            thread.join()

    problems = list(failures)
    delays = []
    for (name, probe), answers in seen.items():
        at = clocks[probe.clock]
        fresh = [answer for answer, is_fresh in answers if is_fresh]
        stale = [answer for answer, is_fresh in answers if not is_fresh and answer.sent > at + LIMIT]
        early = [answer for answer, is_fresh in answers if is_fresh and answer.received < (not_before or 0)]
        if not fresh:
            problems.append(f"{name}: {probe} never showed the new state")
        if stale:
            last = stale[-1]
            problems.append(
                f"{name}: {probe} showed the old state {last.sent - at:.2f} s after the change "
                f"({last.status}, X-Page-Cache: {last.cache})"
            )
        if early:
            problems.append(
                f"{name}: {probe} showed the new state {not_before - early[0].received:.2f} s early"
            )
        if not fresh or stale or early:
            problems.append("    " + timeline(answers, at))
        if fresh:
            delays.append(max(fresh[0].sent - at, 0))
    assert not problems, "stale pages:\n" + "\n".join(problems)
    return max(delays, default=0)


def timeline(answers, at):
    """The answers a page gave, for a failure's message: seconds after the reference, status, cache, fresh."""
    return " ".join(
        f"{answer.sent - at:+.2f}:{answer.status}/{answer.cache}/{'new' if fresh else 'old'}"
        for answer, fresh in answers[-30:]
    )


def settled(servers, probes):
    """After the change: asked twice, each page shows the new state, the second time from the cache again."""

    def work(server):
        for probe in probes:
            first = get(server, probe.host, probe.path)
            second = get(server, probe.host, probe.path)
            assert probe.check(first) and probe.check(second), (
                f"{server.name}: {probe} went back to the old state"
            )
            assert second.cache == "hit", f"{server.name}: {probe} is no longer cached: {second.cache}"

    on_each(servers, work)


def at_the_time(moment):
    """A change by the clock alone: nothing to do but let ``moment`` come."""

    def change():
        scheduling.wait_until(moment)
        return moment.timestamp()

    return change


def event(servers, probes, change, *, not_before=None):
    """Prime, change, watch, settle: the whole check for one change."""
    prime(servers, probes)
    delay = watch(servers, probes, change, not_before=not_before)
    settled(servers, probes)
    return delay


# --- Data ---------------------------------------------------------------------------------------------------


@pytest.fixture
def units(district, commune_a, commune_b):
    return district, commune_a, commune_b


@pytest.fixture
def economy(db):
    return Category.objects.get(slug="kinh-te-xa-hoi", unit__isnull=True)


def yesterday():
    return timezone.now() - timedelta(days=1)


@pytest.fixture
def main_article(units, economy):
    """The commune's newest article, on whose page "Tin khác" and "Tin đã đưa" list the others."""
    _, commune_a, _ = units
    return publish_article(commune_a, title="Tin chủ của xã", slug="tin-chu", categories=[economy])


def new_article(unit, economy, title, slug, **fields):
    """An article of ``unit`` built in memory, published a day ago, in the economy category (not saved)."""
    article = NewsArticlePageFactory.build(title=title, slug=slug, published_date=yesterday(), **fields)
    article.categories = [economy]
    return article


def publish_new(unit, article):
    """What "Publish" does for a new page: the page, its revision, published."""

    def change():
        news_index(unit).add_child(instance=article)
        article.save_revision().publish()

    return change


def publish_edit(article, **fields):
    """What "Publish" does on an edited live page: a new revision, published."""

    def change():
        page = NewsArticlePage.objects.get(pk=article.pk)
        for name, value in fields.items():
            setattr(page, name, value)
        page.save_revision().publish()

    return change


# --- The tests ----------------------------------------------------------------------------------------------


def test_the_two_processes_share_the_cache_and_its_invalidation(servers, units, economy, main_article):
    """A change made in a third process (this one) reaches both web processes through Redis alone: each had
    the page cached; after the change the first one asked builds it afresh and the other gets that answer."""
    _, commune_a, _ = units
    assert servers[0].process.pid != servers[1].process.pid
    article = publish_article(
        commune_a,
        title="Tin chung hai tiến trình",
        slug="tin-chung",
        categories=[economy],
        published_date=yesterday(),
    )
    pages = [(COMMUNE_A, article_url(article.slug)), (COMMUNE_A, "/")]
    for host, path in pages:
        for server in servers:
            get(server, host, path)
            assert get(server, host, path).cache == "hit"

    at = committed(publish_edit(article, title="Tin chung đã cập nhật"))

    a, b = servers
    for first, then in ((a, b), (b, a)):
        host, path = pages.pop(0)
        fresh = get(first, host, path)
        assert fresh.cache == "miss" and "Tin chung đã cập nhật" in fresh.body
        shared = get(then, host, path)
        assert shared.cache == "hit" and shared.body == fresh.body, (
            "the other process did not share the entry"
        )
        assert fresh.sent - at < LIMIT


def test_an_article_published_edited_and_unpublished_shows_so_everywhere(
    servers, units, economy, main_article
):
    """Wagtail's own actions on a commune article, one after the other: published (a new page and its
    revision), edited (a new revision published), unpublished."""
    _, commune_a, _ = units
    article = new_article(commune_a, economy, "Hội nghị sơ kết quý ba", "hoi-nghi")
    first = places(article.title, article.slug, other=main_article)
    event(servers, appear(first), lambda: committed(publish_new(commune_a, article)))

    edited = places("Đối thoại với nông dân", article.slug, other=main_article)
    event(
        servers,
        renamed(first, edited),
        lambda: committed(publish_edit(article, title="Đối thoại với nông dân")),
    )

    def unpublish():
        NewsArticlePage.objects.get(pk=article.pk).unpublish()

    event(servers, disappear(edited), lambda: committed(unpublish))


def test_an_article_moved_to_another_unit_then_taken_down_by_the_board(servers, units, economy, main_article):
    """``page.move`` to another commune's news: gone from the first commune's pages (its old address no longer
    shows it), shown on the other's, and listed under the other commune's name on the district's home. Then
    the board's take-down (``sites.services.take_down``): its address answers 410 Gone, and it is gone from
    every page."""
    district, commune_a, commune_b = units
    board = UserFactory(username="board", groups=[district.approvers_group])
    article = publish_article(
        commune_a,
        title="Tin chuyển sang xã khác",
        slug="tin-chuyen",
        categories=[economy],
        published_date=yesterday(),
    )
    left = [
        place for place in places(article.title, article.slug, other=main_article) if place[1] == COMMUNE_A
    ]
    arrived = places(article.title, article.slug, host=COMMUNE_B)
    probes = disappear(left, own_page_status=(301, 404)) + appear([p for p in arrived if p[1] == COMMUNE_B])
    tagged = re.compile(  # on the district's home, now under the other commune's name
        r'<span class="tag">[^<]*An Hải[^<]*</span> <a href="[^"]*"[^>]*>Tin chuyển sang xã khác</a>'
    )
    probes.append(
        Probe(
            "district home: Tin từ cơ sở, unit",
            DISTRICT,
            "/",
            lambda answer: bool(tagged.search(answer.body)),
        )
    )

    def move():
        NewsArticlePage.objects.get(pk=article.pk).move(news_index(commune_b), pos="last-child")

    event(servers, probes, lambda: committed(move))

    def take_it_down():
        take_down(page=NewsArticlePage.objects.get(pk=article.pk), user=board, reason="Sai thông tin")

    event(servers, disappear(arrived, own_page_status=(410,)), lambda: committed(take_it_down))


def test_scheduled_publications_show_at_their_second_and_expiry_takes_them_off(
    servers, units, economy, main_article, settings
):
    """A never-published article (switched on at the second) and a new revision of a live one, both due at the
    same second (what the batch task does): nothing shows before it; the first within LIMIT of the second,
    the second within LIMIT of its publication's commit. Then the first expires (``expire_object``)."""
    # nothing queued with an ETA: the session's Celery worker (CI) would otherwise race this test's own batch
    settings.PORTAL_SCHEDULE_HORIZON_MINUTES = 0
    _, commune_a, _ = units
    editor = UserFactory(username="editor-a", groups=[commune_a.editors_group])
    fresh = draft_article(
        commune_a,
        editor,
        title="Tin hẹn giờ lần đầu",
        slug="tin-hen-gio",
        categories=[economy],
        published_date=yesterday(),
    )
    live = publish_article(
        commune_a,
        title="Tin trước giờ hẹn",
        slug="tin-sua-hen-gio",
        categories=[economy],
        published_date=yesterday(),
    )
    due = (timezone.now() + timedelta(seconds=5)).replace(microsecond=0)
    for page, title in ((fresh, fresh.title), (live, "Tin sau giờ hẹn")):  # "Publish" with a go-live time
        page = NewsArticlePage.objects.get(pk=page.pk)
        page.title, page.go_live_at = title, due
        page.save_revision().publish()
    probes = [
        replace(probe, clock="due") for probe in appear(places(fresh.title, fresh.slug, other=main_article))
    ]
    probes += [
        replace(probe, clock="published")
        for probe in renamed(
            places(live.title, live.slug, other=main_article),
            places("Tin sau giờ hẹn", live.slug, other=main_article),
        )
    ]
    prime(servers, probes)
    committed_at = {}

    def on_published(sender, instance, **kwargs):
        if instance.pk == live.pk:
            transaction.on_commit(lambda: committed_at.setdefault("published", time.time()))

    def change():
        started = time.time()  # later than the second if priming took that long: the batch starts late
        page_published.connect(on_published, dispatch_uid="test_page_cache_scheduled")
        try:
            assert scheduling.publish_due_at(due) == 2  # waits for the second
        finally:
            page_published.disconnect(dispatch_uid="test_page_cache_scheduled")
        return {"due": max(due.timestamp(), started), "published": committed_at["published"]}

    watch(servers, probes, change, not_before=due.timestamp())
    settled(servers, probes)

    # Then the first one gets an expiry, and expires (what the expiry's ETA task or the sweep does).
    when = timezone.now() + timedelta(seconds=2)
    page = NewsArticlePage.objects.get(pk=fresh.pk)
    page.expire_at = when
    page.save_revision().publish()

    def expire():
        scheduling.wait_until(when)
        assert scheduling.expire_object(page._meta.label, page.pk, when.isoformat()) == scheduling.EXPIRED
        return time.time()  # expire_object commits its own transaction before it returns

    event(servers, disappear(places(fresh.title, fresh.slug, other=main_article)), expire)


def test_alert_banners_start_and_end_on_time_without_a_write(servers, units, main_article):
    """A banner due to start and one due to end: nothing is written at those moments, yet no cached page
    outlives them."""
    district, commune_a, _ = units
    now = timezone.now()
    starting = AlertBanner(
        message="Cảnh báo bão số 5 sắp đổ bộ",
        kind="canh-bao",
        starts_at=now + timedelta(seconds=3),
        ends_at=now + timedelta(hours=1),
    )
    ending = AlertBanner(
        message="Lịch cắt điện khu vực trung tâm",
        unit=commune_a,
        starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(seconds=5),
    )
    committed(lambda: (starting.save(), ending.save()))
    pages = [
        ("district home", DISTRICT, "/"),
        ("unit home", COMMUNE_A, "/"),
        ("news index", COMMUNE_A, "/tin-tuc/"),
        ("article", COMMUNE_A, article_url(main_article.slug)),
        ("document library", COMMUNE_A, "/van-ban/"),
    ]
    start_probes = [Probe(what, host, path, shows(starting.message)) for what, host, path in pages]
    end_probes = [
        Probe(what, host, path, lacks(ending.message)) for what, host, path in pages if host == COMMUNE_A
    ]
    prime(servers, start_probes)
    watch(servers, start_probes, at_the_time(starting.starts_at), not_before=starting.starts_at.timestamp())
    settled(servers, start_probes)
    prime(servers, end_probes)  # cached again, with the other banner, once the first one started
    watch(servers, end_probes, at_the_time(ending.ends_at), not_before=ending.ends_at.timestamp())
    settled(servers, end_probes)


def test_a_page_built_across_a_banners_start_is_not_kept_past_it(servers, units):
    """Each process builds an article page back to back (a new query string each time, as links with
    ``?utm_source=`` bring) while a banner's start passes, so that one build is under way at that moment;
    three banners, a second and a half apart, give six such builds. The article is long: much of its build
    comes after the banners were read, so some of them are built without their banner. Such a page may be
    kept only until the banner's start: asked again after it, it must show the banner."""
    _, commune_a, _ = units
    body = json.dumps(
        [{"type": "paragraph", "value": f"<p>Đoạn số {n} của bài dài.</p>"} for n in range(2000)]
    )
    article = publish_article(commune_a, title="Bài rất dài", slug="bai-rat-dai", body=body)
    first = timezone.now() + timedelta(seconds=2)
    banners = [
        AlertBanner(
            message=f"Thông báo khẩn số {n + 1}",
            starts_at=first + timedelta(seconds=1.5 * n),
            ends_at=first + timedelta(hours=1),
        )
        for n in range(3)
    ]
    committed(lambda: [banner.save() for banner in banners])
    tried, stale, around = 0, [], []
    for banner in banners:
        at = banner.starts_at.timestamp()
        built = []

        def build_back_to_back(server, at=at, built=built):
            n = 0
            while time.time() < at + 0.4:
                path = f"{article_url(article.slug)}?utm_source={server.name}-{at}-{n}"
                built.append((server, path, get(server, COMMUNE_A, path)))
                n += 1

        scheduling.wait_until(banner.starts_at - timedelta(seconds=0.5))
        on_each(servers, build_back_to_back)
        for server, path, answer in built:
            if not answer.sent < at <= answer.received:
                continue
            around.append(f"{server.name} {answer.sent - at:+.3f} {answer.received - at:+.3f} {answer.cache}")
            if banner.message in answer.body:
                continue  # the banner was read after its start
            tried += 1
            again = get(server, COMMUNE_A, path)
            if banner.message not in again.body:
                stale.append(
                    f"{server.name}: {path} built from {answer.sent - at:+.3f} s "
                    f"to {answer.received - at:+.3f} s, "
                    f"asked again {again.sent - at:+.2f} s after the start: {again.status}, "
                    f"X-Page-Cache: {again.cache}, no banner"
                )
    nothing = "no build without its banner was under way at its start: nothing was tried"
    assert tried, nothing + "\n" + "\n".join(around)
    assert not stale, "kept past the banner's start:\n" + "\n".join(stale)


def test_unit_settings_show_at_once_on_every_page_of_the_unit(servers, units, main_article):
    _, commune_a, _ = units
    legal_document(commune_a)
    new_name = "Trang thông tin điện tử xã Phước Hậu mới"
    paths = [
        "/",
        "/tin-tuc/",
        article_url(main_article.slug),
        "/van-ban/",
        "/tin-tuc/?category=kinh-te-xa-hoi",
    ]
    probes = [Probe(f"page {path}", COMMUNE_A, path, shows(new_name)) for path in paths]

    def change():
        info = UnitSettings.for_site(commune_a.site)
        info.full_name = new_name
        info.save()

    event(servers, probes, lambda: committed(change))


def test_an_english_translation_shows_once_published(servers, units, economy, main_article):
    district, commune_a, _ = units
    english = Locale.objects.get_or_create(language_code="en")[0]
    for page in (commune_a.site.root_page, news_index(commune_a)):
        translate_object(page.specific, [english])
        page.get_translation(english).specific.save_revision().publish()
    article = publish_article(
        commune_a, title="Hội nghị tiếp xúc cử tri", slug="tiep-xuc-cu-tri", categories=[economy]
    )
    translate_object(article, [english])  # a draft until published
    translated = article.get_translation(english).specific
    path = article_url(article.slug)
    probes = [
        Probe(
            "Vietnamese article: hreflang",
            COMMUNE_A,
            path,
            shows(f'hreflang="en" href="http://{COMMUNE_A}/en{path}"'),
        ),
        Probe("English article", COMMUNE_A, f"/en{path}", shows("<h1>Meeting with voters</h1>")),
        Probe(
            "English home: latest", COMMUNE_A, "/en/", shows("Meeting with voters", section="latest-heading")
        ),
        Probe("English news index", COMMUNE_A, "/en/tin-tuc/", shows("Meeting with voters")),
        Probe("English RSS feed", COMMUNE_A, "/en/tin-tuc/rss/", shows("<title>Meeting with voters</title>")),
    ]

    def change():
        page = NewsArticlePage.objects.get(pk=translated.pk)
        page.title = "Meeting with voters"
        page.save_revision().publish()

    event(servers, probes, lambda: committed(change))


def test_district_news_reaches_every_commune_home(servers, units, economy):
    district, commune_a, commune_b = units
    article = new_article(
        district, economy, "Tin huyện gửi mọi xã", "tin-huyen-moi-xa", show_on_all_units=True
    )
    title = article.title
    probes = [
        Probe("article", DISTRICT, article_url(article.slug), both(status(200), shows(f"<h1>{title}</h1>"))),
        Probe("district home: latest", DISTRICT, "/", shows(title, section="latest-heading")),
        Probe("district news index", DISTRICT, "/tin-tuc/", shows(title)),
        Probe("district RSS feed", DISTRICT, "/tin-tuc/rss/", shows(f"<title>{title}</title>")),
        Probe("district sitemap", DISTRICT, "/sitemap.xml", shows(f"{article_url(article.slug)}</loc>")),
        Probe("commune A: Tin huyện", COMMUNE_A, "/", shows(title, section="district-heading")),
        Probe("commune B: Tin huyện", COMMUNE_B, "/", shows(title, section="district-heading")),
    ]
    event(servers, probes, lambda: committed(publish_new(district, article)))


def test_a_legal_document_shows_in_the_libraries(servers, units):
    district, commune_a, _ = units
    summary = "Về việc phòng chống lụt bão năm 2026"
    document = legal_document(commune_a, publish=False, summary=summary)
    path = f"/van-ban/{document.slug}/"
    probes = [
        Probe("document", COMMUNE_A, path, both(status(200), shows(summary))),
        Probe("unit's library", COMMUNE_A, "/van-ban/", shows(summary)),
        Probe("district's library, every unit", DISTRICT, "/van-ban/?pham-vi=tat-ca", shows(summary)),
        Probe("unit's sitemap", COMMUNE_A, "/sitemap.xml", shows(f"{path}</loc>")),
    ]

    def change():
        document.get_latest_revision().publish()

    event(servers, probes, lambda: committed(change))


def test_a_new_article_pushes_the_listing_onto_page_two(servers, units, economy):
    """Page 2 of the listing (and of the category listing) changes when an article is published on page 1."""
    _, _, commune_b = units
    index = news_index(commune_b)
    start = timezone.now() - timedelta(days=30)
    for n in range(21):  # one page (NewsIndexPage.page_size) and one on page 2
        filler = NewsArticlePageFactory.build(
            title=f"Tin cũ số {n:02d}", slug=f"tin-cu-{n:02d}", published_date=start + timedelta(hours=n)
        )
        filler.categories = [economy]
        index.add_child(instance=filler)
    assert index.specific.page_size == 20
    pushed = "Tin cũ số 01"  # the last on page 1, until a newer one comes
    article = new_article(commune_b, economy, "Tin mới nhất của An Hải", "tin-moi-nhat")
    probes = [
        Probe("listing, page 2", COMMUNE_B, "/tin-tuc/?page=2", shows(pushed)),
        Probe(
            "category listing, page 2", COMMUNE_B, "/tin-tuc/?category=kinh-te-xa-hoi&page=2", shows(pushed)
        ),
        Probe("listing, page 1", COMMUNE_B, "/tin-tuc/", both(shows(article.title), lacks(pushed))),
    ]
    event(servers, probes, lambda: committed(publish_new(commune_b, article)))


class RolledBack(Exception):
    pass


def test_a_change_that_rolls_back_shows_nowhere_and_leaves_the_pages_cached(
    servers, units, economy, main_article
):
    """The tokens are replaced before the commit too: a change that then rolls back makes each page miss once,
    is never shown (the processes rebuild from what is committed), and the pages are cached again at once."""
    _, commune_a, _ = units
    article = publish_article(
        commune_a,
        title="Tin giữ nguyên",
        slug="tin-giu-nguyen",
        categories=[economy],
        published_date=yesterday(),
    )
    before = places(article.title, article.slug, other=main_article)
    after = places("Tin không bao giờ đăng", article.slug, other=main_article)
    old = [
        Probe(what, host, path, shows(text, section=section)) for what, host, path, section, text in before
    ]
    never = renamed(before, after)
    prime(servers, never)
    seen = []

    def poll(server):
        deadline = time.time() + 2.0
        while time.time() < deadline:
            for probe in never:
                seen.append((server.name, probe, get(server, probe.host, probe.path)))

    threads = [threading.Thread(target=poll, args=(server,)) for server in servers]
    for thread in threads:
        thread.start()
    try:
        with pytest.raises(RolledBack), transaction.atomic():
            publish_edit(article, title="Tin không bao giờ đăng")()
            time.sleep(1.0)  # the processes serve meanwhile, after the tokens were replaced
            raise RolledBack
    finally:
        for thread in threads:
            thread.join()
    shown = [f"{name}: {probe}" for name, probe, answer in seen if probe.check(answer)]
    assert not shown, f"the rolled-back change showed: {shown}"
    assert {answer.cache for _, _, answer in seen} >= {"miss"}, (
        "the tokens were not replaced before the commit"
    )
    settled(servers, old)  # the committed state, cached again
    # and the next real change still shows
    probes = renamed(before, places("Tin đã thực sự sửa", article.slug, other=main_article))
    event(servers, probes, lambda: committed(publish_edit(article, title="Tin đã thực sự sửa")))
