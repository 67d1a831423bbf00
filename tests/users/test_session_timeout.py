"""Admin sessions end when idle and at a maximum age, "Remember me" or not (users/middleware.py)."""

import time

from django.test import override_settings

from tests.users.conftest import sign_in
from users.middleware import LAST_ACTIVITY_KEY, SIGNED_IN_KEY


def age(client, key, seconds):
    session = client.session
    session[key] = session[key] - seconds
    session.save()


@override_settings(PORTAL_ADMIN_IDLE_MINUTES=30)
def test_an_idle_session_ends_even_with_remember_me(client, editor_a):
    response = client.post(
        "/admin/login/",
        {"username": "a-editor", "password": "pw", "remember": "on"},
        REMOTE_ADDR="203.0.113.1",
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    age(client, LAST_ACTIVITY_KEY, 31 * 60)
    response = client.get("/admin/pages/", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 302 and response.url.startswith("/admin/login/?next=/admin/pages/")
    assert "_auth_user_id" not in client.session
    login_page = client.get(response.url, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "không hoạt động" in login_page


@override_settings(PORTAL_ADMIN_IDLE_MINUTES=30)
def test_activity_keeps_the_session(client, editor_a):
    sign_in(client, "a-editor")
    age(client, LAST_ACTIVITY_KEY, 29 * 60)
    assert client.get("/admin/").status_code == 200
    assert time.time() - client.session[LAST_ACTIVITY_KEY] < 5  # the clock moved
    age(client, LAST_ACTIVITY_KEY, 29 * 60)
    assert client.get("/admin/").status_code == 200


@override_settings(PORTAL_ADMIN_IDLE_MINUTES=30)
def test_background_pings_are_not_activity(client, editor_a):
    sign_in(client, "a-editor")
    age(client, LAST_ACTIVITY_KEY, 20 * 60)
    before = client.session[LAST_ACTIVITY_KEY]
    client.post("/admin/editing-sessions/ping/wagtailcore.page/1/")
    assert client.session[LAST_ACTIVITY_KEY] == before


@override_settings(PORTAL_ADMIN_SESSION_MAX_HOURS=12)
def test_a_session_ends_at_its_maximum_age_however_active(client, editor_a):
    sign_in(client, "a-editor")
    age(client, SIGNED_IN_KEY, 12 * 3600 + 60)
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 302 and "/admin/login/" in response.url
    assert "thời gian tối đa" in client.get(response.url, HTTP_ACCEPT_LANGUAGE="vi").content.decode()


@override_settings(PORTAL_ADMIN_IDLE_MINUTES=30)
def test_on_the_public_site_an_expired_session_simply_ends(client, editor_a):
    sign_in(client, "a-editor")
    age(client, LAST_ACTIVITY_KEY, 31 * 60)
    response = client.get("/")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_sessions_from_before_the_rule_start_their_clock(client, editor_a):
    client.force_login(editor_a)
    session = client.session
    del session[SIGNED_IN_KEY], session[LAST_ACTIVITY_KEY]  # a session signed in before this release
    session.save()
    assert client.get("/admin/").status_code == 200
    assert SIGNED_IN_KEY in client.session and LAST_ACTIVITY_KEY in client.session


@override_settings(WAGTAIL_2FA_REQUIRED=True)
def test_anonymous_public_pages_do_not_touch_the_session(client, district):
    response = client.get("/")
    assert response.status_code == 200
    assert "Cookie" not in response.get("Vary", "")
