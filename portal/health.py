"""Checks behind /healthz: each returns None when healthy or a short error text."""

import uuid

from django.core.cache import cache
from django.db import connections


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
    from portal.celery import app

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
