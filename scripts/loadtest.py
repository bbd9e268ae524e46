"""`make loadtest`: the platform under load on loopback, bounded in users and time (about 6 minutes).

gunicorn + PostgreSQL + Redis with the national-scale data set (``manage.py seed_scale``) in its own database
(jobroad_load), then locust headless, in two stages:

1. **Pages.** Coordinators, HR and intermediaries go through their usual pages, with the Django admin's candidate
   changelist as a peer, at LOADTEST_USERS concurrent users for LOADTEST_SECONDS, each user waiting
   LOADTEST_THINK_SECONDS (from,to) between clicks. Every person also opens the logged-in floor (/floor/: the
   session, the user, their roles and the base layout, nothing else) in the same run, so each page's p95 reads as a
   ratio to the floor's under the same load. A page is flagged when its p95 is over 3 times the floor's, or over the
   admin changelist's.
2. **Stress.** The same mix at the same pace, at each number of users in LOADTEST_STRESS_USERS in turn, for
   LOADTEST_STRESS_SECONDS each, until the p95 of all requests passes 500 ms: users, requests per second, p50/p95
   and the machine's CPU at each step, and the last step under 500 ms.

Every user has a session opened beforehand (the log-in form is rate limited per address). Prints the tables and
writes bench/loadtest.json. Exit status 1 if any request failed. ``--keep-data`` reuses the seeded database of an
earlier run; ``--seed-only`` stops after seeding.
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

import psutil  # comes with locust (requirements-load.txt)
import scratch_database

ROOT = Path(__file__).resolve().parents[1]
DATABASE = "jobroad_load"
PORT = 8765
USERS = int(os.environ.get("LOADTEST_USERS", "50"))
SECONDS = int(os.environ.get("LOADTEST_SECONDS", "120"))
THINK_SECONDS = os.environ.get("LOADTEST_THINK_SECONDS", "3,7")  # between clicks, per user (scripts/locustfile.py)
WORKERS = int(os.environ.get("LOADTEST_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
STRESS_USERS = [int(users) for users in os.environ.get("LOADTEST_STRESS_USERS", "25,50,100,150,200,300,400").split(",")]
STRESS_SECONDS = int(os.environ.get("LOADTEST_STRESS_SECONDS", "25"))
STRESS_LIMIT_MS = 500  # the stress stage stops at the first step whose p95 passes this
WARM_UP_SECONDS = 20
TARGET_RATIO = 3.0  # every page's p95 within 3 times the logged-in floor's
FLOOR = "floor (/floor/)"  # the request names in scripts/locustfile.py
PEER = "admin candidate changelist"
PEOPLE = ["Coordinator", "CompanyHr", "Intermediary", "Admin"]

ENV = {
    **os.environ,
    "DATABASE_URL": scratch_database.url(DATABASE),
    "REDIS_URL": "redis://127.0.0.1:6379/14",
    "DJANGO_DEBUG": "0",
    "DJANGO_SETTINGS_MODULE": "jobroad.settings",
    "JOBROAD_DEMO_SKIP_MFA": "1",  # coordinators log in with a password only, as in the demo
}

# Who is logged in, and which of their objects they open: read from the scale data after seeding. Each locust user
# gets a session of its own, opened here: logging hundreds of users in through the form from one address would trip
# the log-in rate limit (allauth's, per IP), which guards the platform as it should. Each person logs in once; their
# other sessions are copies of that session under new keys (a few hundred log-ins would take longer than a step).
TARGETS = """
import itertools, json, sys, django
django.setup()
from importlib import import_module
from django.conf import settings
from django.test import Client
from jobroad.models import Membership, User
from campaigns.permissions import visible_campaigns
from candidates.permissions import visible_candidates
from companies.permissions import visible_companies
SessionStore = import_module(settings.SESSION_ENGINE).SessionStore
users = int(sys.argv[1])
admin, created = User.objects.get_or_create(email="scale-admin@jobroad.example", defaults={"is_staff": True,
    "is_superuser": True})
def people(role, count):
    return [m.user for m in Membership.objects.filter(role=role, user__email__startswith="scale-")
            .select_related("user").order_by("pk")[:count]]
def logged_in(people, details):
    first = {}
    for user in people:
        client = Client()
        client.force_login(user)
        first[user.pk] = (SessionStore(client.cookies["sessionid"].value).load(), details(user))
    targets = []
    for user in itertools.islice(itertools.cycle(people), users):
        data, own = first[user.pk]
        session = SessionStore()
        session.update(data)
        session.create()
        targets.append({"session": session.session_key, **own})
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


def locust(prefix: Path, targets: Path, users: int, seconds: int) -> dict[str, dict]:
    """One headless locust run of PEOPLE; its figures by request name, all requests together under "Aggregated".
    Counted from the moment every user has started (--reset-stats), so a ramp does not flatter the figures."""
    log_file = Path(f"{prefix}.log")  # locust's own summary tables, and its warnings
    with open(log_file, "w") as log:
        subprocess.run(
            [sys.executable, "-m", "locust", "-f", str(ROOT / "scripts" / "locustfile.py"), *PEOPLE, "--headless",
             "--users", str(users), "--spawn-rate", str(min(100, max(1, users // 3))), "--run-time", f"{seconds}s",
             "--reset-stats", "--host", f"http://127.0.0.1:{PORT}", "--csv", str(prefix), "--only-summary",
             "--loglevel", "WARNING"],
            cwd=ROOT, env=ENV | {"LOADTEST_TARGETS": str(targets), "LOADTEST_THINK_SECONDS": THINK_SECONDS},
            stdout=log, stderr=subprocess.STDOUT, check=False,
        )  # fmt: skip
    for line in log_file.read_text().splitlines():
        if "WARNING" in line or "ERROR" in line:  # "CPU usage above 90%": locust itself was short of CPU
            print(f"  locust: {line.strip()}", flush=True)
    with open(f"{prefix}_stats.csv", newline="") as stats:
        return {row["Name"]: figures(row) for row in csv.DictReader(stats) if int(row["Request Count"])}


def figures(row: dict) -> dict:
    return {
        "page": row["Name"],
        "requests": int(row["Request Count"]),
        "errors": int(row["Failure Count"]),
        "requests_per_second": round(float(row["Requests/s"]), 1),
        **{f"p{percent}_ms": float(row[f"{percent}%"]) for percent in (50, 95, 99)},
    }


def pages_stage(workdir: Path, targets: Path) -> dict:
    """Every page at USERS users, as a ratio to the floor measured in the same run, and against the admin's peer."""
    locust(workdir / "warm-up", targets, USERS, WARM_UP_SECONDS)  # not counted: each worker's first requests
    rows = locust(workdir / "pages", targets, USERS, SECONDS)  # load templates and translations
    floor, peer = rows[FLOOR], rows[PEER]
    pages = []
    for name in sorted(rows.keys() - {FLOOR, "Aggregated"}):
        row = rows[name]
        ratio = round(row["p95_ms"] / floor["p95_ms"], 1) if floor["p95_ms"] else None
        over = [] if ratio is None or ratio <= TARGET_RATIO else [f"over {TARGET_RATIO:g}× the floor"]
        if name != PEER and row["p95_ms"] > peer["p95_ms"]:
            over.append("slower than the admin changelist")
        pages.append(row | {"p95_to_floor": ratio, "misses": over})
    return {"users": USERS, "seconds": SECONDS, "floor": floor, "peer": PEER, "pages": pages}


def stress_stage(workdir: Path, targets: Path) -> dict:
    """The same mix at more and more users until the p95 of all requests passes STRESS_LIMIT_MS."""
    print(f"\n=== stress: {STRESS_SECONDS} s per step, until p95 passes {STRESS_LIMIT_MS} ms", flush=True)
    steps = []
    for users in STRESS_USERS:
        psutil.cpu_percent()  # the machine's CPU, locust and PostgreSQL included, from here to the step's end
        total = locust(workdir / f"stress-{users}", targets, users, STRESS_SECONDS)["Aggregated"]
        step = {"users": users, **{key: total[key] for key in
                ("requests", "errors", "requests_per_second", "p50_ms", "p95_ms", "p99_ms")},
                "cpu_percent": psutil.cpu_percent()}  # fmt: skip
        steps.append(step)
        print(
            f"{users:>5} users {step['requests_per_second']:>6.1f} req/s  p50 {step['p50_ms']:>5.0f} ms"
            f"  p95 {step['p95_ms']:>5.0f} ms  errors {step['errors']}  CPU {step['cpu_percent']:.0f} %",
            flush=True,
        )
        if step["p95_ms"] > STRESS_LIMIT_MS:
            break
    under = [step for step in steps if step["p95_ms"] <= STRESS_LIMIT_MS]
    return {
        "seconds_per_step": STRESS_SECONDS,
        "limit_p95_ms": STRESS_LIMIT_MS,
        "steps": steps,
        "last_under_limit": under[-1] if under else None,
        "passed_limit": steps[-1]["p95_ms"] > STRESS_LIMIT_MS,
    }


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
    sessions = max(USERS, *STRESS_USERS)
    targets.write_text(
        subprocess.run(
            [sys.executable, "-c", TARGETS, str(sessions)], cwd=ROOT, env=ENV, check=True, stdout=subprocess.PIPE,
            text=True,
        ).stdout
    )  # fmt: skip
    print(
        f"=== gunicorn ({WORKERS} workers) on 127.0.0.1:{PORT}, {os.cpu_count()} CPUs; {USERS} users,"
        f" {THINK_SECONDS} s between clicks, {SECONDS} s; locust's files in {workdir}",
        flush=True,
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "jobroad.wsgi", "--workers", str(WORKERS), "--bind", f"127.0.0.1:{PORT}",
         "--log-level", "warning"],
        cwd=ROOT, env=ENV, start_new_session=True,
    )  # fmt: skip
    try:
        wait_until_up(f"http://127.0.0.1:{PORT}/healthz")
        pages = pages_stage(workdir, targets)
        print_pages(pages)
        stress = stress_stage(workdir, targets)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    result = {"cpus": os.cpu_count(), "gunicorn_workers": WORKERS, "think_seconds": THINK_SECONDS, **pages,
              "stress": stress}  # fmt: skip
    (ROOT / "bench" / "loadtest.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print_stress(stress)
    errors = pages["floor"]["errors"] + sum(page["errors"] for page in pages["pages"])
    return 1 if errors or any(step["errors"] for step in stress["steps"]) else 0


def print_pages(pages: dict) -> None:
    floor = pages["floor"]
    print(f"\n{'page':<34} {'requests':>8} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'p95/floor':>9}")
    for row in [floor | {"p95_to_floor": 1.0, "misses": []}, *pages["pages"]]:
        print(
            f"{row['page']:<34} {row['requests']:>8} {row['errors']:>6} {row['p50_ms']:>7.0f} {row['p95_ms']:>7.0f}"
            f" {row['p99_ms']:>7.0f} {row['p95_to_floor'] or 0:>8.1f}×  {'; '.join(row['misses'])}"
        )
    print(
        f"\nThe floor is /floor/: the session, the user, their roles and the base layout, opened by every person in"
        f" the same run ({pages['users']} users, {THINK_SECONDS} s between clicks, {pages['seconds']} s).",
        flush=True,
    )


def print_stress(stress: dict) -> None:
    last = stress["last_under_limit"]
    if not stress["passed_limit"]:
        print(f"\np95 stayed under {STRESS_LIMIT_MS} ms up to {stress['steps'][-1]['users']} users: add steps.")
    elif last:
        print(
            f"\nLast step under p95 {STRESS_LIMIT_MS} ms: {last['users']} users, {last['requests_per_second']} req/s,"
            f" p95 {last['p95_ms']:.0f} ms ({os.cpu_count()} CPUs, locust on the same machine)."
        )
    else:
        print(f"\nEven the first step passed p95 {STRESS_LIMIT_MS} ms.")


if __name__ == "__main__":
    sys.exit(main())
