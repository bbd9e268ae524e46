"""A throwaway PostgreSQL database beside the test database, for tests that run manage.py against a database of
their own (migrating to zero and back, backup and restore). Those tests skip outside the PostgreSQL run."""

import os
import subprocess
import sys
import uuid
from contextlib import closing, contextmanager
from pathlib import Path

import psycopg2
import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]
# Fixed keys, so that every process of one test reads what another wrote.
KEYS = {
    "DJANGO_SECRET_KEY": "throwaway-" + "k" * 50,
    "JOBROAD_FIELD_ENCRYPTION_KEYS": "dGhpcy1pcy1hLXRlc3Qta2V5LW9mLTMyLWJ5dGVzISE=",
}


def postgresql_or_skip() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (the CI's second run: DATABASE_URL=postgres://…)")


def _server() -> dict:
    database = settings.DATABASES["default"]
    return {
        "host": database.get("HOST") or "127.0.0.1",
        "port": database.get("PORT") or 5432,
        "user": database.get("USER") or "postgres",
        "password": database.get("PASSWORD") or None,
    }


def _run_sql(sql: str) -> None:
    with closing(psycopg2.connect(dbname="postgres", **_server())) as admin:
        admin.autocommit = True
        with admin.cursor() as cursor:
            cursor.execute(sql)


@contextmanager
def throwaway_database(prefix: str):
    """A new, empty database; yields its URL and drops it afterwards, whatever happened."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    server = _server()
    _run_sql(f"CREATE DATABASE {name}")
    try:
        password = f":{server['password']}" if server["password"] else ""
        yield f"postgres://{server['user']}{password}@{server['host']}:{server['port']}/{name}"
    finally:
        _run_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def run_django(database_url: str, code: str, **env: str) -> str:
    """Runs ``code`` in a new Python process with Django set up on ``database_url``; returns its output. Tasks run in
    that process (no broker), and the keys are the fixed ones above."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("JOBROAD_", "DJANGO_")) and key not in ("DATABASE_URL", "REDIS_URL")
    }
    result = subprocess.run(
        [sys.executable, "-c", f"import django\ndjango.setup()\n{code}"],
        cwd=ROOT,
        env=environment | KEYS | {"DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "jobroad.settings"} | env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout
