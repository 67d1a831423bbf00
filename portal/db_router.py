"""Reads of public pages from PostgreSQL read replicas (``DATABASE_REPLICA_URLS``, settings/base.py).

Only when replicas are configured are ``ReplicaRouter`` (DATABASE_ROUTERS) and ``ReplicaReadsMiddleware``
installed. A read goes to a replica only while the middleware has marked the current request as a public
read: a GET or HEAD outside the admin, from a visitor without a session (an editor looking at the page they
just published reads their own write from "default"). Everything else reads from "default": the admin, POSTs,
Celery tasks, management commands, and any query inside a transaction (a transaction may read what it wrote).
Writes always go to "default".

Replication lag: a replica shows a change a little after "default" does. The page cache stores what a miss
built under the generation that the change just replaced (sites/cache.py), so a page built from a lagging
replica would keep the old content until the next change. After any write (a non-GET request, a Celery task)
every process therefore reads from "default" for ``PORTAL_REPLICA_MAX_LAG_SECONDS``: the time is kept in the
shared cache; keep the setting above the replicas' usual lag (pg_stat_replication's replay_lag).
"""

import contextvars
import random
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connections

_public_read = contextvars.ContextVar("portal_public_read", default=False)
LAST_WRITE_KEY = "portal:db:last-write"
SAFE_METHODS = ("GET", "HEAD")


def replicas():
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


def note_write():
    """Send every process's public reads to "default" for the next PORTAL_REPLICA_MAX_LAG_SECONDS."""
    window = settings.PORTAL_REPLICA_MAX_LAG_SECONDS
    if window > 0 and replicas():
        cache.set(LAST_WRITE_KEY, time.time(), window + 60)


def written_recently():
    window = settings.PORTAL_REPLICA_MAX_LAG_SECONDS
    if window <= 0:
        return False
    last = cache.get(LAST_WRITE_KEY)
    return last is not None and time.time() - last < window


class public_reads:  # noqa: N801 (used like a function: ``with public_reads():``)
    """Mark the code inside as a public read: the router may send its queries to a replica."""

    def __enter__(self):
        self._token = _public_read.set(True)
        return self

    def __exit__(self, *exc):
        _public_read.reset(self._token)
        return False


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if not _public_read.get():
            return "default"
        if connections["default"].in_atomic_block:
            return "default"
        choices = replicas()
        return random.choice(choices) if choices else "default"  # noqa: S311 (load spreading, not secrecy)

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replicas hold the same data as "default"

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


_skip = None


def _public_path(path):
    global _skip
    if _skip is None or _skip[0] != settings.PORTAL_REPLICA_SKIP:
        _skip = (settings.PORTAL_REPLICA_SKIP, re.compile(settings.PORTAL_REPLICA_SKIP))
    return _skip[1].match(path) is None


class ReplicaReadsMiddleware:
    """Marks anonymous public GET/HEAD requests as public reads; notes the time of every other request, which
    may have written."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in SAFE_METHODS:
            try:
                return self.get_response(request)
            finally:
                note_write()
        if (
            settings.SESSION_COOKIE_NAME in request.COOKIES
            or not _public_path(request.path_info)
            or written_recently()
        ):
            return self.get_response(request)
        with public_reads():
            return self.get_response(request)
