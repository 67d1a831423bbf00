"""Password reset requests are limited per address and per e-mail asked for (users/views.py)."""

from django.core import mail
from django.test import override_settings
from django.utils import translation

import pytest

from tests.factories import UserFactory

URL = "/admin/password_reset/"


def ask(client, email, address="203.0.113.10", **extra):
    return client.post(URL, {"email": email}, REMOTE_ADDR=address, **extra)


@pytest.fixture
def account(db):
    return UserFactory(username="officer", email="officer@example.test")


@override_settings(PORTAL_PASSWORD_RESET_EMAIL_RATE="2/h", PORTAL_PASSWORD_RESET_IP_RATE="100/h")
def test_one_address_asked_for_too_often_is_throttled(client, account):
    assert ask(client, "officer@example.test").status_code == 302
    assert ask(client, "Officer@Example.test ", address="198.51.100.1").status_code == 302
    response = ask(client, "officer@example.test", address="198.51.100.2")
    assert response.status_code == 429
    assert len(mail.outbox) == 2


@override_settings(PORTAL_PASSWORD_RESET_EMAIL_RATE="100/h", PORTAL_PASSWORD_RESET_IP_RATE="3/h")
def test_one_client_asking_too_often_is_throttled(client, account):
    for n in range(3):
        assert ask(client, f"someone{n}@example.test").status_code == 302
    assert ask(client, "officer@example.test").status_code == 429
    assert mail.outbox == []
    # another client is not
    assert ask(client, "officer@example.test", address="198.51.100.9").status_code == 302
    assert len(mail.outbox) == 1


@override_settings(
    PORTAL_PASSWORD_RESET_EMAIL_RATE="1/h",
    PORTAL_PASSWORD_RESET_IP_RATE="100/h",
    PORTAL_TRUSTED_PROXIES=["10.0.0.2"],
)
def test_the_answer_never_tells_whether_an_account_exists(client, account):
    with translation.override("vi"):
        first = [
            ask(client, email, HTTP_ACCEPT_LANGUAGE="vi") for email in ("officer@example.test", "no@x.test")
        ]
        assert [r.status_code for r in first] == [302, 302]
        assert first[0].url == first[1].url
        again = [
            ask(client, email, HTTP_ACCEPT_LANGUAGE="vi") for email in ("officer@example.test", "no@x.test")
        ]
    assert [r.status_code for r in again] == [429, 429]
    pages = [r.content.decode() for r in again]
    assert all("Quá nhiều yêu cầu đặt lại mật khẩu" in page for page in pages)


@override_settings(PORTAL_PASSWORD_RESET_IP_RATE="2/h", PORTAL_TRUSTED_PROXIES=["10.0.0.2"])
def test_behind_the_proxy_the_limit_is_per_real_client(client, account):
    for n in range(2):
        ask(client, f"a{n}@example.test", address="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.50")
    assert (
        ask(client, "b@example.test", address="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.50").status_code
        == 429
    )
    assert (
        ask(client, "b@example.test", address="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.51").status_code
        == 302
    )


def test_bad_input_is_no_server_error(client, account):
    assert ask(client, "not-an-email").status_code == 200
    assert client.post(URL, {}).status_code == 200
    assert client.post(URL, {"email": "x" * 10_000 + "@example.test"}).status_code == 200
