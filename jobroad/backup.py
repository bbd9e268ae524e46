"""Backup and restore of an installation (``manage.py backup`` / ``manage.py restore``): the database and the
uploaded files (MEDIA_ROOT) in one ``.tar.gz``.

The database is ``pg_dump``'s custom format on PostgreSQL, SQLite's online backup otherwise. The field-encryption
keys are deliberately NOT in the archive (a stolen backup would otherwise read like plain text): the manifest holds
only a fingerprint of the key in use, and a restore refuses an installation whose keys do not include it, because
every encrypted note would be unreadable there.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

from .models import Message, MessageStatus

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media"


class BackupRefused(Exception):
    """Why a backup or restore cannot go ahead, in words for the operator."""


@dataclass(frozen=True)
class Restored:
    created_at: datetime
    expired: int  # pending messages whose time was over
    waiting: int  # pending messages that will still be sent


def key_fingerprint(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def create_backup(*, path: Path) -> dict:
    """Writes the archive to ``path`` (through a temporary file beside it, so a failed backup leaves no half archive
    under that name); returns its manifest. Reads the database only."""
    path = Path(path)
    with tempfile.TemporaryDirectory() as work:
        database = _dump_database(Path(work))
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "engine": connection.vendor,
            "database": database.name,
            "encryption_key": key_fingerprint(settings.FIELD_ENCRYPTION_KEYS[0]),
        }
        (Path(work) / MANIFEST).write_text(json.dumps(manifest, indent=2))
        partial = path.with_name(f".{path.name}.partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(Path(work) / MANIFEST, MANIFEST)
            archive.add(database, database.name)
            if Path(settings.MEDIA_ROOT).is_dir():
                archive.add(settings.MEDIA_ROOT, MEDIA)
        partial.replace(path)
    return manifest


def restore_backup(*, path: Path, now: datetime | None = None) -> Restored:
    """Loads the archive into the configured database, which must be empty (a new database, made with ``createdb``),
    and puts its files into MEDIA_ROOT. Then every pending message whose time is over is marked expired at once, as
    the dispatcher would before sending: a reminder for an interview long past is never sent. Run it with the
    workers and beat stopped."""
    with tempfile.TemporaryDirectory() as work, tarfile.open(path, "r:gz") as archive:
        manifest = _checked_manifest(archive)
        if set(connection.introspection.table_names()) & {"django_migrations", "jobroad_message"}:
            raise BackupRefused(
                f"The database {settings.DATABASES['default']['NAME']} is not empty. Restore into a new, empty "
                "database (createdb) and point DATABASE_URL at it."
            )
        archive.extractall(work, filter="data")
        _load_database(Path(work) / manifest["database"])
        if (Path(work) / MEDIA).is_dir():
            shutil.copytree(Path(work) / MEDIA, settings.MEDIA_ROOT, dirs_exist_ok=True)
    return Restored(
        created_at=datetime.fromisoformat(manifest["created_at"]),
        expired=expire_passed_messages(now=now or timezone.now()),
        waiting=Message.objects.filter(status__in=[MessageStatus.PENDING, MessageStatus.SENDING]).count(),
    )


def expire_passed_messages(*, now: datetime) -> int:
    """Pending (or half-sent) messages whose "not sent after" time has passed become expired; returns how many."""
    return Message.objects.filter(
        status__in=[MessageStatus.PENDING, MessageStatus.SENDING], expires_at__lte=now
    ).update(status=MessageStatus.EXPIRED)


def _checked_manifest(archive: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(archive.extractfile(MANIFEST))
    except (KeyError, ValueError) as error:
        raise BackupRefused(f"This is not a JobRoad backup ({error}).") from error
    if manifest.get("format") != FORMAT:
        raise BackupRefused(f"Backup format {manifest.get('format')} is not the one this version reads ({FORMAT}).")
    if manifest["engine"] != connection.vendor:
        raise BackupRefused(f"The backup is of a {manifest['engine']} database; this one is {connection.vendor}.")
    if manifest["encryption_key"] not in {key_fingerprint(key) for key in settings.FIELD_ENCRYPTION_KEYS}:
        raise BackupRefused(
            f"The backup's notes are encrypted with a key (fingerprint {manifest['encryption_key']}) that is not in "
            "JOBROAD_FIELD_ENCRYPTION_KEYS: without it they cannot be read. Set the keys kept with the backup."
        )
    return manifest


def _dump_database(work: Path) -> Path:
    if connection.vendor == "postgresql":
        target = work / "database.dump"
        _postgres("pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}")
    else:
        target = work / "database.sqlite3"
        with sqlite3.connect(settings.DATABASES["default"]["NAME"]) as source, sqlite3.connect(target) as copy:
            source.backup(copy)  # consistent while others write, WAL included
    return target


def _load_database(dump: Path) -> None:
    if connection.vendor == "postgresql":
        _postgres("pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", str(dump))
        return
    connection.close()
    name = Path(settings.DATABASES["default"]["NAME"])
    for leftover in (name.with_name(name.name + "-wal"), name.with_name(name.name + "-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(dump, name)


def _postgres(program: str, *args: str) -> None:
    """Runs pg_dump or pg_restore against the configured database."""
    database = settings.DATABASES["default"]
    options = [f"--dbname={database['NAME']}"]
    options += [f"--{name}={database[key]}" for name, key in [("host", "HOST"), ("port", "PORT"), ("username", "USER")]
                if database.get(key)]  # fmt: skip
    env = os.environ | ({"PGPASSWORD": database["PASSWORD"]} if database.get("PASSWORD") else {})
    if shutil.which(program) is None:
        raise BackupRefused(f"{program} is not installed (Debian: apt-get install postgresql-client).")
    result = subprocess.run([program, *options, *args], env=env, capture_output=True, text=True)
    if result.returncode:
        raise BackupRefused(f"{program} failed: {result.stderr.strip()}")
