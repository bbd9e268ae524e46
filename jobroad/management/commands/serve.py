"""The embedded mode's server: Django's development server with the periodic sweep beside it, on this computer's own
(loopback) address only unless told otherwise."""

import ipaddress
import logging
import socket
import threading
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.management.commands.runserver import naiveip_re
from django.db import close_old_connections
from django.utils import timezone

from jobroad.sweeps import SweepFailed, run_all_sweeps, run_nightly_sweeps

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
        except SweepFailed:
            pass  # each failure is logged where it happened; the thread goes on, and /readyz shows the outage
        except Exception:
            logger.exception("The periodic sweep failed")
        finally:
            close_old_connections()
        time.sleep(interval)


REFUSAL = (
    "Refusing to serve on {host}: the embedded server answers this computer only (127.0.0.1, ::1 or localhost). "
    "It is Django's development server, without HTTPS, and the demo accounts' password is printed in the README. "
    "To share a platform, run the production mode (README, 'Scaling out'). To show the demo on a network you trust "
    "anyway, add --allow-remote and set DJANGO_ALLOWED_HOSTS to the name or address people will type."
)
REMOTE_WARNING = (
    "Serving on {host} (--allow-remote): anyone who can reach this address can try the demo passwords; "
    "no HTTPS, so passwords and data cross the network in clear text."
)


def host_of(addrport: str) -> str:
    """The address part of runserver's ``[addr:]port`` argument; runserver's own default when there is none."""
    match = naiveip_re.match(addrport)
    if match is None:
        raise CommandError(f'"{addrport}" is not a valid port number or address:port pair.')
    return (match["addr"] or "127.0.0.1").strip("[]")


def is_loopback(host: str) -> bool:
    """Whether every address ``host`` stands for is this computer's own (127.0.0.0/8 or ::1)."""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (socket.gaierror, UnicodeError):
        return False
    return bool(addresses) and all(ipaddress.ip_address(address.split("%")[0]).is_loopback for address in addresses)


class Command(BaseCommand):
    help = (
        "Serve the platform on 127.0.0.1:8000 with the periodic sweep running in a background thread. "
        "Only on a loopback address unless --allow-remote is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument(
            "--allow-remote",
            action="store_true",
            help="Also serve on an address other computers can reach (a trusted network only; see the README).",
        )

    def handle(self, *args, addrport, allow_remote, **options):
        host = host_of(addrport)
        if not is_loopback(host):
            if not allow_remote:
                raise CommandError(REFUSAL.format(host=host))
            self.stderr.write(REMOTE_WARNING.format(host=host))
        threading.Thread(
            target=sweep_forever, args=(settings.SWEEP_INTERVAL_SECONDS,), name="periodic-sweep", daemon=True
        ).start()
        self.stdout.write(f"Periodic sweep runs every {settings.SWEEP_INTERVAL_SECONDS} s beside the web server.")
        # Static files come through WhiteNoise and the middleware, so they carry the security headers; runserver's
        # own static handler (on in DEBUG) would answer them before any middleware runs.
        call_command("runserver", addrport, use_reloader=False, use_static_handler=False)
