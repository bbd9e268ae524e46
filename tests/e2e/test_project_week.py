"""Browser flow of the project week: a coordinator generates the schedule, moves one interview by hand (the live
check says a taken slot does not work before the move is refused in words), generates again (asked first; the move
is kept and the page says so), publishes (only then do messages go
out) and prints the pack; HR then confirms its day, sees that the evaluations open when the interviews start, and
on the day fills one on a 375 px phone."""

from datetime import datetime, time

from django.utils import timezone
from playwright.sync_api import expect

from campaigns.models import Evaluation
from jobroad.models import Message
from tests.factories import DAY

from .conftest import log_in, log_in_as_coordinator


def test_generate_move_publish_print_and_evaluate(
    page,
    phone_page,
    live_url,
    world,
    week,
    screenshot,
    time_machine,
):
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
    page.wait_for_load_state()  # the live check's script listens from here on
    page.locator("[data-move-form] input[name=starts_at]").fill("11:00")
    expect(page.locator("[data-conflicts] li")).to_have_count(1)  # the live check, before submitting
    page.locator("[data-move-form] [type=submit]").click()
    expect(page.locator(".alert-danger, .alert-block")).to_be_visible()
    screenshot(page, "move-refused")
    participation.interviews_until = participation.interviews_until.replace(hour=13, minute=0)  # a fourth slot
    participation.save()
    page.locator("[data-move-form] input[name=starts_at]").fill("12:30")
    page.locator("[data-move-form] [type=submit]").click()
    expect(page.locator("[data-interview]").last).to_contain_text("12:30")
    screenshot(page, "board-moved")
    assert not Message.objects.filter(template="interview_scheduled").exists()  # nothing sent before publishing

    page.locator("[data-generate]").click()  # generating again asks first: a move made by hand is at stake
    expect(page.locator("[data-regeneration]")).to_have_attribute("data-hand-moves", "1")
    page.locator("input[name=confirm]").check()
    page.locator("[data-generate-confirm]").click()
    expect(page.locator(".alert-success")).to_contain_text("1")  # "1 interview you moved by hand stayed …"
    expect(page.locator("[data-interview]").last).to_contain_text("12:30")
    expect(page.locator("[data-moved-by-hand]")).to_have_count(1)
    screenshot(page, "board-regenerated-move-kept")

    page.locator("[data-publish]").click()  # asks first, naming what goes out
    expect(page.locator("[data-publication]")).to_contain_text("3")  # changed interviews: 3 candidates' schedules
    assert not Message.objects.filter(template="interview_scheduled").exists()
    page.locator("input[name=confirm]").check()
    screenshot(page, "publish-confirm")
    page.locator("[data-publish-confirm]").click()
    expect(page.locator("[data-week-state]")).to_contain_text("1")
    expect(page.locator("[data-publish]")).to_contain_text("0")
    screenshot(page, "board-published")
    assert Message.objects.filter(template="interview_scheduled").exists()
    assert DAY.isoformat() in page.content()

    with page.expect_response(lambda response: "pack.pdf" in response.url) as pack:
        page.evaluate("url => fetch(url)", page.locator("[data-pack]").get_attribute("href"))
    assert pack.value.status == 200 and pack.value.body().startswith(b"%PDF")

    log_in(phone_page, live_url, world.hr_a.email)
    phone_page.locator("[data-interviews-link]").first.click()
    expect(phone_page.locator("[data-hr-interview]")).to_have_count(3)
    phone_page.locator("[data-confirm-day]").click()
    expect(phone_page.locator("[data-day-confirmed]")).to_be_visible()
    expect(phone_page.locator("[data-evaluation-opens]")).to_have_count(3)  # before the interviews: not yet
    screenshot(phone_page, "hr-day-confirmed")
    time_machine.move_to(datetime.combine(DAY, time(17), tzinfo=timezone.get_current_timezone()))
    log_in(phone_page, live_url, world.hr_a.email)  # months later: the session has expired
    phone_page.locator("[data-interviews-link]").first.click()
    expect(phone_page.locator("[data-evaluation-opens]")).to_have_count(0)
    phone_page.locator("[data-hr-interview] a").first.click()
    phone_page.locator("input[name=attendance][value=attended]").check()
    phone_page.locator("input[name=outcome][value=offer]").check()
    phone_page.locator("select[name=start_route]").select_option("workplace_learning")
    phone_page.locator("input[name=proposed_start]").fill("2027-05-10")
    phone_page.locator("textarea[name=feedback]").fill("Rustig en nauwkeurig.")
    screenshot(phone_page, "hr-evaluation-form")
    phone_page.locator("[data-evaluation-form] [type=submit]").click()
    badge = phone_page.locator("[data-hr-interview] [data-evaluated]").first
    expect(badge).to_have_attribute("data-evaluated", "offer")
    screenshot(phone_page, "hr-evaluated")
    evaluation = Evaluation.objects.get()
    assert (evaluation.outcome, evaluation.start_route, evaluation.filled_by) == (
        "offer", "workplace_learning", world.hr_a,
    )  # fmt: skip
