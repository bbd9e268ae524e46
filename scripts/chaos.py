"""`make chaos`: the outbox under faults, on loopback only and bounded in time.

Runs a real Celery worker and beat on PostgreSQL + Redis, seeds 500 due messages, kill -9s the worker
and restarts Redis mid-way, and counts what a real SMTP server (aiosmtpd) received, by message key:

    chaos: sent=500 lost=0 duplicates=0

It runs with the platform's default reclaim time (JOBROAD_OUTBOX_RECLAIM_AFTER, 120 s) and reports the one it
measured: for each message stranded in "sending" by a fault and claimed again, from its last claim to its arrival.
Exit status 1 if anything was lost or sent twice, except a message the SMTP server accepted in the second before the
kill -9, which the dead worker could not record: it goes again with the same Message-ID (at-least-once delivery; a
receiving server drops the repeat), and the run says so. It uses its own Redis (a free port) and its own
database (jobroad_chaos) in the local PostgreSQL, so it never touches the data of a running platform.
"""

import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

import scratch_database
from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parents[1]
MESSAGES = 500
DEADLINE_SECONDS = 300
DATABASE = "jobroad_chaos"
SWEEP_INTERVAL = 2
# The platform's default (jobroad/settings.py), not set here: the run measures what an installation gets.
RECLAIM_AFTER = 120
KILL_WINDOW = 1.0  # seconds: a send this close before the kill -9 may be unrecorded when the worker dies


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Receiver:
    """An SMTP server that counts deliveries per message key. Each RCPT is slowed a little, so the
    worker is killed while it has messages in hand, not after it has finished."""

    def __init__(self):
        self.keys: Counter[str] = Counter()
        self.arrivals: dict[str, list[float]] = {}
        self.message_ids: dict[str, set[str]] = {}
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        time.sleep(0.02)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        mail = message_from_bytes(envelope.content, policy=default_policy)
        key = str(mail["X-JobRoad-Message-Key"]).strip()
        with self.lock:
            self.keys[key] += 1
            self.arrivals.setdefault(key, []).append(time.time())
            self.message_ids.setdefault(key, set()).add(str(mail["Message-ID"]).strip())
        return "250 OK"

    @property
    def received(self) -> int:
        with self.lock:
            return sum(self.keys.values())


def count_retried() -> int:
    [retried] = scratch_database.run_sql(DATABASE, "SELECT count(*) FROM jobroad_message WHERE attempts > 1")
    return retried


def stranded() -> dict[str, float]:
    """The messages in "sending" now, by key, with the time of their last claim (epoch seconds)."""
    [pairs] = scratch_database.run_sql(
        DATABASE,
        "SELECT string_agg(key || '=' || extract(epoch from claimed_at)::text, ',') FROM jobroad_message "
        "WHERE status = 'sending'",
    )
    return {key: float(at) for key, at in (pair.rsplit("=", 1) for pair in (pairs or "").split(",") if pair)}


def reclaimed_keys() -> set[str]:
    [keys] = scratch_database.run_sql(DATABASE, "SELECT string_agg(key, ',') FROM jobroad_message WHERE attempts > 1")
    return set((keys or "").split(",")) - {""}


def report_reclaim(receiver: "Receiver", stranded_at_faults: dict[str, float]) -> None:
    """How long a message stranded by a fault waited: from its last claim to its arrival at the SMTP server."""
    again = reclaimed_keys()
    waits = sorted(
        min(receiver.arrivals[key]) - claimed_at
        for key, claimed_at in stranded_at_faults.items()
        if key in again and key in receiver.arrivals
    )
    if waits:
        print(
            f"chaos: reclaim: {len(waits)} messages stranded by the faults were claimed again and arrived "
            f"{waits[0]:.0f}-{waits[-1]:.0f} s (median {waits[len(waits) // 2]:.0f} s) after their last claim; "
            f"the setting is {RECLAIM_AFTER} s, the sweep runs every {SWEEP_INTERVAL} s",
            flush=True,
        )
    else:
        print("chaos: reclaim: no message was stranded by the faults this time", flush=True)


def start_redis(port: int, workdir: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no",
         "--dir", str(workdir)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("Redis did not start")


def start(command: list[str], env: dict, log: Path) -> subprocess.Popen:
    # A session of its own, so kill -9 reaches the worker's pool children too.
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT, start_new_session=True
    )


def kill_hard(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def main() -> int:
    workdir = Path(tempfile.mkdtemp(prefix="jobroad-chaos-"))
    receiver = Receiver()
    smtp = Controller(receiver, hostname="127.0.0.1", port=free_port())
    smtp.start()
    redis_port = free_port()
    redis = start_redis(redis_port, workdir)
    scratch_database.recreate(DATABASE)
    env = {key: value for key, value in os.environ.items() if not key.startswith(("JOBROAD_", "DJANGO_", "EMAIL_"))}
    env |= {
        "DJANGO_SETTINGS_MODULE": "jobroad.settings",
        "DATABASE_URL": scratch_database.url(DATABASE),
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp.port),
        "EMAIL_USE_TLS": "0",
        "JOBROAD_SWEEP_INTERVAL": str(SWEEP_INTERVAL),
        "JOBROAD_OUTBOX_MAX_ATTEMPTS": "20",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    python = sys.executable
    subprocess.run([python, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([python, "manage.py", "shell", "-c", SEED], cwd=ROOT, env=env, check=True)

    celery = [python, "-m", "celery", "-A", "jobroad"]
    worker_command = [
        *celery,
        "worker",
        "--concurrency",
        "2",
        "--loglevel",
        "WARNING",
        "--without-gossip",
        "--without-mingle",
    ]
    log = workdir / "celery.log"
    beat = start([*celery, "beat", "--loglevel", "WARNING", "--schedule", str(workdir / "beat-schedule")], env, log)
    worker = start(worker_command, env, log)
    started, faults, stranded_at_faults = time.time(), [], {}
    try:
        wait_for(lambda: receiver.received >= MESSAGES // 5, 120)
        print(f"chaos: kill -9 the worker after {receiver.received} deliveries", flush=True)
        faults.append(time.time())
        kill_hard(worker)
        stranded_at_faults |= stranded()
        worker = start(worker_command, env, log)

        wait_for(lambda: receiver.received >= MESSAGES // 2, 120)
        print(f"chaos: restart Redis after {receiver.received} deliveries (queued tasks are lost)", flush=True)
        faults.append(time.time())
        redis.kill()
        redis.wait()
        stranded_at_faults |= stranded()
        redis = start_redis(redis_port, workdir)

        wait_for(lambda: len(receiver.keys) >= MESSAGES, DEADLINE_SECONDS)
        time.sleep(5)  # anything sent twice would arrive now
    finally:
        for process in (worker, beat):
            kill_hard(process)
        redis.kill()
        smtp.stop()

    print(f"chaos: {count_retried()} messages were claimed again after a fault", flush=True)
    report_reclaim(receiver, stranded_at_faults)
    sent = len(receiver.keys)
    in_the_window = repeats_in_the_kill_window(receiver, kill=faults[0])
    duplicates = sum(count - 1 for key, count in receiver.keys.items() if key not in in_the_window)
    lost = MESSAGES - sent
    print(f"chaos: sent={sent} lost={lost} duplicates={duplicates}")
    if in_the_window:
        print(
            f"chaos: {len(in_the_window)} message(s) accepted by the SMTP server in the last {KILL_WINDOW} s before the"
            " kill -9, before the worker could record them, went again with the same Message-ID (a receiving server"
            " drops such a repeat): at-least-once delivery, which no SMTP client can avoid",
            flush=True,
        )
    if lost or duplicates:
        twice = {
            key: [round(at - started, 3) for at in times] for key, times in receiver.arrivals.items() if len(times) > 1
        }
        print(
            f"chaos: faults at {[round(at - started, 3) for at in faults]} s; sent twice: {twice}; see {log}",
            file=sys.stderr,
        )
    return 1 if lost or duplicates else 0


def repeats_in_the_kill_window(receiver: Receiver, kill: float) -> set[str]:
    """Messages sent twice only because the worker was killed between the SMTP server's "250 OK" and recording
    the message as sent: the first copy arrived just before the kill, both copies carry one Message-ID. Any other
    repeat is a real duplicate."""
    return {
        key
        for key, times in receiver.arrivals.items()
        if len(times) == 2 and kill - KILL_WINDOW <= times[0] <= kill and len(receiver.message_ids[key]) == 1
    }


SEED = f"""
from django.utils import timezone
from jobroad.models import Message
now = timezone.now()
Message.objects.bulk_create(
    Message(key=f"chaos:{{n}}", template="note", recipient_address=f"person{{n}}@example.org",
            due_at=now, context={{"subject": f"Chaos {{n}}", "text": "..."}})
    for n in range({MESSAGES})
)
"""

if __name__ == "__main__":
    sys.exit(main())
