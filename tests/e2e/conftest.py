"""Browser tests: pytest-playwright driving Debian's chromium against pytest-django's live server."""

import os

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from tests.factories import PASSWORD

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


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A Flemish browser: the platform follows the browser's language until someone picks another."""
    return {**browser_context_args, "locale": "nl-BE"}
