"""What the retention policy anonymises tonight (a dry run unless --apply)."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from jobroad.retention import apply_retention, retention_due


class Command(BaseCommand):
    help = "List the candidate records the retention policy anonymises today; --apply anonymises them."

    def add_arguments(self, parser):
        parser.add_argument("--apply", action="store_true", help="Anonymise them now instead of listing them.")

    def handle(self, *args, apply: bool, **options):
        today = timezone.localdate()
        cases = retention_due(today)
        self.stdout.write(
            f"Retention: anonymise {settings.RETENTION_MONTHS} months after the last contact. "
            f"Due on {today.isoformat()}: {len(cases)} record(s)."
        )
        for case in cases:
            self.stdout.write(
                f"  candidate {case.candidate_id:>8}  last contact {case.last_contact.isoformat()}"
                f"  due since {case.due_since.isoformat()}"
            )
        if apply:
            self.stdout.write(f"Anonymised: {apply_retention(today)}.")
        elif cases:
            self.stdout.write("Dry run: nothing was changed. Run with --apply to anonymise them.")
