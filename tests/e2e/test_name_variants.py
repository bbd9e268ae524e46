"""An intermediary registers a candidate whose name is another spelling of one their organisation registered
already: the registration is saved, the candidate's page says who it may be, and once checked the flag goes."""

from playwright.sync_api import expect

from candidates.models import Candidate
from tests.factories import CandidateFactory

from .conftest import axe, log_in
from .registration_form import fill_registration


def test_a_transliteration_variant_is_saved_and_flagged_on_the_candidates_page(phone_page, live_url, world, screenshot):
    registered = CandidateFactory(
        first_name="Mohammed", last_name="Haddad", birth_year=1994, nationality="SY",
        registered_by=world.intermediary_org_a,
    )  # fmt: skip
    page = phone_page
    log_in(page, live_url, world.intermediary_a.email)

    page.goto(f"{live_url}/candidates/register/{world.campaign_a.pk}/")
    fill_registration(page, world)
    page.locator("input[name=first_name]").fill("Muhammad")
    page.locator("input[name=last_name]").fill("Haddad")
    page.locator("input[name=reference_number]").fill("")
    page.locator("button[name=save]").click()

    expect(page.locator("h1")).to_have_text("Muhammad Haddad")
    expect(page.locator("[data-variants]")).to_have_attribute("data-variants", "1")
    expect(page.locator(f"[data-variant='{registered.pk}'] a")).to_have_text("Mohammed Haddad")
    expect(page.locator("[data-duplicates]")).to_have_count(0)  # a flag, not the duplicate warning
    screenshot(page, "variant-flag")
    assert axe(page) == []
    saved = Candidate.objects.get(first_name="Muhammad")
    assert (saved.last_name, saved.birth_year, saved.registered_by) == ("Haddad", 1994, world.intermediary_org_a)
    assert list(saved.campaigns.all()) == [world.campaign_a]

    page.locator(f"[data-variant='{registered.pk}'] a").click()

    expect(page.locator("h1")).to_have_text("Mohammed Haddad")
    expect(page.locator(f"[data-variant='{saved.pk}'] a")).to_have_text("Muhammad Haddad")

    # They turn out to be brothers: the intermediary says so, and neither page flags the other any more.
    page.locator(f"[data-different-person='{saved.pk}'] button").click()

    expect(page.locator("h1")).to_have_text("Mohammed Haddad")
    expect(page.locator("[data-variants]")).to_have_count(0)
    page.goto(f"{live_url}/candidates/{saved.pk}/")
    expect(page.locator("[data-variants]")).to_have_count(0)
