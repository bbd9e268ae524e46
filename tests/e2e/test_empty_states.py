"""Empty states (issue 25, item 9): a "nothing yet" offers the button that fixes it, and a candidate the matching
left without an interview is explained on the matching overview."""

from playwright.sync_api import expect

from campaigns.models import CampaignPhase
from companies.models import Vacancy
from tests.factories import CandidateFactory, matchable, set_phase

from .conftest import log_in, log_in_as_coordinator


def test_the_matching_overview_says_why_a_candidate_has_no_interview(phone_page, live_url, world, screenshot):
    set_phase(world.campaign_a, CampaignPhase.MATCHING)
    matchable(world, world.candidate_a)
    matchable(world, CandidateFactory(first_name="Sara", registered_by=world.intermediary_org_a))
    page = phone_page
    log_in_as_coordinator(page, live_url, world.alice)
    page.goto(f"{live_url}/campaigns/{world.campaign_a.pk}/matching/")

    page.locator("input[name=interviews_per_candidate]").fill("1")
    page.locator("input[name=candidates_per_vacancy]").fill("1")
    page.locator("[data-matching-settings] [type=submit]").click()

    expect(page.locator("[data-without-interview]")).to_have_count(1)
    expect(page.locator("[data-without-interview]")).to_contain_text("1")  # fits 1 vacancy, its place went to another
    screenshot(page, "matching-without-interview")


def test_hr_without_vacancies_is_offered_to_add_one(phone_page, live_url, world, screenshot):
    Vacancy.objects.filter(company=world.company_b).delete()
    page = phone_page
    log_in(page, live_url, world.hr_b.email)

    add = page.locator("[data-empty-action=vacancy_create]")
    expect(add).to_be_visible()
    expect(page.locator("main .alert-warning")).to_have_count(0)  # no demo two-factor banner for HR
    screenshot(page, "hr-home-without-vacancies")
    add.click()

    expect(page).to_have_url(f"{live_url}/companies/{world.company_b.pk}/vacancies/new/")
