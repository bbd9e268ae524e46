"""Browser flow of the employer network: a coordinator takes a company from lead to ambassador — a logged contact
makes it "contacted", then committed, taking part and ambassador with its profile — checking the company page and
the pipeline after each step, on a phone, with axe on the new pages. A step back without a reason is refused.

Selectors use names, URLs and data attributes rather than words, so the flow holds in every UI language."""

from playwright.sync_api import expect

from companies.models import AmbassadorProfile, StageChange
from tests.factories import CompanyFactory

from .conftest import axe, log_in_as_coordinator


def move_to(page, stage: str) -> None:
    page.locator("form[action$='/stage/'] select[name=stage]").select_option(stage)
    page.locator("form[action$='/stage/'] [type=submit]").click()


def test_a_coordinator_moves_a_company_through_the_pipeline_to_ambassador(phone_page, live_url, world, screenshot):
    page = phone_page
    company = CompanyFactory(organisation__name="Bakkerij Zonneveld", sector="food")
    stage = page.locator("[data-network] [data-stage]")
    log_in_as_coordinator(page, live_url, world.alice)

    page.goto(f"{live_url}/companies/network/")
    expect(page.locator(f"[data-stage-column=lead] [data-company='{company.pk}']")).to_be_visible()
    assert axe(page) == []
    screenshot(page, "pipeline-lead")

    page.goto(f"{live_url}/companies/{company.pk}/")
    expect(stage).to_have_attribute("data-stage", "lead")
    assert axe(page) == []
    contact = page.locator("form[action$='/contacts/new/']")
    contact.locator("input[name=contacted_on]").fill("2027-01-05")
    contact.locator("select[name=method]").select_option("phone")
    contact.locator("input[name=contact_person]").fill("Bart Bakker")
    contact.locator("textarea[name=summary]").fill("Interesse in de campagne van maart.")
    contact.locator("input[name=next_step]").fill("Bezoek plannen")
    contact.locator("[type=submit]").click()
    expect(page).to_have_url(f"{live_url}/companies/{company.pk}/#contact-log")
    expect(stage).to_have_attribute("data-stage", "contacted")
    expect(page.locator("[data-contact]")).to_contain_text("Bart Bakker")
    expect(page.locator("[data-contact]")).to_contain_text("Bezoek plannen")
    screenshot(page, "contacted")

    move_to(page, "committed")
    expect(stage).to_have_attribute("data-stage", "committed")
    move_to(page, "taking_part")
    expect(stage).to_have_attribute("data-stage", "taking_part")
    screenshot(page, "taking-part")

    move_to(page, "contacted")  # a step back without a reason: refused, on the form's own page
    expect(page.locator("main form .alert, main form .invalid-feedback, main .alert-block").first).to_be_visible()
    assert axe(page) == []
    page.goto(f"{live_url}/companies/{company.pk}/")
    expect(stage).to_have_attribute("data-stage", "taking_part")

    move_to(page, "ambassador")
    expect(stage).to_have_attribute("data-stage", "ambassador")
    expect(page.locator("h1 [data-ambassador]")).to_be_visible()
    page.locator(f"a[href='/companies/{company.pk}/ambassador/']").first.click()
    assert axe(page) == []
    page.locator("textarea[name=testimony]").fill("Wie hier start, blijft.")
    page.locator("input[name=hosts_workshops]").check()
    page.locator("input[name=second_chance][value=yes]").check()
    page.locator("main form [type=submit]").click()
    expect(page).to_have_url(f"{live_url}/companies/{company.pk}/#ambassador")
    expect(page.locator("[data-testimony]")).to_have_text("Wie hier start, blijft.")
    expect(page.locator("[data-second-chance]")).to_have_attribute("data-second-chance", "yes")
    expect(page.locator("[data-hosts-workshops]")).to_have_attribute("data-hosts-workshops", "yes")
    assert axe(page) == []
    screenshot(page, "ambassador")

    page.goto(f"{live_url}/companies/network/")
    expect(page.locator(f"[data-stage-column=ambassador] [data-company='{company.pk}']")).to_be_visible()
    screenshot(page, "pipeline-ambassador")
    page.locator("a[href='/companies/network/target/']").click()
    assert axe(page) == []
    page.locator("main form").evaluate("form => { form.noValidate = true; }")  # past the browser's own checks
    page.locator("input[name=companies_reached]").fill("")
    page.locator("main form [type=submit]").click()  # sent without a number: the form comes back with its error
    expect(page.locator("input[name=companies_reached].is-invalid")).to_be_visible()
    assert axe(page) == []
    assert list(StageChange.objects.filter(company=company).values_list("to_stage", flat=True)) == [
        "contacted", "committed", "taking_part", "ambassador"]  # fmt: skip
    assert AmbassadorProfile.objects.get(company=company).second_chance == "yes"
