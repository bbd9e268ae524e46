"""A funder viewer, on a 375 px phone, opens the reports from the menu, narrows them to one campaign, reads the
funnel and its chart, and downloads the workbook and the funder report."""

import re

from playwright.sync_api import expect

from .conftest import log_in


def test_a_funder_reads_the_report_of_one_campaign_on_a_phone(phone_page, live_url, world, cohort, screenshot):

    page = phone_page
    log_in(page, live_url, world.funder_viewer.email)
    screenshot(page, "logged-in")

    page.locator(".navbar-toggler").click()
    page.locator("#main-nav a[href='/campaigns/reports/']").click()
    expect(page.locator("[data-report-filters]")).to_be_visible()
    screenshot(page, "reports")

    page.locator("select[name=campaign]").select_option(label="Campaign A")
    page.locator("[data-report-filters] button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"/campaigns/reports/\?campaign={world.campaign_a.pk}&"))
    expect(page.locator("[data-report-scope]")).to_contain_text("Campaign A")
    funnel = page.locator("[data-report-table=funnel]")
    expect(funnel.locator("tbody tr")).to_have_count(7)
    expect(funnel.locator("tbody tr").first.locator("td")).to_have_text(["5", "100 %"])  # 7, rounded to five
    expect(funnel.locator("tbody tr").last.locator("td")).to_have_text(["x", "—"])  # fewer than five: hidden
    chart = funnel.locator("svg[data-chart=funnel]")
    expect(chart).to_be_visible()
    expect(chart.locator("rect")).to_have_count(7)  # every stage has its bar
    expect(chart.locator("text[data-bar]", has_text="<5")).to_have_count(3)  # the three under five people: "<5"
    funnel.scroll_into_view_if_needed()
    screenshot(page, "campaign-a")

    workbook = page.request.get(f"{live_url}{page.locator('[data-export-xlsx]').get_attribute('href')}")
    report = page.request.get(f"{live_url}{page.locator('[data-report-pdf]').get_attribute('href')}")
    assert (workbook.status, workbook.body()[:2]) == (200, b"PK")
    assert (report.status, report.body()[:4]) == (200, b"%PDF")
    assert report.headers["content-type"] == "application/pdf"
