"""Is the platform working, not only answering: the readiness checks behind /readyz and the coordinators' banner.

The periodic sweep notes each success in the cache (a database table, settings.CACHES); readiness reads it back,
with the age of the oldest message that should have left by now."""

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

import redis
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from .models import Message, MessageStatus

logger = logging.getLogger(__name__)

LAST_SWEEP_KEY = "jobroad:health:last-successful-sweep"
REDIS_TIMEOUT_SECONDS = 2


def record_successful_sweep(now: datetime | None = None) -> None:
    cache.set(LAST_SWEEP_KEY, now or timezone.now(), timeout=None)


def last_successful_sweep() -> datetime | None:
    return cache.get(LAST_SWEEP_KEY)


def alert_after() -> timedelta:
    return timedelta(minutes=settings.OUTBOX_ALERT_MINUTES)


def late_messages(now: datetime | None = None):
    """Messages due more than ``OUTBOX_ALERT_MINUTES`` ago that have not left: waiting, or stuck in "sending". One
    indexed query (status, due_at). A retry after a mail-server error is not late: its due time moved forward."""
    cutoff = (now or timezone.now()) - alert_after()
    return Message.objects.filter(status__in=[MessageStatus.PENDING, MessageStatus.SENDING], due_at__lte=cutoff)


# Each check returns None when all is well, else a short reason: no exception text, which may name hosts or users.


def check_database() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        logger.warning("Readiness: the database is unreachable: %s", error)
        return "unreachable"
    return None


def check_redis() -> str | None:
    client = redis.Redis.from_url(
        settings.REDIS_URL, socket_connect_timeout=REDIS_TIMEOUT_SECONDS, socket_timeout=REDIS_TIMEOUT_SECONDS
    )
    try:
        client.ping()
    except redis.RedisError as error:
        logger.warning("Readiness: Redis is unreachable: %s", error)
        return "unreachable"
    finally:
        client.close()
    return None


def check_migrations() -> str | None:
    executor = MigrationExecutor(connection)
    unapplied = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return f"{len(unapplied)} not applied" if unapplied else None


def check_outbox(now: datetime) -> str | None:
    oldest = late_messages(now).order_by("due_at").values_list("due_at", flat=True).first()
    if oldest is None:
        return None
    return f"a due message has waited {int((now - oldest).total_seconds() // 60)} min"


def check_sweep(now: datetime) -> str | None:
    last = last_successful_sweep()
    if last is None:
        return "no successful sweep yet"
    if now - last > alert_after():
        return f"last successful sweep {int((now - last).total_seconds() // 60)} min ago"
    return None


def readiness(now: datetime | None = None) -> dict[str, str]:
    """Every check by name, "ok" or what is wrong. Without the database, the checks that read it are "skipped"."""
    now = now or timezone.now()
    checks: dict[str, Callable[[], str | None]] = {"database": check_database}
    if settings.REDIS_URL:
        checks["redis"] = check_redis
    needs_database = {
        "migrations": check_migrations,
        "outbox": lambda: check_outbox(now),
        "sweep": lambda: check_sweep(now),
    }
    results = {name: check() or "ok" for name, check in checks.items()}
    for name, check in needs_database.items():
        results[name] = "skipped" if results["database"] != "ok" else _run(name, check)
    return results


def _run(name: str, check: Callable[[], str | None]) -> str:
    try:
        return check() or "ok"
    except DatabaseError as error:  # a missing table, say: `migrate` was not run
        logger.warning("Readiness: the %s check failed: %s", name, error)
        return "database error"
