"""The lifecycle in the browser: a page for an action the campaign's phase does not open says why, in words, and
offers nothing to press."""

from playwright.sync_api import expect

from campaigns.models import CampaignPhase, EvaluationWaiver, MatchingRun, PhaseChange

from .conftest import log_in_as_coordinator


def test_a_coordinator_opening_matching_during_intake_reads_why_it_cannot_run(page, live_url, world, screenshot):
    log_in_as_coordinator(page, live_url, world.alice)

    page.goto(f"{live_url}/campaigns/{world.campaign_a.pk}/")
    page.locator(f"main a[href='/campaigns/{world.campaign_a.pk}/matching/']").first.click()

    refusal = page.locator("[data-phase-refusal]")
    expect(refusal).to_be_visible()
    expect(refusal).to_contain_text(world.campaign_a.name)
    expect(page.locator("[data-matching-settings]")).to_have_count(0)
    expect(page.locator("[data-confirm]")).to_have_count(0)
    screenshot(page, "matching-refused-in-intake")
    assert not MatchingRun.objects.exists()


def test_a_coordinator_steps_back_a_phase_with_a_reason(page, live_url, world, screenshot):
    world.campaign_a.phase = CampaignPhase.SCREENING
    world.campaign_a.save(update_fields=["phase"])
    log_in_as_coordinator(page, live_url, world.alice)

    page.goto(f"{live_url}/campaigns/{world.campaign_a.pk}/")
    step_back = page.locator("[data-step-back]")
    step_back.locator("summary").click()
    step_back.locator("textarea[name=reason]").fill("Een late partner schrijft nog kandidaten in.")
    step_back.locator("input[name=confirm]").check()
    screenshot(page, "step-back")
    step_back.locator("button[type=submit]").click()

    expect(page.locator(f"[data-phase={CampaignPhase.INTAKE}]")).to_be_visible()
    assert list(PhaseChange.objects.values_list("reason", flat=True)) == [
        "Een late partner schrijft nog kandidaten in."
    ]


def test_a_coordinator_marks_an_interview_that_never_took_place_as_needing_no_evaluation(
    page, live_url, world, published, screenshot
):
    interview = published[0]
    log_in_as_coordinator(page, live_url, world.alice)

    page.goto(f"{live_url}/campaigns/interviews/{interview.pk}/evaluation/")
    waiver = page.locator("[data-evaluation-waiver]")
    waiver.locator(f"input[name=because][value={EvaluationWaiver.COMPANY_CANCELLED}]").check()
    screenshot(page, "evaluation-waiver")
    waiver.locator("button[type=submit]").click()

    expect(page.locator(f"[data-interview='{interview.pk}'] [data-evaluation=waived]")).to_be_visible()
    interview.refresh_from_db()
    assert interview.evaluation_waived_because == EvaluationWaiver.COMPANY_CANCELLED
