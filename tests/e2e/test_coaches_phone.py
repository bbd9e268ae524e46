"""Coaches on a phone (issue 25, item 8): at 390 px the caseload is a column of cards with "Log a contact" on the
screen, and the coach is chosen on the candidate's page without the long edit form."""

from playwright.sync_api import expect

from candidates.models import Candidate

from .conftest import axe, log_in, log_in_as_coordinator

PHONE_390 = {"width": 390, "height": 844}


def test_the_caseload_keeps_log_a_contact_on_a_390_px_screen(browser, live_url, world, screenshot):
    Candidate.objects.filter(pk=world.candidate_a.pk).update(coach=world.coach_a)
    page = browser.new_context(locale="nl-BE", viewport=PHONE_390).new_page()
    log_in(page, live_url, world.coach_a.email)

    page.goto(f"{live_url}/aftercare/caseload/")

    button = page.locator(f"[data-caseload='{world.candidate_a.pk}'] [data-log-contact]")
    expect(button).to_be_visible()
    box = button.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE_390["width"]
    assert axe(page) == []
    screenshot(page, "caseload-cards")  # and the page does not scroll sideways
    button.click()
    expect(page).to_have_url(f"{live_url}/aftercare/candidates/{world.candidate_a.pk}/contacts/new/")
    page.context.close()


def test_a_coordinator_assigns_the_coach_on_the_candidates_page(browser, live_url, world, screenshot):
    Candidate.objects.filter(pk=world.candidate_a.pk).update(coach=None)
    page = browser.new_context(locale="nl-BE", viewport=PHONE_390).new_page()
    log_in_as_coordinator(page, live_url, world.alice)
    page.goto(f"{live_url}/candidates/{world.candidate_a.pk}/")

    form = page.locator("[data-coach-form]")
    form.locator("select[name=coach]").select_option(str(world.coach_a.pk))
    assert axe(page) == []
    screenshot(page, "candidate-coach-form")
    form.locator("[type=submit]").click()

    expect(page).to_have_url(f"{live_url}/candidates/{world.candidate_a.pk}/")
    expect(page.locator("[data-coach-form] select[name=coach]")).to_have_value(str(world.coach_a.pk))
    assert Candidate.objects.get(pk=world.candidate_a.pk).coach == world.coach_a
    page.context.close()
