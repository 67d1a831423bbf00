from django.core.cache import cache

import pytest

LOGIN_URL = "/admin/login/"
PASSWORD = "pw"  # tests.factories.UserFactory's


@pytest.fixture(autouse=True)
def fresh_counters():
    """Rate-limit counters live in the cache, which outlives a test's transaction."""
    cache.clear()
    yield
    cache.clear()


def sign_in(client, username, password=PASSWORD, address="203.0.113.10", **extra):
    return client.post(LOGIN_URL, {"username": username, "password": password}, REMOTE_ADDR=address, **extra)
