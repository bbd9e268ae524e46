"""Browser tests: pytest-playwright driving Debian's chromium against pytest-django's live server."""

import os
import re
import shutil
import time
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import expect

from tests.factories import PASSWORD
from tests.mfa import with_totp

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls from the test
# itself (fixtures, assertions) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
    }


@pytest.fixture
def live_url(live_server, world):
    """The live server's base address; requesting it also sets up the role fixtures."""
    return live_server.url


def totp_code(secret: str, at_time: float) -> str:
    return format_hotp_value(hotp_value(secret, int(at_time) // 30))


def log_in(page, base_url: str, email: str, password: str = PASSWORD) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit]").first.click()


def log_in_as_coordinator(page, live_url, user, secret: str | None = None) -> None:
    """Log in with password and a TOTP code; pass the ``secret`` of an earlier log-in to log in again."""
    secret = secret or with_totp(user)
    log_in(page, live_url, user.email)
    code = page.locator("input[name=code]")
    code.wait_for()
    if (left := 30 - time.time() % 30) < 3:  # a code read at the end of its 30 seconds is stale when it arrives
        time.sleep(left + 0.1)
    code.fill(totp_code(secret, time.time()))
    page.locator("main form button[type=submit]").first.click()
    expect(page.locator("[data-dashboard=coordinator]").first).to_be_visible()


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A Flemish browser: the platform follows the browser's language until someone picks another."""
    return {**browser_context_args, "locale": "nl-BE"}


SCREENSHOTS = Path(
    os.environ.get("JOBROAD_SCREENSHOTS", Path(__file__).resolve().parents[2] / "test-results" / "screenshots")
)
PHONE = {"width": 375, "height": 740}


@pytest.fixture
def phone_page(browser, browser_context_args):
    """A page in a phone-sized browser (375 px wide), where HR and intermediaries often work."""
    context = browser.new_context(**browser_context_args, viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture
def screenshot(request):
    """``screenshot(page, "step")`` saves a full-page picture under test-results/screenshots/<test>/ and
    checks the page does not scroll sideways — a phone-width page must fit its viewport."""
    folder = SCREENSHOTS / re.sub(r"[^\w.-]+", "_", request.node.name)
    shutil.rmtree(folder, ignore_errors=True)
    taken = []

    def take(page, name: str) -> Path:
        path = folder / f"{len(taken) + 1:02d}-{name}.png"
        page.screenshot(path=path, full_page=True)
        taken.append(path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name}: the page is {overflow}px wider than the screen"
        return path

    return take


AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"  # axe-core, vendored: tests run offline
SERIOUS = ("serious", "critical")


def axe(page) -> list[str]:
    """The serious and critical accessibility violations axe-core finds on the page as it is now, one readable
    line each (rule, impact, help, the first few elements). The script goes in through ``page.evaluate``: the
    platform's Content-Security-Policy refuses an injected ``<script>`` tag, but not the browser's own debugger."""
    if not page.evaluate("() => Boolean(window.axe)"):
        page.evaluate(AXE.read_text())
    violations = page.evaluate("() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {' | '.join(where(node) for node in v['nodes'][:3])}"
        + (f" and {len(v['nodes']) - 3} more" if len(v["nodes"]) > 3 else "")
        for v in violations
        if v["impact"] in SERIOUS
    ]


def where(node: dict) -> str:
    """An element axe names: its CSS selector (a list of them, one per frame or shadow root it is inside)."""
    return " >>> ".join(str(part) for part in node["target"])
