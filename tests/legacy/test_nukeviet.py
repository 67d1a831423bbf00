"""import_nukeviet against a real MariaDB database shaped like a NukeViet 4 portal (tests/legacy/conftest)."""

import csv
import io
import json

from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from django.utils.translation import gettext

from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model

import pytest

from home.models import StandardPage
from legacy.models import ImportedItem, ImportRun
from news.models import NewsArticlePage
from tests.factories.legacy import HCM

pytestmark = pytest.mark.django_db


def reason_text(msgid):
    """The report's wording of ``msgid`` in the active language, up to its first placeholder."""
    return gettext(msgid).split("%(")[0]


# the report's reasons are translated (gettext): compared in the active language
EXPIRED = reason_text("expired at the source: landed as a draft")
UNPUBLISHED = reason_text("unpublished at the source: landed as a draft")
SCHEDULED = reason_text("scheduled at the source: goes live on %(date)s")

PREFIX = "nv4_vi_"


def run(url, uploads, unit="phuoc-hau", **options):
    out = io.StringIO()
    call_command(
        "import_nukeviet",
        database_url=url,
        prefix=options.pop("prefix", PREFIX),
        unit=unit,
        uploads=str(uploads),
        no_progress=True,
        stdout=out,
        **options,
    )
    return out.getvalue()


def article(key):
    return ImportedItem.objects.get(kind="news", key=str(key)).page.specific


def report_rows(path):
    with open(path, encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def test_imports_news_and_pages_with_their_dates_categories_images_and_redirects(
    commune_a, nukeviet, uploads, category_map_file, tmp_path, client
):
    url, _ = nukeviet
    report = tmp_path / "report.csv"
    output = run(url, uploads, category_map=str(category_map_file), report=str(report))
    assert str(report) in output and "chuyen-la (1)" in output

    first = article(1)
    assert first.title == "Phước Hậu ra quân xây dựng nông thôn mới!"
    assert first.lead == "Sáng 4/3, xã “Phước Hậu” ra quân & dọn vệ sinh 🌾".replace("“", '"').replace(
        "”", '"'
    )
    assert [b.block_type for b in first.body] == ["paragraph", "image", "heading", "paragraph"]
    assert "Ngày chủ nhật xanh" in first.body[0].value.source and "script" not in str(first.body.raw_data)
    assert first.body[1].value["image"].collection_id == commune_a.collection_id
    assert first.featured_image is not None and first.featured_image.description == "Lễ ra quân"
    assert sorted(c.slug for c in first.categories.all()) == ["kinh-te-xa-hoi", "thong-bao", "van-hoa-xa-hoi"]
    assert sorted(t.name for t in first.tags.all()) == ["Phước Hậu", "nông thôn mới"]
    assert (first.byline, first.source) == ("Minh Anh", "Báo Ninh Thuận")
    published = first.first_published_at.astimezone(HCM)
    assert (published.day, published.month, published.year, published.hour, published.minute) == (
        4,
        3,
        2019,
        8,
        30,
    )
    assert first.last_published_at.astimezone(HCM).day == 5
    assert first.published_date == first.first_published_at and first.live

    second = article(2)
    assert second.slug == "phuoc-hau-ra-quan-2" and second.featured_image is None and list(second.body) == []
    assert not article(3).live  # unpublished at the source
    assert not article(4).live  # expired
    assert not article(5).categories.exists() and article(5).featured_image is None
    scheduled = article(6)
    assert not scheduled.live and scheduled.latest_revision.approved_go_live_at is not None
    assert article(7).title == "Lễ hội Katê của đồng bào Chăm – “Đặc sắc” 𝔄"
    assert get_image_model().objects.count() == 2  # the fake and the bomb refused

    intro = ImportedItem.objects.get(kind="page", key="1").page.specific
    assert isinstance(intro, StandardPage) and intro.live and intro.get_parent().pk == commune_a.root_page.pk
    assert "lịch sử" in intro.body[0].value.source
    assert not ImportedItem.objects.get(kind="page", key="2").page.live

    host = commune_a.site.hostname
    page_url = first.relative_url(commune_a.site)
    for old in (
        "/news/thoi-su/phuoc-hau-ra-quan-1.html",
        "/vi/news/thoi-su/phuoc-hau-ra-quan-1.html",
        "/index.php?language=vi&nv=news&op=thoi-su/phuoc-hau-ra-quan-1",
    ):
        response = client.get(old, HTTP_HOST=host)
        assert response.status_code == 301, old
        assert response["Location"].endswith(page_url)
    assert client.get("/page/gioi-thieu-chung.html", HTTP_HOST=host)["Location"].endswith(
        intro.relative_url(commune_a.site)
    )
    with translation.override("vi"):
        shown = client.get(page_url, HTTP_HOST=host)
    assert shown.status_code == 200 and "04/03/2019" in shown.content.decode()

    rows = report_rows(report)
    statuses = {(r["key"], r["status"]) for r in rows}
    assert {("1", "created"), ("3", "created"), ("2", "image-missing"), ("5", "image-missing")} <= statuses
    by_key = {r["key"]: r for r in rows if r["status"] == "created"}
    assert EXPIRED in by_key["4"]["reason"] and UNPUBLISHED in by_key["3"]["reason"]
    assert "chuyen-la" in by_key["5"]["reason"] and SCHEDULED in by_key["6"]["reason"]
    assert by_key["1"]["old_url"] == "/news/thoi-su/phuoc-hau-ra-quan-1.html"
    assert by_key["1"]["new_url"] == page_url
    missing = " ".join(r["reason"] for r in rows if r["status"] == "image-missing")
    assert "khong-co.jpg" in missing and "gia.jpg" in missing and "bom.jpg" in missing

    record = ImportRun.objects.get()
    assert record.counts["created"] == 9 and record.finished_at and record.report_path == str(report)
    assert record.counts["unmapped_categories"] == {"chuyen-la": 1}
    assert "database_url" not in record.options


def test_a_second_run_creates_nothing_and_updates_a_row_changed_at_the_source(
    commune_a, nukeviet, uploads, tmp_path
):
    url, connection = nukeviet
    run(url, uploads)
    pages, redirects, images = (
        NewsArticlePage.objects.count(),
        Redirect.objects.count(),
        get_image_model().objects.count(),
    )

    report = tmp_path / "again.csv"
    run(url, uploads, report=str(report))
    assert {r["status"] for r in report_rows(report) if r["status"] != "image-missing"} == {"unchanged"}
    assert (NewsArticlePage.objects.count(), Redirect.objects.count()) == (pages, redirects)
    assert get_image_model().objects.count() == images

    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {PREFIX}news_rows SET title = %s WHERE id = 7", ["Tiêu đề mới&#33;"])  # noqa: S608
    report = tmp_path / "changed.csv"
    run(url, uploads, report=str(report))
    statuses = {r["key"]: r["status"] for r in report_rows(report) if r["status"] != "image-missing"}
    assert statuses.pop("7") == "updated" and set(statuses.values()) == {"unchanged"}
    assert article(7).title == "Tiêu đề mới!" and NewsArticlePage.objects.count() == pages


def test_an_interrupted_run_resumes_and_lands_every_row_once(commune_a, nukeviet, uploads):
    url, _ = nukeviet
    run(url, uploads, limit=2, batch_size=1)
    assert ImportedItem.objects.filter(kind="news").count() == 2
    run(url, uploads, batch_size=3)
    assert ImportedItem.objects.filter(kind="news").count() == 7
    assert NewsArticlePage.objects.count() == 7
    assert sorted(ImportedItem.objects.filter(kind="news").values_list("key", flat=True)) == list("1234567")


def test_drafts_option_lands_everything_as_drafts(commune_a, nukeviet, uploads):
    url, _ = nukeviet
    run(url, uploads, drafts=True, no_pages=True)
    assert NewsArticlePage.objects.count() == 7 and not NewsArticlePage.objects.live().exists()


def test_a_csv_category_map_with_ids(commune_a, nukeviet, uploads, tmp_path):
    url, _ = nukeviet
    path = tmp_path / "map.csv"
    path.write_text("source,slug\n1,thong-bao\nchuyen-la,thong-bao\n")
    run(url, uploads, category_map=str(path), no_pages=True)
    assert [c.slug for c in article(5).categories.all()] == ["thong-bao"]
    assert [c.slug for c in article(2).categories.all()] == ["thong-bao"]


def nothing_imported():
    return not (
        ImportedItem.objects.exists() or ImportRun.objects.exists() or NewsArticlePage.objects.exists()
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"unit": "khong-co"}, "khong-co"),
        ({"prefix": "nv3_en_"}, "nv3_en_news_rows"),
        ({"database_url": "postgres://x@y/z"}, "mysql://"),
        ({"database_url": "mysql://root:secret@127.0.0.1:1/nukeviet"}, "127.0.0.1:1/nukeviet"),
        ({"uploads": "/nonexistent/uploads"}, "/nonexistent/uploads"),
        ({"category_map": "/nonexistent/map.json"}, "map.json"),
        ({"default_category": "khong-co-muc-nay"}, "khong-co-muc-nay"),
        ({"limit": 0}, "--limit"),
    ],
)
def test_bad_inputs_are_refused_clearly_with_nothing_imported(commune_a, nukeviet, uploads, change, message):
    url, _ = nukeviet
    options = {"database_url": url, "uploads": uploads, **change}
    with pytest.raises(CommandError, match=message.replace("?", r"\?")) as error:
        run(options.pop("database_url"), options.pop("uploads"), **options)
    assert "secret" not in str(error.value)
    assert nothing_imported()


def test_a_map_to_a_category_we_do_not_have_is_refused(commune_a, nukeviet, uploads, tmp_path):
    url, _ = nukeviet
    path = tmp_path / "map.json"
    path.write_text(json.dumps({"thoi-su": "khong-ton-tai"}))
    with pytest.raises(CommandError, match="khong-ton-tai"):
        run(url, uploads, category_map=str(path))
    path.write_text("[1, 2]")  # JSON, but not an object
    with pytest.raises(CommandError, match="map.json"):
        run(url, uploads, category_map=str(path))
    path.write_text("{not json")
    with pytest.raises(CommandError, match="map.json"):
        run(url, uploads, category_map=str(path))
    assert nothing_imported()


def test_an_unreadable_uploads_folder_is_refused(commune_a, nukeviet, tmp_path):
    url, _ = nukeviet
    not_a_folder = tmp_path / "uploads.zip"
    not_a_folder.write_bytes(b"PK")
    with pytest.raises(CommandError, match="uploads.zip"):
        run(url, not_a_folder)
    assert nothing_imported()


def test_batches_are_read_by_key_and_survive_a_lost_connection(nukeviet):
    from legacy import nukeviet as reader

    url, admin = nukeviet
    source = reader.Source(database_url=url, prefix=PREFIX)
    connection = reader.connect(url)
    try:
        batches = reader.news_batches(connection, source, batch_size=3)
        ids = [row["id"] for row in next(batches)]
        with admin.cursor() as cursor:
            cursor.execute("KILL %s", [connection.thread_id()])  # the server drops the reader mid-run
        ids += [row["id"] for rows in batches for row in rows]
    finally:
        connection.close()
    assert ids == [1, 2, 3, 4, 5, 6, 7]
