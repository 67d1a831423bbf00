"""Procedures in the admin: unit confinement, the moderation workflow, unique codes per unit."""

from wagtail.models import WorkflowState

import pytest

from procedures.models import ProcedurePage
from tests.factories import make_file
from tests.factories.procedures import procedure, procedure_index

pytestmark = pytest.mark.django_db


def form_data(**fields):
    data = {
        "title": "Đăng ký khai sinh",
        "slug": "dang-ky-khai-sinh",
        "code": "1.001193",
        "field": "ho-tich",
        "level": "cap-xa",
        "steps": "Bước 1",
        "legal_bases-TOTAL_FORMS": "0",
        "legal_bases-INITIAL_FORMS": "0",
        "legal_bases-MIN_NUM_FORMS": "0",
        "legal_bases-MAX_NUM_FORMS": "1000",
        "form_files-TOTAL_FORMS": "0",
        "form_files-INITIAL_FORMS": "0",
        "form_files-MIN_NUM_FORMS": "0",
        "form_files-MAX_NUM_FORMS": "1000",
    }
    data.update(fields)
    return data


def add_url(unit):
    return f"/admin/pages/add/procedures/procedurepage/{procedure_index(unit).pk}/"


def refused(response):
    return response.status_code in (403, 404) or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def submitted(page):
    return WorkflowState.objects.filter(object_id=str(page.pk), status="in_progress").exists()


def test_editor_creates_and_submits_a_procedure_for_moderation(client, commune_a, editor_a):
    client.force_login(editor_a)
    response = client.post(add_url(commune_a), form_data(**{"action-submit": "1"}))
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ProcedurePage.objects.get(code="1.001193")
    assert not page.live
    assert submitted(page)


def test_editor_cannot_publish_directly(client, commune_a, editor_a):
    client.force_login(editor_a)
    client.post(add_url(commune_a), form_data(**{"action-publish": "1"}))
    page = ProcedurePage.objects.filter(code="1.001193").first()
    assert page is None or not page.live


def test_commune_editor_cannot_create_or_edit_under_another_unit(client, commune_a, commune_b, editor_a):
    other = procedure(commune_b, title="Thủ tục của xã B")
    client.force_login(editor_a)
    assert refused(client.get(add_url(commune_b)))
    assert refused(client.post(add_url(commune_b), form_data(slug="xam-nhap")))
    assert not ProcedurePage.objects.filter(slug="xam-nhap").exists()
    assert refused(client.get(f"/admin/pages/{other.pk}/edit/"))
    assert refused(
        client.post(f"/admin/pages/{other.pk}/edit/", form_data(title="Sửa trộm", slug=other.slug))
    )
    other.refresh_from_db()
    assert other.title == "Thủ tục của xã B"


def test_duplicate_code_in_the_unit_is_refused_with_a_clear_message(client, commune_a, editor_a):
    procedure(commune_a, code="1.001193", title="Đăng ký khai sinh (cũ)")
    client.force_login(editor_a)
    response = client.post(add_url(commune_a), form_data(slug="ban-sao"), HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    assert ProcedurePage.objects.filter(code="1.001193").count() == 1
    errors = response.context["form"].errors["code"]
    assert "1.001193" in errors[0] and "Đăng ký khai sinh (cũ)" in errors[0]


def test_the_same_code_is_fine_in_another_unit(client, commune_a, commune_b, editor_a):
    procedure(commune_b, code="1.001193")
    client.force_login(editor_a)
    response = client.post(add_url(commune_a), form_data(**{"action-submit": "1"}))
    assert response.status_code == 302
    assert ProcedurePage.objects.filter(code="1.001193").count() == 2


def test_bad_code_is_refused(client, commune_a, editor_a):
    client.force_login(editor_a)
    response = client.post(add_url(commune_a), form_data(code="1.00 12<script>"))
    assert response.status_code == 200 and "code" in response.context["form"].errors


def test_another_units_form_file_is_refused(client, commune_a, commune_b, editor_a):
    foreign = make_file(commune_b.collection, "Tệp của xã B")
    client.force_login(editor_a)
    data = form_data(
        **{
            "form_files-TOTAL_FORMS": "1",
            "form_files-0-document": str(foreign.pk),
            "form_files-0-label": "Mẫu",
            "form_files-0-ORDER": "1",
            "form_files-0-id": "",
            "form_files-0-DELETE": "",
        }
    )
    response = client.post(add_url(commune_a), data)
    assert response.status_code == 200
    assert not ProcedurePage.objects.filter(code="1.001193").exists()


def test_legal_basis_needs_a_document_or_a_text(client, commune_a, editor_a):
    client.force_login(editor_a)
    data = form_data(
        **{
            "legal_bases-TOTAL_FORMS": "1",
            "legal_bases-0-document": "",
            "legal_bases-0-text": "",
            "legal_bases-0-ORDER": "1",
            "legal_bases-0-id": "",
            "legal_bases-0-DELETE": "",
        }
    )
    response = client.post(add_url(commune_a), data)
    assert response.status_code == 200
    assert not ProcedurePage.objects.filter(code="1.001193").exists()
