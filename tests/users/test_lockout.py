"""Login lockout per (username, address): django-axes on Wagtail's login view (portal/settings/base.py)."""

from django.test import override_settings
from django.utils import translation

import pytest

from tests.factories import UserFactory
from tests.users.conftest import sign_in

OFFICE = "203.0.113.10"  # a commune office: everybody behind one public address
HOME = "198.51.100.7"


def fail(client, username, times, address=OFFICE, **extra):
    for _ in range(times):
        response = sign_in(client, username, "wrong-password", address=address, **extra)
    return response


def signed_in(response):
    return response.status_code == 302 and response.url == "/admin/"


@pytest.fixture
def office(db):
    return UserFactory(username="officer"), UserFactory(username="colleague")


@override_settings(AXES_FAILURE_LIMIT=5)
def test_five_failures_lock_the_pair_and_the_right_password_is_refused(client, office):
    response = fail(client, "officer", 4)
    assert response.status_code == 200  # still the plain "wrong password"
    response = fail(client, "officer", 1)
    assert response.status_code == 429
    response = sign_in(client, "officer", address=OFFICE)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@override_settings(AXES_FAILURE_LIMIT=5)
def test_a_colleague_behind_the_same_address_still_signs_in(client, office):
    fail(client, "officer", 5)
    assert signed_in(sign_in(client, "colleague", address=OFFICE))


@override_settings(AXES_FAILURE_LIMIT=5)
def test_the_same_person_from_another_address_still_signs_in(client, office):
    fail(client, "officer", 5)
    assert signed_in(sign_in(client, "officer", address=HOME))


@override_settings(AXES_FAILURE_LIMIT=5)
def test_a_success_before_the_limit_resets_the_count(client, office):
    fail(client, "officer", 4)
    assert signed_in(sign_in(client, "officer"))
    client.logout()
    assert fail(client, "officer", 4).status_code == 200


@override_settings(AXES_FAILURE_LIMIT=3, AXES_COOLOFF_TIME=0.25)
def test_the_notice_is_vietnamese_on_the_login_page_and_says_when_and_whom_to_ask(client, office):
    with translation.override("vi"):
        response = fail(client, "officer", 3, HTTP_ACCEPT_LANGUAGE="vi")
    page = response.content.decode()
    assert response.status_code == 429
    assert 'name="password"' in page  # the login form, not a bare error
    assert "tạm thời bị khóa" in page
    assert "Ban Biên tập" in page
    assert "sau" in page


@override_settings(AXES_FAILURE_LIMIT=3)
def test_unknown_usernames_lock_only_themselves(client, office):
    fail(client, "nobody-here", 3)
    assert signed_in(sign_in(client, "officer"))


@override_settings(AXES_FAILURE_LIMIT=3, PORTAL_TRUSTED_PROXIES=["10.0.0.2"])
def test_behind_the_proxy_the_lockout_is_keyed_on_the_real_client(client, office):
    through_proxy = {"HTTP_X_FORWARDED_FOR": "198.51.100.50"}
    fail(client, "officer", 3, address="10.0.0.2", **through_proxy)
    # the same client through the proxy: locked
    response = sign_in(client, "officer", address="10.0.0.2", **through_proxy)
    assert response.status_code == 429
    # another client through the same proxy: not locked, although the socket address is the same
    assert signed_in(sign_in(client, "officer", address="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.51"))


@override_settings(AXES_FAILURE_LIMIT=3, PORTAL_TRUSTED_PROXIES=[])
def test_a_forged_header_from_an_untrusted_address_changes_nothing(client, office):
    for forged in ("1.1.1.1", "2.2.2.2", "3.3.3.3"):
        sign_in(client, "officer", "wrong-password", address=HOME, HTTP_X_FORWARDED_FOR=forged)
    response = sign_in(client, "officer", address=HOME, HTTP_X_FORWARDED_FOR="4.4.4.4")
    assert response.status_code == 429


def test_a_malformed_login_post_is_no_server_error(client, office):
    response = client.post("/admin/login/", {"username": "x" * 5000}, REMOTE_ADDR="not-an-address")
    assert response.status_code == 200
