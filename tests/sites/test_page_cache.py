"""The application page cache (sites/page_cache.py) and its generations (sites/cache.py), through the test
client.

What an anonymous visitor gets is stored and served again (X-Page-Cache: miss, then hit); nothing personal,
single-use or broken is ever stored or served from it; a change shows at once; the cache being down costs
speed, never an answer.
"""

import os
import re
import socket
import time
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings as django_settings
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client, RequestFactory
from django.utils import timezone, translation
from django.utils.http import http_date

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, PageViewRestriction
from wagtail_localize.operations import translate_object

import pytest

from documents.models import DraftComment
from news.models import NewsArticlePage
from sites import cache as generations
from sites import page_cache
from sites.models import AlertBanner, UnitSettings
from sites.services import take_down
from tests.factories import legal_document, publish_article, shared_category

pytestmark = pytest.mark.django_db

DISTRICT = "localhost"
COMMUNE = "phuoc-hau.localhost"
SIBLING = "an-hai.localhost"
PUBLIC_CONTROL = "public, max-age=0, must-revalidate"


def get(client, path, host=COMMUNE, **extra):
    return client.get(path, HTTP_HOST=host, **extra)


def state(response):
    return response.get("X-Page-Cache")


def control(response):
    return {word.strip() for word in response.get("Cache-Control", "").lower().split(",")}


def assert_never_cached(response):
    assert state(response) != "hit"
    assert "public" not in control(response)
    assert "X-Accel-Expires" not in response


@pytest.fixture(autouse=True)
def _file_cache_emptied():
    """Django's file cache deletes a random third of its entries once it holds MAX_ENTRIES (300 by default,
    which `make run` keeps): a run's earlier tests would otherwise cull this test's pages and tokens at random
    (test_the_file_cache_keeps_a_page_among_many_entries shows it)."""
    if django_settings.CACHES["default"]["BACKEND"].endswith("FileBasedCache"):
        from django.core.cache import cache

        cache.clear()


@pytest.fixture
def article(commune_a):
    return publish_article(commune_a, title="Xã Phước Hậu ra quân làm đường giao thông nông thôn")


# --- Miss, then hit; what the key is made of ----------------------------------------------------------------


def test_an_anonymous_get_is_a_miss_then_a_hit_with_the_same_answer(client, article):
    path = f"/tin-tuc/{article.slug}/"
    first = get(client, path)
    second = get(client, path)
    assert (first.status_code, state(first)) == (200, "miss")
    assert (second.status_code, state(second)) == (200, "hit")
    assert second.content == first.content and article.title in second.content.decode()
    assert second["Content-Type"] == first["Content-Type"]


def test_another_visitor_gets_the_stored_answer(article):
    path = f"/tin-tuc/{article.slug}/"
    assert state(get(Client(), path)) == "miss"
    assert state(get(Client(), path)) == "hit"


def test_head_is_answered_from_the_same_entry(article):
    path = f"/tin-tuc/{article.slug}/"
    body = get(Client(), path).content
    head = Client().head(path, HTTP_HOST=COMMUNE)
    assert (head.status_code, state(head), head.content) == (200, "hit", b"")
    assert int(head["Content-Length"]) == len(body)
    # a HEAD that builds the entry stores the whole page: a GET after it gets the body, not an empty one
    head = Client().head("/tin-tuc/", HTTP_HOST=COMMUNE)
    assert (head.status_code, state(head), head.content) == (200, "miss", b"")
    listing = get(Client(), "/tin-tuc/")
    assert (listing.status_code, state(listing)) == (200, "hit")
    assert article.title in listing.content.decode() and listing.content.rstrip().endswith(b"</html>")
    assert int(listing["Content-Length"]) == len(listing.content)


def test_the_key_has_the_host(client, district, commune_a, commune_b):
    answers = {host: get(client, "/", host) for host in (DISTRICT, COMMUNE, SIBLING)}
    assert {host: state(response) for host, response in answers.items()} == dict.fromkeys(answers, "miss")
    assert "Huyện Ninh Phước" in answers[DISTRICT].content.decode()
    assert "Xã Phước Hậu" in answers[COMMUNE].content.decode()
    assert "Xã An Hải" in answers[SIBLING].content.decode()
    assert len({response.content for response in answers.values()}) == 3
    again = {host: get(client, "/", host) for host in answers}
    assert all(state(response) == "hit" for response in again.values())
    assert all(again[host].content == answers[host].content for host in answers)
    # the host's case is no new entry
    assert state(get(client, "/", "Phuoc-Hau.LOCALHOST")) == "hit"


def test_the_key_has_the_path(client, article):
    assert state(get(client, "/")) == "miss"
    assert state(get(client, "/tin-tuc/")) == "miss"
    assert state(get(client, f"/tin-tuc/{article.slug}/")) == "miss"


def test_the_query_string_counts_whatever_the_order_of_its_parameters(client, article):
    assert state(get(client, "/tin-tuc/?a=1&b=2")) == "miss"
    assert state(get(client, "/tin-tuc/?b=2&a=1")) == "hit"
    assert state(get(client, "/tin-tuc/?a=1&b=3")) == "miss"
    assert state(get(client, "/tin-tuc/?a=1")) == "miss"
    assert state(get(client, "/tin-tuc/")) == "miss"
    assert state(get(client, "/tin-tuc/?a=1&b=2")) == "hit"


def test_pages_of_a_listing_are_apart(client, commune_a):
    # the listing shows 20 a page
    for n in range(21):
        publish_article(commune_a, title=f"Bản tin thứ {n:02d} của xã")
    first = get(client, "/tin-tuc/?page=1")
    second = get(client, "/tin-tuc/?page=2")
    assert (state(first), state(second)) == ("miss", "miss")
    assert "Bản tin thứ 00 của xã" in second.content.decode()
    assert "Bản tin thứ 00 của xã" not in first.content.decode()
    assert get(client, "/tin-tuc/?page=2").content == second.content


def test_repeated_parameters_keep_their_order(client, commune_a):
    """Django reads the last of repeated parameters (request.GET["category"]): ``?category=x&category=y`` and
    ``?category=y&category=x`` are different pages, so they cannot share an entry."""
    roads, health = shared_category("giao-thong", "Giao thông"), shared_category("y-te", "Y tế")
    publish_article(commune_a, title="Bài về giao thông nông thôn", categories=[roads])
    publish_article(commune_a, title="Bài về tiêm chủng mở rộng", categories=[health])
    health_last = get(client, "/tin-tuc/?category=giao-thong&category=y-te")
    assert health_last.status_code == 200 and state(health_last) == "miss"
    assert (
        "tiêm chủng" in health_last.content.decode()
        and "giao thông nông thôn" not in health_last.content.decode()
    )
    roads_last = get(client, "/tin-tuc/?category=y-te&category=giao-thong")
    assert roads_last.status_code == 200
    assert "giao thông nông thôn" in roads_last.content.decode(), (
        f"X-Page-Cache: {state(roads_last)}: the page filtered on the other category was served"
    )
    assert "tiêm chủng" not in roads_last.content.decode()


def test_one_entry_never_answers_two_different_queries(client, commune_a):
    """Raw UTF-8 bytes in the query string (``zé9``, as some clients send it) and the percent-encoded mojibake
    of the same bytes (``zÃ©9``) are different values for Django, so different pages (an unknown filter value
    is shown back in a notice of the document library)."""
    raw = get(client, "/van-ban/?loai=zé9")  # the test client sends it as raw UTF-8 bytes
    assert raw.status_code == 200 and "zé9" in raw.content.decode()
    mojibake = get(client, "/van-ban/?loai=z%C3%83%C2%A99")
    assert mojibake.status_code == 200
    assert "zé9" not in mojibake.content.decode(), f"X-Page-Cache: {state(mojibake)}: another query's page"
    assert "zÃ©9" in mojibake.content.decode()


def test_a_keyword_search_of_the_library_is_never_stored(client, commune_a):
    """It is counted per visitor by the search rate limit (sites.limits.keyword_search_limited)."""
    answers = [get(client, "/van-ban/?q=quy+ch%E1%BA%BF") for _ in range(2)]
    assert [(r.status_code, state(r)) for r in answers] == [(200, "bypass"), (200, "bypass")]
    assert state(get(client, "/van-ban/")) == "miss"


@pytest.fixture
def english(district, commune_a):
    locale = Locale.objects.get_or_create(language_code="en")[0]
    translate_object(commune_a.site.root_page.specific, [locale])
    home = commune_a.site.root_page.get_translation(locale).specific
    home.title = "Phuoc Hau Commune"
    home.save_revision().publish()
    return home


def test_english_pages_are_apart(client, english):
    vietnamese, in_english = get(client, "/"), get(client, "/en/")
    assert (vietnamese.status_code, in_english.status_code) == (200, 200)
    assert (state(vietnamese), state(in_english)) == ("miss", "miss")
    assert 'lang="en"' in in_english.content.decode() and 'lang="vi"' in vietnamese.content.decode()
    assert state(get(client, "/en/")) == "hit" and state(get(client, "/")) == "hit"
    assert get(client, "/en/").content == in_english.content
    # whatever language the browser asks for, the path decides
    assert get(client, "/", HTTP_ACCEPT_LANGUAGE="en").content == vietnamese.content
    # and the 404 of each language too
    missing_vi, missing_en = get(client, "/khong-co/"), get(client, "/en/khong-co/")
    assert (state(missing_vi), state(missing_en)) == ("miss", "miss")
    assert missing_vi.content != missing_en.content


def test_the_key_has_the_scheme(english):
    """The page has absolute URLs in the request's scheme (hreflang alternates): an http answer is not one for
    https (nginx's own key, docker/nginx.conf, has ``$scheme`` too)."""
    plain = get(Client(), "/")
    assert state(plain) == "miss" and 'href="http://phuoc-hau.localhost/en/"' in plain.content.decode()
    secure = Client().get("/", HTTP_HOST=COMMUNE, secure=True)
    assert secure.status_code == 200
    html = secure.content.decode()
    assert 'href="http://phuoc-hau.localhost/' not in html, (
        f"X-Page-Cache: {state(secure)}: http links on https"
    )
    assert 'href="https://phuoc-hau.localhost/en/"' in html


# --- Headers and conditional requests -----------------------------------------------------------------------


def test_stored_answers_carry_validators_and_a_short_front_cache_life(client, article):
    path = f"/tin-tuc/{article.slug}/"
    miss, hit = get(client, path), get(client, path)
    for response in (miss, hit):
        assert response["Cache-Control"] == PUBLIC_CONTROL
        assert re.fullmatch(r'"[0-9a-f]{32}"', response["ETag"])
        assert response["Last-Modified"].endswith(" GMT")
        assert response["X-Accel-Expires"] == str(django_settings.PORTAL_FRONT_CACHE_SECONDS)
    assert (hit["ETag"], hit["Last-Modified"]) == (miss["ETag"], miss["Last-Modified"])
    # no cookie is ever stored or replayed
    assert not miss.cookies and not hit.cookies


def test_if_none_match_answers_304_on_a_hit_and_on_a_miss(client, article):
    path = f"/tin-tuc/{article.slug}/"
    etag = get(client, path)["ETag"]
    hit = get(client, path, HTTP_IF_NONE_MATCH=etag)
    assert (hit.status_code, state(hit), hit.content) == (304, "hit", b"")
    assert hit["ETag"] == etag
    # the same page built again (everything's generation replaced): the same content, the same ETag
    generations.bump(everything=True)
    miss = get(client, path, HTTP_IF_NONE_MATCH=etag)
    assert (miss.status_code, miss.content) == (304, b"")
    assert miss["ETag"] == etag
    assert state(get(client, path)) == "hit"  # the miss stored the page all the same
    # another ETag is no match
    other = get(client, path, HTTP_IF_NONE_MATCH='"0123456789abcdef0123456789abcdef"')
    assert (other.status_code, state(other)) == (200, "hit") and article.title in other.content.decode()


def test_if_modified_since_answers_304(client, article):
    path = f"/tin-tuc/{article.slug}/"
    last_modified = get(client, path)["Last-Modified"]
    not_modified = get(client, path, HTTP_IF_MODIFIED_SINCE=last_modified)
    assert (not_modified.status_code, not_modified.content) == (304, b"")
    older = http_date(time.time() - 3600)
    assert get(client, path, HTTP_IF_MODIFIED_SINCE=older).status_code == 200


def test_a_changed_page_gets_a_new_etag_and_the_old_one_no_304(client, article):
    path = f"/tin-tuc/{article.slug}/"
    before = get(client, path)
    assert state(get(client, path)) == "hit"
    page = NewsArticlePage.objects.get(pk=article.pk)
    page.title = "Xã Phước Hậu hoàn thành tuyến đường liên thôn"
    page.save_revision().publish()
    after = get(client, path, HTTP_IF_NONE_MATCH=before["ETag"])
    assert (after.status_code, state(after)) == (200, "miss")
    assert "hoàn thành tuyến đường liên thôn" in after.content.decode()
    assert after["ETag"] != before["ETag"]


# --- Never stored, never served from the cache --------------------------------------------------------------


def test_a_logged_in_user_is_never_stored_nor_served_the_anonymous_page(article, editor_a):
    path = f"/tin-tuc/{article.slug}/"
    editor = Client()
    editor.force_login(editor_a)
    # what the editor gets first is not stored...
    own = get(editor, path)
    assert (own.status_code, state(own)) == (200, "bypass")
    assert {"private", "no-store"} <= control(own) and "ETag" not in own
    assert_never_cached(own)
    anonymous = get(Client(), path)
    assert (anonymous.status_code, state(anonymous)) == (200, "miss")
    html = anonymous.content.decode()
    assert "userbar" not in html and "/admin/pages/" not in html and "a-editor" not in html
    # ...and once the anonymous page is stored, the editor never gets it
    assert state(get(Client(), path)) == "hit"
    again = get(editor, path)
    assert state(again) == "bypass" and {"private", "no-store"} <= control(again)
    assert_never_cached(again)


@pytest.mark.parametrize(
    ("cookies", "headers"),
    [
        ({django_settings.SESSION_COOKIE_NAME: "abc"}, {}),
        ({getattr(django_settings, "MESSAGE_COOKIE_NAME", "messages"): "abc"}, {}),
        ({}, {"HTTP_AUTHORIZATION": "Basic dXNlcjpwdw=="}),
    ],
    ids=["session", "messages", "authorization"],
)
def test_a_request_that_may_be_personal_is_never_stored_nor_served(article, cookies, headers):
    path = f"/tin-tuc/{article.slug}/"
    visitor = Client()
    visitor.cookies.load(cookies)
    first = get(visitor, path, **headers)
    assert first.status_code == 200 and state(first) == "bypass"
    assert_never_cached(first)
    assert state(get(Client(), path)) == "miss"  # the first was not stored
    assert state(get(Client(), path)) == "hit"
    again = get(visitor, path, **headers)
    assert state(again) == "bypass"
    assert_never_cached(again)


def test_a_post_is_never_stored_nor_answered_from_the_cache(client, article):
    path = f"/tin-tuc/{article.slug}/"
    posted = client.post(path, {"x": "1"}, HTTP_HOST=COMMUNE)
    assert posted.status_code < 500 and state(posted) == "bypass"
    assert state(get(client, path)) == "miss"
    assert state(get(client, path)) == "hit"
    posted = client.post(path, {"x": "1"}, HTTP_HOST=COMMUNE)
    assert state(posted) == "bypass"
    assert_never_cached(posted)


@pytest.fixture
def attachment_paths(commune_a):
    page = legal_document(commune_a, number="12/QĐ-UBND")
    attachment = page.attachments.get()
    return f"/van-ban/tai-ve/{attachment.pk}/", attachment.document.url


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/login/",
        "/tim-kiem/?q=giao+th%C3%B4ng",
        "/en/tim-kiem/?q=road",
        "/healthz",
        "/documents/999999/khong-co.pdf",
        "/van-ban/tai-ve/999999/",
        "download",
        "file",
    ],
)
def test_skipped_paths_are_never_stored(client, attachment_paths, path):
    download, file = attachment_paths
    path = {"download": download, "file": file}.get(path, path)
    answers = [get(client, path) for _ in range(3)]
    statuses = {response.status_code for response in answers}
    assert len(statuses) == 1 and statuses.pop() < 500
    for response in answers:
        assert state(response) in (None, "bypass")
        assert response.get("Cache-Control") != PUBLIC_CONTROL and "X-Accel-Expires" not in response
    if path in (download, file):
        assert answers[0].status_code in (200, 302)


def test_admin_previews_are_never_stored(article, editor_a):
    page = NewsArticlePage.objects.get(pk=article.pk)
    page.title = "Bản nháp chưa duyệt: điều chỉnh quy hoạch"
    page.save_revision(user=editor_a)
    editor = Client()
    editor.force_login(editor_a)
    for url in (f"/admin/pages/{page.pk}/view_draft/", f"/admin/pages/{page.pk}/edit/preview/"):
        for _ in range(2):
            response = get(editor, url)
            assert response.status_code < 500 and state(response) != "hit"
            assert response.get("Cache-Control") != PUBLIC_CONTROL
    draft = get(editor, f"/admin/pages/{page.pk}/view_draft/")
    assert "Bản nháp chưa duyệt" in draft.content.decode()
    for _ in range(2):
        public = get(Client(), f"/tin-tuc/{article.slug}/")
        assert "Bản nháp chưa duyệt" not in public.content.decode()
    anonymous = get(Client(), f"/admin/pages/{page.pk}/edit/preview/")
    assert anonymous.status_code == 302 and state(anonymous) != "hit"


# --- Forms with a CSRF token --------------------------------------------------------------------------------


TODAY = date.today()
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def open_draft(commune_a):
    return legal_document(
        commune_a,
        number="DT-05/UBND",
        disclosure="du-thao-lay-y-kien",
        comment_opens=TODAY,
        comment_closes=TODAY + timedelta(days=10),
    )


def form_token(response):
    match = TOKEN.search(response.content.decode())
    assert match, "no comment form"
    return match.group(1)


def test_the_comment_form_is_never_stored_and_each_visitor_gets_their_own_token(open_draft):
    path = f"/van-ban/{open_draft.slug}/"
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    for _ in range(2):
        for visitor in (first, second):
            response = get(visitor, path)
            assert response.status_code == 200 and state(response) == "bypass"
            assert_never_cached(response)
            # the form's token is the one of this visitor's own cookie, never the other's
            secret = visitor.cookies[django_settings.CSRF_COOKIE_NAME].value
            assert _unmask_cipher_token(form_token(response)) == secret
    assert (
        first.cookies[django_settings.CSRF_COOKIE_NAME].value
        != second.cookies[django_settings.CSRF_COOKIE_NAME].value
    )
    # a HEAD neither
    assert state(Client().head(path, HTTP_HOST=COMMUNE)) == "bypass"
    # each visitor's token is good for their own comment (CSRF checks on)
    token = form_token(get(second, path))
    sent = second.post(
        path,
        {
            "csrfmiddlewaretoken": token,
            "name": "Lê Văn Tám",
            "contact": "tam@example.vn",
            "body": "Đồng ý.",
            "consent": "on",
        },
        HTTP_HOST=COMMUNE,
        REMOTE_ADDR="198.51.100.9",
    )
    assert sent.status_code == 302 and DraftComment.objects.count() == 1


def test_a_comment_notice_is_never_shown_to_another_visitor(open_draft):
    path = f"/van-ban/{open_draft.slug}/"
    author, reader = Client(), Client()
    assert state(get(reader, path)) == "bypass"
    refused = author.post(
        path, {"name": "", "contact": "", "body": ""}, HTTP_HOST=COMMUNE, REMOTE_ADDR="203.0.113.7"
    )
    assert refused.status_code == 400 and "Vui lòng nhập họ tên." in refused.content.decode()
    assert state(refused) == "bypass"
    sent = author.post(
        path,
        {
            "name": "Nguyễn Thị Hoa",
            "contact": "0912 345 678",
            "body": "Đề nghị bổ sung tuyến đường.",
            "consent": "on",
        },
        HTTP_HOST=COMMUNE,
        REMOTE_ADDR="203.0.113.7",
    )
    assert sent.status_code == 302
    thanks = author.get(sent["Location"], HTTP_HOST=COMMUNE)
    assert "notice--ok" in thanks.content.decode() and state(thanks) == "bypass"
    for _ in range(2):
        seen = get(reader, path)
        html = seen.content.decode()
        assert state(seen) == "bypass"
        assert "Vui lòng nhập họ tên." not in html and "notice--ok" not in html
        assert "Nguyễn Thị Hoa" not in html and "0912 345 678" not in html
        assert 'role="alert"' not in html.split('id="gop-y"', 1)[1]


# --- Statuses -----------------------------------------------------------------------------------------------


def test_a_404_is_stored_until_a_page_is_published_there(client, commune_a):
    missing = [get(client, "/tin-tuc/duong-moi/") for _ in range(2)]
    assert [(r.status_code, state(r)) for r in missing] == [(404, "miss"), (404, "hit")]
    assert missing[0].content == missing[1].content
    publish_article(commune_a, title="Đường mới", slug="duong-moi")
    found = get(client, "/tin-tuc/duong-moi/")
    assert (found.status_code, state(found)) == (200, "miss")


def test_a_taken_down_page_answers_410(client, article, board_member):
    path = f"/tin-tuc/{article.slug}/"
    assert state(get(client, path)) == "miss"
    assert state(get(client, path)) == "hit"
    take_down(page=article, user=board_member, reason="Thông tin chưa được kiểm chứng.")
    gone = [get(client, path) for _ in range(2)]
    assert [(r.status_code, state(r)) for r in gone] == [(410, "miss"), (410, "hit")]
    assert (
        "Nội dung đã được gỡ bỏ" in gone[1].content.decode() and article.title not in gone[1].content.decode()
    )
    # republished, it is back at once
    NewsArticlePage.objects.get(pk=article.pk).save_revision().publish()
    back = get(client, path)
    assert (back.status_code, state(back)) == (200, "miss")


def test_a_permanent_redirect_is_stored_until_it_is_deleted(client, commune_a, article):
    redirect = Redirect.add_redirect(
        old_path="/tin-cu/", redirect_to=f"/tin-tuc/{article.slug}/", is_permanent=True, site=commune_a.site
    )
    moved = [get(client, "/tin-cu/") for _ in range(2)]
    assert [(r.status_code, state(r)) for r in moved] == [(301, "miss"), (301, "hit")]
    assert moved[1]["Location"].endswith(f"/tin-tuc/{article.slug}/")
    redirect.delete()
    gone = get(client, "/tin-cu/")
    assert (gone.status_code, state(gone)) == (404, "miss")


def test_a_404_then_a_redirect_there(client, commune_a, article):
    assert [get(client, "/bai-cu/").status_code for _ in range(2)] == [404, 404]
    Redirect.add_redirect(
        old_path="/bai-cu/", redirect_to=f"/tin-tuc/{article.slug}/", is_permanent=False, site=commune_a.site
    )
    moved = [get(client, "/bai-cu/") for _ in range(2)]
    # a 302 is not stored
    assert [(r.status_code, state(r)) for r in moved] == [(302, "bypass"), (302, "bypass")]


def test_a_deleted_page_is_gone_at_once(client, article):
    path = f"/tin-tuc/{article.slug}/"
    assert [state(get(client, path)) for _ in range(2)] == ["miss", "hit"]
    NewsArticlePage.objects.get(pk=article.pk).delete()
    gone = get(client, path)
    assert (gone.status_code, state(gone)) == (404, "miss")
    listing = get(client, "/tin-tuc/")
    assert article.title not in listing.content.decode()


def test_a_view_restriction_takes_the_page_out_of_the_cache(client, article):
    path = f"/tin-tuc/{article.slug}/"
    assert [state(get(client, path)) for _ in range(2)] == ["miss", "hit"]
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="mk"
    )
    for _ in range(2):
        locked = get(client, path)
        assert state(locked) != "hit" and article.title not in locked.content.decode().split("<title>", 1)[-1]
        assert "password" in locked.content.decode()


def test_the_unit_settings_show_at_once(client, commune_a):
    assert [state(get(client, "/")) for _ in range(2)] == ["miss", "hit"]
    info = UnitSettings.for_site(commune_a.site)
    info.phone = "0259 3 999 888"
    info.save()
    changed = get(client, "/")
    assert state(changed) == "miss" and "0259 3 999 888" in changed.content.decode()


def test_the_cache_can_be_switched_off(client, settings, article):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    answers = [get(client, f"/tin-tuc/{article.slug}/") for _ in range(2)]
    assert [r.status_code for r in answers] == [200, 200]
    assert all("X-Page-Cache" not in r and "ETag" not in r for r in answers)


def test_a_server_error_is_never_stored(client, article, monkeypatch):
    path = f"/tin-tuc/{article.slug}/"
    client.raise_request_exception = False

    def broken(self, request, *args, **kwargs):
        raise RuntimeError("the template broke")

    monkeypatch.setattr(NewsArticlePage, "get_context", broken)
    errors = [get(client, path) for _ in range(2)]
    assert [(r.status_code, state(r)) for r in errors] == [(500, "bypass"), (500, "bypass")]
    assert_never_cached(errors[1])
    monkeypatch.undo()
    fixed = get(client, path)
    assert (fixed.status_code, state(fixed)) == (200, "miss")


# --- Odd requests -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("q=%00", 400),
        ("%00=1", 400),
        ("q=" + "x" * 20000, 200),
        # more fields than Django reads
        ("&".join(f"k{n}=1" for n in range(django_settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)), 400),
        ("%zz=%ff%&&=&%e1%bb&a=%C3%28", 200),
        ("page=1&page=1&page=2&page=", 200),
        ("q=Hà Nội&tỉnh=Ninh Thuận", 200),
        ("q=%ED%A0%80", 200),  # an encoded lone surrogate
        ("=&&&=", 200),
    ],
    ids=["nul-value", "nul-key", "long", "too-many-fields", "percent-garbage", "repeated", "unicode",
         "surrogate", "empty-pairs"],
)  # fmt: skip
def test_odd_query_strings_never_break_the_cache(client, article, query, status):
    answers = [get(client, f"/tin-tuc/?{query}") for _ in range(2)]
    assert [r.status_code for r in answers] == [status, status]
    if status == 200:
        assert [state(r) for r in answers] == ["miss", "hit"]
        assert answers[0].content == answers[1].content
    else:
        assert all(state(r) in (None, "bypass") and "public" not in control(r) for r in answers)


def test_an_unknown_host_is_refused_not_an_error(client, commune_a):
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400


# --- Time limits --------------------------------------------------------------------------------------------


def test_a_page_stored_around_banners_is_not_served_past_their_start_or_end(client, commune_a):
    now = timezone.now()
    AlertBanner.objects.create(
        unit=commune_a, message="Đang hiển thị: tạm ngừng tiếp dân", starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(seconds=3),
    )  # fmt: skip
    upcoming = AlertBanner.objects.create(
        unit=None, message="Sắp hiển thị: lịch cắt điện", starts_at=now + timedelta(seconds=3),
        ends_at=now + timedelta(hours=1),
    )  # fmt: skip
    before = [get(client, "/") for _ in range(2)]
    assert [state(r) for r in before] == ["miss", "hit"]
    assert "tạm ngừng tiếp dân" in before[1].content.decode()
    assert "lịch cắt điện" not in before[1].content.decode()
    time.sleep(max(0, (upcoming.starts_at - timezone.now()).total_seconds()) + 0.3)
    after = get(client, "/")
    assert state(after) == "miss"
    assert "lịch cắt điện" in after.content.decode() and "tạm ngừng tiếp dân" not in after.content.decode()


def test_an_entry_never_outlives_local_midnight(db, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    local = ZoneInfo("Asia/Ho_Chi_Minh")
    late = datetime(2026, 3, 2, 23, 59, 30, tzinfo=local)
    assert 0 < page_cache.valid_until("t-late", late) - late.timestamp() <= 30
    # the same moment given in UTC
    late_utc = late.astimezone(ZoneInfo("UTC"))
    assert page_cache.valid_until("t-late-utc", late_utc) == page_cache.valid_until("t-late", late)
    morning = datetime(2026, 3, 2, 10, 0, tzinfo=local)
    assert page_cache.valid_until("t-morning", morning) - morning.timestamp() == 600
    # 17:00 UTC is midnight in Hà Nội: the UTC date's midnight is no limit
    evening_utc = datetime(2026, 3, 2, 16, 50, tzinfo=ZoneInfo("UTC"))
    assert page_cache.valid_until("t-evening", evening_utc) - evening_utc.timestamp() == 600


def test_an_entry_never_outlives_the_next_banner_change(db, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    now = timezone.now()
    AlertBanner.objects.create(
        message="Sắp tới", starts_at=now + timedelta(seconds=90), ends_at=now + timedelta(hours=2)
    )
    token = generations.read()[0]
    assert page_cache.valid_until(token, now) == pytest.approx((now + timedelta(seconds=90)).timestamp())


# --- The cache down, or the file cache of `make run` --------------------------------------------------------


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL unset: no Redis to take down")
def test_public_pages_answer_when_redis_is_down(client, settings, article):
    from portal.settings.base import redis_cache

    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{free_port()}/15")}
    started = time.monotonic()
    for path in ("/", f"/tin-tuc/{article.slug}/", "/tin-tuc/khong-co/"):
        answers = [get(client, path) for _ in range(2)]
        assert [r.status_code for r in answers] in ([200, 200], [404, 404])
        assert all(state(r) != "hit" for r in answers)
    assert article.title in get(client, f"/tin-tuc/{article.slug}/").content.decode()
    assert time.monotonic() - started < 20


def test_the_file_cache_of_make_run_serves_hits(client, settings, tmp_path, article):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path),
        }
    }
    path = f"/tin-tuc/{article.slug}/"
    answers = [get(client, path) for _ in range(2)]
    assert [(r.status_code, state(r)) for r in answers] == [(200, "miss"), (200, "hit")]
    assert answers[0].content == answers[1].content
    page = NewsArticlePage.objects.get(pk=article.pk)
    page.title = "Tiêu đề đã sửa trên bộ nhớ đệm tệp"
    page.save_revision().publish()
    changed = get(client, path)
    assert state(changed) == "miss" and "Tiêu đề đã sửa" in changed.content.decode()


@pytest.mark.skipif(
    not django_settings.CACHES["default"]["BACKEND"].endswith("FileBasedCache"), reason="Redis configured"
)
def test_without_redis_the_default_cache_is_the_file_cache(client, article):
    path = f"/tin-tuc/{article.slug}/"
    assert [state(get(client, path)) for _ in range(2)] == ["miss", "hit"]


@pytest.mark.skipif(
    not django_settings.CACHES["default"]["BACKEND"].endswith("FileBasedCache"), reason="Redis configured"
)
def test_the_file_cache_keeps_a_page_among_many_entries(client, settings, tmp_path, article):
    """`make run`'s file cache, with the options portal/settings/base.py gives it, holding a thousand other
    entries (other pages, their query strings, rate-limit counts): a stored page and its tokens are still
    there."""
    from django.core.cache import cache

    settings.CACHES = {"default": dict(django_settings.CACHES["default"], LOCATION=str(tmp_path))}
    path = f"/tin-tuc/{article.slug}/"
    assert state(get(client, path)) == "miss"
    for n in range(1000):
        cache.set(f"other-entry-{n}", n, 600)
    assert state(get(client, path)) == "hit"


# --- Generations --------------------------------------------------------------------------------------------


def test_affected_units_are_the_unit_its_ancestors_and_descendants(district, commune_a, commune_b):
    assert generations.affected_units([commune_a]) == {commune_a.pk, district.pk}
    assert generations.affected_units([commune_b.pk]) == {commune_b.pk, district.pk}
    assert generations.affected_units([district]) == {district.pk, commune_a.pk, commune_b.pk}
    assert generations.affected_units([None]) == set()
    assert generations.affected_units([]) == set()


def test_a_commune_change_leaves_its_sibling_cached_and_a_district_change_reaches_all(
    client, district, commune_a, commune_b
):
    for host in (DISTRICT, COMMUNE, SIBLING):
        assert state(get(client, "/", host)) == "miss"
    publish_article(commune_a, title="Tin mới của xã Phước Hậu")
    assert state(get(client, "/", COMMUNE)) == "miss"
    assert state(get(client, "/", DISTRICT)) == "miss"
    assert state(get(client, "/", SIBLING)) == "hit"
    publish_article(district, title="Tin mới của huyện")
    assert {host: state(get(client, "/", host)) for host in (DISTRICT, COMMUNE, SIBLING)} == {
        DISTRICT: "miss",
        COMMUNE: "miss",
        SIBLING: "miss",
    }


class Rollback(Exception):
    pass


def test_bump_on_commit_in_a_rolled_back_transaction(
    client, commune_a, article, django_capture_on_commit_callbacks
):
    path = f"/tin-tuc/{article.slug}/"
    assert state(get(client, path)) == "miss"
    assert state(get(client, path)) == "hit"
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(Rollback),
        transaction.atomic(),
    ):
        NewsArticlePage.objects.filter(pk=article.pk).update(title="Tiêu đề không bao giờ được lưu")
        generations.bump_on_commit([commune_a.pk])
        raise Rollback
    assert callbacks == []  # nothing left to run for the transaction that never was
    after = get(client, path)
    assert after.status_code == 200 and "Tiêu đề không bao giờ được lưu" not in after.content.decode()
    assert article.title in after.content.decode()
    assert state(get(client, path)) == "hit"
    # and a commit replaces the tokens once more, after it
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        generations.bump_on_commit([commune_a.pk])
        during = generations.read(commune_a.pk)
    assert len(callbacks) == 1 and generations.read(commune_a.pk) != during


def request_for(host=COMMUNE):
    request = RequestFactory().get("/", HTTP_HOST=host)
    request.user = AnonymousUser()
    return request


def test_remember_keeps_a_value_until_its_unit_or_everything_changes(district, commune_a, commune_b):
    built = []

    def build():
        built.append(object())
        return built[-1]

    def remembered(unit):
        return generations.remember(request_for(), "test-value", unit.pk, build)

    first = remembered(commune_a)
    assert remembered(commune_a) is first and len(built) == 1
    other = remembered(commune_b)
    assert other is not first
    generations.bump([commune_b.pk])  # another unit's change
    assert remembered(commune_a) is first
    generations.bump([commune_a.pk])
    second = remembered(commune_a)
    assert second is not first and remembered(commune_a) is second
    generations.bump(everything=True)
    third = remembered(commune_a)
    assert third is not second and remembered(commune_a) is third
    # one value per language
    with translation.override("en"):
        english = remembered(commune_a)
        assert english is not third and remembered(commune_a) is english
    with translation.override("vi"):
        assert remembered(commune_a) is third
    # a request reads the tokens once: what it remembered stays the same all along
    request = request_for()
    value = generations.remember(request, "test-value", commune_a.pk, build)
    generations.bump([commune_a.pk])
    assert generations.remember(request, "test-value", commune_a.pk, build) is value
    assert remembered(commune_a) is not value


def test_a_lost_token_is_replaced_by_a_new_one(commune_a):
    everything, unit = generations.read(commune_a.pk)
    assert everything and unit
    from django.core.cache import cache

    cache.delete(f"{generations.PREFIX}{commune_a.pk}")
    assert generations.read(commune_a.pk)[1] not in ("", unit)
