"""`make scaled-smoke`: the README's "Scaling out" block, executed as written, on loopback.

The README is the source of truth. This script reads the first ``sh`` block under "### Scaling out" and:

- the one-time steps: ``apt-get install gettext`` → checks that ``msgfmt`` is there; ``createdb …`` → creates a
  database with a unique name in the loopback PostgreSQL (dropped at the end);
- the ``export`` line → the environment, with nothing else from the caller's JOBROAD_/DJANGO_/mail settings. A
  value the README leaves as ``...`` or points at another machine is replaced (see ``LOCAL_VALUES``); a variable this
  script has no local value for stops it, so an export added to the README is noticed here;
- every ``.venv/bin/python manage.py …`` line → run in order, and it must succeed;
- the ``gunicorn``, ``celery … worker`` and ``celery … beat`` lines → started as written, except the address
  (a free port), the process counts (2 web workers, a worker with concurrency 1) and beat's ``--schedule`` path (a
  temporary directory).

Any other line in the block stops the script: teach it the new step. It adds only what a loopback test needs and the
README leaves to the operator (``EXTRA``): the SMTP port without TLS, static and media directories in a temporary
directory, and a 5-second sweep so beat's sweep runs while it watches.

Then it creates an admin with a TOTP secret, logs in over HTTP as the TLS proxy would forward it
(``X-Forwarded-Proto: https``, ``Host`` from DJANGO_ALLOWED_HOSTS), invites a person from the organisation page,
and asserts that exactly one mail reaches the SMTP server (aiosmtpd on loopback), also after beat's sweep has run.
Everything is torn down — processes, Redis, the database — on success and failure alike.
"""

import base64
import hmac
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path
from urllib.parse import urlsplit

import requests
import scratch_database
from aiosmtpd.controller import Controller
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SWEEP_SECONDS = 5
ADMIN_EMAIL, ADMIN_PASSWORD = "smoke-admin@jobroad.example", secrets.token_urlsafe(16)
INVITEE = "new.coach@jobroad.example"


# --- The README --------------------------------------------------------------------------------------------------


def scaling_out_block(readme: str) -> list[str]:
    """The commands of the README's scaling-out block: continuation lines joined, comments and blanks dropped."""
    section = readme.split("### Scaling out", 1)[1]
    match = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    if not match:
        raise SystemExit('scaled-smoke: no ```sh block under "### Scaling out" in README.md')
    joined = match.group(1).replace("\\\n", " ")
    return [line.strip() for line in joined.splitlines() if line.strip() and not line.strip().startswith("#")]


def local_values(database_url: str, redis_url: str) -> dict[str, str]:
    """For each variable the README exports: the value to use on loopback (None: the README's own)."""
    return {
        "JOBROAD_PRODUCTION": None,
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "JOBROAD_FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "DJANGO_ALLOWED_HOSTS": None,
        "JOBROAD_SITE_URL": None,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_HOST_USER": "",  # aiosmtpd asks for no log-in
        "EMAIL_HOST_PASSWORD": "",
    }


def extra(workdir: Path, smtp_port: int) -> dict[str, str]:
    return {
        "EMAIL_PORT": str(smtp_port),
        "EMAIL_USE_TLS": "0",
        "DJANGO_STATIC_ROOT": str(workdir / "static"),
        "DJANGO_MEDIA_ROOT": str(workdir / "media"),
        "JOBROAD_SWEEP_INTERVAL": str(SWEEP_SECONDS),
    }


def exported(line: str, values: dict[str, str | None]) -> dict[str, str]:
    env = {}
    for assignment in shlex.split(line)[1:]:
        name, _, value = assignment.partition("=")
        if name not in values:
            raise SystemExit(
                f"scaled-smoke: the README exports {name}; give it a local value in scripts/scaled_smoke.py"
            )
        env[name] = value if values[name] is None else values[name]
        if env[name] == "...":
            raise SystemExit(f"scaled-smoke: {name} is a placeholder in the README and has no local value")
    return env


# --- Services ----------------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Mailbox:
    """aiosmtpd's handler: keeps every message it receives."""

    def __init__(self):
        self.messages, self.lock = [], threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content, policy=default_policy)))
        return "250 OK"


def wait_for(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise RuntimeError(f"timed out after {seconds:.0f} s waiting for {what}")


def listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
    except OSError:
        return False
    return True


class Processes:
    """The background processes, each in a session of its own so that stopping it reaches its children."""

    def __init__(self, workdir: Path):
        self.workdir, self.running = workdir, []

    def start(self, name: str, command: list[str], env: dict) -> Path:
        log = self.workdir / f"{name}.log"
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT, start_new_session=True
        )
        self.running.append((name, process))
        return log

    def stop_all(self) -> None:
        for _, process in self.running:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for _, process in self.running:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def check_alive(self) -> None:
        for name, process in self.running:
            if process.poll() is not None:
                raise RuntimeError(f"{name} exited with {process.returncode}; see {self.workdir / name}.log")


def adapted(words: list[str], port: int, schedule: Path) -> tuple[str, list[str]]:
    """A process line of the README, with loopback addresses, small process counts and a temporary schedule."""
    changes = {"--bind": f"127.0.0.1:{port}", "--workers": "2", "--concurrency": "1", "--schedule": str(schedule)}
    words = [changes.get(words[index - 1], word) if index else word for index, word in enumerate(words)]
    if words[0].endswith("gunicorn"):
        return "gunicorn", words
    if words[0].endswith("celery") and "worker" in words:
        return "worker", words
    if words[0].endswith("celery") and "beat" in words:
        return "beat", words
    raise SystemExit(f"scaled-smoke: unknown process in the README: {' '.join(words)}")


# --- The web UI --------------------------------------------------------------------------------------------------


class Browser:
    """Plain HTTP as the TLS proxy forwards it. Cookies are kept by hand: they are Secure, and requests would not
    send a Secure cookie over http://."""

    def __init__(self, port: int, host: str):
        self.base, self.host, self.cookies = f"http://127.0.0.1:{port}", host, {}

    def request(self, method: str, path: str, data: dict | None = None) -> requests.Response:
        headers = {
            "Host": self.host,
            "X-Forwarded-Proto": "https",
            "Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items()),
            "Accept-Language": "en",
        }
        if method == "POST":
            headers |= {"Origin": f"https://{self.host}", "Referer": f"https://{self.host}{path}"}
            data = {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **(data or {})}
        response = requests.request(
            method, self.base + path, data=data, headers=headers, allow_redirects=False, timeout=30
        )
        self.cookies |= {cookie.name: cookie.value for cookie in response.cookies}
        return response

    def get_page(self, path: str) -> str:
        response = self.request("GET", path)
        if response.status_code != 200:
            raise RuntimeError(f"GET {path}: {response.status_code} {response.headers.get('Location', '')}")
        return response.text

    def post(self, path: str, data: dict, form_page: str | None = None) -> str:
        self.get_page(form_page or path)  # the form's page sets the CSRF cookie
        response = self.request("POST", path, data)
        if response.status_code != 302:
            raise RuntimeError(f"POST {path}: {response.status_code}\n{response.text[:2000]}")
        return urlsplit(response.headers["Location"]).path


def totp_code(secret: str) -> str:
    """The current code of an RFC 6238 authenticator (30 s, 6 digits, SHA-1), as allauth checks it."""
    if (left := 30 - time.time() % 30) < 3:  # a code read at the end of its 30 seconds is stale when it arrives
        time.sleep(left + 0.1)
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    digest = hmac.digest(key, struct.pack(">Q", int(time.time()) // 30), "sha1")
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


CREATE_ADMIN = """
import django; django.setup()
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from jobroad.models import Membership, Organisation, OrganisationKind, Role, User
jobroad = Organisation.objects.create(name="JobRoad", kind=OrganisationKind.JOBROAD)
admin = User.objects.create_user(email={email!r}, password={password!r}, is_staff=True, is_superuser=True)
Membership.objects.create(user=admin, organisation=jobroad, role=Role.ADMIN)
secret = generate_totp_secret()
TOTP.activate(admin, secret)
print(f"{{jobroad.pk}} {{secret}}")
"""


def invite_from_the_web_ui(port: int, host: str, organisation: int, secret: str) -> None:
    browser = Browser(port, host)
    after_password = browser.post("/accounts/login/", {"login": ADMIN_EMAIL, "password": ADMIN_PASSWORD})
    assert after_password == "/accounts/2fa/authenticate/", after_password
    browser.post(after_password, {"code": totp_code(secret)})
    landed = browser.post(
        f"/organisations/{organisation}/invite/",
        {"full_name": "Nieuwe Coach", "email": INVITEE, "role": "job_coach", "language": "en"},
        form_page=f"/organisations/{organisation}/",
    )
    assert landed == f"/organisations/{organisation}/", landed


# --- The run -----------------------------------------------------------------------------------------------------


def run(workdir: Path, processes: Processes, database: str, mailbox: Mailbox, smtp_port: int) -> None:
    redis_port = free_port()
    processes.start(
        "redis",
        ["redis-server", "--bind", "127.0.0.1", "--port", str(redis_port), "--save", "", "--appendonly", "no",
         "--dir", str(workdir)],
        os.environ.copy(),
    )  # fmt: skip
    wait_for(lambda: listening(redis_port), 10, "Redis")
    values = local_values(scratch_database.url(database), f"redis://127.0.0.1:{redis_port}/0")
    base = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("JOBROAD_", "DJANGO_", "EMAIL_", "CELERY_")) and key not in ("DATABASE_URL", "REDIS_URL")
    }
    env, web_port, started = None, free_port(), set()
    for line in scaling_out_block(README.read_text()):
        words = shlex.split(line)
        if words[:3] == ["sudo", "apt-get", "install"]:
            missing = [package for package in words[3:] if package == "gettext" and not shutil.which("msgfmt")]
            if missing:
                raise SystemExit("scaled-smoke: gettext is not installed (msgfmt missing)")
        elif words[0] == "createdb":
            scratch_database.run_sql("postgres", f"CREATE DATABASE {database}")
            print(f"scaled-smoke: created database {database}", flush=True)
        elif words[0] == "export":
            env = base | exported(line, values) | extra(workdir, smtp_port)
        elif words[:3] == [".venv/bin/python", "manage.py", words[2]] and env is not None:
            print(f"scaled-smoke: {line}", flush=True)
            subprocess.run(words, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        elif words[0].startswith(".venv/bin/") and env is not None:
            name, command = adapted(words, web_port, workdir / "celerybeat-schedule")
            print(f"scaled-smoke: {shlex.join(command)}", flush=True)
            processes.start(name, command, env)
            started.add(name)
        else:
            raise SystemExit(f"scaled-smoke: a step of the README it does not know: {line}")
    if started != {"gunicorn", "worker", "beat"}:
        raise SystemExit(f"scaled-smoke: the README starts {sorted(started)}, not gunicorn, a worker and beat")

    host = env["DJANGO_ALLOWED_HOSTS"].split(",")[0]
    organisation, secret = subprocess.run(
        [sys.executable, "-c", CREATE_ADMIN.format(email=ADMIN_EMAIL, password=ADMIN_PASSWORD)],
        cwd=ROOT, env=env | {"DJANGO_SETTINGS_MODULE": "jobroad.settings"}, check=True, capture_output=True, text=True,
    ).stdout.split()  # fmt: skip
    wait_for(lambda: listening(web_port) or processes.check_alive(), 30, "gunicorn")
    worker_log, beat_log = workdir / "worker.log", workdir / "beat.log"
    wait_for(lambda: "ready." in worker_log.read_text() or processes.check_alive(), 60, "the Celery worker")

    invite_from_the_web_ui(web_port, host, int(organisation), secret)
    wait_for(lambda: len(mailbox.messages) >= 1 or processes.check_alive(), 60, "the invitation mail")
    sweeps_before = beat_log.read_text().count("periodic-sweep")
    wait_for(lambda: beat_log.read_text().count("periodic-sweep") > sweeps_before, 3 * SWEEP_SECONDS + 10, "a sweep")
    time.sleep(SWEEP_SECONDS)  # the worker runs that sweep: nothing may be sent twice by it
    processes.check_alive()

    recipients = [rcpt_tos for rcpt_tos, _ in mailbox.messages]
    assert recipients == [[INVITEE]], f"expected exactly one mail to {INVITEE}, got {recipients}"
    [(_, mail)] = mailbox.messages
    assert f"https://{host}/invitations/" in mail.get_body(("plain",)).get_content(), "no invitation link in the mail"


def main() -> int:
    started_at = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="jobroad-scaled-smoke-"))
    database = f"jobroad_smoke_{os.getpid()}_{secrets.token_hex(4)}"
    mailbox, smtp_port = Mailbox(), free_port()
    smtp = Controller(mailbox, hostname="127.0.0.1", port=smtp_port)
    smtp.start()
    processes = Processes(workdir)
    try:
        run(workdir, processes, database, mailbox, smtp_port)
    except (AssertionError, RuntimeError, subprocess.CalledProcessError) as failure:
        print(f"scaled-smoke: FAILED: {failure}", file=sys.stderr)
        for log in sorted(workdir.glob("*.log")):
            print(f"--- {log.name} (last lines)\n" + "\n".join(log.read_text().splitlines()[-25:]), file=sys.stderr)
        return 1
    finally:
        processes.stop_all()
        smtp.stop()
        scratch_database.run_sql("postgres", f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"scaled-smoke: one invitation, one mail; passed in {time.monotonic() - started_at:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
