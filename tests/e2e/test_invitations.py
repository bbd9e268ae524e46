"""Browser test: someone who already has an account accepts an invitation — through the normal log-in, with the
second factor, never through the link alone."""

import re
import time

from django.core import mail
from playwright.sync_api import expect

from jobroad import services
from jobroad.models import Membership, Role
from tests.factories import PASSWORD
from tests.mfa import with_totp

from .conftest import axe, totp_code


def test_an_existing_account_accepts_an_invitation_after_logging_in_with_its_second_factor(
    phone_page, live_url, world, screenshot
):
    page, secret = phone_page, with_totp(world.bob)
    services.invite_person(
        organisation=world.intermediary_org_a, email=world.bob.email, full_name="", role=Role.INTERMEDIARY,
        invited_by=world.alice,
    )  # fmt: skip
    path = re.search(r"https?://[^/\s]+(/invitations/\S+/)", mail.outbox[-1].body).group(1)

    page.goto(live_url + path)
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    screenshot(page, "asked-to-log-in")
    assert axe(page) == []
    page.locator("input[name=login]").fill(world.bob.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    code = page.locator("input[name=code]")
    code.wait_for()
    assert not Membership.objects.filter(user=world.bob, organisation=world.intermediary_org_a).exists()
    if (left := 30 - time.time() % 30) < 3:  # a code read at the end of its 30 seconds is stale when it arrives
        time.sleep(left + 0.1)
    code.fill(totp_code(secret, time.time()))
    page.locator("main form button[type=submit]").first.click()

    expect(page.locator("main h1")).to_be_visible()
    assert page.url == live_url + path
    screenshot(page, "confirm")
    assert axe(page) == []
    page.locator("main form button[type=submit]").click()

    expect(page.locator("[data-dashboard=coordinator]").first).to_be_visible()
    membership = Membership.objects.get(user=world.bob, organisation=world.intermediary_org_a)
    assert membership.role == Role.INTERMEDIARY
    screenshot(page, "joined")
