"""Back up the database and the uploaded files into one archive (jobroad/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from jobroad.backup import BackupRefused, create_backup


class Command(BaseCommand):
    help = (
        "Write the database (pg_dump on PostgreSQL) and MEDIA_ROOT into one .tar.gz. The field-encryption keys are "
        "not in it: keep them with the backup, or its notes cannot be read."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="Where to write the archive, e.g. jobroad-2026-12-06.tar.gz")

    def handle(self, *args, archive: Path, **options):
        try:
            manifest = create_backup(path=archive)
        except BackupRefused as refusal:
            raise CommandError(str(refusal)) from refusal
        self.stdout.write(
            f"Backup written to {archive} ({manifest['engine']}, {manifest['created_at']}). Keep "
            f"JOBROAD_FIELD_ENCRYPTION_KEYS with it (key fingerprint {manifest['encryption_key']}): without the keys "
            "its notes are unreadable."
        )
