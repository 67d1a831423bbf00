"""Filtered listings of the document library over 50,000 legal documents in 10 units.

Usage:
    DJANGO_SETTINGS_MODULE=portal.settings.test python benchmarks/bench_documents.py \
        [--documents N] [--repeat N] [--keep]

Builds a throw-away database (PostgreSQL when DATABASE_URL is set, else SQLite) with the demo's district and
nine units and spreads the documents evenly over them. Building 50,000 pages through Wagtail's page API takes
half an hour here, so the corpus is bulk-inserted: page rows with their tree paths under each unit's
/van-ban/, then the LegalDocument rows (what Wagtail's add_child would have written, without revisions).
Each listing is timed with Django's test client (full middleware stack, no cache) next to a minimal view
measured in the same run.
"""

import argparse
import io
import logging
import os
import random
import sys
import time
from datetime import date, timedelta
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
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import path  # noqa: E402

from benchmarks.common import create_bench_database, destroy_bench_database, print_table  # noqa: E402
from benchmarks.corpus import insert_pages  # noqa: E402
from documents.models import DisclosureChoices, DocumentIndexPage, DocumentType, Field, LegalDocument  # noqa: E402
from portal import urls as portal_urls  # noqa: E402
from search import services as search_services  # noqa: E402
from sites.models import Unit  # noqa: E402

WORDS = (  # noqa: SIM905 (readable as prose)
    "kế hoạch triển khai thực hiện quyết định ban hành quy chế công tác cải cách hành chính phòng chống "
    "tham nhũng tuyển dụng bổ nhiệm dự toán ngân sách đấu thầu mua sắm quy hoạch sử dụng đất nông thôn mới "
    "môi trường giáo dục y tế an sinh xã hội chuyển đổi số dịch vụ công trực tuyến năm"
).split()


def minimal_view(request):
    return HttpResponse("ok")


urlpatterns = [path("bench/minimal/", minimal_view), *portal_urls.urlpatterns]


def build_corpus(total, rng):
    """Bulk-insert ``total`` live LegalDocument pages spread over every unit's /van-ban/."""
    units = list(Unit.objects.select_related("site__root_page").order_by("sort_order"))
    per_unit = total // len(units)
    types, domains, disclosures = DocumentType.values, Field.values, DisclosureChoices.values
    for unit in units:
        index = DocumentIndexPage.objects.child_of(unit.site.root_page).get()
        body = f"UBND {unit.name}"
        items = []
        for i in range(per_unit):
            issued = date(2015, 1, 1) + timedelta(days=rng.randint(0, 4300))
            number = f"{i + 1}/{rng.choice(['QĐ', 'KH', 'TB', 'CV', 'BC'])}-UBND"
            summary = " ".join(rng.choice(WORDS) for _ in range(18)).capitalize()
            effective = issued + timedelta(days=rng.choice([0, 0, 7, 15]))
            values = {
                "number": number,
                "doc_type": rng.choice(types),
                "issuing_body": body,
                "signer": "Nguyễn Văn An",
                "signer_position": "Chủ tịch UBND",
                "issued_on": issued,
                "effective_from": effective,
                "effective_until": effective + timedelta(days=730) if i % 4 == 0 else None,
                "field": rng.choice(domains),
                "summary": summary,
                "disclosure": rng.choice(disclosures),
                "full_text": "",
                "comment_opens": None,
                "comment_closes": None,
            }
            items.append((summary[:255], f"vb-{i + 1}", values))
        insert_pages(index, LegalDocument, items)
        print(f"\r  corpus: {unit.name}: {len(items)} documents", end="", flush=True)
    print()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--keep", action="store_true", help="keep (and reuse) the corpus database")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    setup_test_environment()
    old_name = create_bench_database(keep=args.keep)
    try:
        if LegalDocument.objects.count() < args.documents:
            with override_settings(DEBUG=True):
                call_command("seed_demo", "--port", "80", verbosity=0, stdout=io.StringIO())
            t0 = time.perf_counter()
            build_corpus(args.documents, random.Random(7))  # noqa: S311 (corpus text, not secrets)
            print(f"  built in {time.perf_counter() - t0:.0f} s")
            # The keyword box matches through the public search's index.
            search_services.rebuild(batch_size=1000)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        units = list(Unit.objects.select_related("site__root_page").order_by("sort_order"))
        commune = units[4]
        host = commune.site.hostname
        document = LegalDocument.objects.live().descendant_of(commune.site.root_page).order_by("-pk").first()
        body = f"UBND {commune.name}"
        every = {
            "loai": "quyet-dinh", "nam": "2020", "tinh-trang": "con-hieu-luc",
            "danh-muc": "chi-dao-dieu-hanh", "linh-vuc": "hanh-chinh", "co-quan": body, "q": "ngân sách",
        }  # fmt: skip
        all_keyword = urlencode({"pham-vi": "tat-ca", "q": "đấu thầu"})

        cases = [
            ("minimal view (baseline)", "localhost", "/bench/minimal/"),
            ("unit listing", host, "/van-ban/"),
            ("unit listing page 100", host, "/van-ban/?page=100"),
            ("by type", host, "/van-ban/?loai=ke-hoach"),
            ("by year", host, "/van-ban/?nam=2021"),
            ("by status (in force)", host, "/van-ban/?tinh-trang=con-hieu-luc"),
            ("by disclosure category", host, "/van-ban/?danh-muc=cong-khai-ngan-sach"),
            ("by field", host, "/van-ban/?linh-vuc=y-te"),
            ("by issuing body", host, "/van-ban/?" + urlencode({"co-quan": body})),
            ("keyword", host, "/van-ban/?" + urlencode({"q": "dự toán"})),
            ("number", host, "/van-ban/?q=125%2FQ"),
            ("every filter", host, "/van-ban/?" + urlencode(every)),
            ("district, all units", "localhost", "/van-ban/?pham-vi=tat-ca"),
            ("district, all units, keyword", "localhost", "/van-ban/?" + all_keyword),
            ("document page", host, document.url_path[len(commune.site.root_page.url_path) - 1 :]),
        ]  # fmt: skip
        print(
            f"database: {connection.vendor}; documents: {LegalDocument.objects.count()}; "
            f"units: {len(units)}; repeat={args.repeat}"
        )
        with override_settings(ROOT_URLCONF=__name__):
            print_table(Client(), cases, args.repeat, width=32)
    finally:
        if not args.keep:
            destroy_bench_database(old_name)


if __name__ == "__main__":
    main()
