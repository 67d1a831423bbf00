"""The unit's /hoi-dap/: published answers only, newest first, filters that never fail, a fixed query
budget."""

import pytest

from questions.models import QuestionField, QuestionPage
from tests.factories.questions import (
    answer_page,
    default_field,
    many_answers,
    question,
    question_index,
)


@pytest.fixture(autouse=True)
def _indexes(commune_a, commune_b):
    question_index(commune_a)
    question_index(commune_b)


def listing(client, unit, params=None):
    return client.get("/hoi-dap/", params or {}, HTTP_HOST=unit.site.hostname)


def test_only_the_unit_s_published_answers_are_listed(client, commune_a, commune_b, editor_a, approver_b):
    published = answer_page(
        question(commune_a, title="Hỏi về trợ cấp người cao tuổi"), editor_a, publish=True
    )
    answer_page(question(commune_a, title="Bản nháp chưa duyệt"), editor_a)
    answer_page(question(commune_b, title="Câu hỏi của xã An Hải"), approver_b, publish=True)
    question(commune_a, title="Câu hỏi chưa trả lời")
    html = listing(client, commune_a).content.decode()
    assert published.title in html
    assert "Bản nháp chưa duyệt" not in html
    assert "Câu hỏi của xã An Hải" not in html
    assert "Câu hỏi chưa trả lời" not in html
    assert "dat-cau-hoi/" in html  # the link to the form


def test_newest_answers_first_and_filter_by_field(client, commune_a, editor_a):
    land = default_field("Đất đai")
    civil = default_field("Hộ tịch")
    first = answer_page(question(commune_a, title="Câu hỏi cũ về đất", field=land), editor_a, publish=True)
    second = answer_page(
        question(commune_a, title="Câu hỏi mới về hộ tịch", field=civil), editor_a, publish=True
    )
    html = listing(client, commune_a).content.decode()
    assert html.index(second.title) < html.index(first.title)
    html = listing(client, commune_a, {"linh-vuc": str(land.pk)}).content.decode()
    assert first.title in html and second.title not in html


def test_the_keyword_uses_the_public_search_s_word_filter(client, commune_a, editor_a, monkeypatch):
    monkeypatch.setattr(
        "questions.views.filter_pages_by_words", lambda pages, query: pages.filter(title__icontains=query)
    )
    answer_page(question(commune_a, title="Hỏi về trợ cấp"), editor_a, publish=True)
    answer_page(question(commune_a, title="Hỏi về xây dựng nhà"), editor_a, publish=True)
    html = listing(client, commune_a, {"q": "trợ cấp"}).content.decode()
    assert "Hỏi về trợ cấp" in html and "xây dựng nhà" not in html


@pytest.mark.parametrize(
    "params",
    [
        {"linh-vuc": "abc"},
        {"linh-vuc": "999999"},
        {"linh-vuc": "-1"},
        {"linh-vuc": "9" * 40},
        {"linh-vuc": "\x00"},
        {"q": "\x00"},
        {"q": "a" * 5000},
        {"q": "' OR 1=1 --"},
        {"page": "abc"},
        {"page": "-1"},
        {"page": "99999"},
        {"page": "9" * 40},
        {"trang": "x"},
        {"linh-vuc": ["1", "2"]},
    ],
)
def test_bad_query_strings_never_fail(client, commune_a, params):
    response = listing(client, commune_a, params)
    # NUL never reaches a view (portal/security.py answers 400, as everywhere on the site)
    has_nul = any("\x00" in str(value) for value in params.values())
    assert response.status_code == (400 if has_nul else 200)


def test_paging(client, commune_a):
    many_answers(commune_a, 25)
    first = listing(client, commune_a).content.decode()
    second = listing(client, commune_a, {"page": "2"}).content.decode()
    assert first.count('class="questions__item"') == 20
    assert second.count('class="questions__item"') == 5


def test_query_budget(client, settings, commune_a, django_assert_max_num_queries):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    many_answers(commune_a, 3)
    listing(client, commune_a)  # warm the per-process caches
    with django_assert_max_num_queries(12) as few:
        assert (
            listing(client, commune_a, {"linh-vuc": str(QuestionField.objects.first().pk)}).status_code == 200
        )
    many_answers_more = QuestionPage.objects.count()
    assert many_answers_more == 3
    # more answers: the same number of queries
    index = question_index(commune_a)
    for number in range(3, 20):
        index.add_child(
            instance=QuestionPage(
                title=f"Thêm {number}",
                slug=f"them-{number}",
                live=True,
                question_text="Câu hỏi.",
                answer="<p>Trả lời.</p>",
                field=QuestionField.objects.first(),
            )
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert (
            listing(client, commune_a, {"linh-vuc": str(QuestionField.objects.first().pk)}).status_code == 200
        )


def test_the_form_and_the_answer_pages_stay_small(client, commune_a, editor_a):
    answered = answer_page(question(commune_a), editor_a, publish=True)
    for path in ("/hoi-dap/", "/hoi-dap/dat-cau-hoi/", answered.url):
        response = client.get(path, HTTP_HOST=commune_a.site.hostname)
        assert response.status_code == 200
        assert len(response.content) < 100 * 1024


def test_the_keyword_shares_the_public_search_s_budget(client, settings, commune_a):
    from django.core.cache import cache

    cache.clear()
    settings.PORTAL_SEARCH_RATE = "2/h"
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    for _ in range(2):
        assert listing(client, commune_a, {"q": "đất"}).status_code == 200
    limited = listing(client, commune_a, {"q": "đất"})
    assert limited.status_code == 429 and limited["Retry-After"] == "60"
    assert listing(client, commune_a).status_code == 200  # the listing without a keyword is not counted
