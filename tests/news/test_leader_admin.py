"""Issue #19 §2: the officials' public profiles in the admin keep the unit confinement and validate their
input."""

import pytest

from news.taxonomy import Official
from tests.factories import make_image
from tests.factories.introduction import leader

ADD = "/admin/snippets/news/official/add/"


def form_data(unit, **fields):
    data = {
        "name": "Nguyễn Thị Hoa",
        "position": "Phó Chủ tịch UBND xã",
        "unit": unit.pk,
        "active": "on",
        "shown_publicly": "on",
        "sort_order": "0",
        "photo": "",
        "photo_alt": "",
        "term": "2021–2026",
        "duties": "Phụ trách văn hóa - xã hội.",
        "biography": "",
        "office_phone": "0259 3864 123",
        "office_email": "hoa.nt@phuochau.gov.vn",
    }
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


@pytest.mark.django_db
def test_editor_adds_a_public_leader_with_a_default_rank(client, commune_a, editor_a):
    client.force_login(editor_a)
    response = client.post(ADD, form_data(commune_a))
    assert response.status_code == 302, response.context["form"].errors
    official = Official.objects.get(name="Nguyễn Thị Hoa")
    assert official.unit == commune_a and official.shown_publicly and official.sort_order == 70


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("office_phone", "gọi tôi", "PHONE_MESSAGE"), ("office_email", "hoa@", "EMAIL_MESSAGE")],
)
def test_bad_phone_and_email_get_clear_messages(client, commune_a, editor_a, field, value, message):
    from home import validators

    client.force_login(editor_a)
    response = client.post(ADD, form_data(commune_a, **{field: value}))
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [str(getattr(validators, message))]
    assert not Official.objects.filter(name="Nguyễn Thị Hoa").exists()


@pytest.mark.django_db
def test_a_photo_needs_its_alt_text(client, commune_a, editor_a):
    client.force_login(editor_a)
    photo = make_image(commune_a.collection, title="x", description="")
    photo.title = ""
    photo.save()
    response = client.post(ADD, form_data(commune_a, photo=photo.pk))
    assert response.status_code == 200 and "photo_alt" in response.context["form"].errors
    described = make_image(commune_a.collection, title="Chân dung", description="Chân dung bà Hoa")
    response = client.post(ADD, form_data(commune_a, photo=described.pk))
    assert response.status_code == 302
    assert Official.objects.get(name="Nguyễn Thị Hoa").photo_alt == "Chân dung bà Hoa"


@pytest.mark.django_db
def test_a_photo_of_another_unit_is_refused(client, commune_a, commune_b, editor_a):
    client.force_login(editor_a)
    foreign = make_image(commune_b.collection, title="Ảnh An Hải")
    response = client.post(ADD, form_data(commune_a, photo=foreign.pk, photo_alt="Ảnh"))
    assert response.status_code == 200 and "photo" in response.context["form"].errors
    assert not Official.objects.filter(name="Nguyễn Thị Hoa").exists()


@pytest.mark.django_db
def test_editor_of_a_cannot_see_or_edit_bs_leaders(client, commune_a, commune_b, editor_a):
    other = leader(commune_b, "Ông An Hải", "Chủ tịch UBND xã", biography="Bí mật")
    client.force_login(editor_a)
    listing = client.get("/admin/snippets/news/official/").content.decode()
    assert "Ông An Hải" not in listing
    base = "/admin/snippets/news/official/"
    for url in (f"{base}edit/{other.pk}/", f"{base}delete/{other.pk}/", f"{base}inspect/{other.pk}/"):
        assert client.get(url).status_code in (302, 403, 404), url
    response = client.post(f"{base}edit/{other.pk}/", form_data(commune_b, name="Đổi tên"))
    assert response.status_code in (302, 403, 404)
    other.refresh_from_db()
    assert other.name == "Ông An Hải"
    # nor move a leader into B
    response = client.post(ADD, form_data(commune_b))
    assert response.status_code == 200 and response.context["form"].errors.get("unit")


@pytest.mark.django_db
def test_board_sees_the_public_columns(client, commune_b, board_member):
    leader(commune_b, "Ông An Hải", "Chủ tịch UBND xã")
    client.force_login(board_member)
    response = client.get("/admin/snippets/news/official/?shown_publicly=true")
    assert response.status_code == 200 and "Ông An Hải" in response.content.decode()
