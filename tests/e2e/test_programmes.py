"""A funder viewer, on a 375 px phone, goes from the reports to its funding programme, reads its targets against
actuals per year and over the whole period (counts of people published), and opens the programme's PDF and one
year's."""

from playwright.sync_api import expect

from tests.campaigns.programme_world import programme as programme  # the fixture

from .conftest import axe, log_in, log_in_as_coordinator


def test_a_funder_reads_its_programmes_targets_and_opens_its_pdf_on_a_phone(
    phone_page,
    live_url,
    world,
    programme,
    screenshot,
):
    page = phone_page
    log_in(page, live_url, world.funder_viewer.email)
    page.goto(f"{live_url}/campaigns/reports/")

    page.locator("[data-programmes-link]").click()
    page.get_by_role("link", name="Refugees2work").click()

    progress = page.locator("[data-programme-progress]")
    expect(progress.locator("thead th")).to_have_text(["Doel", "2023", "2024", "2025", "Hele periode"])
    people = progress.locator("tr[data-line=people] td")
    expect(people).to_have_count(4)
    # 7 and 2 people in 2024 and 2025: hidden; 9 in all, rounded to 10. The period is over: no projection.
    expect(people.nth(1)).to_contain_text("x / 180")
    expect(people.nth(3)).to_contain_text("10 / 540")
    expect(people.nth(3)).to_have_attribute("data-status", "behind")
    expect(page.locator("[data-behind-span=all]")).to_contain_text("Hele periode: achterstand op")
    screenshot(page, "programme")
    assert axe(page) == []

    whole_link = page.locator("[data-programme-pdf]").get_attribute("href")
    year_link = page.locator("[data-programme-pdf-year='2024']").get_attribute("href")
    whole, year = page.request.get(f"{live_url}{whole_link}"), page.request.get(f"{live_url}{year_link}")
    assert (whole.status, whole.body()[:4], whole.headers["content-type"]) == (200, b"%PDF", "application/pdf")
    assert (year.status, year.body()[:4]) == (200, b"%PDF")


def test_a_coordinator_keeps_a_programme_through_its_form_on_a_phone(phone_page, live_url, world, screenshot):
    page = phone_page
    log_in_as_coordinator(page, live_url, world.alice)
    page.goto(f"{live_url}/campaigns/programmes/")
    assert axe(page) == []

    page.locator("a[href='/campaigns/programmes/new/']").click()
    assert axe(page) == []
    page.locator("input[name=name]").fill("ESF+ oproep 529")
    page.locator("select[name=funder]").select_option(label="Fund")
    page.locator("input[name=starts_on]").fill("2026-01-01")
    page.locator("input[name=ends_on]").fill("2027-12-31")
    page.locator("input[name=target_actions_per_year]").fill("2")
    page.locator("input[name=target_candidates_per_action]").fill("30")
    screenshot(page, "form")
    page.locator("input[type=submit][name=save]").click()

    expect(page.locator("h1")).to_have_text("ESF+ oproep 529")
    people = page.locator("[data-programme-progress] tr[data-line=people] td")
    expect(people).to_have_count(3)  # 2026, 2027 and the whole period
    expect(people.nth(2)).to_contain_text("0 / 120")  # 2 actions a year, 2 years, 30 candidates each
