"""The embedded mode once someone else can reach it: its own secrets, no debug pages, loopback only, the security
headers on every answer, and no names (query strings) in the request logs."""

import ast
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError
from django.urls import path

from jobroad.management.commands import serve
from tests.access_matrix import SECURITY_HEADERS, security_headers
from tests.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
PUBLIC_FALLBACK_KEY = "embedded-mode-only-not-secret-" + "x" * 40
PUBLIC_FIELD_KEY = "ZW1iZWRkZWQtbW9kZS1vbmx5LW5vdC1zZWNyZXQtISE="
NAME = "Ghassan Alloush"


def embedded_env(directory: Path, **extra: str) -> dict[str, str]:
    """The environment of a fresh embedded installation whose SQLite database lives in ``directory``."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_URL", "REDIS_URL", "JOBROAD_", "DJANGO_"))
    }
    return env | {"DATABASE_URL": f"sqlite:///{directory / 'db.sqlite3'}", **extra}


PRINT_SETTING = (
    "import sys, django; django.setup(); from django.conf import settings; print(getattr(settings, sys.argv[1]))"
)


def setting_in(directory: Path, name: str, **extra: str) -> subprocess.Popen:
    """A process that prints one setting as an installation in ``directory`` has it (start it, read it later)."""
    return subprocess.Popen(
        [sys.executable, "-c", PRINT_SETTING, name],
        cwd=ROOT,
        env=embedded_env(directory, DJANGO_SETTINGS_MODULE="jobroad.settings", **extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def output_of(process: subprocess.Popen) -> str:
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr
    return stdout.strip()


def test_each_installation_gets_its_own_secret_key(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"

    keys = [output_of(setting_in(directory, "SECRET_KEY")) for directory in (first, second, first)]

    assert keys[0] != keys[1]
    assert keys[0] == keys[2]
    assert PUBLIC_FALLBACK_KEY not in keys
    assert len(keys[0]) >= 50
    assert (first / ".secret_key").read_text().strip() == keys[0]
    assert (first / ".secret_key").stat().st_mode & 0o777 == 0o600


def test_two_processes_starting_at_once_share_one_secret_key(tmp_path):
    processes = [setting_in(tmp_path, "SECRET_KEY") for _ in range(6)]

    keys = {output_of(process) for process in processes}

    assert keys == {(tmp_path / ".secret_key").read_text().strip()}
    assert sorted(file.name for file in tmp_path.iterdir()) == [".field_encryption_key", ".secret_key"]


def test_each_installation_encrypts_notes_with_its_own_key(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"

    keys = [output_of(setting_in(directory, "FIELD_ENCRYPTION_KEYS")) for directory in (first, second)]

    newest = [ast.literal_eval(listed)[0] for listed in keys]
    assert newest[0] != newest[1]
    assert PUBLIC_FIELD_KEY not in newest
    assert (first / ".field_encryption_key").stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(("asked", "expected"), [({}, "False"), ({"DJANGO_DEBUG": "1"}, "True")])
def test_debug_is_off_unless_asked_for(tmp_path, asked, expected):
    assert output_of(setting_in(tmp_path, "DEBUG", **asked)) == expected


TWO_WRITERS = """
import threading, time, django
django.setup()
from django.db import connection, transaction

with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE visit (who TEXT)")
    cursor.execute("PRAGMA journal_mode")
    print(cursor.fetchone()[0])
connection.close()
failures = []


def visit(who, pause_before, pause_inside):
    # Read, then write: what a request does. The first one is still inside when the second one begins.
    time.sleep(pause_before)
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM visit")
            time.sleep(pause_inside)
            cursor.execute("INSERT INTO visit VALUES (%s)", [who])
    except Exception as error:
        failures.append(str(error))
    finally:
        connection.close()


threads = [
    threading.Thread(target=visit, args=("first", 0, 0.6)),
    threading.Thread(target=visit, args=("second", 0.2, 0)),
]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
with connection.cursor() as cursor:
    cursor.execute("SELECT who FROM visit ORDER BY who")
    print([row[0] for row in cursor.fetchall()], failures)
"""


def test_two_writers_at_once_wait_for_each_other_instead_of_failing(tmp_path):
    """Under concurrent use SQLite said "database is locked" (and DEBUG made that a 171 kB page)."""
    result = subprocess.run(
        [sys.executable, "-c", TWO_WRITERS],
        cwd=ROOT,
        env=embedded_env(tmp_path, DJANGO_SETTINGS_MODULE="jobroad.settings"),
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["wal", "['first', 'second'] []"]


@pytest.fixture
def runserver_calls(monkeypatch):
    """What `manage.py serve` hands to runserver, without starting it (nor the sweep)."""
    calls = []
    monkeypatch.setattr(serve, "sweep_forever", lambda interval: None)
    monkeypatch.setattr(serve, "call_command", lambda *args, **kwargs: calls.append((args, kwargs)))
    return calls


@pytest.mark.parametrize("addrport", ["0.0.0.0:8000", "0:8000", "[::]:8000", "192.0.2.7:8000"])
def test_the_embedded_server_refuses_a_public_address(runserver_calls, addrport):
    with pytest.raises(CommandError) as refusal:
        call_command("serve", addrport)

    assert "--allow-remote" in str(refusal.value)
    assert "127.0.0.1" in str(refusal.value)
    assert runserver_calls == []


def test_the_embedded_server_serves_a_public_address_when_told(runserver_calls, capsys):
    call_command("serve", "0.0.0.0:8000", "--allow-remote")

    assert runserver_calls == [(("runserver", "0.0.0.0:8000"), {"use_reloader": False, "use_static_handler": False})]
    assert "--allow-remote" in capsys.readouterr().err


@pytest.mark.parametrize("addrport", ["127.0.0.1:8000", "localhost:8000", "[::1]:8000", "8000", "127.0.0.2:8000"])
def test_the_embedded_server_serves_loopback_addresses(runserver_calls, addrport):
    call_command("serve", addrport)

    assert [args for args, kwargs in runserver_calls] == [("runserver", addrport)]


class Served:
    def __init__(self, url: str, log: Path):
        self.url = url
        self.log = log

    def get(self, path: str, **headers: str):
        """(status, headers, body) of a GET, without following redirects."""

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        request = urllib.request.Request(self.url + path, headers={"Accept-Language": "en", **headers})
        try:
            with urllib.request.build_opener(NoRedirect).open(request, timeout=10) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()


def wait_until_up(url: str, process: subprocess.Popen, seconds: int = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server stopped"
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up")


@contextmanager
def serving(directory: Path, **env: str):
    """`manage.py serve` as `make run` starts it, on an empty database: static files, a missing page and the redirect
    to log in need none (the sweep's first round fails on it, which these tests do not mind)."""
    log = directory / "server.log"
    port = free_port()
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "serve", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=embedded_env(directory, JOBROAD_SWEEP_INTERVAL="3600", **env),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz", process)
        yield Served(f"http://127.0.0.1:{port}", log)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    with serving(tmp_path_factory.mktemp("embedded")) as server:
        yield server


@pytest.fixture(scope="module")
def served_in_debug(tmp_path_factory):
    """What DJANGO_DEBUG=1 asks for."""
    with serving(tmp_path_factory.mktemp("embedded-debug"), DJANGO_DEBUG="1") as server:
        yield server


@pytest.mark.parametrize("server", ["served", "served_in_debug"])
def test_a_static_file_carries_the_security_headers(request, server):
    status, headers, body = request.getfixturevalue(server).get("/static/css/jobroad.css")

    assert (status, headers["Content-Type"].split(";")[0]) == (200, "text/css")
    assert "no inline styles" in body
    assert security_headers(headers) == SECURITY_HEADERS


def test_a_missing_page_is_plain_and_carries_the_security_headers(served):
    status, headers, body = served.get("/no-such-page/")

    assert status == 404
    assert "<h1>Page not found</h1>" in body
    assert "URLconf" not in body
    assert "admin/" not in body
    assert security_headers(headers) == SECURITY_HEADERS


def test_access_log_has_no_query_string(served):
    status, _, _ = served.get(f"/candidates/?q={NAME.replace(' ', '+')}")
    time.sleep(0.5)  # the server writes its log line after answering

    log = served.log.read_text()
    assert status == 302
    assert '"GET /candidates/ HTTP/1.1" 302' in log
    assert "Ghassan" not in log


TOKEN = "Zq3sEcReT-InViTaTiOn-ToKeN"


def test_access_log_keeps_no_one_time_token(served):
    status, _, _ = served.get(f"/aftercare/answer/{TOKEN}/")  # one that needs no database: the server's has none
    time.sleep(0.5)

    log = served.log.read_text()
    assert status == 410
    assert '"GET /aftercare/answer/…/ HTTP/1.1" 410' in log
    assert TOKEN not in log


@pytest.mark.parametrize(
    ("name", "kwargs"), [("invitation_accept", {"token": TOKEN}), ("check_in_link", {"token": TOKEN})]
)
def test_the_log_filter_knows_the_path_of_every_one_time_link(name, kwargs):
    from django.urls import reverse

    from jobroad.log_filters import redact

    assert TOKEN not in redact(f"GET {reverse(name, kwargs=kwargs)}?next=x HTTP/1.1")


def failing_view(request):
    raise OperationalError("database is locked")


urlpatterns = [path("fails/", failing_view)]


def test_a_server_error_is_a_plain_translated_page(client, settings):
    settings.DEBUG = False
    settings.ROOT_URLCONF = __name__
    client.raise_request_exception = False

    english = client.get("/fails/", headers={"accept-language": "en"})
    french = client.get("/fails/", headers={"accept-language": "fr"})

    assert english.status_code == 500
    assert "<h1>Something went wrong</h1>" in english.content.decode()
    assert "database is locked" not in english.content.decode()
    assert '<html lang="fr">' in french.content.decode()
    assert security_headers(english) == SECURITY_HEADERS


@pytest.fixture
def gunicorn(tmp_path):
    """gunicorn as the README starts it in production, from the project directory, where it reads gunicorn.conf.py
    (its access log on), on an empty database."""
    log = tmp_path / "access.log"
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "jobroad.wsgi:application",
         "--bind", f"127.0.0.1:{port}", "--workers", "1", "--access-logfile", str(log)],
        cwd=ROOT, env=embedded_env(tmp_path), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz", process)
        yield Served(f"http://127.0.0.1:{port}", log)
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_gunicorn_access_log_has_no_query_string(gunicorn):
    query = f"?q={NAME.replace(' ', '+')}"
    status, _, _ = gunicorn.get(f"/candidates/{query}", Referer=f"{gunicorn.url}/candidates/{query}")
    time.sleep(0.5)

    log = gunicorn.log.read_text()
    assert status == 302
    assert '"GET /candidates/ HTTP/1.1" 302' in log
    assert "Ghassan" not in log


def test_gunicorn_access_log_keeps_no_one_time_token(gunicorn):
    status, _, _ = gunicorn.get(f"/aftercare/answer/{TOKEN}/")  # one that needs no database: the server's has none
    time.sleep(0.5)

    log = gunicorn.log.read_text()
    assert status == 410
    assert '"GET /aftercare/answer/…/ HTTP/1.1" 410' in log
    assert TOKEN not in log
