import contextlib

from django.db import connections
from django.test import override_settings

import pytest

from portal.celery import app as celery_app

CLOSED_PORT = "1"  # nothing listens on port 1


@contextlib.contextmanager
def database_unreachable():
    connection = connections["default"]
    original = dict(connection.settings_dict)
    connection.close()
    if connection.vendor == "postgresql":
        connection.settings_dict.update(HOST="127.0.0.1", PORT=CLOSED_PORT)
    else:
        connection.settings_dict["NAME"] = "/nonexistent-directory/portal.sqlite3"
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(original)


@contextlib.contextmanager
def broker_unreachable():
    original = celery_app.conf.broker_url
    original_options = celery_app.conf.broker_transport_options
    celery_app.conf.broker_url = f"redis://127.0.0.1:{CLOSED_PORT}/0"
    celery_app.conf.broker_transport_options = {"socket_connect_timeout": 1}
    try:
        yield
    finally:
        celery_app.conf.broker_url = original
        celery_app.conf.broker_transport_options = original_options


@pytest.mark.django_db
def test_all_up(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"] == {"database": {"ok": True}, "cache": {"ok": True}, "broker": {"ok": True}}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.django_db(transaction=True)
def test_database_down_gives_503_naming_it(client):
    with database_unreachable():
        response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["down"] == ["database"]
    assert body["checks"]["database"]["ok"] is False
    assert body["checks"]["cache"] == {"ok": True}
    # and the database works again afterwards
    assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
def test_cache_down_gives_503_naming_it(client):
    unreachable = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{CLOSED_PORT}/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        }
    }
    with override_settings(CACHES=unreachable):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["down"] == ["cache"]


@pytest.mark.django_db
def test_broker_down_gives_503_naming_it(client):
    with broker_unreachable():
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["down"] == ["broker"]


@pytest.mark.django_db
def test_healthz_rejects_post(client):
    assert client.post("/healthz").status_code == 405
