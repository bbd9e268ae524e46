"""Browser flows of temp agencies as employers: the coordinator records a temp placement with the agency as employer
and the client company as workplace, and the report shows it under temp work by agency; and she refers a candidate
with no offer to an agency, with consent, after a page saying which mail will go where — the agency answers through
the link on a phone, without an account, and the coordinator sees the answer and records the placement."""

import re
from datetime import datetime, timedelta
from datetime import time as clock

from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from aftercare.models import Placement, Referral
from campaigns.models import CampaignPhase
from campaigns.projectweek import evaluations
from jobroad import channels
from jobroad.models import Message, Organisation, OrganisationKind
from tests.factories import set_phase
from tests.mfa import with_totp

from .conftest import axe, log_in_as_coordinator


def agency() -> Organisation:
    return Organisation.objects.create(kind=OrganisationKind.TEMP_AGENCY, name="Flexwerk Interim", branch="Kortrijk")


def test_a_temp_placement_has_the_agency_as_employer_and_shows_in_the_report_by_agency(
    page, live_url, world, published, screenshot, time_machine
):
    kortrijk = agency()
    interview = next(i for i in published if i.enrolment.candidate_id == world.candidate_a.pk)
    evening = datetime.combine(interview.published_day, clock(17), tzinfo=timezone.get_current_timezone())
    time_machine.move_to(evening)
    start = timezone.localdate() + timedelta(days=3)
    evaluation = evaluations.evaluate_interview(
        interview=interview, attendance="attended", outcome="offer", start_route="temp_work", proposed_start=start,
        actor=world.hr_a,
    )  # fmt: skip
    secret = with_totp(world.alice)

    # The coordinator records the placement from the offer: temp work asks for the agency.
    log_in_as_coordinator(page, live_url, world.alice, secret)
    page.goto(f"{live_url}/aftercare/offers/{evaluation.pk}/place/")
    page.locator("input[name=hours_per_week]").fill("38")
    page.locator("[data-placement-form] [type=submit]").click()
    expect(page.locator("[data-placement-form] .invalid-feedback").first).to_contain_text("uitzendkantoor")
    assert axe(page) == []
    page.locator("select[name=employer]").select_option(str(kortrijk.pk))
    screenshot(page, "placement-form")
    page.locator("[data-placement-form] [type=submit]").click()
    expect(page).to_have_url(re.compile(r"/aftercare/placements/\d+/$"))
    placement = Placement.objects.get(evaluation=evaluation)
    employer = page.locator("[data-placement-employer]")
    expect(employer.locator("[data-workplace]")).to_have_text("Company A")
    expect(employer.locator(f"[data-employer='{kortrijk.pk}']")).to_have_text("Flexwerk Interim · Kortrijk")
    screenshot(page, "placement")
    assert (placement.company, placement.employer, placement.route) == (world.company_a, kortrijk, "temp_work")

    # Once it has started, the report counts it as temp work, through the Kortrijk branch.
    time_machine.move_to(evening + timedelta(days=4))
    log_in_as_coordinator(page, live_url, world.alice, secret)
    page.goto(f"{live_url}/campaigns/reports/?campaign={world.campaign_a.pk}")
    routes = page.locator("[data-report-table=placement_routes] tbody tr").first
    expect(routes.locator("td")).to_have_text(["1", "100 %"])
    agencies = page.locator("[data-report-table=temp_work_agencies]")
    agencies.scroll_into_view_if_needed()
    expect(agencies.locator("tbody tr")).to_have_count(1)
    expect(agencies.locator("tbody tr th")).to_have_text("Flexwerk Interim · Kortrijk")
    expect(agencies.locator("tbody tr td")).to_have_text(["1", "100 %"])
    screenshot(page, "report-by-agency")


def test_a_referral_with_consent_is_answered_through_the_link_and_becomes_a_placement(
    page, phone_page, live_url, world, screenshot
):
    kortrijk = agency()
    set_phase(world.campaign_a, CampaignPhase.AFTERCARE)
    enrolment = world.campaign_a.enrolments.get(candidate=world.candidate_a)

    # The coordinator refers Amal, who has no offer; without the consent ticked, nothing happens.
    log_in_as_coordinator(page, live_url, world.alice)
    page.goto(f"{live_url}/aftercare/referrals/")
    assert axe(page) == []
    page.locator(f"[data-referable-enrolment='{enrolment.pk}'] a").click()
    form = page.locator("[data-referral-form]")
    form.locator("select[name=organisation]").select_option(str(kortrijk.pk))
    form.locator("input[name=send_to]").fill("kortrijk@flexwerk.example")
    form.locator("[type=submit]").click()
    expect(page.locator("[data-referral-form] .invalid-feedback")).to_contain_text("toestemming")
    assert axe(page) == []
    page.locator("[data-referral-form] input[name=consent]").check()
    page.locator("[data-referral-form] [type=submit]").click()
    expect(page.locator("[data-referral-outline]")).to_contain_text("kortrijk@flexwerk.example")
    assert Referral.objects.count() == 0  # asked first
    screenshot(page, "referral-confirm")
    page.locator("[data-referral-confirm] input[name=confirm]").check()
    page.locator("[data-referral-confirm] [type=submit]").click()
    expect(page).to_have_url(re.compile(r"/aftercare/referrals/\d+/$"))
    referral = Referral.objects.get()
    expect(page.locator("[data-referral-outcome]")).to_have_attribute("data-referral-outcome", "awaiting")
    expect(page.locator("[data-consent]")).to_contain_text(world.alice.full_name)

    # The mail leaves with its link; the agency opens it on a phone, without an account.
    mail = Message.objects.get(template="referral_agency", recipient_address="kortrijk@flexwerk.example")
    sent = channels.render(mail, make_link=True).text
    link = re.search(rf"{re.escape(settings.SITE_URL)}(/aftercare/referral/\S+)", sent)[1]
    response = phone_page.goto(live_url + link)
    assert response.status == 200
    expect(phone_page.locator("[data-blind-profile]")).to_contain_text("Amal")
    assert world.candidate_a.last_name not in phone_page.content()
    assert axe(phone_page) == []
    answer = phone_page.locator("[data-referral-answer-form]")
    answer.locator("input[name=outcome][value=placed]").check()
    answer.locator("input[name=placed_starts_on]").fill("2027-06-01")
    answer.locator("input[name=placed_workplace]").fill("Company A")
    answer.locator("input[name=placed_hours]").fill("30")
    screenshot(phone_page, "agency-answer")
    answer.locator("[type=submit]").click()
    expect(phone_page.locator("[data-link-thanks]")).to_be_visible()

    # The coordinator sees the answer on her aftercare page, and records the placement herself.
    page.goto(f"{live_url}/aftercare/")
    page.locator(f"[data-referral-answer='{referral.pk}'] a").click()
    expect(page.locator("[data-referral-outcome]")).to_have_attribute("data-referral-outcome", "placed")
    assert axe(page) == []
    screenshot(page, "referral-answered")
    page.locator("[data-referral-place]").click()
    place = page.locator("[data-referral-place-form]")
    place.locator("select[name=company]").select_option(str(world.company_a.pk))
    place.locator("[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/aftercare/placements/\d+/$"))
    expect(page.locator(f"[data-employer='{kortrijk.pk}']").first).to_be_visible()
    placement = Placement.objects.get()
    assert (placement.candidate, placement.company, placement.employer, placement.route) == (
        world.candidate_a, world.company_a, kortrijk, "temp_work",
    )  # fmt: skip
    assert phone_page.goto(live_url + link).status == 410  # the referral is closed: its link works no more
