"""Checks behind /healthz: each returns None when healthy or a short error text."""

import uuid

from django.core.cache import cache
from django.db import connections
from django.utils import timezone

from portal.celery import app
from scheduling.services import worker_last_seen


def check_database():
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any driver error means "down"
        connections["default"].close_if_unusable_or_obsolete()
        return exc.__class__.__name__
    return None


def check_cache():
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "ok", timeout=10)
        value = cache.get(key)
        cache.delete(key)
    except Exception as exc:
        return exc.__class__.__name__
    if value != "ok":
        return "read-back failed"
    return None


def check_broker():
    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as exc:
        return exc.__class__.__name__
    return None


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
}


def run_checks():
    return {name: check() for name, check in CHECKS.items()}


WORKER_STALE_AFTER = 180  # seconds: the sweep runs every minute


def worker_state(now=None):
    """When a worker last ran the per-minute sweep, and whether that is recent."""
    now = now or timezone.now()
    try:
        seen = worker_last_seen()
    except Exception as exc:  # cache down: unknown
        return {"ok": False, "last_seen": None, "error": exc.__class__.__name__}
    if seen is None:
        return {"ok": False, "last_seen": None, "error": "no sweep seen yet"}
    age = (now - seen).total_seconds()
    state = {"ok": age <= WORKER_STALE_AFTER, "last_seen": seen.isoformat(), "age_seconds": round(age)}
    if not state["ok"]:
        state["error"] = f"no worker has run the sweep for {age:.0f} s"
    return state
