"""The board's list of locked accounts and its unlock button (users/views.py)."""

from django.test import override_settings

from wagtail.models import ModelLogEntry

import pytest
from axes.models import AccessAttempt

from tests.factories import UserFactory
from tests.users.conftest import sign_in

OFFICE = "203.0.113.10"


@pytest.fixture
def locked(commune_a):
    officer = UserFactory(username="officer", groups=[commune_a.editors_group])
    return officer


def lock(client, username, address=OFFICE, times=3):
    for _ in range(times):
        response = sign_in(client, username, "wrong-password", address=address)
    assert response.status_code == 429
    client.cookies.clear()


@override_settings(AXES_FAILURE_LIMIT=3)
def test_the_board_sees_and_unlocks_a_locked_account(client, locked, board_member):
    lock(client, "officer")
    lock(client, "officer", address="198.51.100.7")
    client.force_login(board_member)
    page = client.get("/admin/locked-accounts/")
    assert page.status_code == 200
    assert "officer" in page.content.decode() and OFFICE in page.content.decode()

    response = client.post("/admin/locked-accounts/unlock/", {"username": "officer", "ip_address": OFFICE})
    assert response.status_code == 302
    # only that pair: the other address stays locked
    assert not AccessAttempt.objects.filter(username="officer", ip_address=OFFICE).exists()
    assert AccessAttempt.objects.filter(username="officer", ip_address="198.51.100.7").exists()
    entry = ModelLogEntry.objects.get(action="portal.unlock_account")
    assert entry.user == board_member and entry.object_id == str(locked.pk)
    assert entry.data == {"ip_address": OFFICE}

    client.logout()
    assert sign_in(client, "officer", address=OFFICE).status_code == 302


def test_the_menu_item_is_the_boards(client, board_member, approver_a):
    client.force_login(board_member)
    assert "/admin/locked-accounts/" in client.get("/admin/").content.decode()
    client.force_login(approver_a)
    assert "/admin/locked-accounts/" not in client.get("/admin/").content.decode()


@override_settings(AXES_FAILURE_LIMIT=3)
@pytest.mark.parametrize("role", ["editor_a", "approver_a", "approver_b"])
def test_unit_roles_can_neither_see_nor_unlock(client, locked, role, request):
    lock(client, "officer")
    client.force_login(request.getfixturevalue(role))
    assert client.get("/admin/locked-accounts/").status_code == 403
    response = client.post("/admin/locked-accounts/unlock/", {"username": "officer", "ip_address": OFFICE})
    assert response.status_code == 403
    assert AccessAttempt.objects.filter(username="officer").exists()


@pytest.mark.django_db  # the former-hostname redirect reads its map once per generation
def test_anonymous_visitors_are_sent_to_the_login(client):
    assert client.get("/admin/locked-accounts/").status_code == 302
    response = client.post("/admin/locked-accounts/unlock/", {"username": "x", "ip_address": OFFICE})
    assert response.status_code == 302 and "/admin/login/" in response.url


@pytest.mark.parametrize(
    "data", [{}, {"username": "officer", "ip_address": "not-an-address"}, {"username": "", "ip_address": ""}]
)
def test_bad_unlock_requests_are_answered_with_a_message(client, board_member, data):
    client.force_login(board_member)
    response = client.post("/admin/locked-accounts/unlock/", data)
    assert response.status_code == 302
    assert client.get("/admin/locked-accounts/").status_code == 200


def test_unlock_is_post_only(client, board_member):
    client.force_login(board_member)
    assert client.get("/admin/locked-accounts/unlock/").status_code == 405
