"""The password policy (settings.AUTH_PASSWORD_VALIDATORS, users/validators.py)."""

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import translation

import pytest

from tests.factories import UserFactory


@pytest.mark.parametrize(
    "password",
    ["Admin2025", "Password2025!", "@Matkhau123456", "123456789012345", "qwerty123456789"],
)
def test_weak_passwords_are_refused(password, db):
    with pytest.raises(ValidationError):
        validate_password(password, UserFactory.build(username="officer", email="officer@example.test"))


def test_a_password_like_the_username_is_refused(db):
    with pytest.raises(ValidationError):
        validate_password("phuoc-hau-editor", UserFactory.build(username="phuoc-hau-editor"))


def test_the_refusal_of_admin2025_is_vietnamese(db):
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        validate_password("Admin2025")
    text = " ".join(refused.value.messages)
    assert "Mật khẩu quá ngắn" in text
    assert "12" in text
    assert "từ thông dụng" in text


@pytest.mark.parametrize("password", [settings.DEMO_PASSWORD, "portal-demo-2025", "ngựa-pin-kẹp-giấy-đúng"])
def test_good_passwords_are_accepted(password, db):
    validate_password(password, UserFactory.build(username="phuoc-hau-editor", email="x@example.test"))


def test_the_admin_refuses_a_weak_password_in_vietnamese(client, db):
    admin = UserFactory(username="root", is_superuser=True)
    client.force_login(admin)
    response = client.post(
        "/admin/users/new/",
        {
            "username": "new-officer",
            "email": "new@example.test",
            "first_name": "A",
            "last_name": "B",
            "password1": "Admin2025",
            "password2": "Admin2025",
            "is_active": "on",
        },
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    assert response.status_code == 200
    assert "Mật khẩu quá ngắn" in response.content.decode()
