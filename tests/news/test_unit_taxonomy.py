"""Each unit manages its own categories and officials; the board manages all of them."""

from wagtail.models import ModelLogEntry

import pytest

from news.taxonomy import Category, Official
from tests.factories import UserFactory

SECRET = "Chuyên mục riêng An Hải"


@pytest.fixture
def b_rows(commune_b, board_member):
    from wagtail.log_actions import log

    category = Category.objects.create(name=SECRET, slug="rieng-an-hai", unit=commune_b)
    official = Official.objects.create(name="Ông Bí mật", position="Chủ tịch UBND xã An Hải", unit=commune_b)
    log(instance=category, action="wagtail.create", user=board_member)
    return {"category": category, "official": official}


def urls(kind, obj):
    base = f"/admin/snippets/news/{kind}/"
    return {
        "edit": f"{base}edit/{obj.pk}/",
        "delete": f"{base}delete/{obj.pk}/",
        "history": f"{base}history/{obj.pk}/",
        "usage": f"{base}usage/{obj.pk}/",
        "copy": f"{base}copy/{obj.pk}/",
    }


def test_unit_editor_manages_own_unit_rows(client, commune_a, editor_a):
    client.force_login(editor_a)
    response = client.get("/admin/snippets/news/category/add/")
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.fields["unit"].queryset) == [commune_a] and form.fields["unit"].required

    response = client.post(
        "/admin/snippets/news/category/add/",
        {"name": "Nông thôn mới", "slug": "nong-thon-moi", "unit": commune_a.pk},
    )
    assert response.status_code == 302
    category = Category.objects.get(slug="nong-thon-moi")
    assert category.unit == commune_a
    response = client.post(
        f"/admin/snippets/news/category/edit/{category.pk}/",
        {"name": "Nông thôn mới nâng cao", "slug": "nong-thon-moi", "unit": commune_a.pk},
    )
    assert response.status_code == 302
    category.refresh_from_db()
    assert category.name == "Nông thôn mới nâng cao"

    listing = client.get("/admin/snippets/news/category/").content.decode()
    assert "Nông thôn mới nâng cao" in listing


def test_unit_editor_cannot_create_shared_or_other_units_rows(client, commune_a, commune_b, editor_a):
    client.force_login(editor_a)
    for unit in ("", commune_b.pk):
        response = client.post(
            "/admin/snippets/news/category/add/", {"name": "Lén lút", "slug": "len-lut", "unit": unit}
        )
        assert response.status_code == 200  # the form again, with an error on the unit field
        assert response.context["form"].errors.get("unit")
    assert not Category.objects.filter(slug="len-lut").exists()


@pytest.mark.parametrize("kind", ["category", "official"])
def test_other_units_rows_are_denied(client, commune_a, editor_a, approver_a, b_rows, kind):
    obj = b_rows[kind]
    for user in (editor_a, approver_a):
        client.force_login(user)
        listing = client.get(f"/admin/snippets/news/{kind}/")
        assert listing.status_code == 200 and str(obj.name) not in listing.content.decode()
        for name, url in urls(kind, obj).items():
            response = client.get(url)
            assert response.status_code in (302, 403, 404), (user.username, name, response.status_code)
        response = client.post(urls(kind, obj)["delete"], {})
        assert response.status_code in (302, 403, 404)
        response = client.post(urls(kind, obj)["edit"], {"name": "Sửa trộm", "slug": "x", "position": "x"})
        assert response.status_code in (302, 403, 404)
    assert type(obj).objects.get(pk=obj.pk).name == obj.name  # unchanged, not deleted
    # and the site history shows nothing of B's rows
    client.force_login(editor_a)
    assert SECRET not in client.get("/admin/reports/site-history/").content.decode()


def test_board_manages_every_units_rows_and_shared_categories(client, district, commune_b, b_rows):
    board = UserFactory(groups=[district.approvers_group])
    client.force_login(board)
    listing = client.get("/admin/snippets/news/category/").content.decode()
    assert SECRET in listing and "Thông báo" in listing  # a shared default category
    assert client.get(urls("category", b_rows["category"])["edit"]).status_code == 200
    response = client.post(
        "/admin/snippets/news/category/add/", {"name": "Chung mới", "slug": "chung-moi", "unit": ""}
    )
    assert response.status_code == 302
    assert Category.objects.get(slug="chung-moi").unit is None
    assert ModelLogEntry.objects.filter(label=SECRET).exists()


def test_anonymous_is_sent_to_login(client, b_rows):
    response = client.get(urls("category", b_rows["category"])["edit"])
    assert response.status_code == 302 and "/login/" in response["Location"]
