"""Browser flow of the day itself (issue 23, item 4), on a phone: the escort of Heidebloem's van logs in, marks Amal
present at the pick-up with the connection gone (the mark waits in the phone and leaves when the connection returns)
and Sara absent; HR of company A hears Sara is not coming; the escort offers Sara's interview to Hamid, a reserve who
reads Tigrinya, after a confirmation page; Hamid's SMS is in the outbox, in Tigrinya. Later the coordinator finds Sara
among the slots given to a reserve and plans her again."""

from playwright.sync_api import expect

from campaigns.models import Interview
from campaigns.projectweek.transport.models import StopPresence
from jobroad import channels
from jobroad.models import Message
from tests.campaigns.projectweek.transport.day_world import day_runs, reserve, rider
from tests.campaigns.projectweek.transport.world import given_to_reserve

from .conftest import axe, log_in, log_in_as_coordinator


def test_a_no_show_at_the_pick_up_and_the_slot_offered_to_a_reserve_in_their_language(
    phone_page, live_url, world, published, screenshot
):
    page = phone_page
    heidebloem_run, _kapellen_run = day_runs(world, published)
    amal, sara = rider(published, "Amal"), rider(published, "Sara")
    hamid = reserve(world, "Hamid", language="ti", phone="+32470999888")
    log_in(page, live_url, world.coach_a.email)
    expect(page.locator("[data-dashboard=job_coach]")).to_be_visible()

    page.goto(f"{live_url}/campaigns/transport-runs/{heidebloem_run.pk}/day/")
    pickup = page.locator("[data-stop=pickup]")
    tap = pickup.locator(f"[data-rider='{amal.enrolment_id}'] [data-mark=present]")
    assert tap.bounding_box()["height"] >= 48 and tap.bounding_box()["width"] >= 48
    page.context.set_offline(True)
    tap.click()
    expect(page.locator("[data-sync-status]")).to_have_attribute("data-pending", "1")
    assert not StopPresence.objects.exists()  # it waits in the phone
    page.context.set_offline(False)
    expect(page.locator("[data-sync-status]")).to_have_attribute("data-pending", "0")
    pickup.locator(f"[data-rider='{sara.enrolment_id}'] [data-mark=absent]").click()
    expect(pickup.locator("[data-reserves-hint]")).to_be_visible()
    screenshot(page, "marked")
    assert axe(page) == []
    pickup.locator("[data-reserves-hint] a").click()
    page.locator(f"[data-freed-interview='{sara.pk}'] [data-offer='{hamid.pk}']").click()
    expect(page.locator("[data-offer-preview] [data-to=reserve]")).to_have_attribute("data-language", "ti")
    screenshot(page, "offer-confirmation")
    assert axe(page) == []
    page.locator("[data-offer-confirm]").click()
    expect(page.locator(".alert-success")).to_be_visible()

    marks = dict(StopPresence.objects.filter(participation__isnull=True).values_list("enrolment_id", "present"))
    assert marks == {amal.enrolment_id: True, sara.enrolment_id: False}
    assert list(Message.objects.filter(template="candidate_no_show").values_list("recipient_address", flat=True)) == [
        world.hr_a.email
    ]
    placed = Interview.objects.get(enrolment=hamid)
    assert (placed.published_day, placed.published_starts_at) == (sara.published_day, sara.published_starts_at)
    sms = Message.objects.get(template="reserve_offer", recipient_address="+32470999888")
    assert (sms.channel, sms.language, sms.requested_language) == ("sms", "ti", "")
    text = channels.render(sms).text
    assert "ቃለ-መሕትት ስራሕ" in text  # "job interview", in Tigrinya
    assert Message.objects.filter(template="reserve_offer", recipient_address=world.intermediary_a.email).exists()


def test_the_coordinator_plans_a_no_show_again_from_the_board(page, live_url, world, published, screenshot):
    sara = given_to_reserve(rider(published, "Sara"))
    log_in_as_coordinator(page, live_url, world.alice)
    page.goto(f"{live_url}/campaigns/{world.campaign_a.pk}/project-week/")
    given = page.locator(f"[data-given-to-reserve='{sara.pk}']")
    expect(given).to_contain_text("Sara")
    assert axe(page) == []
    screenshot(page, "given-to-a-reserve")

    given.locator("[data-plan-again]").click()

    expect(page.locator(".alert-success")).to_be_visible()
    expect(page.locator("[data-given-to-reserves]")).to_have_count(0)
    assert Interview.objects.get(pk=sara.pk).evaluation_waived_because == ""
