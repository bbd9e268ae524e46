"""An intermediary, on a phone, registers a candidate with consent, is warned about a duplicate, prints the form."""

from playwright.sync_api import expect

from candidates.models import Candidate
from tests.pdftext import compact, pdf_text

from .conftest import log_in
from .registration_form import fill_registration


def test_an_intermediary_registers_a_candidate_with_consent_on_a_phone(phone_page, live_url, world, screenshot):
    page = phone_page
    log_in(page, live_url, world.intermediary_a.email)
    page.goto(f"{live_url}/candidates/")
    expect(page.locator("[data-openings] a")).to_have_count(1)
    screenshot(page, "candidates")

    page.locator("[data-openings] a").click()
    fill_registration(page, world)
    screenshot(page, "registration-form")
    page.locator("button[name=save]").click()

    expect(page.locator("h1")).to_have_text("Samir Khalil")
    expect(page.locator("[data-legal-access=from_date]").first).to_contain_text("2026")
    expect(page.locator("[data-consent='share_profile:given']")).to_be_visible()
    screenshot(page, "registered")
    candidate = Candidate.objects.get(last_name="Khalil")
    assert (candidate.registered_by, candidate.preferred_language) == (world.intermediary_org_a, "ar")

    page.goto(f"{live_url}/candidates/register/{world.campaign_a.pk}/")
    fill_registration(page, world)
    page.locator("button[name=save]").click()

    expect(page.locator("[data-duplicates]")).to_be_visible()
    expect(page.locator(f"[data-duplicate='{candidate.pk}'] a")).to_have_text("Samir Khalil")
    expect(page.locator("input[name=register_anyway]")).to_be_visible()
    screenshot(page, "duplicate-warning")
    assert Candidate.objects.filter(last_name="Khalil").count() == 1

    page.goto(f"{live_url}/candidates/{candidate.pk}/")
    expect(page.locator("select[name=language]")).to_have_value("ar")
    screenshot(page, "print-consent-form")
    with page.expect_response(lambda response: "/consent-form/" in response.url) as printed:
        page.locator("form[action$='/consent-form/'] button[type=submit]").click()

    response = printed.value
    assert (response.status, response.headers["content-type"]) == (200, "application/pdf")
    # Headless Chromium hands a PDF to its download manager; fetch the same URL with the same session to read it.
    text = pdf_text(page.context.request.get(response.url).body())
    assert "SamirKhalil" in compact(text) and "HB-2026-0042" in text
    assert compact(text.splitlines()[0]).endswith("JobRoad")  # Arabic: right to left
