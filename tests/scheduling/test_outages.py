"""Redis down: public pages are still served from the database (the broker side, scheduling
during an outage and the sweep catching up, is in test_worker_scheduling.py)."""

from django.core.cache import cache
from django.test import override_settings

from portal.settings.base import redis_cache
from scheduling import services
from tests.factories import publish_article

DEAD_REDIS = "redis://127.0.0.1:1/0"  # nothing listens on port 1


def test_public_pages_are_served_while_the_cache_is_down(client, commune_a):
    article = publish_article(commune_a, title="Tin khi Redis ngừng")
    dead = redis_cache(DEAD_REDIS)  # the production cache settings, pointed at a dead port
    dead["OPTIONS"] = {**dead["OPTIONS"], "SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2}
    with override_settings(CACHES={"default": dead}):
        assert cache.get("anything") is None  # a miss, not an exception
        for path in ("/", "/tin-tuc/", f"/tin-tuc/{article.slug}/", "/tim-kiem/?q=Redis"):
            response = client.get(path, HTTP_HOST="phuoc-hau.localhost")
            assert response.status_code == 200, path
        # the sweep cannot take its lock: it skips this round instead of running unguarded
        assert services.sweep().skipped
