"""Browser flow of phase 2: a coordinator screens two candidates, runs the matching, looks at one candidate's
reasons and confirms; HR sees the blind profiles on a phone and answers; the coordinator reads the answer."""

import pytest
from playwright.sync_api import expect

from campaigns.matching.services import run_matching
from campaigns.models import CampaignPhase, HrAnswer, Proposal, ProposalStatus
from candidates.models import ConsentPurpose, ScreeningDecision
from candidates.services import record_consent
from jobroad.models import Message
from tests.factories import CandidateFactory, ScreeningFactory, VacancyFactory, set_phase

from .conftest import log_in, log_in_as_coordinator


@pytest.fixture
def enrolled(world):
    """Two candidates of campaign A, in its screening phase, who consented to share their profile, not screened
    yet."""
    set_phase(world.campaign_a, CampaignPhase.SCREENING)
    VacancyFactory(company=world.company_a, title="Magazijnier")
    sara = CandidateFactory(first_name="Sara", last_name="Tesfay", registered_by=world.intermediary_org_a)
    for candidate in (world.candidate_a, sara):
        world.campaign_a.enrolments.get_or_create(candidate=candidate)
        record_consent(candidate=candidate, purpose=ConsentPurpose.SHARE_PROFILE, actor=world.alice, language="nl")
    return list(world.campaign_a.enrolments.order_by("candidate__first_name"))


def test_screening_matching_and_hr_answers(phone_page, live_url, world, enrolled, screenshot):
    page = phone_page
    screened = enrolled
    log_in_as_coordinator(page, live_url, world.alice)

    page.goto(f"{live_url}/campaigns/{world.campaign_a.pk}/")
    page.locator(f"a[href='/candidates/screening/campaign/{world.campaign_a.pk}/']").first.click()
    expect(page.locator("[data-count=to_do] .badge")).to_have_text("2")
    screenshot(page, "screening-board")
    for number, enrolment in enumerate(screened):
        page.locator(f"[data-enrolment='{enrolment.pk}'] [data-action=screen]").click()
        for criterion in ("motivation", "learning_ability", "experience", "competences", "communication"):
            page.locator(f"[data-rubric={criterion}] label").nth(3 - number).click()
        page.locator("input[name=decision][value=selected]").check()
        if number == 0:
            screenshot(page, "screening-form")
        page.locator("[data-screening-form] button[name=save]").click()
    expect(page.locator("[data-count=selected] .badge")).to_have_text("2")
    screenshot(page, "screened")

    set_phase(world.campaign_a, CampaignPhase.MATCHING)  # the journey test presses "move on"; here it is a given
    page.goto(f"{live_url}/campaigns/{world.campaign_a.pk}/")
    page.locator(f"a[href='/campaigns/{world.campaign_a.pk}/matching/']").first.click()
    screenshot(page, "matching")
    page.locator("[data-matching-settings] [type=submit]").click()
    expect(page.locator("[data-covered]")).to_contain_text("2 / 2")
    expect(page.locator("[data-proposal]")).to_have_count(2)
    screenshot(page, "matching-run")

    page.locator(f"a[href='/campaigns/enrolments/{screened[0].pk}/matching/']").click()
    expect(page.locator("[data-reasons]").first).to_be_visible()
    screenshot(page, "a-candidates-reasons")
    page.go_back()

    page.locator("[data-confirm]").click()
    expect(page.locator("[data-confirmation]")).to_have_attribute("data-proposals", "2")
    page.locator("input[name=confirm]").check()
    page.locator("[data-confirm-proposals]").click()
    expect(page.locator("[data-candidate] .badge.text-bg-success")).to_have_count(2)
    screenshot(page, "confirmed")
    assert set(Proposal.objects.values_list("status", flat=True)) == {ProposalStatus.CONFIRMED}

    hr = page.context.browser.new_context(locale="nl-BE", viewport={"width": 375, "height": 740}).new_page()
    log_in(hr, live_url, world.hr_a.email)
    hr.goto(f"{live_url}/campaigns/proposals/")
    expect(hr.locator("[data-proposal]")).to_have_count(2)
    expect(hr.locator("main")).not_to_contain_text(world.candidate_a.last_name)
    screenshot(hr, "hr-sees-blind-profiles")
    amal = Proposal.objects.get(enrolment=screened[0])
    card = hr.locator(f"#proposal-{amal.pk}")
    card.locator("input[value=question]").check()
    card.locator("textarea").fill("Kan ze om 6 uur beginnen?")
    card.locator("[type=submit]").click()
    expect(hr.locator(f"#proposal-{amal.pk} [data-answer=question]")).to_be_visible()
    screenshot(hr, "hr-answered")
    hr.context.close()

    page.goto(f"{live_url}/campaigns/{world.campaign_a.pk}/matching/")
    expect(page.locator("[data-hr-answer=question]")).to_contain_text("Kan ze om 6 uur beginnen?")
    screenshot(page, "coordinator-reads-the-answer")
    assert Proposal.objects.get(pk=amal.pk).hr_answer == HrAnswer.QUESTION


def test_confirming_the_proposals_asks_first_and_names_the_messages(page, live_url, world, enrolled, screenshot):
    set_phase(world.campaign_a, CampaignPhase.MATCHING)
    for enrolment in enrolled:
        ScreeningFactory(enrolment=enrolment, screener=world.alice, decision=ScreeningDecision.SELECTED)
    run_matching(campaign=world.campaign_a, actor=world.alice)
    log_in_as_coordinator(page, live_url, world.alice)
    page.goto(f"{live_url}/campaigns/{world.campaign_a.pk}/matching/")

    page.locator("[data-confirm]").click()
    asked = page.locator("[data-confirmation]")
    expect(asked).to_have_attribute("data-proposals", "2")
    expect(asked).to_have_attribute("data-messages", "1")  # one HR person, at company A
    screenshot(page, "confirm-the-proposals")
    page.locator("[data-confirm-proposals]").click()  # without ticking "yes": nothing happens, the page says so
    expect(page.locator(".alert-danger")).to_be_visible()
    assert not Message.objects.exists()
    page.locator("input[name=confirm]").check()
    page.locator("[data-confirm-proposals]").click()

    expect(page).to_have_url(f"{live_url}/campaigns/{world.campaign_a.pk}/matching/")
    expect(page.locator("[data-candidate] .badge.text-bg-success")).to_have_count(2)
    assert list(Message.objects.values_list("template", "recipient_address")) == [
        ("proposals_confirmed", world.hr_a.email)
    ]
