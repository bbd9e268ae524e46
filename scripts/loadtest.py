"""`make loadtest`: the platform under load on loopback, bounded in users and time.

gunicorn + PostgreSQL + Redis with the national-scale data set (``manage.py seed_scale``) in its own database
(jobroad_load), then locust headless: first the floor — a minimal Django view (/healthz) on the same gunicorn —
then a mix of coordinator, HR and intermediary journeys and the Django admin's candidate changelist as a peer, each
at LOADTEST_USERS concurrent users for LOADTEST_SECONDS, each user waiting LOADTEST_THINK_SECONDS (from,to) between
clicks. Every user has a session opened beforehand (the log-in form is rate limited per address). Prints
p50/p95/p99 and errors per page against the floor and writes bench/loadtest.json. Exit status 1 if any request
failed. ``--keep-data`` reuses the seeded database of an earlier run; ``--seed-only`` stops after seeding.
"""

import csv
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import scratch_database

ROOT = Path(__file__).resolve().parents[1]
DATABASE = "jobroad_load"
PORT = 8765
USERS = int(os.environ.get("LOADTEST_USERS", "50"))
SECONDS = int(os.environ.get("LOADTEST_SECONDS", "120"))
THINK_SECONDS = os.environ.get("LOADTEST_THINK_SECONDS", "3,7")  # between clicks, per user (scripts/locustfile.py)
WORKERS = int(os.environ.get("LOADTEST_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
WARM_UP_SECONDS = 20
TARGET_RATIO = 3.0  # every main page's p95 within 3 times the floor's

ENV = {
    **os.environ,
    "DATABASE_URL": scratch_database.url(DATABASE),
    "REDIS_URL": "redis://127.0.0.1:6379/14",
    "DJANGO_DEBUG": "0",
    "DJANGO_SETTINGS_MODULE": "jobroad.settings",
    "JOBROAD_DEMO_SKIP_MFA": "1",  # coordinators log in with a password only, as in the demo
}

# Who logs in, and which of their objects they open: read from the scale data after seeding.
# Who is logged in, and which of their objects they open: read from the scale data after seeding. Each locust user
# gets a session of its own, opened here: logging 50 users in through the form from one address would trip the
# log-in rate limit (allauth's, per IP), which guards the platform as it should.
TARGETS = """
import itertools, json, sys, django
django.setup()
from django.test import Client
from jobroad.models import Membership, User
from campaigns.permissions import visible_campaigns
from candidates.permissions import visible_candidates
from companies.permissions import visible_companies
users = int(sys.argv[1])
admin, created = User.objects.get_or_create(email="scale-admin@jobroad.example", defaults={"is_staff": True,
    "is_superuser": True})
def people(role, count):
    return [m.user for m in Membership.objects.filter(role=role, user__email__startswith="scale-")
            .select_related("user").order_by("pk")[:count]]
def logged_in(people, details):
    targets = []
    for user in itertools.islice(itertools.cycle(people), users):
        client = Client()
        client.force_login(user)
        targets.append({"session": client.cookies["sessionid"].value, **details(user)})
    return targets
hr_with_interviews = Membership.objects.filter(role="company_hr",
    organisation__company__participations__interviews__isnull=False).values_list("user", flat=True).distinct()[:20]
print(json.dumps({
    "admin": logged_in([admin], lambda user: {}),
    "coordinator": logged_in(people("coordinator", 10), lambda user: {
        "campaigns": list(visible_campaigns(user).values_list("pk", flat=True)[:20]),
        "candidates": list(visible_candidates(user).values_list("pk", flat=True)[:200])}),
    "company_hr": logged_in(list(User.objects.filter(pk__in=list(hr_with_interviews))), lambda user: {
        "company": visible_companies(user).values_list("pk", flat=True).first()}),
    "intermediary": logged_in(people("intermediary", 20), lambda user: {
        "candidates": list(visible_candidates(user).values_list("pk", flat=True)[:200])}),
}))
"""


def run(*command: str) -> None:
    subprocess.run(command, cwd=ROOT, env=ENV, check=True)


def wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"gunicorn did not answer {url} within {seconds} s")


def locust(user_classes: list[str], prefix: Path, targets: Path, seconds: int = SECONDS) -> list[dict]:
    subprocess.run(
        [sys.executable, "-m", "locust", "-f", str(ROOT / "scripts" / "locustfile.py"), *user_classes,
         "--headless", "--users", str(USERS), "--spawn-rate", str(max(1, USERS // 5)), "--run-time", f"{seconds}s",
         "--host", f"http://127.0.0.1:{PORT}", "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING"],
        cwd=ROOT, env=ENV | {"LOADTEST_TARGETS": str(targets), "LOADTEST_THINK_SECONDS": THINK_SECONDS}, check=False,
    )  # fmt: skip
    with open(f"{prefix}_stats.csv", newline="") as stats:
        return [
            {"page": row["Name"], "users": USERS, "think_seconds": THINK_SECONDS, "requests": int(row["Request Count"]),
             "errors": int(row["Failure Count"]), "p50_ms": float(row["50%"]), "p95_ms": float(row["95%"]),
             "p99_ms": float(row["99%"])}
            for row in csv.DictReader(stats) if row["Name"] != "Aggregated"
        ]  # fmt: skip


def main() -> int:
    if "--keep-data" in sys.argv and scratch_database.exists(DATABASE):
        print(f"=== reusing the national-scale data set in {DATABASE} (--keep-data)", flush=True)
        run(sys.executable, "manage.py", "migrate", "--noinput", "-v0")
    else:
        scratch_database.recreate(DATABASE)
        print(f"=== migrate and seed the national-scale data set into {DATABASE}", flush=True)
        run(sys.executable, "manage.py", "migrate", "--noinput", "-v0")
        run(sys.executable, "manage.py", "createcachetable")
        run(sys.executable, "manage.py", "seed_scale")
        scratch_database.run_sql(DATABASE, "VACUUM ANALYZE")  # the planner's statistics, as after any bulk load
    if "--seed-only" in sys.argv:
        return 0
    workdir = Path(tempfile.mkdtemp(prefix="jobroad-load-"))
    targets = workdir / "targets.json"
    targets.write_text(
        subprocess.run(
            [sys.executable, "-c", TARGETS, str(USERS)],
            cwd=ROOT,
            env=ENV,
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        ).stdout
    )
    print(
        f"=== gunicorn ({WORKERS} workers) on 127.0.0.1:{PORT}; {USERS} users, {THINK_SECONDS} s between clicks,"
        f" {SECONDS} s per run",
        flush=True,
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "jobroad.wsgi", "--workers", str(WORKERS), "--bind", f"127.0.0.1:{PORT}",
         "--log-level", "warning"],
        cwd=ROOT, env=ENV, start_new_session=True,
    )  # fmt: skip
    try:
        wait_until_up(f"http://127.0.0.1:{PORT}/healthz")
        people = ["Coordinator", "CompanyHr", "Intermediary", "Admin"]
        locust(people, workdir / "warm-up", targets, seconds=WARM_UP_SECONDS)  # not counted: each worker's first
        floor = locust(["Floor"], workdir / "floor", targets)[0]  # requests load templates and translations
        pages = locust(people, workdir / "pages", targets)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    records = [
        record | {"floor_p50_ms": floor["p50_ms"], "floor_p95_ms": floor["p95_ms"], "floor_p99_ms": floor["p99_ms"]}
        for record in [floor, *sorted(pages, key=lambda record: record["page"])]
    ]
    (ROOT / "bench" / "loadtest.json").write_text(json.dumps(records, indent=2) + "\n")
    print_table(records, floor)
    return 1 if any(record["errors"] for record in records) else 0


def print_table(records: list[dict], floor: dict) -> None:
    print(f"\n{'page':<34} {'users':>5} {'requests':>8} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}"
          f" {'p95/floor':>9}")  # fmt: skip
    for record in records:
        ratio = record["p95_ms"] / floor["p95_ms"] if floor["p95_ms"] else 0
        verdict = "" if record["page"] == floor["page"] else (
            " ok" if ratio <= TARGET_RATIO else " over 3×"
        )  # fmt: skip
        print(
            f"{record['page']:<34} {record['users']:>5} {record['requests']:>8} {record['errors']:>6}"
            f" {record['p50_ms']:>7.0f} {record['p95_ms']:>7.0f} {record['p99_ms']:>7.0f} {ratio:>8.1f}×{verdict}"
        )
    print(
        f"\nThe floor is /healthz, a minimal Django view on the same gunicorn, at the same concurrency"
        f" ({USERS} users, {THINK_SECONDS} s between clicks)."
    )


if __name__ == "__main__":
    sys.exit(main())
