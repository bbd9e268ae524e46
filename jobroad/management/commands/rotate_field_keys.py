"""Re-encrypt every encrypted note with the newest key (the first of JOBROAD_FIELD_ENCRYPTION_KEYS)."""

from django.core.management.base import BaseCommand

from jobroad.fields import rotate_keys


class Command(BaseCommand):
    help = "Re-encrypt every encrypted note with the first key of JOBROAD_FIELD_ENCRYPTION_KEYS."

    def handle(self, *args, **options):
        self.stdout.write(f"Re-encrypted {rotate_keys()} note(s) with the newest key.")
