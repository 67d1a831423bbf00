"""The board's block list ("Danh sách chặn") and question fields ("Lĩnh vực hỏi đáp"): unit members get 403 on
every address of them; the board adds, changes and deletes; values are stored normalised."""

import pytest

from questions.models import BlockedSender, QuestionField
from sites.registry import get_board_permissions

pytestmark = pytest.mark.django_db

BLOCKED = "/admin/hoi-dap-danh-sach-chan/"
FIELDS = "/admin/hoi-dap-linh-vuc/"


def urls(prefix, pk):
    return [
        ("get", prefix),
        ("get", f"{prefix}results/"),
        ("get", f"{prefix}new/"),
        ("post", f"{prefix}new/"),
        ("get", f"{prefix}edit/{pk}/"),
        ("post", f"{prefix}edit/{pk}/"),
        ("get", f"{prefix}delete/{pk}/"),
        ("post", f"{prefix}delete/{pk}/"),
        ("get", f"{prefix}history/{pk}/"),
        ("get", f"{prefix}usage/{pk}/"),
        ("get", f"{prefix}?export=csv"),
    ]


def test_unit_members_get_403_everywhere(client, commune_a, editor_a, approver_a):
    blocked = BlockedSender.objects.create(kind="email", value="spam@example.test", reason="Quảng cáo")
    field = QuestionField.objects.create(name="Lĩnh vực thử")
    for user in (editor_a, approver_a):
        client.force_login(user)
        for prefix, pk in ((BLOCKED, blocked.pk), (FIELDS, field.pk)):
            for method, url in urls(prefix, pk):
                response = getattr(client, method)(
                    url, {"kind": "email", "value": "x@example.test", "name": "X"}
                )
                assert response.status_code == 403, (user.username, method, url, response.status_code)
        html = client.get("/admin/").content.decode()
        assert BLOCKED not in html and FIELDS not in html
        assert "/admin/hoi-dap/" in html  # their questions are in the menu
    assert BlockedSender.objects.get().value == "spam@example.test"
    assert QuestionField.objects.filter(pk=field.pk, name="Lĩnh vực thử").exists()


def test_board_manages_the_block_list(client, board_member):
    client.force_login(board_member)
    html = client.get("/admin/").content.decode()
    assert BLOCKED in html and FIELDS in html and "/admin/hoi-dap/" in html
    assert client.get(BLOCKED).status_code == 200
    response = client.post(
        f"{BLOCKED}new/", {"kind": "email", "value": " Spam@Example.TEST ", "reason": "Rác"}
    )
    assert response.status_code == 302
    blocked = BlockedSender.objects.get()
    assert blocked.value == "spam@example.test" and blocked.created_by == board_member
    # the same sender again: refused, what was typed kept
    response = client.post(
        f"{BLOCKED}new/", {"kind": "email", "value": "SPAM@example.test", "reason": "Lần 2"}
    )
    assert response.status_code == 200 and "Lần 2" in response.content.decode()
    client.post(f"{BLOCKED}new/", {"kind": "phone", "value": "+84 909-123-456", "reason": ""})
    assert BlockedSender.objects.filter(kind="phone", value="0909123456").exists()
    client.post(f"{BLOCKED}new/", {"kind": "address", "value": "203.0.113.7/24", "reason": ""})
    assert BlockedSender.objects.filter(kind="address", value="203.0.113.0/24").exists()
    response = client.post(f"{BLOCKED}new/", {"kind": "address", "value": "not an address", "reason": ""})
    assert response.status_code == 200 and BlockedSender.objects.count() == 3
    assert client.post(f"{BLOCKED}delete/{blocked.pk}/").status_code == 302
    assert BlockedSender.objects.count() == 2


def test_board_manages_the_fields(client, board_member):
    client.force_login(board_member)
    response = client.post(f"{FIELDS}new/", {"name": "Lĩnh vực mới", "sort_order": "1"})
    assert response.status_code == 302 and QuestionField.objects.filter(name="Lĩnh vực mới").exists()


def test_the_board_gets_the_permissions():
    board = set(get_board_permissions())
    assert {"questions.view_question", "questions.change_question", "questions.delete_question"} <= board
    assert "questions.add_question" not in board
    assert {f"questions.{a}_blockedsender" for a in ("add", "change", "delete", "view")} <= board
    assert {f"questions.{a}_questionfield" for a in ("add", "change", "delete", "view")} <= board
