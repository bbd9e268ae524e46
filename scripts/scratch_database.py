"""A throwaway database in the loopback PostgreSQL (trust auth, as on the development and CI machines), for the
scripts that run the platform against real services: `make loadtest` and `make chaos`."""

from contextlib import closing

import psycopg2

POSTGRES = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}


def url(name: str) -> str:
    return f"postgres://{POSTGRES['user']}@{POSTGRES['host']}:{POSTGRES['port']}/{name}"


def run_sql(name: str, sql: str, params: list | None = None) -> tuple | None:
    """One statement in database ``name``, outside a transaction (as CREATE DATABASE and VACUUM need); its first
    row, if it returns any."""
    with closing(psycopg2.connect(dbname=name, **POSTGRES)) as connection:
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone() if cursor.description else None


def recreate(name: str) -> None:
    run_sql("postgres", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    run_sql("postgres", f"CREATE DATABASE {name}")


def exists(name: str) -> bool:
    return run_sql("postgres", "SELECT 1 FROM pg_database WHERE datname = %s", [name]) is not None
