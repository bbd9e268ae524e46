"""The embedded mode's server: Django's development server with the periodic sweep beside it."""

import logging
import threading
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

from jobroad.sweeps import run_all_sweeps, run_nightly_sweeps

logger = logging.getLogger(__name__)


def sweep_forever(interval: int) -> None:
    """The periodic sweep every ``interval`` seconds, and the nightly one on the first round of each day."""
    last_night = None
    while True:
        close_old_connections()
        try:
            run_all_sweeps()
            if last_night != timezone.localdate():
                last_night = timezone.localdate()
                run_nightly_sweeps()
        finally:
            close_old_connections()
        time.sleep(interval)


class Command(BaseCommand):
    help = "Serve the platform on 127.0.0.1:8000 with the periodic sweep running in a background thread."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, addrport, **options):
        threading.Thread(
            target=sweep_forever, args=(settings.SWEEP_INTERVAL_SECONDS,), name="periodic-sweep", daemon=True
        ).start()
        self.stdout.write(f"Periodic sweep runs every {settings.SWEEP_INTERVAL_SECONDS} s beside the web server.")
        call_command("runserver", addrport, use_reloader=False)
