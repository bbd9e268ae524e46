"""Words and formats (issue 25, item 7): the French top menu stays on one line at 1366 px, the outbox names a
message kind in words, the mail list shows names as people wrote them, and English dates read day first."""

import pytest
from playwright.sync_api import expect

from jobroad.models import User
from tests.mfa import with_totp

from .conftest import log_in, log_in_as_coordinator

LAPTOP = {"width": 1366, "height": 768}


@pytest.mark.parametrize("who", ["admin", "alice", "hr_a"])
def test_the_french_menu_stays_on_one_line_at_1366_px(browser, live_url, world, who):
    page = browser.new_context(locale="fr-BE", viewport=LAPTOP).new_page()
    user = getattr(world, who)
    # A long name, so that a short one cannot hide a menu that wraps.
    User.objects.filter(pk=user.pk).update(language="fr", full_name="Marie-Christine Vandenbroucke-Dewaele")
    if who == "hr_a":
        log_in(page, live_url, user.email)
    else:
        log_in_as_coordinator(page, live_url, user, with_totp(user))
    expect(page.locator("html")).to_have_attribute("lang", "fr")

    tops = page.evaluate(
        "() => [...document.querySelectorAll('#main-nav .nav-link, #main-nav form button')]"
        ".map(e => Math.round(e.getBoundingClientRect().top))"
    )
    bar = page.evaluate("() => document.querySelector('nav.navbar').getBoundingClientRect().height")

    assert bar < 70, f"the menu is {bar}px tall: it wraps"
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    assert max(tops) - min(tops) < 20, tops
    page.context.close()
