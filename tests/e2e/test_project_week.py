"""Browser flow of the project-week board: a coordinator generates the schedule, moves one interview by hand
(first into a taken slot, which is refused in words), and publishes; only then do the messages go out."""

from playwright.sync_api import expect

from jobroad.models import Message

from ..campaigns.test_project_week import DAY, week  # noqa: F401 (the fixture)
from .test_companies import log_in_as_coordinator


def test_generate_move_and_publish(page, live_url, world, week, screenshot):  # noqa: F811
    participation, _proposals = week
    participation.interviews_until = participation.interviews_until.replace(hour=12, minute=30)  # three slots
    participation.save()
    log_in_as_coordinator(page, live_url, world.alice)

    page.goto(f"{live_url}/campaigns/{world.campaign_a.pk}/")
    page.locator(f"a[href='/campaigns/{world.campaign_a.pk}/project-week/']").first.click()
    page.locator("[data-generate]").click()
    expect(page.locator("[data-interview]")).to_have_count(3)
    expect(page.locator("[data-publish]")).to_contain_text("3")
    screenshot(page, "board-generated")

    page.locator("[data-interview] a").last.click()
    page.locator("input[name=starts_at]").fill("11:00")
    page.locator("[data-move-form] [type=submit]").click()
    expect(page.locator(".alert-danger, .alert-block")).to_be_visible()
    screenshot(page, "move-refused")
    participation.interviews_until = participation.interviews_until.replace(hour=13, minute=0)  # a fourth slot
    participation.save()
    page.locator("input[name=starts_at]").fill("12:30")
    page.locator("[data-move-form] [type=submit]").click()
    expect(page.locator("[data-interview]").last).to_contain_text("12:30")
    screenshot(page, "board-moved")
    assert not Message.objects.filter(template="interview_scheduled").exists()  # nothing sent before publishing

    page.locator("[data-publish]").click()
    expect(page.locator("[data-week-state]")).to_contain_text("1")
    expect(page.locator("[data-publish]")).to_contain_text("0")
    screenshot(page, "board-published")
    assert Message.objects.filter(template="interview_scheduled").exists()
    assert DAY.isoformat() in page.content()
