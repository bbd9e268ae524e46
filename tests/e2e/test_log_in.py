"""First flow: every role logs in — MFA included for a coordinator — and sees its own dashboard."""

import time

import pytest
from playwright.sync_api import expect

from tests.mfa import with_totp

from .conftest import log_in, totp_code

DASHBOARDS = ["coordinator", "company_hr", "intermediary", "job_coach", "funder_viewer"]


def expect_only_dashboard(page, mine: str) -> None:
    expect(page.locator(f"[data-dashboard={mine}]").first).to_be_visible()
    for other in DASHBOARDS:
        if other != mine:
            expect(page.locator(f"[data-dashboard={other}]")).to_have_count(0)


@pytest.mark.parametrize(
    ("role", "dashboard"),
    [
        ("hr_a", "company_hr"),
        ("intermediary_a", "intermediary"),
        ("coach_a", "job_coach"),
        ("funder_viewer", "funder_viewer"),
    ],
)
def test_each_role_logs_in_and_sees_its_own_dashboard(page, live_url, world, role, dashboard):
    log_in(page, live_url, getattr(world, role).email)

    expect_only_dashboard(page, dashboard)
    if role == "hr_a":
        expect(page.get_by_text(world.company_a.organisation.name).first).to_be_visible()
        expect(page.get_by_text(world.company_b.organisation.name)).to_have_count(0)


def test_a_coordinator_logs_in_with_a_totp_code(page, live_url, world):
    secret = with_totp(world.alice)

    log_in(page, live_url, world.alice.email)
    page.locator("input[name=code]").fill(totp_code(secret, time.time()))
    page.locator("main form button[type=submit]").first.click()

    expect_only_dashboard(page, "coordinator")
    expect(page.get_by_text(world.campaign_a.name).first).to_be_visible()
    expect(page.get_by_text(world.campaign_b.name)).to_have_count(0)


def test_a_coordinator_without_mfa_must_set_it_up_first(page, live_url, world):
    log_in(page, live_url, world.bob.email)
    # allauth asks for the password again before adding an authenticator.
    page.locator("input[name=password]").fill("correct-horse-battery")
    page.locator("main form button[type=submit]").first.click()
    expect(page).to_have_url(f"{live_url}/accounts/2fa/totp/activate/")

    page.goto(f"{live_url}/campaigns/")
    expect(page).to_have_url(f"{live_url}/accounts/2fa/totp/activate/")

    secret = page.locator("#authenticator_secret").input_value()
    page.locator("input[name=code]").fill(totp_code(secret, time.time()))
    page.locator("main form button[type=submit]").first.click()
    expect(page.locator("input[name=code]")).to_have_count(0)

    page.goto(f"{live_url}/")
    expect_only_dashboard(page, "coordinator")
    expect(page.get_by_text(world.campaign_b.name).first).to_be_visible()


def test_a_wrong_password_is_refused_with_a_message(page, live_url, world):
    log_in(page, live_url, world.hr_a.email, "not-the-password")

    expect(page.locator("[data-dashboard]")).to_have_count(0)
    expect(page.locator(".alert-danger, .invalid-feedback, .errorlist").first).to_be_visible()


@pytest.mark.parametrize(("code", "greeting"), [("FR", "Bienvenue"), ("EN", "Welcome"), ("NL", "Welkom")])
def test_the_language_switch_translates_the_page(page, live_url, world, code, greeting):
    log_in(page, live_url, world.intermediary_a.email)

    page.get_by_role("button", name=code, exact=True).click()

    expect(page.locator("html")).to_have_attribute("lang", code.lower())
    expect(page.locator("h1")).to_contain_text(greeting)
    expect_only_dashboard(page, "intermediary")


@pytest.mark.parametrize("role", ["hr_a", "intermediary_a", "coach_a", "funder_viewer"])
def test_the_dashboard_fits_a_phone(browser, live_url, world, role):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    log_in(page, live_url, getattr(world, role).email)
    expect(page.locator("[data-dashboard]").first).to_be_visible()

    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")

    assert overflow <= 0
    context.close()
