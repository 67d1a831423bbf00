"""The document libraries' keyword search runs the word matcher: limited per client address like the
public search (PORTAL_SEARCH_RATE); over the limit, the listing without the keyword, a notice and 429."""

from django.core.cache import cache
from django.test import override_settings

import pytest

from tests.factories import legal_document

DISTRICT = "ninh-phuoc.localhost"


@pytest.fixture
def documents(district, commune_a):
    cache.clear()
    legal_document(district, number="12/QĐ-UBND", title="Quyết định về phòng chống thiên tai")
    legal_document(commune_a, number="7/KH-UBND", title="Kế hoạch cải cách hành chính")
    yield
    cache.clear()


def listing(client, remote="203.0.113.20", **params):
    return client.get("/van-ban/", params, HTTP_HOST=DISTRICT, REMOTE_ADDR=remote)


@override_settings(PORTAL_SEARCH_RATE="3/h")
def test_keyword_search_across_units_is_rate_limited(client, documents):
    params = {"pham-vi": "tat-ca", "q": "cai cach"}
    answers = [listing(client, **params) for _ in range(4)]
    assert [r.status_code for r in answers] == [200, 200, 200, 429]
    assert [d.number for d in answers[0].context["documents"]] == ["7/KH-UBND"]
    limited = answers[3]
    html = limited.content.decode()
    assert limited["Retry-After"] == "60"
    assert "Quá nhiều lượt tìm kiếm" in html
    assert 'value="cai cach"' in html  # the box keeps what was typed
    # the listing is still shown, without the keyword
    assert {d.number for d in limited.context["documents"]} == {"12/QĐ-UBND", "7/KH-UBND"}
    # browsing without a keyword is never limited; another address has its own budget
    assert listing(client, **{"pham-vi": "tat-ca"}).status_code == 200
    assert listing(client, remote="203.0.113.21", **params).status_code == 200


@override_settings(PORTAL_SEARCH_RATE="3/h")
def test_the_budget_is_shared_with_the_search_page(client, documents):
    for _ in range(3):
        assert (
            client.get(
                "/tim-kiem/", {"q": "cai cach"}, HTTP_HOST=DISTRICT, REMOTE_ADDR="203.0.113.30"
            ).status_code
            == 200
        )
    assert listing(client, remote="203.0.113.30", q="cai cach").status_code == 429


@override_settings(
    PORTAL_SEARCH_RATE="3/h", PORTAL_TRUSTED_PROXIES=[], PORTAL_CLIENT_IP_HEADER="HTTP_X_REAL_IP"
)
@pytest.mark.parametrize("header", ["", "garbage", "1.2.3.4, 5.6.7.8"])
def test_rotating_headers_neither_fail_nor_bypass(client, documents, header):
    statuses = [
        client.get(
            "/van-ban/",
            {"q": "cai cach"},
            HTTP_HOST=DISTRICT,
            REMOTE_ADDR="203.0.113.40",
            HTTP_X_REAL_IP=f"{header}{n}",
        ).status_code
        for n in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
