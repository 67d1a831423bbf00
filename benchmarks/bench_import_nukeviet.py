"""Importing a NukeViet 4 archive: articles per second of ``import_nukeviet`` against Wagtail's page API.

Usage:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> DJANGO_SETTINGS_MODULE=portal.settings.test \
        python benchmarks/bench_import_nukeviet.py [--rows 20000] [--baseline 200] [--batch-size 200] \
        [--keep]

Generates ``--rows`` NukeViet news rows (three paragraphs, a heading and an image in the body, a featured
image, two categories each, 50 distinct pictures in a temporary uploads/ folder) in a fresh MariaDB database
(``MARIADB_URL``, default mysql://root@127.0.0.1:3306), imports them into a throw-away database of the
configured kind (PostgreSQL when DATABASE_URL is set), then imports them again (every row unchanged). The
baseline, measured in the same process on a sample of the same rows, creates each article the plain Wagtail
way: its body cleaned by the same converter, ``add_child`` then ``save_revision().publish()`` (which also
runs the project's publication listeners: search entry, reference index, page cache).
"""

import argparse
import io
import logging
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from benchmarks.common import create_bench_database, destroy_bench_database  # noqa: E402
from legacy.html import html_to_blocks  # noqa: E402
from legacy.nukeviet import decode  # noqa: E402
from news.models import NewsArticlePage, NewsIndexPage  # noqa: E402
from tests.factories import make_unit  # noqa: E402
from tests.factories.legacy import (  # noqa: E402
    create_nukeviet_database,
    detail_row,
    drop_database,
    image_bytes,
    insert_rows,
    news_row,
    source_connection,
    unix,
)

PREFIX = "nv4_vi_"
PICTURES = 50
CATEGORIES = [
    {"catid": n, "parentid": 0, "title": title, "alias": alias}
    for n, (alias, title) in enumerate(
        [
            ("thoi-su", "Thời sự"),
            ("kinh-te", "Kinh tế"),
            ("van-hoa", "Văn hóa &amp; Xã hội"),
            ("an-ninh", "Quốc phòng - An ninh"),
            ("thong-bao", "Thông báo"),
        ],
        start=1,
    )
]
CATEGORY_MAP = {
    "thoi-su": "thong-bao",
    "kinh-te": "kinh-te-xa-hoi",
    "van-hoa": "van-hoa-xa-hoi",
    "an-ninh": "quoc-phong-an-ninh",
    "thong-bao": "thong-bao",
}
WORDS = [
    "xã",
    "phước",
    "hậu",
    "tổ",
    "chức",
    "hội",
    "nghị",
    "triển",
    "khai",
    "nhiệm",
    "vụ",
    "phát",
    "triển",
    "kinh",
    "tế",
    "xã",
    "hội",
    "năm",
    "người",
    "dân",
    "tham",
    "gia",
    "xây",
    "dựng",
    "nông",
    "thôn",
    "mới",
    "đường",
    "giao",
    "thông",
    "thủy",
    "lợi",
    "trường",
    "học",
    "trạm",
    "y",
    "tế",
]


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize()


def generate(connection, rows, rng, batch=1000):
    insert_rows(connection, f"{PREFIX}news_cat", CATEGORIES)
    start = unix(2012, 1, 1, 7, 0)
    for first in range(1, rows + 1, batch):
        news, details = [], []
        for n in range(first, min(first + batch, rows + 1)):
            cats = rng.sample(range(1, 6), 2)
            title = f"{sentence(rng, 10)} &#40;{n}&#41;"
            news.append(
                news_row(
                    n,
                    catid=cats[0],
                    listcatid=",".join(map(str, cats)),
                    title=title,
                    alias=f"tin-{n}",
                    hometext=sentence(rng, 30),
                    homeimgfile=f"bench/anh-{n % PICTURES}.jpg",
                    homeimgalt=sentence(rng, 4),
                    author="Phóng viên",
                    addtime=start + n * 3600,
                    publtime=start + n * 3600,
                    edittime=start + n * 3600 + 600,
                )
            )
            body = (
                f"<p>{sentence(rng, 60)}</p><h3>{sentence(rng, 5)}</h3><p>{sentence(rng, 80)}</p>"
                f'<p><img src="/uploads/news/bench/anh-{(n + 7) % PICTURES}.jpg" '
                f'alt="{sentence(rng, 3)}"></p>'
                f"<p>{sentence(rng, 50)} &amp; {sentence(rng, 10)}</p>"
            )
            details.append(detail_row(n, body, keywords="nông thôn mới, kinh tế"))
        insert_rows(connection, f"{PREFIX}news_rows", news)
        insert_rows(connection, f"{PREFIX}news_detail", details)


def baseline(unit, connection, sample):
    """Articles per second of Wagtail's add_child + save_revision().publish(), one by one."""
    index = NewsIndexPage.objects.child_of(unit.root_page).get()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT r.id, r.title, r.alias, r.hometext, r.publtime, d.bodyhtml FROM {PREFIX}news_rows r "  # noqa: S608
            f"JOIN {PREFIX}news_detail d ON d.id = r.id ORDER BY r.id LIMIT %s",
            [sample],
        )
        rows = cursor.fetchall()
    started = time.perf_counter()
    for id_, title, alias, hometext, _publtime, bodyhtml in rows:
        body, _warnings = html_to_blocks(bodyhtml)
        page = NewsArticlePage(title=decode(title), slug=f"{alias}-{id_}", lead=decode(hometext), body=body)
        index.add_child(instance=page)
        page.save_revision().publish()
    return len(rows) / (time.perf_counter() - started)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--baseline", type=int, default=200, help="Articles created the plain Wagtail way.")
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--keep", action="store_true", help="Keep the databases afterwards.")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    setup_test_environment()
    rng = random.Random(21)  # noqa: S311 (test data)

    old_name = create_bench_database(name=os.environ.get("BENCH_DATABASE", "bench_import"))
    source_name = f"{os.environ.get('MARIADB_DB_PREFIX', 'bench_nukeviet')}_{uuid.uuid4().hex[:8]}"
    url = create_nukeviet_database(source_name, PREFIX)
    try:
        district = make_unit("ninh-phuoc", name="Huyện Ninh Phước", level="district")
        target = make_unit("phuoc-hau", parent=district, name="Xã Phước Hậu")
        plain = make_unit("an-hai", parent=district, name="Xã An Hải")
        with source_connection(url) as connection:
            started = time.perf_counter()
            generate(connection, args.rows, rng)
            print(f"generated {args.rows} NukeViet rows in {time.perf_counter() - started:.1f} s")
            base_rate = baseline(plain, connection, min(args.baseline, args.rows))
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "uploads" / "news" / "bench"
            folder.mkdir(parents=True)
            for n in range(PICTURES):
                (folder / f"anh-{n}.jpg").write_bytes(image_bytes(size=(800, 450), color=(n * 5, 100, 150)))
            options = {
                "database_url": url,
                "prefix": PREFIX,
                "unit": target.slug,
                "uploads": str(Path(tmp) / "uploads"),
                "category_map": str(Path(tmp) / "map.csv"),
                "report": str(Path(tmp) / "report.csv"),
                "batch_size": args.batch_size,
                "no_progress": True,
                "stdout": io.StringIO(),
            }
            Path(options["category_map"]).write_text("\n".join(f"{k},{v}" for k, v in CATEGORY_MAP.items()))
            started = time.perf_counter()
            call_command("import_nukeviet", **options)
            first = time.perf_counter() - started
            imported = NewsArticlePage.objects.descendant_of(target.root_page).count()
            assert imported == args.rows, imported
            started = time.perf_counter()
            call_command("import_nukeviet", **{**options, "stdout": io.StringIO()})
            again = time.perf_counter() - started
        print(f"{'case':<44}{'articles':>10}{'seconds':>10}{'art./s':>10}{'x baseline':>12}")
        name = "baseline: add_child + publish, one by one"
        print(f"{name:<44}{args.baseline:>10}{'':>10}{base_rate:>10.1f}{1:>12.1f}")
        for name, seconds in (
            ("import_nukeviet (new archive)", first),
            ("import_nukeviet again (all unchanged)", again),
        ):
            rate = args.rows / seconds
            print(f"{name:<44}{args.rows:>10}{seconds:>10.1f}{rate:>10.1f}{rate / base_rate:>12.1f}")
    finally:
        if not args.keep:
            drop_database(source_name)
            destroy_bench_database(old_name)


if __name__ == "__main__":
    main()
