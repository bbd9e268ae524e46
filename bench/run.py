"""`make bench`: the platform's benchmarks, printed as tables (size, our figure, the baseline's, ratio).

Runs on a throw-away SQLite database by default; set DATABASE_URL to measure on PostgreSQL.

- outbox dispatch: claim + render + send + record N due messages through the dispatcher, mail into
  Django's in-memory backend. Baseline: rendering and sending the same messages directly, with no
  outbox bookkeeping — the ratio is what reliability costs per message.
- matching (bench/matching.py, runnable alone, no database): the exact min-cost flow engine against the greedy
  baseline on seeded campaigns up to 2000 candidates x 400 vacancies, its CPU against a plain OR-Tools flow in the
  same run, checked against an independent MILP on the small sizes; fairness level by level.
- scheduling (bench/scheduling.py, runnable alone, no database): the project-week CP-SAT schedule against the
  greedy baseline, every schedule checked by the validator; waiting over the queue bound, stages proven.
- documents (bench/documents.py): the project-week pack for 45 candidates and 15 companies, total and per page,
  against printing the documents one by one; and both solvers on the scale set's largest campaign.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp(prefix='jobroad-bench-')}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jobroad.settings")
os.environ["DJANGO_LOG_LEVEL"] = "WARNING"  # a log line per task would be measured too
os.environ.pop("REDIS_URL", None)  # tasks in-process: we measure the outbox, not the broker

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core import mail  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench import documents as documents_bench  # noqa: E402
from bench import matching as matching_bench  # noqa: E402
from bench import scheduling as scheduling_bench  # noqa: E402
from jobroad import channels, outbox  # noqa: E402
from jobroad.models import Message, MessageStatus  # noqa: E402

SIZES = [1_000, 10_000]


def seed(count: int) -> list[Message]:
    Message.objects.all().delete()
    now = timezone.now()
    return Message.objects.bulk_create(
        Message(
            key=f"bench:{n}",
            template="note",
            recipient_name=f"Persoon {n}",
            recipient_address=f"person{n}@example.org",
            due_at=now,
            context={"subject": f"Bericht {n}", "text": "Tot dinsdag op de projectweek!"},
        )
        for n in range(count)
    )


def dispatch_all() -> float:
    mail.outbox = []
    started = time.perf_counter()
    while outbox.claim_due_messages():
        pass
    return time.perf_counter() - started


def send_directly(messages: list[Message]) -> float:
    mail.outbox = []
    started = time.perf_counter()
    for message in messages:
        channels.send_email(message, channels.render(message))
    return time.perf_counter() - started


def main() -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("migrate", verbosity=0)
    database = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(f"\nOutbox dispatch ({database}, tasks in-process, in-memory mail backend)\n")
    print(f"{'messages':>9} | {'outbox s':>9} | {'ms/msg':>7} | {'direct s':>9} | {'ms/msg':>7} | {'ratio':>5}")
    print(f"{'-' * 9}-+-{'-' * 9}-+-{'-' * 7}-+-{'-' * 9}-+-{'-' * 7}-+-{'-' * 5}")
    for size in SIZES:
        messages = seed(size)
        ours = dispatch_all()
        assert Message.objects.filter(status=MessageStatus.SENT).count() == size == len(mail.outbox)
        baseline = send_directly(messages)
        print(
            f"{size:>9,} | {ours:>9.2f} | {ours / size * 1000:>7.2f} | {baseline:>9.2f} | "
            f"{baseline / size * 1000:>7.2f} | {ours / baseline:>5.1f}"
        )


if __name__ == "__main__":
    main()
    matching_bench.main()
    scheduling_bench.main()
    documents_bench.main()
