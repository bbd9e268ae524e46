"""Browser flow of aftercare: a coordinator turns an offer into a placement; on the day the employer's check-in is
due, HR answers through the link in the mail on a 375 px phone, without an account, and says it is worried; the
link then works no more, and the coordinator sees the flag on her home page, reads the answers and clears it."""

import re
from datetime import datetime, timedelta
from datetime import time as clock

from django.utils import timezone
from playwright.sync_api import expect

from aftercare.links import check_in_path
from aftercare.models import CheckInStatus, FollowUpStep, Placement
from campaigns.projectweek import evaluations
from jobroad.models import Message, MessageStatus
from tests.mfa import with_totp

from .conftest import log_in_as_coordinator

NOTE = "Komt vaak te laat: de bus rijdt niet vroeg genoeg."


def test_an_offer_is_placed_hr_answers_the_check_in_by_link_and_the_coordinator_takes_up_the_flag(
    page,
    phone_page,
    live_url,
    world,
    published,
    screenshot,
    time_machine,
):
    interview = next(i for i in published if i.enrolment.candidate_id == world.candidate_a.pk)
    # HR evaluates on the evening of the interview: an offer, starting three days later.
    evening = datetime.combine(interview.published_day, clock(17), tzinfo=timezone.get_current_timezone())
    time_machine.move_to(evening)
    start = timezone.localdate() + timedelta(days=3)
    FollowUpStep.objects.filter(route="fixed_term").delete()  # a plan of our own, whatever the database holds
    FollowUpStep.objects.create(route="fixed_term", offset_days=7, audience="employer")
    FollowUpStep.objects.create(route="fixed_term", offset_days=30, audience="candidate")
    evaluation = evaluations.evaluate_interview(
        interview=interview, attendance="attended", outcome="offer", start_route="direct_contract",
        proposed_start=start, actor=world.hr_a,
    )  # fmt: skip
    secret = with_totp(world.alice)

    # The coordinator records the placement from the offer.
    log_in_as_coordinator(page, live_url, world.alice, secret)
    page.locator("#main-nav a[href='/aftercare/']").click()
    offer = page.locator(f"[data-offer='{evaluation.pk}']")
    expect(offer).to_be_visible()
    screenshot(page, "offers")
    offer.locator("a").click()
    expect(page.locator("input[name=starts_on]")).to_have_value(start.isoformat())  # the start HR proposed
    page.locator("input[name=hours_per_week]").fill("30")
    screenshot(page, "placement-form")
    page.locator("[data-placement-form] [type=submit]").click()
    expect(page).to_have_url(re.compile(r"/aftercare/placements/\d+/$"))
    placement = Placement.objects.get(evaluation=evaluation)
    assert page.url.endswith(f"/aftercare/placements/{placement.pk}/")
    expect(page.locator("[data-placement-status=planned]")).to_be_visible()
    expect(page.locator("[data-check-in]")).to_have_count(2)
    screenshot(page, "placement")

    # A week after the start, at ten, the employer's check-in is due and its mail with the answer link is out.
    check_in = placement.check_ins.get(audience="employer")
    assert check_in.due_on == start + timedelta(days=7)
    mail = Message.objects.get(event=f"checkin:{check_in.pk}", template="checkin_employer", recipient_user=world.hr_a)
    time_machine.move_to(datetime.combine(check_in.due_on, clock(10), tzinfo=timezone.get_current_timezone()))
    assert mail.due_at <= timezone.now()
    link = live_url + check_in_path(check_in)

    # HR answers on its phone, not logged in.
    response = phone_page.goto(link)
    assert response.status == 200
    expect(phone_page.locator("main h1")).to_contain_text(world.candidate_a.first_name)
    screenshot(phone_page, "link-form")
    form = phone_page.locator("[data-check-in-form]")
    form.locator("input[name=still_working][value=yes]").check()
    form.locator("input[name=hours_per_week]").fill("30")
    form.locator("input[name=satisfaction][value='2']").check()
    form.locator("input[name=issues][value=transport]").check()
    form.locator("input[name=at_risk]").check()
    form.locator("textarea[name=notes]").fill(NOTE)
    screenshot(phone_page, "link-form-filled")
    form.locator("[type=submit]").click()
    expect(phone_page.locator("[data-link-thanks]")).to_be_visible()
    screenshot(phone_page, "link-thanks")

    # The link works once, and a used link shows nothing of the placement.
    response = phone_page.goto(link)
    assert response.status == 410
    expect(phone_page.locator("[data-link-refused]")).to_be_visible()
    refused = phone_page.content()
    for shown in (world.candidate_a.first_name, world.candidate_a.last_name, str(world.company_a)):
        assert shown not in refused
    screenshot(phone_page, "link-used")

    # The coordinator (her session of a week ago has expired) sees the flag, reads the answers and clears it.
    log_in_as_coordinator(page, live_url, world.alice, secret)
    flag = page.locator("[data-todo=at-risk]")
    expect(flag).to_have_count(1)
    expect(flag).to_contain_text(world.candidate_a.first_name)
    screenshot(page, "home-at-risk")
    flag.locator("a").click()
    expect(page).to_have_url(f"{live_url}/aftercare/placements/{placement.pk}/")
    answered = page.locator(f"[data-check-in='{check_in.pk}']")
    expect(answered).to_have_attribute("data-check-in-status", "done")
    expect(answered.locator("[data-answered-by]")).to_have_attribute("data-answered-by", "link")
    expect(answered.locator("[data-check-in-answers]")).to_contain_text(NOTE)
    screenshot(page, "placement-answered")
    answered.locator("[data-clear-flag]").click()
    expect(page).to_have_url(f"{live_url}/aftercare/placements/{placement.pk}/")
    expect(page.locator("[data-clear-flag]")).to_have_count(0)
    screenshot(page, "flag-cleared")
    page.goto(f"{live_url}/")
    expect(page.locator("[data-dashboard=coordinator]").first).to_be_visible()
    expect(page.locator("[data-todo=at-risk]")).to_have_count(0)

    check_in.refresh_from_db()
    assert (check_in.status, check_in.answered_by_link, check_in.answered_by, check_in.at_risk) == (
        CheckInStatus.DONE, True, None, True,
    )  # fmt: skip
    assert (check_in.still_working, check_in.hours_per_week, check_in.satisfaction) == (True, 30, 2)
    assert (check_in.issues, check_in.notes) == (["transport"], NOTE)
    assert check_in.flag_cleared_by == world.alice and check_in.flag_cleared_at is not None
    assert Message.objects.filter(template="checkin_at_risk", recipient_user=world.alice).exists()
    assert not Message.objects.filter(event=f"checkin:{check_in.pk}", status=MessageStatus.PENDING).exists()
