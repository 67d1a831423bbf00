"""The admin upload of procedures: confined to the user's unit, drafts unless the user may publish."""

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from procedures.models import ProcedurePage

pytestmark = pytest.mark.django_db

URL = "/admin/procedures/import/"
GOOD = (
    "ma_thu_tuc,ten_thu_tuc,linh_vuc,cap_thuc_hien\n1.001193,Đăng ký khai sinh,ho-tich,cap-xa\n"
    "1.000894,Đăng ký kết hôn,ho-tich,cap-xa\n"
)


def upload(client, unit, content=GOOD, **fields):
    data = {"unit": str(unit.pk), "file": SimpleUploadedFile("thu-tuc.csv", content.encode()), **fields}
    return client.post(URL, data)


def in_unit(unit):
    return ProcedurePage.objects.descendant_of(unit.site.root_page)


def test_editor_imports_drafts_into_their_unit(client, commune_a, editor_a):
    client.force_login(editor_a)
    response = client.get(URL)
    assert response.status_code == 200
    assert [label for _pk, label in response.context["form"].fields["unit"].choices] == [commune_a.name]
    assert "publish" not in response.context["form"].fields  # editors cannot publish: drafts for approval
    response = upload(client, commune_a, publish="on")
    assert response.status_code == 200 and response.context["result"].ok
    assert in_unit(commune_a).count() == 2 and not in_unit(commune_a).filter(live=True).exists()


def test_unit_approvers_import_drafts_too_only_the_board_publishes(client, commune_a, approver_a):
    # publishing is the board's (the workflow's last step): a unit's approver cannot skip it by importing
    client.force_login(approver_a)
    assert "publish" not in client.get(URL).context["form"].fields
    upload(client, commune_a, publish="on")
    assert in_unit(commune_a).count() == 2 and not in_unit(commune_a).filter(live=True).exists()


def test_commune_user_cannot_import_into_another_unit(client, commune_a, commune_b, editor_a):
    client.force_login(editor_a)
    response = upload(client, commune_b)
    assert response.status_code == 200 and "unit" in response.context["form"].errors
    assert not in_unit(commune_b).exists()
    assert commune_b.name not in response.content.decode()


def test_board_chooses_any_unit(client, district, commune_b, board_member):
    client.force_login(board_member)
    names = [label for _pk, label in client.get(URL).context["form"].fields["unit"].choices]
    assert district.name in names and commune_b.name in names
    upload(client, commune_b, publish="on")
    assert in_unit(commune_b).filter(live=True).count() == 2


def test_bad_file_is_reported_and_nothing_imported(client, commune_a, approver_a):
    client.force_login(approver_a)
    response = upload(client, commune_a, content=GOOD + ",,ho-tich,cap-xa\n", publish="on")
    html = response.content.decode()
    assert response.context["result"].errors and "Dòng 4" in str(response.context["result"].errors[0])
    assert not in_unit(commune_a).exists()
    data = {"unit": str(commune_a.pk), "file": SimpleUploadedFile("a.csv", GOOD.encode("utf-16"))}
    response = client.post(URL, data)
    assert response.context["file_errors"] and not in_unit(commune_a).exists()
    assert "UTF" in html or "UTF" in response.content.decode()


def test_people_outside_every_unit_are_refused(client, db):
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="nobody"))
    assert client.get(URL).status_code in (302, 403)
    assert client.get(URL + "mau.csv").status_code in (302, 403)


def test_sample_download(client, commune_a, editor_a):
    client.force_login(editor_a)
    response = client.get(URL + "mau.csv")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"ma_thu_tuc,")
