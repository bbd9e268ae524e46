"""The registration form filled in on a phone, as an intermediary types it: shared by tests/e2e/test_candidates.py and
tests/e2e/test_name_variants.py."""


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
