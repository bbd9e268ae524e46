"""The embedded mode end to end: `manage.py serve` alone delivers a message written in the UI."""

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.ports import free_port

from .conftest import log_in

ROOT = Path(__file__).resolve().parents[2]
DEMO_PASSWORD = "jobroad-demo-2026"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The platform as `make run` starts it: SQLite, tasks in-process, the sweep beside the web server
    (every 2 s instead of 60 s, so the test does not wait minutes)."""
    database = tmp_path_factory.mktemp("embedded") / "db.sqlite3"
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_URL", "REDIS_URL", "JOBROAD_", "DJANGO_"))
    }
    env |= {"DATABASE_URL": f"sqlite:///{database}", "JOBROAD_DEMO_SKIP_MFA": "1", "JOBROAD_SWEEP_INTERVAL": "2"}
    for command in (["migrate", "--noinput", "-v0"], ["createcachetable"], ["seed_demo"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "serve", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    wait_until_up(f"{url}/healthz")
    yield url
    server.terminate()
    server.wait(timeout=10)


def wait_until_up(url: str, seconds: int = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up")


def write_message(page, served: str, subject: str, due_at: str = "") -> None:
    page.goto(f"{served}/messages/new/")
    page.get_by_label("Aan").select_option(label="Hilde Personeel")
    page.get_by_label("Onderwerp").fill(subject)
    page.get_by_label("Bericht").fill("Tot dinsdag op de projectweek!")
    if due_at:
        page.get_by_label("Versturen op").fill(due_at)
    page.get_by_role("button", name="In de outbox zetten").click()


def test_a_message_written_in_the_ui_arrives_in_the_captured_mail_by_itself(page, served):
    log_in(page, served, "coordinator@jobroad.example", DEMO_PASSWORD)

    write_message(page, served, "Welkom op de projectweek")
    expect(page.locator("[data-status]").first).to_have_attribute("data-status", "pending")

    page.goto(f"{served}/mail/")
    for _ in range(120):  # the sweep runs every 2 s here; every 60 s with `make run`
        if page.get_by_text("Welkom op de projectweek").count():
            break
        time.sleep(1)
        page.reload()
    page.get_by_role("link", name="Welkom op de projectweek").click()
    expect(page.locator("main")).to_contain_text("hr@scheldeland.example")
    expect(page.locator("main")).to_contain_text("Tot dinsdag op de projectweek!")


def test_a_coordinator_cancels_a_message_that_is_not_yet_due(page, served):
    log_in(page, served, "coordinator@jobroad.example", DEMO_PASSWORD)
    write_message(page, served, "Later te versturen", due_at="2030-01-06T09:00")

    page.get_by_role("button", name="Annuleren").click()

    expect(page.locator("[data-status]").first).to_have_attribute("data-status", "cancelled")
    page.goto(f"{served}/messages/?status=cancelled")
    expect(page.get_by_role("link", name="Later te versturen")).to_be_visible()
