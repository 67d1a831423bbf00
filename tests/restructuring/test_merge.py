"""Merging three communes into one (issue #21): nothing lost, every old address redirects, a re-run and a dry
run change nothing, bad plans are refused with nothing changed."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import translation
from django.utils.translation import gettext

from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import registry as log_registry
from wagtail.models import Page, PageLogEntry

import pytest

from home.models import ArchivePage
from news.models import NewsArticlePage, NewsIndexPage
from news.taxonomy import Category, Official
from reporting.models import ArticleTarget
from restructuring.merge import apply_merge, plan_merge
from restructuring.plans import RestructuringError
from search.models import SearchEntry
from sites.models import AlertBanner, ContentMove, FormerHostname, Unit, UnitLevel
from tests.factories import make_unit, publish_article
from tests.factories.restructuring import three_communes

pytestmark = pytest.mark.django_db

MERGE = {
    "sources": ["phuoc-hau", "phuoc-thai", "phuoc-son"],
    "name": "Xã Phước Hậu",
    "slug": "phuoc-hau-moi",
    "hostname": "phuoc-hau-moi.localhost",
    "parent": "ninh-phuoc",
}
MIDDLEWARE = "restructuring.middleware.DissolvedSiteMiddleware"


@pytest.fixture(autouse=True)
def _fallback_middleware(settings):
    if MIDDLEWARE not in settings.MIDDLEWARE:
        settings.MIDDLEWARE = [*settings.MIDDLEWARE, MIDDLEWARE]


@pytest.fixture
def communes(district):
    return three_communes(district)


def snapshot():
    return {
        "units": Unit.all_objects.count(),
        "active": Unit.objects.count(),
        "pages": Page.objects.count(),
        "live": Page.objects.live().count(),
        "redirects": Redirect.objects.count(),
        "moves": ContentMove.objects.count(),
        "images": list(get_image_model().objects.order_by("pk").values_list("pk", "collection_id")),
        "documents": list(get_document_model().objects.order_by("pk").values_list("pk", "collection_id")),
        "groups": sorted(get_user_model().groups.through.objects.values_list("user_id", "group_id")),
        "paths": list(Page.objects.order_by("pk").values_list("pk", "path")),
    }


def test_merging_three_communes_keeps_every_page_file_and_user(communes, district, client):
    pages_before = set(Page.objects.values_list("pk", flat=True))
    articles = [a for c in communes for a in c.articles]
    old = {
        a.pk: (c.unit.site.hostname, a.url_path[len(c.unit.site.root_page.url_path) - 1 :])
        for c in communes
        for a in c.articles
    }
    images = [i.pk for c in communes for i in c.images]
    files = [f.pk for c in communes for f in c.files] + [
        a.document_id for c in communes for d in c.documents for a in d.attachments.all()
    ]
    users = [u for c in communes for u in (c.editor, c.approver)]

    plan = apply_merge(**MERGE)

    assert not plan.is_empty
    target = Unit.objects.get(slug="phuoc-hau-moi")
    assert target.parent == district and target.level == "commune"
    assert target.site.hostname == "phuoc-hau-moi.localhost"
    # every page kept (ids), nothing deleted
    assert pages_before <= set(Page.objects.values_list("pk", flat=True))
    news = NewsIndexPage.objects.child_of(target.site.root_page).get()
    moved = NewsArticlePage.objects.child_of(news)
    assert set(moved.values_list("pk", flat=True)) == {a.pk for a in articles}
    assert moved.live().count() == len(articles)
    # the same slug in three communes: suffixed, not lost
    assert set(moved.filter(slug__startswith="tin-chung").values_list("slug", flat=True)) == {
        "tin-chung",
        "tin-chung-phuoc-thai",
        "tin-chung-phuoc-son",
    }
    # files and images moved to the target's collection
    assert set(get_image_model().objects.filter(pk__in=images).values_list("collection", flat=True)) == {
        target.collection_id
    }
    assert set(get_document_model().objects.filter(pk__in=files).values_list("collection", flat=True)) == {
        target.collection_id
    }
    # users joined the target's groups and left the sources'
    for user in users:
        groups = set(user.groups.values_list("pk", flat=True))
        assert groups & {target.editors_group_id, target.approvers_group_id}
        assert not groups & {
            g for c in communes for g in (c.unit.editors_group_id, c.unit.approvers_group_id)
        }
    # the sources are dissolved and hidden, their rows kept
    for c in communes:
        source = Unit.all_objects.get(pk=c.unit.pk)
        assert source.merged_into == target and source.dissolved_at is not None
        assert not Unit.objects.filter(pk=source.pk).exists()
        assert not source.site.root_page.live
        moves = ContentMove.objects.filter(from_unit=source, to_unit=target)
        assert {a.pk for a in c.articles} | {c.documents[0].pk} <= set(moves.values_list("page", flat=True))
    # the move was logged with our action, and the search index follows
    assert PageLogEntry.objects.filter(page=target.site.root_page, action="portal.restructure").exists()
    assert log_registry.get_action_label("portal.restructure")
    assert set(
        SearchEntry.objects.filter(page_id__in=[a.pk for a in articles]).values_list("unit", flat=True)
    ) == {target.pk}

    # every old address answers 301 to the page's new address
    for article in articles:
        host, path = old[article.pk]
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 301, (host, path)
        new = NewsArticlePage.objects.get(pk=article.pk)
        assert response["Location"] == new.full_url
    for c in communes:
        host = c.unit.site.hostname
        response = client.get("/", HTTP_HOST=host)
        assert response.status_code == 301
        assert response["Location"].rstrip("/") == target.site.root_url
        response = client.get("/tin-tuc/rss/", HTTP_HOST=host)
        assert response.status_code == 301
        assert response["Location"] == news.full_url + "rss/"
        response = client.get("/tin-tuc/?page=2", HTTP_HOST=host)
        assert response.status_code == 301
        assert response["Location"] == news.full_url + "?page=2"
        response = client.get("/khong-co-trang-nay/", HTTP_HOST=host)
        assert response.status_code == 301
        assert response["Location"].rstrip("/") == target.site.root_url
        assert client.get("/sitemap.xml", HTTP_HOST=host).status_code in (200, 301, 404)
    # the new addresses answer, the feed and the sitemap of the target hold the moved articles
    target_host = target.site.hostname
    assert client.get(news.relative_url(target.site), HTTP_HOST=target_host).status_code == 200
    for article in articles[:2]:
        new = NewsArticlePage.objects.get(pk=article.pk)
        assert client.get(new.relative_url(target.site), HTTP_HOST=target_host).status_code == 200
    feed = client.get("/tin-tuc/rss/", HTTP_HOST=target_host)
    assert feed.status_code == 200 and articles[0].title in feed.content.decode()
    sitemap = client.get("/sitemap.xml", HTTP_HOST=target_host)
    assert sitemap.status_code == 200 and "tin-chung-phuoc-son" in sitemap.content.decode()


def test_a_second_run_plans_nothing_and_changes_nothing(communes):
    apply_merge(**MERGE)
    before = snapshot()
    plan = plan_merge(**MERGE)
    assert plan.is_empty, plan.render()
    assert apply_merge(**MERGE).is_empty
    out = StringIO()
    call_command(
        "merge_units",
        "--from",
        *MERGE["sources"],
        "--slug",
        MERGE["slug"],
        "--name",
        MERGE["name"],
        "--hostname",
        MERGE["hostname"],
        "--parent",
        MERGE["parent"],
        stdout=out,
    )
    assert snapshot() == before


def test_dry_run_prints_the_plan_and_changes_nothing(communes):
    before = snapshot()
    out = StringIO()
    call_command(
        "merge_units",
        "--from",
        *MERGE["sources"],
        "--name",
        MERGE["name"],
        "--slug",
        MERGE["slug"],
        "--hostname",
        MERGE["hostname"],
        "--parent",
        MERGE["parent"],
        "--dry-run",
        stdout=out,
    )
    text = out.getvalue()
    assert "phuoc-hau-moi.localhost" in text
    assert "(9 pages)" not in text  # per section, not per unit total
    assert snapshot() == before
    plan = plan_merge(**MERGE)
    assert plan.counts["pages"] >= 12  # 3 articles and a document per commune, plus their other pages
    assert plan.counts["files"] >= 6
    assert plan.counts["users"] == 6


def test_the_command_applies_and_ends_with_a_summary(communes):
    out = StringIO()
    call_command(
        "merge_units",
        "--from",
        *MERGE["sources"],
        "--name",
        MERGE["name"],
        "--slug",
        MERGE["slug"],
        "--hostname",
        MERGE["hostname"],
        "--parent",
        MERGE["parent"],
        stdout=out,
    )
    last = out.getvalue().strip().splitlines()[-1]
    assert "phuoc-hau-moi" in last and "3" in last  # the one-line summary
    assert Unit.objects.filter(slug="phuoc-hau-moi").exists()


BAD = [
    ({"sources": ["phuoc-hau", "phuoc-hau"]}, "The unit “%(slug)s” is named twice.", {"slug": "phuoc-hau"}),
    ({"sources": ["phuoc-hau", "khong-co"]}, "Unknown unit “%(slug)s”.", {"slug": "khong-co"}),
    ({"parent": "khong-co"}, "Unknown parent unit “%(parent)s”.", {"parent": "khong-co"}),
    ({"parent": None}, "Give the new unit a parent unit.", {}),
    (
        {"hostname": "phuoc-thai.localhost"},
        "The hostname “%(hostname)s” is already used by another site.",
        {"hostname": "phuoc-thai.localhost"},
    ),
    (
        {"hostname": "localhost"},
        "The hostname “%(hostname)s” is already used by another site.",
        {"hostname": "localhost"},
    ),
    ({"slug": "Phuoc Hau"}, None, {}),
    ({"slug": "phuoc-thai"}, None, {}),
    (
        {"level": "district"},
        "A unit of level “%(level)s” cannot belong to a unit of level “%(parent_level)s”.",
        {"level": UnitLevel.DISTRICT.label, "parent_level": UnitLevel.DISTRICT.label},
    ),
    ({"parent": "phuoc-thai"}, None, {}),
    ({"sources": ["ninh-phuoc", "phuoc-hau"]}, None, {}),
    ({"users": "delete"}, None, {}),
]


@pytest.mark.parametrize(("change", "msgid", "params"), BAD)
def test_bad_plans_are_refused_with_their_message_and_nothing_changes(communes, change, msgid, params):
    before = snapshot()
    options = {**MERGE, **change}
    with translation.override("vi"):
        with pytest.raises(RestructuringError) as refused:
            apply_merge(**options)
        if msgid:
            assert str(refused.value) == gettext(msgid) % params
        assert str(refused.value)
    with pytest.raises(CommandError):
        args = ["--from", *options["sources"], "--slug", options["slug"]]
        for key in ("name", "hostname", "parent"):
            if options.get(key):
                args += [f"--{key}", options[key]]
        if "level" in options:
            args += ["--level", options["level"]]
        if options.get("users") in ("move", "list"):
            args += ["--users", options["users"]]
        else:
            raise CommandError("argparse refuses it")
        call_command("merge_units", *args, stdout=StringIO())
    assert snapshot() == before


def test_a_taken_former_hostname_and_an_already_merged_unit_are_refused(communes, district):
    other = make_unit("an-hai", parent=district, name="Xã An Hải")
    FormerHostname.objects.create(hostname="phuoc-hau-moi.localhost", unit=other)
    with pytest.raises(RestructuringError):
        plan_merge(**MERGE)
    FormerHostname.objects.all().delete()
    apply_merge(**MERGE)
    before = snapshot()
    with pytest.raises(RestructuringError):
        apply_merge(sources=["phuoc-thai"], slug="an-hai")
    assert snapshot() == before


def test_archive_keeps_the_pages_readable_under_luu_tru(communes, client):
    plan = apply_merge(**MERGE, archive=True)
    target = Unit.objects.get(slug="phuoc-hau-moi")
    archives = ArchivePage.objects.child_of(target.site.root_page)
    assert archives.count() == 3
    assert plan.counts["pages"] > 12
    target_host = target.site.hostname
    for c in communes:
        archive = archives.get(slug=f"luu-tru-{c.unit.slug}")
        assert archive.live
        assert client.get(archive.relative_url(target.site), HTTP_HOST=target_host).status_code == 200
        news = NewsIndexPage.objects.child_of(archive).get()
        assert set(NewsArticlePage.objects.child_of(news).values_list("pk", flat=True)) == {
            a.pk for a in c.articles
        }
        article = NewsArticlePage.objects.get(pk=c.articles[1].pk)
        assert client.get(article.relative_url(target.site), HTTP_HOST=target_host).status_code == 200
        old_path = c.articles[1].url_path[len(c.unit.site.root_page.url_path) - 1 :]
        response = client.get(old_path, HTTP_HOST=c.unit.site.hostname)
        assert response.status_code == 301 and response["Location"] == article.full_url
        response = client.get("/tin-tuc/rss/", HTTP_HOST=c.unit.site.hostname)
        assert response.status_code == 301 and response["Location"] == news.full_url + "rss/"
    # the target's own sections are still its own
    assert not NewsArticlePage.objects.child_of(
        NewsIndexPage.objects.child_of(target.site.root_page).get()
    ).exists()


def test_merge_into_an_existing_unit_and_the_records_that_follow(communes, district):
    phuoc_hau = communes[0].unit
    shared_slug = Category.objects.create(name="Nông thôn mới", slug="nong-thon-moi", unit=phuoc_hau)
    own = Category.objects.create(name="Tin Phước Thái", slug="tin-phuoc-thai", unit=communes[1].unit)
    theirs = Category.objects.create(name="Nông thôn mới", slug="nong-thon-moi", unit=communes[1].unit)
    article = publish_article(communes[1].unit, title="Tin có chuyên mục", categories=[theirs, own])
    official = Official.objects.create(name="Nguyễn Văn B", position="Chủ tịch", unit=communes[1].unit)
    ArticleTarget.objects.create(unit=communes[1].unit, monthly_articles=8)
    from django.utils import timezone

    banner = AlertBanner.objects.create(
        unit=communes[2].unit, message="Bảo trì", ends_at=timezone.now() + timezone.timedelta(days=2)
    )
    plan = plan_merge(sources=["phuoc-thai", "phuoc-son"], slug="phuoc-hau")
    assert plan.lines["other"]
    apply_merge(sources=["phuoc-thai", "phuoc-son"], slug="phuoc-hau")
    assert Unit.objects.get(slug="phuoc-hau").pk == phuoc_hau.pk
    article.refresh_from_db()
    assert set(NewsArticlePage.objects.get(pk=article.pk).categories.all()) == {shared_slug, own}
    assert Category.objects.filter(pk=theirs.pk).exists()  # emptied, kept
    own.refresh_from_db()
    assert own.unit_id == phuoc_hau.pk
    official.refresh_from_db()
    assert official.unit_id == phuoc_hau.pk
    banner.refresh_from_db()
    assert banner.unit_id == phuoc_hau.pk
    assert ArticleTarget.objects.get(unit=phuoc_hau).monthly_articles == 8
    news = NewsIndexPage.objects.child_of(phuoc_hau.site.root_page).get()
    assert NewsArticlePage.objects.child_of(news).count() == 3 + 3 + 3 + 1
    # given values that do not match the existing unit are refused
    with pytest.raises(RestructuringError):
        plan_merge(sources=["phuoc-son"], slug="phuoc-hau", name="Xã khác")
