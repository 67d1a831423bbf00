"""Title suggestions (JSON), the per-IP rate limit, and the admin's accent-insensitive, confined search."""

from django.core.cache import cache
from django.test import override_settings

import pytest

from tests.factories import NewsArticlePageFactory, legal_document, news_index, publish_article


@pytest.fixture
def titles_a_b(commune_a, commune_b):
    return {
        "a": publish_article(commune_a, title="Đảng ủy xã Phước Hậu họp thường kỳ"),
        "a2": publish_article(commune_a, title="Phước Hậu: đường liên thôn hoàn thành"),
        "b": publish_article(commune_b, title="Đảng ủy xã An Hải họp thường kỳ"),
        "doc": legal_document(commune_a, number="125/QĐ-UBND", title="Quyết định về phòng chống thiên tai"),
    }


def suggest(client, host="phuoc-hau.localhost", **params):
    response = client.get("/tim-kiem/goi-y/", params, HTTP_HOST=host)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return [s["title"] for s in response.json()["suggestions"]]


def test_suggestions_complete_the_last_word_without_diacritics(client, titles_a_b):
    assert set(suggest(client, q="dang uy h")) == {titles_a_b["a"].title}
    assert set(suggest(client, q="phuoc h")) == {titles_a_b["a"].title, titles_a_b["a2"].title}
    assert suggest(client, q="125/q") == [titles_a_b["doc"].title]  # by document number
    assert suggest(client, q="phuoc hx") == []


def test_suggestions_are_scoped_bounded_and_public_only(client, titles_a_b, commune_a):
    assert suggest(client, host="an-hai.localhost", q="dang uy") == [titles_a_b["b"].title]
    draft = NewsArticlePageFactory.build(title="Phước Hậu bản nháp")
    news_index(commune_a).add_child(instance=draft)
    draft.save_revision()
    assert "Phước Hậu bản nháp" not in suggest(client, q="phuoc hau")
    assert suggest(client, q="p") == []  # too short to suggest
    for n in range(12):
        publish_article(commune_a, title=f"Phước Hậu thông báo {n}")
    assert len(suggest(client, q="phuoc")) == 8
    item = client.get("/tim-kiem/goi-y/", {"q": "125"}, HTTP_HOST="phuoc-hau.localhost").json()[
        "suggestions"
    ][0]
    assert item["number"] == "125/QĐ-UBND" and item["url"].endswith("/") and item["date"] == "02/03/2026"


@pytest.mark.parametrize("query", ["", "🙂", "x" * 1000, "' OR 1=1 --", "\u0301", "a:* | !"])
def test_suggestions_bad_input_answers_200(client, titles_a_b, query):
    suggest(client, q=query)


@override_settings(PORTAL_SEARCH_RATE="3/m", PORTAL_SUGGEST_RATE="3/m")
def test_rate_limit_answers_429_in_vietnamese_per_address(client, titles_a_b):
    cache.clear()
    # 8 requests: at least 4 fall into one rate window, even if the minute turns meanwhile
    statuses = [
        client.get("/tim-kiem/", {"q": "phuoc"}, HTTP_HOST="phuoc-hau.localhost", REMOTE_ADDR="10.0.0.7")
        for _ in range(8)
    ]
    limited = [r for r in statuses if r.status_code == 429]
    assert statuses[0].status_code == 200 and limited
    assert limited[0]["Retry-After"] == "60"
    assert "Quá nhiều lượt tìm kiếm" in limited[0].content.decode()
    # another address is not affected
    other = client.get("/tim-kiem/", {"q": "phuoc"}, HTTP_HOST="phuoc-hau.localhost", REMOTE_ADDR="10.0.0.8")
    assert other.status_code == 200
    answers = [
        client.get(
            "/tim-kiem/goi-y/", {"q": "phuoc"}, HTTP_HOST="phuoc-hau.localhost", REMOTE_ADDR="10.0.0.9"
        )
        for _ in range(8)
    ]
    blocked = [r for r in answers if r.status_code == 429]
    assert blocked and "Quá nhiều" in blocked[0].json()["error"]
    cache.clear()


def test_only_get_is_allowed(client, titles_a_b):
    assert client.post("/tim-kiem/", {"q": "x"}, HTTP_HOST="phuoc-hau.localhost").status_code == 405


def admin_search(client, query):
    response = client.get("/admin/pages/search/", {"q": query})
    assert response.status_code == 200
    return {page.title for page in response.context["pages"]}


@pytest.mark.parametrize("query", ["dang uy", "Đảng ủy", "ĐẢNG UỶ", "dang"])
def test_admin_page_search_is_accent_insensitive_and_confined(client, titles_a_b, editor_a, query):
    client.force_login(editor_a)
    found = admin_search(client, query)
    assert titles_a_b["a"].title in found
    assert titles_a_b["b"].title not in found  # another unit's page


def test_admin_search_finds_drafts_and_numbers_for_the_unit(client, titles_a_b, editor_a, commune_a):
    draft = NewsArticlePageFactory.build(title="Bản nháp đường Phước Hậu")
    news_index(commune_a).add_child(instance=draft)
    draft.save_revision()
    client.force_login(editor_a)
    assert "Bản nháp đường Phước Hậu" in admin_search(client, "ban nhap duong")
    assert titles_a_b["doc"].title in admin_search(client, "125/qd")


def test_board_admin_search_reaches_every_unit(client, titles_a_b, board_member):
    client.force_login(board_member)
    found = admin_search(client, "dang uy")
    assert {titles_a_b["a"].title, titles_a_b["b"].title} <= found


def test_suggestions_query_budget(client, titles_a_b, django_assert_max_num_queries):
    suggest(client, q="phuoc")  # warm caches (sites, locales)
    with django_assert_max_num_queries(6):
        assert len(suggest(client, q="phuoc")) == 2
