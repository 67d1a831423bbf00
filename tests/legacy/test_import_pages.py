"""import_pages: a legacy portal imported by its pages, from a local HTTP server."""

import csv
import io
from datetime import datetime
from pathlib import Path

from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone, translation

from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

import pytest
from PIL import Image as PILImage

from home.demo_files import simple_pdf
from legacy.models import ImportedItem, ImportRun
from legacy.pages import Fetcher, FetchError, canonical_url, host_allowed, old_path, parse_date
from news.models import NewsArticlePage
from tests.factories import news_index, shared_category
from tests.legacy.http_server import LegacySite

SITE_DIR = Path(__file__).parent / "legacy_site"
SEED = "/tin-tuc/hop-trang-thong-tin-dien-tu-12.html"
SEED_TITLE = (
    "UBND huyện Ninh Phước tổ chức cuộc họp đánh giá tình hình hoạt động của Trang thông tin điện tử huyện "
    "09 tháng năm 2020"
)
TABLE = "/tin-tuc/bang-so-lieu-13.html"
TABLE_TITLE = "Kết quả thu thập số liệu tin, bài năm 2025 – NukeViet!"
NOTICE_TITLE = "Thông báo lịch tiếp công dân tháng 6/2025"


@pytest.fixture(autouse=True)
def _english():
    """Messages are checked by their English msgids (the Vietnamese catalogue is compiled later)."""
    with translation.override("en"):
        yield


def jpeg(color=(20, 120, 200), size=(640, 400)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, format="JPEG")
    return buffer.getvalue()


@pytest.fixture
def legacy_site():
    site = LegacySite(
        SITE_DIR,
        files={
            "/uploads/news/2020_09/hop-trang-tin.jpg": (jpeg(), "image/jpeg"),
            "/uploads/files/bao-cao-9-thang.pdf": (simple_pdf(["Báo cáo 9 tháng"]), "application/pdf"),
            "/uploads/files/ke-hoach-2020.pdf": (simple_pdf(["Kế hoạch 45"]), "application/pdf"),
            # disguised: a web page named .jpg, a Windows program named .pdf
            "/uploads/news/2025_05/anh-gia.jpg": (b"<html><body>Not found</body></html>", "image/jpeg"),
            "/uploads/files/bieu-mau.pdf": (b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200, "application/pdf"),
        },
        routes={
            "/tin-tuc/xem.php?id=15": (301, {"Location": "/tin-tuc/thong-bao-lich-tiep-dan.html"}, b""),
            "/tin-tuc/chuyen-di.html": (302, {"Location": "{{OTHER}}/tin-tuc/chuyen-di.html"}, b""),
        },
    )
    with site.running():
        yield site


def write_config(tmp_path, site, *, source=None, selectors=None, name="config.toml"):
    source = source if source is not None else f'sitemap = "{site.url("/sitemap.xml")}"'
    selectors = (
        selectors
        if selectors is not None
        else (
            'title = "h1.title"\n'
            'date = ".date"\n'
            'body = ".content"\n'
            'images = ".content img"\n'
            'category = ".breadcrumb a:last-of-type"\n'
            'remove = [".share", ".tin-khac", ".tin-khac-top"]\n'
        )
    )
    path = tmp_path / name
    path.write_text(
        f'[source]\nname = "ninh-phuoc-cu"\nhosts = ["127.0.0.1:{site.port}"]\n{source}\n\n'
        f"[selectors]\n{selectors}",
        encoding="utf-8",
    )
    return path


def run(config, *args, unit="phuoc-hau", report=None):
    out = io.StringIO()
    call_command(
        "import_pages",
        "--config",
        str(config),
        "--unit",
        unit,
        *(["--report", str(report)] if report else []),
        *args,
        stdout=out,
        stderr=io.StringIO(),
    )
    return out.getvalue()


def read_report(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def imported(unit):
    return {page.title: page for page in NewsArticlePage.objects.child_of(news_index(unit)).specific()}


def rows_by_key(rows, status=None):
    found = {}
    for row in rows:
        if status is None or row["status"] == status:
            found.setdefault(row["key"], []).append(row)
    return found


def local(value):
    return timezone.localtime(value).replace(tzinfo=None)


# --- a full import ----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_import_from_sitemap(commune_a, legacy_site, tmp_path):
    config = write_config(tmp_path, legacy_site)
    out = run(config, report=tmp_path / "report.csv")
    assert "created: 3" in out

    pages = imported(commune_a)
    assert set(pages) == {SEED_TITLE, TABLE_TITLE, NOTICE_TITLE}
    assert all(page.live for page in pages.values())

    # The seed article: date, lead (its first paragraph), byline, featured picture with its caption.
    seed = pages[SEED_TITLE]
    assert local(seed.published_date) == datetime(2020, 9, 21)
    assert local(seed.first_published_at) == datetime(2020, 9, 21)
    assert seed.lead.startswith("Sáng ngày 17/9/2020, Đồng chí Bạch Văn Nguyên–Phó Chủ tịch UBND huyện")
    assert seed.byline == "Uyên Phương"
    assert seed.featured_image.description == "Quang cảnh cuộc họp"
    assert seed.featured_image.caption == "Ảnh: Quang cảnh cuộc họp"
    assert seed.featured_image.collection == commune_a.collection
    assert [block.block_type for block in seed.body] == ["paragraph", "attachment"]
    text = str(seed.body.raw_data)
    assert "Sau khi nghe đại diện lãnh đạo" in text
    for junk in ("Sáng ngày 17/9", "Tin đã đưa", "Tin khác", "Tin cũ", "Chia sẻ", "truy cập", "Uyên Phương"):
        assert junk not in text, junk
    report_pdf = get_document_model().objects.get(title="báo cáo 9 tháng")
    assert (
        f'<a id="{report_pdf.pk}" linktype="document">báo cáo 9 tháng</a>' in seed.body.raw_data[0]["value"]
    )
    attachment = seed.body[1].value
    assert attachment["title"] == "Kế hoạch số 45/KH-UBND năm 2020"
    assert attachment["document"].collection == commune_a.collection

    # Word junk and a table; refused pictures and files left out; the date with its time.
    table = pages[TABLE_TITLE]
    assert local(table.published_date) == datetime(2025, 5, 12, 14, 30)
    assert table.lead == "Thực hiện Kế hoạch của UBND huyện, các xã đã báo cáo số lượng tin, bài như sau:"
    assert table.byline == "Phòng Văn hóa – Thông tin"
    assert table.featured_image is None
    assert [block.block_type for block in table.body] == ["table", "paragraph", "heading", "paragraph"]
    assert table.body.raw_data[0]["value"]["first_row_is_table_header"] is True
    assert table.body.raw_data[0]["value"]["data"][0] == ["STT", "Đơn vị", "Số tin"]
    assert table.body.raw_data[0]["value"]["data"][1:] == [
        ["1", "Xã Phước Hậu", "24"],
        ["2", "Xã An Hải", "17"],
        ["Tổng cộng", "", "41"],
    ]
    assert "mso" not in str(table.body.raw_data).lower() and "o:p" not in str(table.body.raw_data)

    # Only real files came in: one picture, two PDFs (the disguised ones refused).
    assert get_image_model().objects.filter(collection=commune_a.collection).count() == 1
    assert get_document_model().objects.filter(collection=commune_a.collection).count() == 2

    # What was never asked of any host but the configured one.
    requested = legacy_site.paths_requested()
    assert "/tin-tuc/may-khac-17.html" not in requested
    assert "/uploads/news/2025_05/ngoai.jpg" not in requested
    assert requested.count("/tin-tuc/chuyen-di.html") == 1  # its redirect to another host not followed
    assert requested.count("/uploads/news/2025_05/khong-con.jpg") == 1
    assert requested.count(SEED) == 1  # the sitemap lists it twice (with a #fragment)
    assert all("PortalLegacyImporter" in headers["User-Agent"] for _m, _p, headers in legacy_site.requests)

    # The report: imported, skipped with reason, files refused.
    rows = read_report(tmp_path / "report.csv")
    skipped = rows_by_key(rows, "skipped")
    assert set(skipped) == {
        legacy_site.other_origin + "/tin-tuc/may-khac-17.html",
        legacy_site.url("/tin-tuc/chuyen-di.html"),
        legacy_site.url("/tin-tuc/khong-tieu-de-14.html"),
        legacy_site.url("/tin-tuc/da-xoa-16.html"),
    }
    assert "localhost" in skipped[legacy_site.url("/tin-tuc/chuyen-di.html")][0]["reason"]
    assert "h1.title" in skipped[legacy_site.url("/tin-tuc/khong-tieu-de-14.html")][0]["reason"]
    assert "404" in skipped[legacy_site.url("/tin-tuc/da-xoa-16.html")][0]["reason"]
    created = rows_by_key(rows, "created")
    assert set(created) == {
        legacy_site.url(SEED),
        legacy_site.url(TABLE),
        legacy_site.url("/tin-tuc/xem.php?id=15"),
    }
    assert created[legacy_site.url(SEED)][0]["new_url"] == seed.relative_url(commune_a.site)
    missing = " | ".join(row["reason"] for row in rows_by_key(rows, "image-missing")[legacy_site.url(TABLE)])
    for refused in ("khong-con.jpg", "anh-gia.jpg", "ngoai.jpg", "bieu-mau.pdf"):
        assert refused in missing, refused

    items = ImportedItem.objects.filter(source="pages:ninh-phuoc-cu", unit=commune_a)
    assert items.count() == 3
    assert items.get(key=legacy_site.url(SEED)).old_url == legacy_site.url(SEED)
    run_row = ImportRun.objects.get()
    assert run_row.finished_at is not None
    assert run_row.counts["created"] == 3 and run_row.counts["skipped"] == 4
    assert run_row.report_path == str(tmp_path / "report.csv")


@pytest.mark.django_db
def test_old_paths_redirect_on_the_units_site(commune_a, legacy_site, tmp_path):
    run(write_config(tmp_path, legacy_site), report=tmp_path / "r.csv")
    pages = imported(commune_a)
    client = Client(HTTP_HOST=commune_a.site.hostname)
    response = client.get(SEED)
    assert response.status_code == 301
    assert response["Location"].endswith(pages[SEED_TITLE].relative_url(commune_a.site))
    # an address with a query, and the address it redirected to on the old site
    for old in ("/tin-tuc/xem.php?id=15", "/tin-tuc/thong-bao-lich-tiep-dan.html"):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"].endswith(pages[NOTICE_TITLE].relative_url(commune_a.site))
    assert Redirect.objects.filter(site=commune_a.site).count() == 4
    page = client.get(pages[SEED_TITLE].relative_url(commune_a.site))
    assert page.status_code == 200
    assert "Uyên Phương" in page.content.decode()


@pytest.mark.django_db
def test_second_run_changes_nothing(commune_a, legacy_site, tmp_path):
    config = write_config(tmp_path, legacy_site)
    run(config, report=tmp_path / "first.csv")
    before = {title: (page.pk, page.latest_revision_id) for title, page in imported(commune_a).items()}
    out = run(config, report=tmp_path / "second.csv")
    assert "created: 0, updated: 0, unchanged: 3" in out
    after = {title: (page.pk, page.latest_revision_id) for title, page in imported(commune_a).items()}
    assert after == before
    assert ImportedItem.objects.count() == 3
    assert Redirect.objects.filter(site=commune_a.site).count() == 4
    # pictures and files of unchanged pages are not fetched again
    assert legacy_site.paths_requested().count("/uploads/news/2020_09/hop-trang-tin.jpg") == 1
    statuses = {
        row["key"]: row["status"]
        for row in read_report(tmp_path / "second.csv")
        if row["status"] != "image-missing"
    }
    assert statuses[legacy_site.url(SEED)] == "unchanged"


@pytest.mark.django_db
def test_changed_source_updates_the_same_page(commune_a, legacy_site, tmp_path):
    config = write_config(tmp_path, legacy_site)
    run(config, report=tmp_path / "r.csv")
    seed = imported(commune_a)[SEED_TITLE]
    html = (
        (SITE_DIR / SEED.lstrip("/")).read_text(encoding="utf-8").replace("Sau khi nghe", "Sau khi đã nghe")
    )
    legacy_site.routes[SEED] = (200, {"Content-Type": "text/html; charset=utf-8"}, html)
    out = run(config, report=tmp_path / "r2.csv")
    assert "created: 0, updated: 1, unchanged: 2" in out
    seed.refresh_from_db()
    assert "Sau khi đã nghe" in str(seed.body.raw_data)
    assert NewsArticlePage.objects.child_of(news_index(commune_a)).count() == 3


@pytest.mark.django_db
def test_limit_then_resume(commune_a, legacy_site, tmp_path):
    config = write_config(tmp_path, legacy_site)
    out = run(config, "--limit", "2", report=tmp_path / "r1.csv")
    assert "created: 2" in out
    assert set(imported(commune_a)) == {SEED_TITLE, TABLE_TITLE}
    out = run(config, report=tmp_path / "r2.csv")
    assert "created: 1, updated: 0, unchanged: 2" in out
    assert set(imported(commune_a)) == {SEED_TITLE, TABLE_TITLE, NOTICE_TITLE}
    assert ImportedItem.objects.count() == 3


@pytest.mark.django_db
def test_drafts_and_category_map(commune_a, legacy_site, tmp_path):
    notices = shared_category("thong-bao", "Thông báo")
    mapping = tmp_path / "map.csv"
    mapping.write_text("Thông báo,thong-bao\n", encoding="utf-8")
    out = run(
        write_config(tmp_path, legacy_site),
        "--drafts",
        "--category-map",
        str(mapping),
        report=tmp_path / "r.csv",
    )
    assert "Tin hoạt động (1)" in out  # unmapped, reported
    pages = imported(commune_a)
    assert not any(page.live for page in pages.values())
    assert list(pages[NOTICE_TITLE].categories.all()) == [notices]
    assert list(pages[SEED_TITLE].categories.all()) == []
    client = Client(HTTP_HOST=commune_a.site.hostname)
    assert client.get(pages[NOTICE_TITLE].relative_url(commune_a.site) or "/x/").status_code == 404
    rows = rows_by_key(read_report(tmp_path / "r.csv"), "created")
    assert "Tin hoạt động" in rows[legacy_site.url(SEED)][0]["reason"]


@pytest.mark.django_db
def test_category_map_with_unknown_slug_refused(commune_a, legacy_site, tmp_path):
    mapping = tmp_path / "map.toml"
    mapping.write_text('[categories]\n"Thông báo" = "khong-co"\n', encoding="utf-8")
    with pytest.raises(CommandError, match="khong-co"):
        run(write_config(tmp_path, legacy_site), "--category-map", str(mapping))
    assert ImportedItem.objects.count() == 0
    assert legacy_site.requests == []


@pytest.mark.django_db
def test_rss_and_url_list_sources(commune_a, legacy_site, tmp_path):
    rss = write_config(
        tmp_path, legacy_site, source=f'rss = "{legacy_site.url("/rss.xml")}"', name="rss.toml"
    )
    out = run(rss, report=tmp_path / "r.csv")
    assert "created: 2" in out
    assert set(imported(commune_a)) == {SEED_TITLE, NOTICE_TITLE}
    urls = write_config(
        tmp_path, legacy_site, source=f'urls = ["{legacy_site.url(TABLE)}"]', name="urls.toml"
    )
    out = run(urls, report=tmp_path / "r2.csv")
    assert "created: 1" in out
    # another config file is another source: its keys are its own
    assert ImportedItem.objects.filter(source="pages:ninh-phuoc-cu").count() == 3


@pytest.mark.django_db
def test_static_pages_land_under_home(commune_a, legacy_site, tmp_path):
    from home.models import StandardPage

    config = write_config(
        tmp_path, legacy_site, source=f'urls = ["{legacy_site.url("/tin-tuc/xem.php?id=15")}"]\nkind = "page"'
    )
    run(config, report=tmp_path / "r.csv")
    page = StandardPage.objects.child_of(commune_a.site.root_page).get(title=NOTICE_TITLE)
    assert page.live
    assert "Mọi thắc mắc" in str(page.body.raw_data)


# --- bad configs and sources ------------------------------------------------------------------------------

GOOD_SELECTORS = 'title = "h1.title"\nbody = ".content"\n'


@pytest.mark.parametrize(
    ("source", "selectors", "message"),
    [
        ("SITEMAP", "", "[selectors] must name title and body"),
        ("SITEMAP", 'title = "h1"\n', "[selectors] must name body"),
        ("", GOOD_SELECTORS, "needs one of urls, sitemap or rss"),
        ('SITEMAP\nrss = "http://127.0.0.1/rss.xml"', GOOD_SELECTORS, "only one of"),
        ('urls = ["http://ninhphuoc.example/tin.html"]', GOOD_SELECTORS, "not on a host the config allows"),
        ('urls = ["ftp://127.0.0.1/x"]', GOOD_SELECTORS, "Not an http(s) address"),
        ("SITEMAP", 'title = "h1[[["\nbody = ".content"\n', "Not a valid CSS selector"),
        ("SITEMAP", GOOD_SELECTORS + 'date_format = "dd.mm.yy"\n', "date_format"),
        ('SITEMAP\nkind = "event"', GOOD_SELECTORS, "kind"),
    ],
)
@pytest.mark.django_db
def test_bad_config_refused(commune_a, legacy_site, tmp_path, source, selectors, message):
    source = source.replace("SITEMAP", f'sitemap = "{legacy_site.url("/sitemap.xml")}"')
    config = write_config(tmp_path, legacy_site, source=source, selectors=selectors)
    with pytest.raises(CommandError) as excinfo:
        run(config)
    assert message in str(excinfo.value)
    assert ImportedItem.objects.count() == 0 and ImportRun.objects.count() == 0
    assert legacy_site.requests == []


@pytest.mark.django_db
def test_unreadable_missing_and_broken_config(commune_a, tmp_path):
    with pytest.raises(CommandError, match="Config file not found"):
        run(tmp_path / "none.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text("[source\nhosts = 1", encoding="utf-8")
    with pytest.raises(CommandError, match="not valid TOML"):
        run(broken)
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(CommandError, match="Cannot read the config file"):
        run(binary)
    no_source = tmp_path / "no-source.toml"
    no_source.write_text('[selectors]\ntitle = "h1"\n', encoding="utf-8")
    with pytest.raises(CommandError, match="no \\[source\\] section"):
        run(no_source)
    no_hosts = tmp_path / "no-hosts.toml"
    no_hosts.write_text(
        '[source]\nurls = ["http://a.example/"]\n[selectors]\ntitle="h1"\nbody="b"\n', encoding="utf-8"
    )
    with pytest.raises(CommandError, match="hosts"):
        run(no_hosts)
    assert ImportRun.objects.count() == 0


@pytest.mark.django_db
def test_unknown_unit_refused(commune_a, legacy_site, tmp_path):
    with pytest.raises(CommandError, match="khong-ton-tai"):
        run(write_config(tmp_path, legacy_site), unit="khong-ton-tai")
    assert legacy_site.requests == []
    assert ImportRun.objects.count() == 0


@pytest.mark.django_db
def test_unreachable_sitemap_is_a_clear_error(commune_a, legacy_site, tmp_path):
    config = write_config(tmp_path, legacy_site, source=f'sitemap = "{legacy_site.url("/khong-co.xml")}"')
    with pytest.raises(CommandError, match="404"):
        run(config)
    assert ImportedItem.objects.count() == 0


def test_fetcher_refuses_other_hosts_schemes_and_big_bodies(legacy_site):
    fetcher = Fetcher([f"127.0.0.1:{legacy_site.port}"], max_bytes=1000)
    assert fetcher.get(legacy_site.url("/rss.xml")).content.startswith(b"<?xml")
    with pytest.raises(FetchError, match="host not allowed"):
        fetcher.get(legacy_site.other_origin + "/rss.xml")
    with pytest.raises(FetchError, match="host not allowed"):
        fetcher.get(legacy_site.url("/tin-tuc/chuyen-di.html"))  # redirects to another host
    with pytest.raises(FetchError, match="not an http"):
        fetcher.get("file:///etc/passwd")
    with pytest.raises(FetchError, match="larger than"):
        fetcher.get(legacy_site.url(SEED))
    assert fetcher.get(legacy_site.url("/tin-tuc/xem.php?id=15"), max_bytes=100_000).url == legacy_site.url(
        "/tin-tuc/thong-bao-lich-tiep-dan.html"
    )


def test_host_matching_and_paths():
    assert host_allowed(["old.example"], "https://OLD.example:8443/x")
    assert not host_allowed(["old.example:80"], "http://old.example:8080/x")
    assert not host_allowed(["old.example"], "http://old.example.evil.test/x")
    assert canonical_url("HTTP://Old.Example/a.html?id=1#top") == "http://old.example/a.html?id=1"
    assert old_path("http://old.example/tin/xem.php?id=15") == "/tin/xem.php?id=15"


@pytest.mark.parametrize(
    ("text", "fmt", "expected"),
    [
        ("21/09/2020", "dd/mm/yyyy", datetime(2020, 9, 21)),
        ("Thứ hai, ngày 02/06/2025 - 08:15", "dd/mm/yyyy", datetime(2025, 6, 2, 8, 15)),
        ("Cập nhật ngày 12/5/2025 lúc 14h30", "dd/mm/yyyy", datetime(2025, 5, 12, 14, 30)),
        ("12-05-2025", "dd/mm/yyyy", datetime(2025, 5, 12)),
        ("05/12/2025", "mm/dd/yyyy", datetime(2025, 5, 12)),
        ("2025-05-12", "yyyy-mm-dd", datetime(2025, 5, 12)),
        ("2025-05-12T09:10:00+07:00", "dd/mm/yyyy", datetime(2025, 5, 12, 9, 10)),
        ("31/02/2025", "dd/mm/yyyy", None),
        ("không có ngày", "dd/mm/yyyy", None),
        ("", "dd/mm/yyyy", None),
    ],
)
def test_parse_date(text, fmt, expected):
    value = parse_date(text, fmt)
    assert (local(value) if value else None) == expected
