"""The second factor (TOTP) required of the board and superusers when PORTAL_REQUIRE_2FA is on
(users/middleware.py, users/views.py)."""

import re
from io import StringIO

from django.core.management import CommandError, call_command
from django.test import override_settings

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import UserFactory
from tests.users.conftest import sign_in

required = override_settings(WAGTAIL_2FA_REQUIRED=True)


def code(device):
    device.refresh_from_db()
    return TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()


def time_passes(device):
    """The device's throttling after a wrong code (a second, then two...) is over."""
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=0, throttling_failure_timestamp=None
    )


def enrolled(user):
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


@required
def test_a_board_member_without_a_device_is_sent_to_enrolment(client, board_member):
    assert sign_in(client, "board").status_code == 302
    for url in ("/admin/", "/admin/pages/", "/admin/locked-accounts/", "/admin/users/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith("/admin/two-step/setup/?next="), url

    page = client.get("/admin/two-step/setup/")
    assert page.status_code == 200
    assert "<svg" in page.content.decode()  # the QR code
    device = TOTPDevice.objects.get(user=board_member, confirmed=False)
    assert re.search(r"<code>[A-Z2-7]{16,}</code>", page.content.decode())

    response = client.post("/admin/two-step/setup/", {"token": "000000", "next": "/admin/pages/"})
    assert response.status_code == 200  # a wrong code changes nothing
    assert client.get("/admin/").status_code == 302
    time_passes(device)

    response = client.post("/admin/two-step/setup/", {"token": code(device), "next": "/admin/pages/"})
    assert response.status_code == 302 and response.url == "/admin/pages/"
    assert TOTPDevice.objects.get(user=board_member).confirmed
    assert client.get("/admin/").status_code == 200


@required
def test_a_board_member_with_a_device_must_enter_its_code(client, board_member):
    device = enrolled(board_member)
    sign_in(client, "board")
    response = client.get("/admin/")
    assert response.status_code == 302 and response.url.startswith("/admin/two-step/?next=")
    # the password alone cannot enrol another device either
    response = client.get("/admin/two-step/setup/")
    assert response.status_code == 302 and response.url.startswith("/admin/two-step/?next=")

    response = client.post("/admin/two-step/", {"token": "123456"}, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302
    time_passes(device)

    response = client.post("/admin/two-step/", {"token": code(device), "next": "https://evil.test/"})
    assert response.status_code == 302 and response.url == "/admin/"  # no open redirect
    assert client.get("/admin/").status_code == 200


@required
def test_superusers_are_required_too(client, db):
    UserFactory(username="root", is_superuser=True)
    sign_in(client, "root")
    assert client.get("/admin/").url.startswith("/admin/two-step/setup/")


@required
def test_unit_editors_are_not_forced(client, editor_a, approver_a):
    sign_in(client, "a-editor")
    assert client.get("/admin/").status_code == 200
    client.logout()
    sign_in(client, "a-approver")
    assert client.get("/admin/").status_code == 200


@required
def test_a_unit_editor_may_enrol_and_is_then_asked_for_the_code(client, editor_a):
    sign_in(client, "a-editor")
    assert client.get("/admin/two-step/setup/").status_code == 200
    device = TOTPDevice.objects.get(user=editor_a)
    assert client.post("/admin/two-step/setup/", {"token": code(device)}).status_code == 302
    client.logout()
    sign_in(client, "a-editor")
    assert client.get("/admin/").url.startswith("/admin/two-step/?next=")


def test_with_the_setting_off_nobody_is_forced(client, board_member):
    enrolled(board_member)
    sign_in(client, "board")
    assert client.get("/admin/").status_code == 200


@required
def test_unverified_the_public_site_treats_them_as_a_visitor(client, board_member):
    sign_in(client, "board")
    response = client.get("/")
    assert response.status_code == 200
    assert "wagtail-userbar" not in response.content.decode()


@required
def test_anonymous_visitors_of_the_two_step_pages_go_to_the_login(client, db):
    for url in ("/admin/two-step/", "/admin/two-step/setup/"):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith("/admin/login/")


def test_the_board_holds_the_permission(board_member, approver_a):
    assert board_member.has_perm("users.require_2fa")
    assert not approver_a.has_perm("users.require_2fa")


@pytest.mark.parametrize("token", ["", "abc", "1" * 100])
@required
def test_bad_codes_are_form_errors(client, board_member, token):
    enrolled(board_member)
    sign_in(client, "board")
    assert client.post("/admin/two-step/", {"token": token}).status_code == 200


def test_a_lost_phone_is_reset_by_command(board_member, editor_a):
    enrolled(board_member)
    out = StringIO()
    call_command("reset_two_step", "board", stdout=out)
    assert not TOTPDevice.objects.filter(user=board_member).exists()
    assert "1 account" in out.getvalue()
    enrolled(editor_a)
    with pytest.raises(CommandError):
        call_command("reset_two_step", "a-editor", "nobody")
    assert TOTPDevice.objects.filter(user=editor_a).exists()  # nothing changed
