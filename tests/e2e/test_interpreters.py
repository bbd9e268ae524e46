"""Browser flow of the interpreters (issue 23, item 2): a coordinator adds a Tigrinya interpreter to the register
with the project-week day she is free, books her for the campaign, and after the schedule is generated and
published, the booking covers Yonas's interview and its day sheet names him by first name."""

from datetime import time

from playwright.sync_api import expect

from campaigns.projectweek import services as projectweek_services
from campaigns.projectweek.interpreters.models import Interpreter
from tests.factories import DAY
from tests.pdftext import pdf_text

from .conftest import log_in_as_coordinator


def test_a_coordinator_registers_and_books_an_interpreter_whose_day_sheet_follows_the_schedule(
    page, live_url, world, week, screenshot
):
    participation, proposals = week
    participation.interviews_until = time(12, 30)
    participation.save()
    yonas = next(p.enrolment.candidate for p in proposals if p.enrolment.candidate.first_name == "Yonas")
    yonas.languages.all().delete()
    yonas.preferred_language = "ti"
    yonas.save()
    log_in_as_coordinator(page, live_url, world.alice)

    page.goto(f"{live_url}/campaigns/")
    page.locator("[data-interpreter-register]").click()
    page.locator("[data-interpreter-add]").click()
    page.locator("input[name=name]").fill("Hiwet Tesfay")
    page.locator("select[name=kind]").select_option("service")
    page.locator("select[name=languages]").select_option(["ti", "am"])
    page.locator("input[name=phone]").fill("0470 11 22 33")
    page.locator(f"input[name=free_days][value='{DAY.isoformat()}']").check()
    page.locator("input[name=cost_per_day]").fill("95")
    page.locator("[data-interpreter-form] [type=submit]").click()
    expect(page.locator("[data-interpreters]")).to_contain_text("Hiwet Tesfay")

    page.goto(f"{live_url}/campaigns/{world.campaign_a.pk}/project-week/")
    page.locator("[data-interpreters]").click()
    expect(page.locator("[data-needed]")).to_contain_text("Tigrinya")
    hiwet = Interpreter.objects.get(name="Hiwet Tesfay")
    page.locator("[data-booking-form] select[name=interpreter]").select_option(str(hiwet.pk))
    page.locator("[data-booking-form] select[name=day]").select_option(DAY.isoformat())
    page.locator("[data-booking-form] select[name=language]").select_option("ti")
    page.locator("[data-booking-form] [type=submit]").click()
    expect(page.locator(".alert-success")).to_be_visible()
    expect(page.locator("[data-booking]")).to_contain_text("95")

    projectweek_services.generate_schedule(campaign=world.campaign_a, actor=world.alice)
    projectweek_services.publish_schedule(campaign=world.campaign_a, actor=world.alice)
    page.reload()
    screenshot(page, "interpreters-booked")
    expect(page.locator("[data-booking]")).to_contain_text("1")
    sheet = page.request.get(live_url + page.locator("[data-day-sheet]").get_attribute("href"))
    text = pdf_text(sheet.body())
    assert "Hiwet Tesfay" in text and "Yonas" in text and yonas.last_name not in text
