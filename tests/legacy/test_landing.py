"""Landing imported items in a unit (legacy.landing): idempotence, dates, drafts, slugs, categories,
redirects, files and the report."""

import csv
from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext

from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model

import pytest

from legacy.landing import CREATED, SKIPPED, UNCHANGED, UPDATED, land, land_document, land_image, run_batch
from legacy.models import ImportedItem
from news.models import NewsArticlePage
from news.taxonomy import Category
from search.models import SearchEntry
from tests.factories.legacy import (
    HCM,
    IncomingItemFactory,
    huge_png_bytes,
    image_bytes,
    make_context,
    paragraph,
)

pytestmark = pytest.mark.django_db


def reason_text(msgid):
    """The report's wording of ``msgid`` in the active language, up to its first placeholder."""
    return gettext(msgid).split("%(")[0]


# the report's reasons are translated (gettext): compared in the active language
EXPIRED = reason_text("expired at the source: landed as a draft")
UNPUBLISHED = reason_text("unpublished at the source: landed as a draft")
SCHEDULED = reason_text("scheduled at the source: goes live on %(date)s")


def land_all(ctx, items):
    return run_batch(ctx, items, land)


def test_creates_a_live_article_with_the_source_dates_and_a_redirect(commune_a, client):
    ctx = make_context(commune_a)
    item = IncomingItemFactory(key="7", categories=["kinh-te-xa-hoi"], tags=["giao thông"])
    assert land_all(ctx, [item]) == [CREATED]

    page = NewsArticlePage.objects.get()
    assert page.live and not page.has_unpublished_changes
    assert page.get_parent().specific_class.__name__ == "NewsIndexPage"
    assert page.title == item.title and page.lead == item.lead
    assert page.first_published_at == item.published_at
    assert page.last_published_at == item.updated_at
    assert page.published_date == item.published_at
    assert [c.slug for c in page.categories.all()] == ["kinh-te-xa-hoi"]
    assert [t.name for t in page.tags.all()] == ["giao thông"]
    assert page.live_revision_id == page.latest_revision_id is not None
    assert page.latest_revision.as_object().title == item.title
    assert SearchEntry.objects.filter(page_id=page.pk).exists()
    record = ImportedItem.objects.get()
    assert (record.source, record.kind, record.key, record.page_id) == ("test:legacy", "news", "7", page.pk)

    host = commune_a.site.hostname
    response = client.get(item.old_paths[0], HTTP_HOST=host)
    assert response.status_code == 301
    assert (
        response["Location"]
        .rstrip("/")
        .endswith(page.url_path[len(commune_a.root_page.url_path) - 1 :].rstrip("/"))
    )
    article = client.get(page.relative_url(commune_a.site), HTTP_HOST=host)
    assert article.status_code == 200
    assert "04/03/2019" in article.content.decode()


def test_second_run_changes_nothing_and_a_changed_item_gets_a_new_revision(commune_a):
    items = [IncomingItemFactory(key=str(n)) for n in range(3)]
    assert land_all(make_context(commune_a), items) == [CREATED] * 3
    revisions = {p.pk: p.latest_revision_id for p in NewsArticlePage.objects.all()}

    assert land_all(make_context(commune_a), items) == [UNCHANGED] * 3
    assert NewsArticlePage.objects.count() == 3 and Redirect.objects.count() == 3
    assert {p.pk: p.latest_revision_id for p in NewsArticlePage.objects.all()} == revisions

    items[1].title = "Tiêu đề đã sửa"
    items[1].updated_at = datetime(2020, 1, 1, 7, 0, tzinfo=HCM)
    assert land_all(make_context(commune_a), items) == [UNCHANGED, UPDATED, UNCHANGED]
    page = NewsArticlePage.objects.get(title="Tiêu đề đã sửa")
    assert page.latest_revision_id != revisions[page.pk]
    assert page.first_published_at == items[1].published_at  # kept
    assert page.last_published_at == items[1].updated_at
    assert NewsArticlePage.objects.count() == 3


def test_a_page_an_editor_changed_is_left_alone(commune_a, editor_a):
    item = IncomingItemFactory()
    land_all(make_context(commune_a), [item])
    page = NewsArticlePage.objects.get()
    page.title = "Sửa bởi biên tập viên"
    page.save_revision(user=editor_a)
    item.lead = "Nguồn thay đổi"
    assert land_all(make_context(commune_a), [item]) == [SKIPPED]
    page.refresh_from_db()
    assert page.latest_revision.as_object().title == "Sửa bởi biên tập viên"


def test_a_page_the_board_took_down_stays_down_when_the_source_changes(commune_a, board_member):
    from sites.services import take_down

    item = IncomingItemFactory()
    land_all(make_context(commune_a), [item])
    page = NewsArticlePage.objects.get()
    take_down(page=page, user=board_member, reason="Nội dung không phù hợp")
    item.lead = "Nguồn thay đổi"
    assert land_all(make_context(commune_a), [item]) == [SKIPPED]
    page.refresh_from_db()
    assert not page.live and page.lead != "Nguồn thay đổi"


def test_drafts_option_unpublished_expired_and_scheduled_items(commune_a):
    now = timezone.now()
    ctx = make_context(commune_a)
    items = [
        IncomingItemFactory(key="off", live=False),
        IncomingItemFactory(key="expired", expires_at=now - timedelta(days=1)),
        IncomingItemFactory(key="later", published_at=now + timedelta(days=2)),
        IncomingItemFactory(key="expires-later", expires_at=now + timedelta(days=30)),
    ]
    land_all(ctx, items)
    pages = {r.key: r.page.specific for r in ImportedItem.objects.select_related("page")}
    assert not pages["off"].live and pages["off"].live_revision_id is None
    assert not pages["expired"].live
    assert not pages["later"].live
    assert pages["later"].latest_revision.approved_go_live_at == items[2].published_at
    assert pages["expires-later"].live and pages["expires-later"].expire_at == items[3].expires_at
    reasons = {row["key"]: row["reason"] for row in ctx.report.rows}
    assert EXPIRED in reasons["expired"] and UNPUBLISHED in reasons["off"]
    assert SCHEDULED in reasons["later"]
    assert not SearchEntry.objects.filter(page__in=[pages["off"], pages["expired"]]).exists()

    drafts = make_context(commune_a, source="other", drafts=True)
    land_all(drafts, [IncomingItemFactory(key="x")])
    assert not ImportedItem.objects.get(source="other").page.live


def test_slugs_are_unique_within_the_index_and_avoid_its_routes(commune_a):
    items = [
        IncomingItemFactory(key="1", slug="le-hoi"),
        IncomingItemFactory(key="2", slug="le-hoi"),
        IncomingItemFactory(key="3", slug="rss"),
        IncomingItemFactory(key="4", slug="", title="Phước Hậu đón Tết"),
    ]
    land_all(make_context(commune_a), items)
    slugs = sorted(NewsArticlePage.objects.values_list("slug", flat=True))
    assert slugs == ["le-hoi", "le-hoi-2", "phuoc-hau-don-tet", "rss-2"]
    # a later run (a new context) also sees the slugs taken
    land_all(make_context(commune_a), [IncomingItemFactory(key="5", slug="le-hoi")])
    assert NewsArticlePage.objects.filter(slug="le-hoi-3").exists()


def test_category_map_unmapped_and_default(commune_a):
    ctx = make_context(
        commune_a, category_map={"thoi-su": "thong-bao", "12": "kinh-te-xa-hoi"}, default_category="thong-bao"
    )
    land_all(
        ctx,
        [
            IncomingItemFactory(key="a", categories=["thoi-su", "12"]),
            IncomingItemFactory(key="b", categories=["la"]),
        ],
    )
    a = ImportedItem.objects.get(key="a").page.specific
    b = ImportedItem.objects.get(key="b").page.specific
    assert sorted(c.slug for c in a.categories.all()) == ["kinh-te-xa-hoi", "thong-bao"]
    assert [c.slug for c in b.categories.all()] == ["thong-bao"]  # the default
    assert ctx.unmapped == {"la": 1}
    assert "la" in next(r["reason"] for r in ctx.report.rows if r["key"] == "b")


def test_a_map_to_an_unknown_category_is_refused(commune_a, commune_b):
    Category.objects.create(name="Riêng B", slug="rieng-b", unit=commune_b)
    with pytest.raises(ValueError, match="rieng-b"):
        make_context(commune_a, category_map={"x": "rieng-b"})


def test_static_pages_land_under_the_home_without_blocks_it_cannot_hold(commune_a):
    ctx = make_context(commune_a)
    item = IncomingItemFactory(
        kind="page",
        key="p1",
        slug="gioi-thieu-chung",
        body=[paragraph("Giới thiệu"), {"type": "table", "value": {"data": [["a"]]}}],
        old_paths=["/page/gioi-thieu-chung.html"],
    )
    land_all(ctx, [item])
    page = ImportedItem.objects.get(kind="page").page
    assert page.get_parent().pk == commune_a.root_page.pk
    assert [b.block_type for b in page.specific.body] == ["paragraph"]
    assert "table" in ctx.report.rows[0]["reason"]


def test_images_are_checked_deduplicated_and_kept_in_the_unit_collection(commune_a):
    ctx = make_context(commune_a)
    Image = get_image_model()
    content = image_bytes()
    first = land_image(ctx, content=content, filename="uploads/news/2019/a.jpg", alt="Cầu mới")
    again = land_image(make_context(commune_a), content=content, filename="b.jpg")
    assert first is not None and again.pk == first.pk
    assert first.collection_id == commune_a.collection_id and first.description == "Cầu mới"
    assert (first.width, first.height) == (640, 360)
    png_named_jpg = land_image(ctx, content=image_bytes("PNG"), filename="c.jpg")
    assert png_named_jpg.file.name.endswith(".png")  # named by its real type

    assert land_image(ctx, content=b"<?php echo 1; ?>", filename="evil.jpg", key="9") is None
    assert land_image(ctx, content=huge_png_bytes(), filename="bomb.jpg", key="9") is None
    assert land_image(ctx, content=None, filename="gone.jpg", key="9") is None
    assert Image.objects.count() == 2
    missing = [r for r in ctx.report.rows if r["status"] == "image-missing"]
    assert [r["reason"].split(":")[0] for r in missing] == ["evil.jpg", "bomb.jpg", "gone.jpg"]


def test_images_over_the_size_limit_are_refused(commune_a, settings):
    settings.PORTAL_MAX_UPLOAD_MB = 0
    ctx = make_context(commune_a)
    assert land_image(ctx, content=image_bytes(), filename="a.jpg") is None
    assert "MB" in ctx.report.rows[0]["reason"]


def test_documents_are_checked_by_content(commune_a):
    ctx = make_context(commune_a)
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    document = land_document(ctx, content=pdf, filename="qd-12.pdf", title="Quyết định 12")
    assert document is not None and document.collection_id == commune_a.collection_id
    assert land_document(ctx, content=pdf, filename="qd-12.pdf", title="x").pk == document.pk
    assert land_document(ctx, content=b"MZ\x90\x00", filename="virus.pdf", title="x") is None


def test_report_csv(commune_a, tmp_path):
    ctx = make_context(commune_a)
    land_all(ctx, [IncomingItemFactory(key="1"), IncomingItemFactory(key="2", title="  ")])
    land_image(ctx, content=None, filename="uploads/news/x.jpg", key="1")
    path = ctx.report.write_csv(tmp_path / "r" / "report.csv")
    with path.open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert [(r["key"], r["status"]) for r in rows] == [
        ("1", "created"),
        ("2", "skipped"),
        ("1", "image-missing"),
    ]
    assert rows[0]["new_url"].startswith("/tin-tuc/") and rows[0]["old_url"] == "/news/tin-tuc/bai-1.html"
    assert ctx.report.counts == {"created": 1, "updated": 0, "unchanged": 0, "skipped": 1}


def test_a_failed_batch_is_rolled_back_and_can_be_run_again(commune_a):
    ctx = make_context(commune_a)

    def land_or_fail(ctx, item):
        if item.key == "2":
            raise RuntimeError("interrupted")
        return land(ctx, item)

    items = [IncomingItemFactory(key="1"), IncomingItemFactory(key="2")]
    with pytest.raises(RuntimeError):
        run_batch(ctx, items, land_or_fail)
    assert not NewsArticlePage.objects.exists() and not ImportedItem.objects.exists()
    assert run_batch(ctx, items, land) == [CREATED, CREATED]
    assert NewsArticlePage.objects.count() == 2
