"""The access-to-information page (/tiep-can-thong-tin/): generated list, empty categories, focal point,
request form, cache, confinement, bad query strings and query budgets."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from documents.legal import Disclosure
from documents.models import AccessInformationPage
from documents.sections import build_access_section
from tests.factories.documents_access import (
    access_page,
    local,
    many_documents,
    outcome_file,
    published_document,
)

HOST = "phuoc-hau.localhost"
URL = "/tiep-can-thong-tin/"


def keys(items):
    """The documents' items (other apps add their own)."""
    return {item.key for item in items if item.key.startswith("documents:")}


def test_every_unit_gets_one_page_and_the_builder_is_idempotent(district, commune_a):
    for unit in (district, commune_a):
        home = unit.site.root_page
        assert AccessInformationPage.objects.child_of(home).live().count() == 1
        build_access_section(unit=unit, home_page=home)
        assert AccessInformationPage.objects.child_of(home).count() == 1
    assert access_page(commune_a).url_path.endswith("/tiep-can-thong-tin/")
    assert not AccessInformationPage.can_create_at(commune_a.site.root_page)  # one per home


def test_the_list_is_generated_with_where_and_when_and_the_empty_categories_apart(
    client, commune_a, commune_b
):
    published_document(
        commune_a, number="1/QĐ-UBND", disclosure=Disclosure.BUDGET, published=local(date(2026, 4, 3))
    )
    published_document(
        commune_a, number="2/QĐ-UBND", disclosure=Disclosure.BUDGET, published=local(date(2026, 5, 7))
    )
    published_document(commune_b, number="3/QĐ-UBND", disclosure=Disclosure.LAND, published=date(2026, 5, 8))
    response = client.get(URL, HTTP_HOST=HOST)
    assert response.status_code == 200
    html = response.content.decode()
    disclosed = {
        item.key: item for item in response.context["disclosed"] if item.key.startswith("documents:")
    }
    assert set(disclosed) == {"documents:cong-khai-ngan-sach"}
    budget = disclosed["documents:cong-khai-ngan-sach"]
    assert budget.count == 2 and budget.url == "/van-ban/?danh-muc=cong-khai-ngan-sach"
    assert 'href="/van-ban/?danh-muc=cong-khai-ngan-sach"' in html
    # the category's latest publication, dd/mm/yyyy, then each document: number, title, issue and publication
    group = next(
        part for part in html.split('class="access-info__group"') if "danh-muc=cong-khai-ngan-sach" in part
    )
    meta = group.split('class="access-info__meta"')[1].split("</p>")[0]
    assert "07/05/2026" in meta and "03/04/2026" not in meta
    table = group.split("</table>")[0]
    assert table.index("2/QĐ-UBND") < table.index("1/QĐ-UBND")  # newest first
    assert "03/04/2026" in table and "02/03/2026" in table  # published on, issued on
    assert [doc.number for doc in disclosed["documents:cong-khai-ngan-sach"].latest] == [
        "2/QĐ-UBND",
        "1/QĐ-UBND",
    ]
    first = disclosed["documents:cong-khai-ngan-sach"].latest[0]
    assert first.url == "/van-ban/2-qd-ubnd/" and f'href="{first.url}"' in html
    empty = keys(response.context["empty_items"])
    # another unit's land document leaves this unit's category empty; the new categories are listed
    for category in (Disclosure.LAND, Disclosure.FEES, Disclosure.FUNDS, Disclosure.INSPECTION):
        assert f"documents:{category.value}" in empty
    assert "documents:cong-khai-ngan-sach" not in empty
    # the listing the item points to accepts the parameter (no "unknown filter" notice) and shows both
    listing = client.get(budget.url, HTTP_HOST=HOST)
    assert listing.context["notices"] == [] and len(listing.context["documents"]) == 2


def test_focal_point_and_request_form(client, commune_a):
    page = access_page(commune_a)
    form = outcome_file(commune_a, "Phiếu yêu cầu cung cấp thông tin")
    page.focal_name = "Trần Thị Mai"
    page.focal_position = "Công chức Văn phòng – Thống kê"
    page.focal_address = "Trụ sở UBND xã Phước Hậu, thôn Phước Thiện"
    page.focal_phone = "0259 3864 123"
    page.focal_email = "tiepcanthongtin@phuochau.gov.vn"
    page.focal_hours = "Thứ Hai – Thứ Sáu, 7:30–11:30, 13:30–17:00"
    page.request_form = form
    page.focal_fax = "0259 3864 124"
    page.conditional_access = "<p>Bí mật kinh doanh: cần văn bản đồng ý (Mẫu số 06).</p>"
    page.save_revision().publish()
    html = client.get(URL, HTTP_HOST=HOST).content.decode()
    for text in ("Trần Thị Mai", "0259 3864 123", "tiepcanthongtin@phuochau.gov.vn", "7:30–11:30"):
        assert text in html
    assert 'href="tel:02593864123"' in html and "0259 3864 124" in html
    assert "Mẫu số 06" in html  # information accessible on conditions
    assert form.url in html
    assert [file.pk for _label, file in access_page(commune_a).downloads()] == [form.pk]  # only those given
    assert client.get(form.url, HTTP_HOST=HOST).status_code in (200, 302)  # public through the live page


@pytest.mark.parametrize(
    ("field", "value"), [("focal_phone", "gọi cho tôi"), ("focal_phone", "12"), ("focal_email", "không-có")]
)
def test_bad_contact_details_are_refused(commune_a, field, value):
    page = access_page(commune_a)
    setattr(page, field, value)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert field in error.value.message_dict


def test_the_edit_form_asks_for_the_focal_point(client, commune_a, editor_a):
    from wagtail.test.utils.form_data import nested_form_data, rich_text

    page = access_page(commune_a)
    client.force_login(editor_a)
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": rich_text(""),
            "how_to_request": rich_text(""),
            "focal_name": "",
            "focal_position": "Văn phòng",
            "focal_address": "",
            "focal_phone": "",
            "focal_email": "",
            "focal_hours": "",
        }
    )
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 200  # shown again with the errors, nothing saved
    form = response.context["form"]
    assert {"focal_name", "focal_address", "focal_phone"} <= set(form.errors)
    data.update(focal_name="Trần Thị Mai", focal_address="Thôn Phước Thiện", focal_email="mai@example.vn")
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors
    assert access_page(commune_a).get_latest_revision_as_object().focal_name == "Trần Thị Mai"


def test_a_new_publication_moves_its_category_out_of_the_empty_ones_and_the_cache_follows(client, commune_a):
    before = client.get(URL, HTTP_HOST=HOST)
    assert "documents:thue-phi-le-phi" in keys(before.context["empty_items"])
    assert "danh-muc=thue-phi-le-phi" not in before.content.decode()
    cached = client.get(URL, HTTP_HOST=HOST)  # the anonymous page cache answers
    assert "danh-muc=thue-phi-le-phi" not in cached.content.decode()
    published_document(commune_a, number="9/QĐ-UBND", disclosure=Disclosure.FEES, published=date(2026, 6, 1))
    after = client.get(URL, HTTP_HOST=HOST).content.decode()
    assert 'href="/van-ban/?danh-muc=thue-phi-le-phi"' in after and "01/06/2026" in after


def test_a_commune_editor_cannot_edit_another_units_page(client, commune_a, commune_b, editor_a):
    client.force_login(editor_a)
    own = client.get(f"/admin/pages/{access_page(commune_a).pk}/edit/")
    assert own.status_code == 200
    other = client.get(f"/admin/pages/{access_page(commune_b).pk}/edit/")
    assert other.status_code in (302, 403, 404)


@pytest.mark.parametrize(
    "query",
    [
        "?danh-muc=%00",
        "?page=-1",
        "?trang=abc&danh-muc=x'%20OR%201=1",
        "?q=" + "a" * 5000,
        "?%ff%fe=1",
        "?nam=99999999999999999999",
    ],
)
def test_odd_query_strings_never_fail(client, commune_a, query):
    # NUL bytes are refused for every page with a 400 (portal/security.py); nothing else changes the page
    assert client.get(URL + query, HTTP_HOST=HOST).status_code == (400 if "%00" in query else 200)


def test_query_budget_is_the_same_for_10_and_200_documents(client, commune_a, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0  # a real render each time

    def count():
        client.get(URL, HTTP_HOST=HOST)  # the per-process values filled once
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL, HTTP_HOST=HOST).status_code == 200
        return len(queries)

    many_documents(commune_a, 5, disclosure=Disclosure.BUDGET, prefix="B")
    many_documents(commune_a, 5, disclosure=Disclosure.LAND, prefix="L")
    small = count()
    many_documents(commune_a, 95, disclosure=Disclosure.BUDGET, prefix="C")
    many_documents(commune_a, 95, disclosure=Disclosure.REPORTS, prefix="R")
    assert count() == small
    response = client.get(URL, HTTP_HOST=HOST)
    budget = next(
        item for item in response.context["disclosed"] if item.key == "documents:cong-khai-ngan-sach"
    )
    assert budget.count == 100 and len(budget.latest) == 5  # the list stays bounded: "view all" for the rest
    settings.PORTAL_PAGE_CACHE_VERSION = "budget-cold"
    from sites import cache

    cache.forget_remembered()  # cold: the documents' counts read again, still one query for all
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL, HTTP_HOST=HOST).status_code == 200
    cold = len(queries)
    many_documents(commune_a, 10, disclosure=Disclosure.FEES, prefix="F")
    cache.forget_remembered()
    with CaptureQueriesContext(connection) as queries:
        client.get(URL, HTTP_HOST=HOST)
    assert len(queries) == cold  # every app's items cold, the documents' in one query for all categories
