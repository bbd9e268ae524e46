"""Restore a backup of ``manage.py backup`` into a new, empty database (jobroad/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from jobroad.backup import BackupRefused, restore_backup


class Command(BaseCommand):
    help = (
        "Load a backup into the configured database, which must be empty, and its files into MEDIA_ROOT. Pending "
        "messages whose time is over are marked expired. Run it with the Celery workers and beat stopped."
    )
    requires_migrations_checks = False
    requires_system_checks = []  # the database is empty until this command has run

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="An archive written by `manage.py backup`")

    def handle(self, *args, archive: Path, **options):
        try:
            restored = restore_backup(path=archive)
        except BackupRefused as refusal:
            raise CommandError(str(refusal)) from refusal
        self.stdout.write(
            f"Restored the backup of {restored.created_at:%Y-%m-%d %H:%M %Z}. {restored.expired} pending message(s) "
            f"whose time was over are now expired; {restored.waiting} still wait and go out when beat runs (check "
            "them in the outbox first: one sent after the backup was made would be sent again). Then run "
            "`manage.py migrate` if this version has newer migrations."
        )
