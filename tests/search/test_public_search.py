"""Public search (/tim-kiem/): Vietnamese matching, scope, filters, privacy and highlighting.

Runs on SQLite (make test) and PostgreSQL (CI): the matching rules must hold on both.
"""

import datetime
import json
import re

from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from search.models import SearchEntry
from tests.factories import NewsArticlePageFactory, legal_document, news_index, publish_article

COMMUNE_A = "phuoc-hau.localhost"
COMMUNE_B = "an-hai.localhost"
DISTRICT = "localhost"


def body(text):
    return json.dumps([{"type": "paragraph", "value": f"<p>{text}</p>"}])


def when(days_ago):
    return timezone.now() - datetime.timedelta(days=days_ago)


@pytest.fixture
def corpus(district, commune_a, commune_b):
    return {
        "party": publish_article(
            commune_a,
            title="Đảng ủy xã Phước Hậu tổng kết công tác năm",
            lead="Hội nghị tổng kết của Đảng bộ xã.",
            body=body("Đồng chí Bí thư phát biểu chỉ đạo về chuyển đổi số trong toàn xã."),
            published_date=when(3),
        ),
        "plain": publish_article(
            commune_a,
            title="Tin viet khong dau ve Phuoc Hau",  # typed without diacritics
            lead="Dang bo xa hop mat.",
            body=body("Noi dung khong dau."),
            published_date=when(40),
        ),
        "other_unit": publish_article(
            commune_b,
            title="Xã An Hải ra quân vệ sinh môi trường",
            lead="Đoàn viên xã An Hải và Phước Hậu cùng tham gia.",
            body=body("Phong trào Ngày Chủ nhật xanh."),
            published_date=when(1),
        ),
        "district": publish_article(
            district,
            title="Huyện Ninh Phước triển khai chuyển đổi số",
            lead="Kế hoạch của huyện.",
            body=body("Các xã thực hiện trước quý IV."),
            published_date=when(2),
        ),
        "decision": legal_document(
            commune_a,
            number="125/QĐ-UBND",
            title="Quyết định ban hành kế hoạch phòng chống thiên tai",
            summary="Về việc ban hành kế hoạch phòng chống thiên tai năm 2026",
            issued_on=datetime.date(2026, 3, 2),
        ),
    }


def search(client, host=COMMUNE_A, **params):
    response = client.get("/tim-kiem/", params, HTTP_HOST=host)
    assert response.status_code == 200, response.status_code
    return response


def titles(response):
    return [re.sub(r"<[^>]+>", "", item["title"]) for item in response.context.get("items", [])]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("phuoc hau", "party"),  # no diacritics finds diacritics
        ("PHƯỚC HẬU", "plain"),  # diacritics and capitals find text typed without them
        ("dang uy", "party"),  # đ → d
        ("Đảng bộ", "plain"),  # and back: "Dang bo" written without đ
        ("chuyen doi so", "party"),  # words of the body
        ("tổng kết", "party"),  # words of the title
    ],
)
def test_accent_and_case_insensitive_both_ways(client, corpus, query, expected):
    found = titles(search(client, q=query))
    assert corpus[expected].title in found


def test_words_are_whole_and_all_required(client, corpus):
    assert titles(search(client, q="phu")) == []  # a part of "Phước" is not the word
    assert titles(search(client, q="phuoc khongcotu")) == []  # every word must be there
    assert corpus["party"].title in titles(search(client, q="phuoc tong"))


def test_phrases_in_quotes_keep_the_word_order(client, corpus):
    found = titles(search(client, q='"phuoc hau tong ket"'))
    assert found == [corpus["party"].title]
    assert titles(search(client, q='"hau phuoc"')) == []
    assert corpus["party"].title in titles(search(client, q="“Đảng ủy xã”"))  # phone quotes


@pytest.mark.parametrize(
    "query", ["125/QĐ-UBND", "125", "QĐ-UBND", "qd-ubnd", "125/qd", "số 125/QĐ-UBND năm"]
)
def test_document_numbers_whole_or_in_parts(client, corpus, query):
    if query == "số 125/QĐ-UBND năm":  # other words must also be in the document
        assert titles(search(client, q=query)) == []
        return
    assert titles(search(client, q=query)) == [corpus["decision"].title]


@pytest.mark.parametrize("query", ["126/QĐ-UBND", "UBND-QĐ", "12"])
def test_other_numbers_do_not_match(client, corpus, query):
    assert titles(search(client, q=query)) == []


def test_scope_this_unit_by_default_all_units_from_the_district(client, corpus):
    # a commune searches only itself, even for words the other units also use
    commune = titles(search(client, COMMUNE_A, q="phuoc hau"))
    assert corpus["other_unit"].title not in commune
    assert titles(search(client, COMMUNE_B, q="phuoc hau")) == [corpus["other_unit"].title]
    # the district: its own pages by default, every unit on request, or one chosen unit
    assert titles(search(client, DISTRICT, q="chuyen doi so")) == [corpus["district"].title]
    everywhere = titles(search(client, DISTRICT, q="chuyen doi so", **{"don-vi": "tat-ca"}))
    assert set(everywhere) == {corpus["district"].title, corpus["party"].title}
    one = titles(search(client, DISTRICT, q="phuoc hau", **{"don-vi": "an-hai"}))
    assert one == [corpus["other_unit"].title]
    # communes are not offered other units: the parameter is ignored
    ignored = titles(search(client, COMMUNE_A, q="an hai", **{"don-vi": "tat-ca"}))
    assert corpus["other_unit"].title not in ignored


def test_results_show_unit_type_date_and_link_to_other_sites(client, corpus):
    response = search(client, DISTRICT, q="phuoc hau", **{"don-vi": "tat-ca", "loai": "tin-tuc"})
    html = response.content.decode()
    items = {re.sub(r"<[^>]+>", "", i["title"]): i for i in response.context["items"]}
    party = items[corpus["party"].title]
    assert party["unit"] == "Xã Phước Hậu"
    assert party["url"].startswith("http://phuoc-hau.localhost")  # the unit's own site
    assert timezone.localtime(corpus["party"].published_date).strftime("%d/%m/%Y") in html
    assert "Tin tức" in html


def test_filters_type_dates_and_sort(client, corpus):
    assert titles(search(client, q="125", loai="van-ban")) == [corpus["decision"].title]
    assert titles(search(client, q="125", loai="tin-tuc")) == []
    recent = titles(search(client, q="phuoc hau", **{"tu-ngay": when(10).strftime("%d/%m/%Y")}))
    assert corpus["party"].title in recent and corpus["plain"].title not in recent
    before = when(30).strftime("%d/%m/%Y")
    older = titles(search(client, q="phuoc hau", loai="tin-tuc", **{"den-ngay": before}))
    assert older == [corpus["plain"].title]
    # the date input of a phone sends yyyy-mm-dd
    iso = titles(search(client, q="phuoc hau", loai="tin-tuc", **{"den-ngay": when(30).strftime("%Y-%m-%d")}))
    assert iso == [corpus["plain"].title]
    newest = titles(search(client, q="dang", **{"sap-xep": "moi-nhat"}))
    assert newest == [corpus["party"].title, corpus["plain"].title]


def test_relevance_puts_title_matches_first(client, corpus, commune_a):
    publish_article(
        commune_a,
        title="Tin mới nhất trong tuần",
        lead="Nhắc tới thiên tai một lần.",
        published_date=when(0),
    )
    found = titles(search(client, q="thiên tai"))
    assert found[0] == corpus["decision"].title  # in its title, though issued earlier
    assert titles(search(client, q="thiên tai", **{"sap-xep": "moi-nhat"}))[0] == "Tin mới nhất trong tuần"


def test_unpublished_private_and_removed_content_never_appears(client, corpus, commune_a):
    draft = NewsArticlePageFactory.build(title="Bản nháp bí mật về Phước Hậu")
    news_index(commune_a).add_child(instance=draft)
    draft.save_revision()  # saved, never published
    assert titles(search(client, q="bi mat")) == []

    # a restriction added after indexing still hides the page
    PageViewRestriction.objects.create(page=corpus["party"], restriction_type="password", password="x")  # noqa: S106
    assert corpus["party"].title not in titles(search(client, q="phuoc hau"))

    corpus["plain"].unpublish()
    assert not SearchEntry.objects.filter(pk=corpus["plain"].pk).exists()
    assert titles(search(client, q="khong dau")) == []

    corpus["decision"].delete()
    assert titles(search(client, q="125")) == []


def test_matches_are_highlighted_and_text_is_escaped(client, commune_a):
    publish_article(
        commune_a,
        title="<b>Phước Hậu</b> & <script>alert(1)</script>",
        lead="Mở đầu. " + "Câu chuyện dài. " * 30 + "Cuối cùng nhắc đến đường Phước Hậu mới.",
        body=body(""),
    )
    response = search(client, q="phuoc hau")
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;b&gt;<mark>Phước</mark> <mark>Hậu</mark>&lt;/b&gt;" in html
    item = response.context["items"][0]
    assert str(item["snippet"]).startswith("… ")  # cut before the first match, which is far in
    assert "<mark>Phước</mark> <mark>Hậu</mark> mới." in str(item["snippet"])


def test_phrase_highlight_marks_only_the_phrase(client, corpus):
    item = search(client, q='"tong ket"').context["items"][0]
    assert "<mark>tổng</mark> <mark>kết</mark>" in str(item["title"])
    assert "<mark>Phước</mark>" not in str(item["title"])


def test_pagination_is_bounded(client, commune_a):
    for n in range(12):
        publish_article(commune_a, title=f"Thông báo lịch tiếp dân số {n}")
    page = search(client, q="thong bao", **{"so-luong": "10"}).context["results"]
    assert page.paginator.count == 12 and len(page.object_list) == 10
    second = search(client, q="thong bao", page="2").context["results"]
    assert second.number == 2 and len(second.object_list) == 2
    assert search(client, q="thong bao", page="999").context["results"].number == 1
    response = search(client, q="thong bao", **{"so-luong": "100000"})
    assert len(response.context["results"].object_list) == 10
    assert response.context["notices"]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 1000,
        "phước " * 300,
        "' OR 1=1; DROP TABLE portal_search_searchentry; --",
        "%' AND 1=1 --",
        "(.*)+[a-z]{2,}\\",
        "a:* & !b | c <-> d",  # tsquery syntax
        "\u0301\u0300\u0303",  # combining marks alone
        "Phu\u031bo\u031b\u0301c",  # decomposed Vietnamese
        "\u200b\u200c\u200d\ufeff",  # zero-width characters
        "🙂🏛️📄",
        "\x01null",  # a NUL is a 400 before any view (tests/portal/test_no_server_errors.py)
        "﷽",
        "𝒫𝒽𝓊𝑜𝒸",
        '"""',
        "“",
    ],
)
def test_bad_queries_answer_200(client, corpus, query):
    response = search(client, q=query)
    assert b"<h1>" in response.content


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "-1"},
        {"page": "99999999999999999999"},
        {"so-luong": "-5"},
        {"loai": "bogus"},
        {"don-vi": "<script>"},
        {"sap-xep": "random()"},
        {"tu-ngay": "31/02/2026"},
        {"den-ngay": "99/99/99999"},
        {"tu-ngay": "01/12/2026", "den-ngay": "01/01/2026"},
        {"q": ["phuoc", "hau"]},
    ],
)
def test_bad_parameters_answer_200_with_a_notice(client, corpus, params):
    response = client.get("/tim-kiem/", {"q": "phuoc", **params}, HTTP_HOST=DISTRICT)
    assert response.status_code == 200
    if set(params) - {"page", "q"}:
        assert response.context["notices"], params


def test_search_page_query_budget(client, corpus, django_assert_max_num_queries):
    search(client, DISTRICT, q="phuoc", **{"don-vi": "tat-ca"})  # warm caches (sites, locales)
    # the unit, its settings, the menu, the banners and the languages are kept per process (sites.cache)
    with django_assert_max_num_queries(6):
        response = search(client, DISTRICT, q="phuoc", **{"don-vi": "tat-ca"})
    assert len(response.context["items"]) >= 3


def test_relevance_orders_the_window_of_newest_matches(commune_a):
    from home.text import parse_query
    from search.selectors import SearchScope, search_entries

    old_title_match = publish_article(commune_a, title="Lúa nước vụ đông", published_date=when(300))
    for n in range(4):
        publish_article(commune_a, title=f"Tin thứ {n}", lead="Nói về lúa nước.", published_date=when(n))
    parsed = parse_query("lua nuoc")
    window = search_entries(parsed, SearchScope(unit_ids=[commune_a.pk]), limit=3)
    assert len(window) == 3 and window.more  # five match; the window holds the three newest
    assert old_title_match.pk not in [e.pk for e in window]
    everything = search_entries(parsed, SearchScope(unit_ids=[commune_a.pk]), limit=10)
    assert len(everything) == 5 and not everything.more
    assert everything[0].pk == old_title_match.pk  # within the window, the title match first
    assert [e.pk for e in everything[1:3]] == [e.pk for e in list(everything)[1:3]]
    assert everything[7:9] == []


def test_highlight_with_characters_that_change_length_when_folded():
    from home.text import parse_query
    from search.highlight import highlight, snippet

    parsed = parse_query("phuoc")
    # a zero-width space vanishes and "İ" grows when folded: the spans must still be the original's
    html = str(highlight("Phư\u200bớc Hậu, İ và Phước An", parsed))
    assert html == "Phư\u200bớc Hậu, İ và <mark>Phước</mark> An"
    assert "<mark>Phước</mark>" in str(snippet("Mở đầu Phước Hậu", parsed))
    assert str(highlight("Đường Phước Hậu", parse_query("duong"))) == "<mark>Đường</mark> Phước Hậu"
