"""Procedures in the public search (type "thu-tuc") and the listing's query budget."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from search import services as search_services
from search.models import Kind, SearchEntry
from tests.factories import make_unit, publish_article
from tests.factories.procedures import many_procedures, procedure

pytestmark = pytest.mark.django_db


def search(client, unit, query):
    return client.get("/tim-kiem/", {"q": query, "loai": "thu-tuc"}, HTTP_HOST=unit.site.hostname)


def titles(response):
    return [str(item["title"]) for item in response.context["items"]]


def test_procedures_are_indexed_with_code_title_and_field(client, commune_a):
    page = procedure(commune_a, code="1.001234", title="Đăng ký khai sinh", field="ho-tich", agency="UBND xã")
    search_services.index_page(page.pk)
    entry = SearchEntry.objects.get(page_id=page.pk)
    assert entry.kind == Kind.PROCEDURE and entry.number == "1.001234"
    assert "khai sinh" in entry.folded_title


def test_the_code_is_found_exactly(client, commune_a):
    wanted = procedure(commune_a, code="1.001234", title="Đăng ký khai sinh")
    procedure(commune_a, code="1.001235", title="Đăng ký kết hôn")
    procedure(commune_a, code="2.001234", title="Chứng thực")
    for page in (wanted,):
        search_services.index_page(page.pk)
    response = search(client, commune_a, "1.001234")
    assert response.status_code == 200
    assert len(response.context["items"]) == 1
    assert "khai sinh" in titles(response)[0].lower()


def test_type_filter_keeps_news_out(client, commune_a):
    procedure(commune_a, title="Đăng ký khai sinh cho trẻ")
    publish_article(commune_a, title="Tin về đăng ký khai sinh")
    response = search(client, commune_a, "khai sinh")
    found = titles(response)
    assert found and all("Tin về" not in title for title in found)
    assert "thu-tuc" in [slug for slug, _label in response.context["kind_choices"]]


def test_unpublished_procedure_leaves_the_search(client, commune_a):
    page = procedure(commune_a, title="Đăng ký khai sinh")
    page.unpublish()
    assert not SearchEntry.objects.filter(page_id=page.pk).exists()


def measure(client, unit):
    paths = ["/thu-tuc-hanh-chinh/", "/thu-tuc-hanh-chinh/?linh-vuc=ho-tich&cap=cap-xa&page=2"]
    counts = []
    for path in paths:
        client.get(path, HTTP_HOST=unit.site.hostname)  # warm the per-process caches
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path, HTTP_HOST=unit.site.hostname)
        assert response.status_code == 200
        counts.append(len(captured))
    return counts


def test_query_budget_is_the_same_for_10_and_200_procedures(client, district, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    commune = make_unit("xa-do", parent=district, name="Xã Đo")
    many_procedures(district, 10, shared=True)
    many_procedures(commune, 10)
    small = measure(client, commune)
    from procedures.models import ProcedurePage
    from tests.factories.procedures import procedure_index

    for unit, shared in ((district, True), (commune, False)):
        index = procedure_index(unit)
        for i in range(10, 200):
            index.add_child(
                instance=ProcedurePage(
                    title=f"thêm {i}",
                    slug=f"them-{i}",
                    code=f"8.{i:06d}",
                    field="ho-tich",
                    level="cap-xa",
                    live=True,
                    show_on_all_units=shared,
                )
            )
    large = measure(client, commune)
    assert small == large, (small, large)
    assert max(large) <= 8, large
