"""Browser flow of a transport change (issue 23): with the week published and its runs announced, a coordinator
moves Sara's interview to the next day and publishes; only Sara, her intermediary and her run's escort hear about
the pick-up, never Amal (same run) nor Yonas and his escort (another run); the transport page then says Sara has
no way to get to her visit that day."""

from datetime import timedelta

from playwright.sync_api import expect

from campaigns.projectweek import services as projectweek_services
from candidates.models import ConsentPurpose
from candidates.services import record_consent
from jobroad.models import Message
from tests.campaigns.projectweek.transport.world import centres_for, van_run
from tests.factories import DAY

from .conftest import log_in_as_coordinator


def test_moving_an_interview_tells_only_the_people_of_the_run_it_changes(page, live_url, world, week, published,
                                                                        screenshot):  # fmt: skip
    participation, _proposals = week
    participation.available_days = [DAY.isoformat(), (DAY + timedelta(days=1)).isoformat()]
    participation.save()
    heidebloem, kapellen = centres_for(published)
    for interview in published:
        candidate = interview.enrolment.candidate
        candidate.email = f"{candidate.first_name.lower()}@example.org"
        candidate.save()
        record_consent(candidate=candidate, purpose=ConsentPurpose.CONTACT, actor=world.alice, language="nl")
    van_run(world.campaign_a, heidebloem, escort=world.alice, escort_name="")
    van_run(world.campaign_a, kapellen, escort=world.bob, escort_name="")
    projectweek_services.publish_schedule(campaign=world.campaign_a, actor=world.alice)  # the runs are announced
    Message.objects.filter(template="transport_pickup").delete()
    sara = next(i for i in published if i.enrolment.candidate.first_name == "Sara")
    log_in_as_coordinator(page, live_url, world.alice)

    page.goto(f"{live_url}/campaigns/interviews/{sara.pk}/move/")
    page.wait_for_load_state()
    page.locator("[data-move-form] select[name=day]").select_option((DAY + timedelta(days=1)).isoformat())
    page.locator("[data-move-form] input[name=starts_at]").fill("11:00")
    page.locator("[data-move-form] [type=submit]").click()
    expect(page.locator(".alert-success")).to_be_visible()
    page.locator("[data-publish]").click()
    page.locator("input[name=confirm]").check()
    page.locator("[data-publish-confirm]").click()
    expect(page.locator("[data-publish]")).to_contain_text("0")
    page.locator("[data-transport]").click()
    screenshot(page, "transport-after-move")

    told = sorted(
        (
            m.context["audience"],
            m.context.get("candidate", ", ".join(m.context.get("passengers", []))),
            m.recipient_address,
        )
        for m in Message.objects.filter(template="transport_pickup")
    )
    assert told == [
        ("candidate", "Sara", "sara@example.org"),
        ("escort", "Amal", world.alice.email),
        ("intermediary", "Sara", world.intermediary_a.email),
    ]
    next_day = page.locator(f"[data-transport-day='{(DAY + timedelta(days=1)).isoformat()}']")
    expect(next_day.locator("[data-transport-problems]")).to_contain_text("Sara")  # no run from her centre that day
