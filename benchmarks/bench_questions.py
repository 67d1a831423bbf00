"""Citizens' questions and the leaders' schedule at volume: the public /hoi-dap/ listing and the two
statistics tabs of issue #20 ("hoi-dap", "lich-cong-tac").

Usage:
    DJANGO_SETTINGS_MODULE=portal.settings.test python benchmarks/bench_questions.py \
        [--questions N] [--answers N] [--weeks N] [--repeat N] [--keep]

Builds a throw-away database (PostgreSQL when DATABASE_URL is set, else SQLite) with the demo's units, then
bulk-inserts ``--questions`` questions over 2024–2026 spread over every unit (most answered, some forwarded,
closed or still waiting), ``--answers`` live answer pages under one commune's /hoi-dap/, and ``--weeks`` live
weeks of schedule per unit (eight activities each, naming the unit's tracked leaders). Each case is timed with
Django's test client (full middleware stack, no cache) next to a minimal view in the same run; the number of
queries of each statistics tab is printed for the year.
"""

import argparse
import io
import logging
import os
import random
import sys
import time
from datetime import date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from urllib.parse import urlencode

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
from django.utils import timezone  # noqa: E402

from agenda.models import ScheduleEntry, ScheduleIndexPage, WeekSchedulePage  # noqa: E402
from benchmarks.common import create_bench_database, destroy_bench_database, print_table  # noqa: E402
from benchmarks.corpus import insert_pages  # noqa: E402
from news.taxonomy import Official  # noqa: E402
from portal import urls as portal_urls  # noqa: E402
from questions.models import Question, QuestionField, QuestionForward, QuestionIndexPage, QuestionPage  # noqa: E402
from sites.models import Unit  # noqa: E402
from sites.workdays import add_working_days  # noqa: E402

WORDS = (  # noqa: SIM905 (readable as prose)
    "xin hỏi thủ tục cấp giấy chứng nhận quyền sử dụng đất đăng ký khai sinh hộ tịch trợ cấp xã hội "
    "hộ nghèo bảo hiểm y tế học phí xây dựng nhà ở giải phóng mặt bằng bồi thường môi trường đường giao "
    "thông nông thôn"
).split()
URL = "/admin/reports/editorial-statistics/"
TZ = timezone.get_default_timezone()


def minimal_view(request):
    return HttpResponse("ok")


urlpatterns = [path("bench/minimal/", minimal_view), *portal_urls.urlpatterns]


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize()


def build_questions(units, total, rng):
    """``total`` questions over 2024–2026: 85 % answered (1 to 20 working days), 5 % closed, 10 % open; one in
    twenty forwarded to another unit first."""
    fields = list(QuestionField.objects.all()) or [QuestionField.objects.create(name="Đất đai")]
    start = datetime(2024, 1, 1, 8, tzinfo=TZ)
    span = (datetime(2026, 11, 30, 17, tzinfo=TZ) - start).total_seconds()
    questions, moves = [], []
    for n in range(total):
        received_at = start + timedelta(seconds=rng.random() * span)
        unit = rng.choice(units)
        received_unit = unit
        if n % 20 == 0:
            received_unit = rng.choice(units)
            moves.append((n, received_unit, unit, received_at + timedelta(hours=rng.randint(1, 48))))
        due_on = add_working_days(timezone.localdate(received_at), 10)
        roll = rng.random()
        status, answered_at, closed_at = Question.Status.RECEIVED, None, None
        if roll < 0.85:
            status = Question.Status.ANSWERED
            answered_at = received_at + timedelta(days=rng.randint(1, 28), hours=rng.randint(0, 8))
            closed_at = answered_at
        elif roll < 0.90:
            status, closed_at = Question.Status.CLOSED, received_at + timedelta(days=2)
        questions.append(
            Question(
                reference=f"HD-B{n:07d}",
                unit=unit,
                received_unit=received_unit,
                field=rng.choice(fields),
                title=sentence(rng, 10)[:200],
                body=sentence(rng, 60),
                name="Nguyễn Văn An",
                email=f"nguoi{n}@example.test",
                consent_at=received_at,
                status=status,
                received_at=received_at,
                due_on=due_on,
                answered_at=answered_at,
                closed_at=closed_at,
            )
        )
    created = Question.objects.bulk_create(questions, batch_size=2000)
    QuestionForward.objects.bulk_create(
        [
            QuestionForward(question=created[n], from_unit=source, to_unit=target, forwarded_at=when)
            for n, source, target, when in moves
        ],
        batch_size=2000,
    )


def build_answers(unit, total, rng):
    """``total`` live answer pages under ``unit``'s /hoi-dap/ (no revisions: what add_child would write)."""
    index = QuestionIndexPage.objects.child_of(unit.site.root_page).get()
    fields = list(QuestionField.objects.all())
    now = timezone.now()
    items = []
    for n in range(total):
        asked = date(2024, 1, 1) + timedelta(days=rng.randint(0, 1000))
        items.append(
            (
                sentence(rng, 10)[:200],
                f"cau-hoi-{n + 1}",
                {
                    "question": None,
                    "field": rng.choice(fields),
                    "question_text": sentence(rng, 60),
                    "asker_label": "Người dân",
                    "asked_on": asked,
                    "answer": f"<p>{sentence(rng, 80)}</p>",
                    "answered_by": f"UBND {unit.name}",
                    "first_published_at": min(now, datetime.combine(asked, clock(9), TZ) + timedelta(days=7)),
                },
            )
        )
    insert_pages(index, QuestionPage, items)


def build_schedules(units, weeks, rng):
    """``weeks`` live weeks per unit up to the end of November 2026, eight activities each, each naming one or
    two of the unit's leaders (two leaders are made for a unit that has none)."""
    last_monday = date(2026, 11, 30)
    entries, links = [], []
    for unit in units:
        leaders = list(Official.objects.filter(unit=unit, active=True))
        if not leaders:
            leaders = [
                Official.objects.create(unit=unit, name="Nguyễn Văn Chủ", position="Chủ tịch UBND"),
                Official.objects.create(unit=unit, name="Trần Thị Bí", position="Bí thư Đảng ủy"),
            ]
        index = ScheduleIndexPage.objects.child_of(unit.site.root_page).get()
        existing = set(WeekSchedulePage.objects.child_of(index).values_list("week_start", flat=True))
        mondays = [last_monday - timedelta(weeks=n) for n in range(weeks)]
        mondays = [monday for monday in mondays if monday not in existing]
        items = []
        for monday in mondays:
            year, week, _day = monday.isocalendar()
            items.append((f"Lịch công tác tuần {week}", f"tuan-{year}-{week:02d}", {"week_start": monday}))
        ids = insert_pages(index, WeekSchedulePage, items)
        for page_id, monday in zip(ids, mondays, strict=True):
            for n in range(8):
                entry = ScheduleEntry(
                    page_id=page_id,
                    sort_order=n,
                    day=monday + timedelta(days=n % 5),
                    start_time=clock(8 if n % 2 == 0 else 14),
                    content=sentence(rng, 12),
                    location="Hội trường UBND",
                    chair=rng.choice(leaders),
                )
                entries.append(entry)
                links.append(rng.sample(leaders, k=min(len(leaders), rng.randint(1, 2))))
    ScheduleEntry.objects.bulk_create(entries, batch_size=2000)
    through = ScheduleEntry.officials.through
    through.objects.bulk_create(
        [
            through(scheduleentry_id=entry.pk, official_id=leader.pk)
            for entry, leaders in zip(entries, links, strict=True)
            for leader in leaders
        ],
        batch_size=5000,
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", type=int, default=50_000)
    parser.add_argument("--answers", type=int, default=5_000)
    parser.add_argument("--weeks", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="keep (and reuse) the corpus database")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    setup_test_environment()
    old_name = create_bench_database(keep=args.keep, name="bench_questions")
    try:
        if Question.objects.count() < args.questions:
            t0 = time.perf_counter()
            if not Unit.objects.exists():
                with override_settings(DEBUG=True):
                    call_command("seed_demo", "--port", "80", verbosity=0, stdout=io.StringIO())
            units = list(Unit.objects.select_related("site__root_page").order_by("sort_order"))
            rng = random.Random(20)  # noqa: S311 (corpus text, not secrets)
            build_questions(units, args.questions - Question.objects.count(), rng)
            build_answers(units[4], args.answers, rng)
            build_schedules(units, args.weeks, rng)
            print(f"  built in {time.perf_counter() - t0:.0f} s")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        from django.contrib.auth import get_user_model

        units = list(Unit.objects.select_related("site__root_page").order_by("sort_order"))
        commune = units[4]
        host = commune.site.hostname
        answer = QuestionPage.objects.live().descendant_of(commune.site.root_page).order_by("-pk").first()
        board_unit = Unit.objects.get(parent__isnull=True)
        user, _created = get_user_model().objects.get_or_create(username="bench-board")
        user.groups.add(board_unit.approvers_group)
        client = Client()
        client.force_login(user)
        cases = [
            ("minimal view (baseline)", "localhost", "/bench/minimal/"),
            ("/hoi-dap/", host, "/hoi-dap/"),
            ("/hoi-dap/ page 100", host, "/hoi-dap/?page=100"),
            ("/hoi-dap/ keyword", host, "/hoi-dap/?" + urlencode({"q": "giấy chứng nhận"})),
            ("answer page", host, answer.url_path[len(commune.site.root_page.url_path) - 1 :]),
        ]
        periods = (
            ("month 11/2026", "ky=thang&nam=2026&thang=11"),
            ("year 2025", "ky=nam&nam=2025"),
            ("2024–2026", "ky=khoang&tu=01/01/2024&den=31/12/2026"),
        )
        for key in ("hoi-dap", "lich-cong-tac"):
            for name, query in periods:
                cases.append((f"{key}, {name}", "localhost", f"{URL}?{query}&bang={key}"))
        cases.append(
            ("hoi-dap, 2024–2026, XLSX", "localhost", f"{URL}?{periods[2][1]}&bang=hoi-dap&export=xlsx")
        )
        print(
            f"database: {connection.vendor}; questions: {Question.objects.count()}; "
            f"answers: {QuestionPage.objects.count()}; schedule entries: {ScheduleEntry.objects.count()}; "
            f"units: {len(units)}; repeat={args.repeat}"
        )
        with override_settings(ROOT_URLCONF=__name__):
            print_table(client, cases, args.repeat, width=32)
            for key in ("hoi-dap", "lich-cong-tac"):
                with CaptureQueriesContext(connection) as queries:
                    client.get(f"{URL}?ky=nam&nam=2025&bang={key}", HTTP_HOST="localhost")
                print(f"queries for {key}: {len(queries)}")
    finally:
        if not args.keep:
            destroy_bench_database(old_name)


if __name__ == "__main__":
    main()
