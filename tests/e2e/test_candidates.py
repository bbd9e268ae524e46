"""An intermediary, on a phone, registers a candidate with consent, is warned about a duplicate, prints the form."""

from playwright.sync_api import expect

from candidates.models import Candidate
from tests.pdftext import compact, pdf_text

from .conftest import log_in


def fill_registration(page, world) -> None:
    page.locator("input[name=first_name]").fill("Samir")
    page.locator("input[name=last_name]").fill("Khalil")
    page.locator("input[name=reference_number]").fill("HB-2026-0042")
    page.locator("select[name=gender]").select_option("man")
    page.locator("input[name=birth_year]").fill("1994")
    page.locator("select[name=nationality]").select_option("SY")
    page.locator("select[name=residence_status]").select_option("asylum_applicant")
    page.locator("input[name=asylum_application_date]").fill("2026-01-10")
    page.locator("input[name=postal_code]").fill("9100")
    page.locator("input[name=city]").fill("Heidedorp")
    page.locator("select[name=preferred_language]").select_option("ar")
    page.locator("input[name=phone]").fill("+32 470 00 12 34")
    page.locator("select[name=education_level]").select_option("medium")
    page.locator("textarea[name=experience_summary]").fill("Tailor for six years in Aleppo.")
    page.locator("input[name=desired_sectors][value=industry]").check()
    page.locator("input[name=available_shifts][value=day]").check()
    page.locator("select[name=target_group]").select_option("asylum_applicants")
    page.locator("select[name=languages-0-language]").select_option("ar")
    page.locator("select[name=languages-0-level]").select_option("C2")
    page.locator("select[name=languages-1-language]").select_option("nl")
    page.locator("select[name=languages-1-level]").select_option("A2")
    page.locator("input[name=share_profile]").check()
    page.locator("input[name=contact]").check()


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
