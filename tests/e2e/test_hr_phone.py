"""HR on a phone (issue 25, item 3): the proposals still to answer come first, grouped by vacancy, each saying why
the candidate was proposed; a question goes to the coordinator, who answers from the home page's to-do; HR reads
the answer and decides, and the answered card folds away."""

import pytest
from playwright.sync_api import expect

from campaigns.matching.services import confirm_proposals
from campaigns.models import CampaignPhase, HrAnswer, Proposal, ProposalQuestion
from tests.factories import CandidateFactory, VacancyFactory, matchable, set_phase

from .conftest import axe, log_in, log_in_as_coordinator

PHONE_390 = {"width": 390, "height": 844}


@pytest.fixture
def proposed(world):
    """Two candidates of campaign A proposed to company A and confirmed; the first with reasons HR may read."""
    set_phase(world.campaign_a, CampaignPhase.MATCHING)
    second = VacancyFactory(company=world.company_a, title="Magazijnier")
    amal = matchable(world, world.candidate_a)
    sara = matchable(world, CandidateFactory(first_name="Sara", registered_by=world.intermediary_org_a))
    reasons = [{"code": "occupation_match", "points": 25, "positive": True, "params": {"isco": "9112"}},
               {"code": "rubric", "points": 15, "positive": True, "params": {"score": "4.8"}}]  # fmt: skip
    first = Proposal.objects.create(enrolment=amal, vacancy=world.vacancy_a, fit=70, reasons=reasons)
    other = Proposal.objects.create(enrolment=sara, vacancy=second, fit=40, reasons=[])
    confirm_proposals(campaign=world.campaign_a, actor=world.alice)
    return first, other


def test_hr_asks_a_question_on_a_phone_reads_the_answer_and_decides(browser, live_url, world, proposed, screenshot):
    first, _other = proposed
    hr = browser.new_context(locale="nl-BE", viewport=PHONE_390).new_page()
    log_in(hr, live_url, world.hr_a.email)

    hr.locator("[data-nav=proposals]").first.wait_for(state="attached")
    expect(hr.locator(f"[data-vacancy-link='{world.vacancy_a.pk}']")).to_be_visible()
    hr.goto(f"{live_url}/campaigns/proposals/")
    expect(hr.locator("[data-to-answer]")).to_have_attribute("data-to-answer", "2")
    expect(hr.locator("[data-vacancy-group]")).to_have_count(2)
    card = hr.locator(f"#proposal-{first.pk}")
    expect(card.locator("[data-why] li")).to_have_count(1)  # the screening score is not for HR
    expect(card.locator("[data-why]")).not_to_contain_text("9112")
    assert axe(hr) == []
    screenshot(hr, "hr-to-answer")
    card.locator("input[value=question]").check()
    card.locator("textarea").fill("Kan ze om 6 uur beginnen?")
    card.locator("[type=submit]").click()
    expect(hr.locator(f"#proposal-{first.pk} [data-question-open]")).to_be_visible()

    coordinator = browser.new_context(locale="nl-BE", viewport=PHONE_390).new_page()
    log_in_as_coordinator(coordinator, live_url, world.alice)
    coordinator.locator("[data-todo=hr-question] a").click()
    expect(coordinator.locator("[data-question]")).to_contain_text("Kan ze om 6 uur beginnen?")
    assert axe(coordinator) == []
    screenshot(coordinator, "coordinator-answers")
    coordinator.locator("[data-question-form] textarea").fill("Ja, de bus vertrekt om 5u30.")
    coordinator.locator("[data-question-form] [type=submit]").click()
    expect(coordinator.locator("[data-question-answer]")).to_contain_text("5u30")
    coordinator.context.close()

    hr.reload()
    card = hr.locator(f"#proposal-{first.pk}")
    expect(card.locator("[data-question-answer]")).to_contain_text("Ja, de bus vertrekt om 5u30.")
    card.locator("input[value=interested]").check()
    card.locator("[type=submit]").click()
    expect(hr.locator("[data-to-answer]")).to_have_attribute("data-to-answer", "1")
    expect(hr.locator(f"#proposal-{first.pk}")).to_be_hidden()  # folded under "answered"
    hr.locator("[data-answered] summary").click()
    expect(hr.locator(f"#proposal-{first.pk}")).to_be_visible()
    screenshot(hr, "hr-answered-folded")
    hr.context.close()
    assert Proposal.objects.get(pk=first.pk).hr_answer == HrAnswer.INTERESTED
    assert ProposalQuestion.objects.get().answered_by == world.alice
