"""Daily work without friction (issue 25, items 1, 2 and 5), on a phone: importing the valid rows and getting the
rejected ones back as a file; the registration form's error summary, folding sections and steps saved as one goes;
screening with the profile beside the rubric, "save and next" and a decision for a selection. axe checks every new
page."""

from datetime import date

import pytest
from playwright.sync_api import expect

from campaigns.models import CampaignPhase, PhasePlan
from candidates.models import Candidate, Screening, TargetGroup
from jobroad.models import OrganisationKind, PendingImport
from tests.factories import CandidateFactory, OrganisationFactory, set_phase

from .conftest import axe, log_in

HEADER = "Voornaam;Achternaam;Geboortejaar;Nationaliteit;Verblijfsstatus;Opleidingsniveau;Opvangcentrum;Talen"
GOOD = [
    "Samira;Ahmadi;1994;AF;recognised_refugee;low;Opvangcentrum Heidedorp;prs C2",
    "Dawit;Tesfay;1990;Eritrea;Recognised refugee;Medium (ISCED 3–4);Opvangcentrum Heidedorp;ti C2",
]
BAD = "Nour;Saleh;negentig;SY;recognised_refugee;low;Opvangcentrum Heidedorp;ar C2"


def csv_file(*rows: str) -> dict:
    return {"name": "kandidaten.csv", "mimeType": "text/csv", "buffer": ("\n".join([HEADER, *rows]) + "\n").encode()}


@pytest.fixture
def intake(world):
    OrganisationFactory(name="Opvangcentrum Heidedorp", kind=OrganisationKind.RECEPTION_CENTRE)
    world.campaign_a.target_group = TargetGroup.REFUGEES
    world.campaign_a.save()
    return world


def test_an_intermediary_imports_the_valid_rows_and_gets_the_rejected_one_back(
    phone_page, live_url, intake, screenshot
):
    page, world = phone_page, intake
    log_in(page, live_url, world.intermediary_a.email)
    page.goto(f"{live_url}/imports/candidates/")
    page.locator("input[name=file]").set_input_files(csv_file(GOOD[0], BAD, GOOD[1]))
    page.locator("input[name=upload]").click()
    expect(page.locator("[data-row-error='3']")).to_be_visible()
    assert axe(page) == []
    screenshot(page, "preview-with-an-error")

    page.locator("[data-action=leave-out]").click()

    counts = page.locator("[data-partial-counts]")
    expect(counts).to_have_attribute("data-valid", "2")
    expect(counts).to_have_attribute("data-left-out", "1")
    assert not Candidate.objects.filter(first_name__in=["Samira", "Dawit"]).exists()
    assert axe(page) == []
    screenshot(page, "confirm-the-valid-rows")
    page.locator("input[name=confirm]").click()

    expect(page.locator("[data-row-error='3']")).to_be_visible()
    expect(page.locator("[data-row]")).to_have_count(1)
    with page.expect_download() as download:
        page.locator("[data-rejected=csv]").click()
    with open(download.value.path(), encoding="utf-8-sig") as file:
        text = file.read()
    assert text.splitlines()[0].endswith(";Fout")
    assert "Nour;Saleh;negentig" in text
    assert sorted(Candidate.objects.filter(campaigns=world.campaign_a).values_list("first_name", flat=True)) == [
        "Amal", "Dawit", "Samira"]  # fmt: skip
    assert PendingImport.objects.count() == 1


def test_a_failed_registration_shows_an_error_summary_that_leads_to_each_field(
    phone_page, live_url, intake, screenshot
):
    page, world = phone_page, intake
    log_in(page, live_url, world.intermediary_a.email)
    page.goto(f"{live_url}/candidates/register/{world.campaign_a.pk}/")
    expect(page.locator("select[name=target_group]")).to_have_value(TargetGroup.REFUGEES)
    page.locator("input[name=first_name]").fill("Samir")
    page.locator("input[name=city]").fill("Heidedorp")

    page.locator("button[name=save]").click()

    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_have_attribute("role", "alert")
    expect(page.locator("[data-error-link='#id_last_name']")).to_be_visible()
    expect(page.locator("[data-section=identity]")).to_have_attribute("open", "")
    expect(page.locator("[data-section=project_week]")).not_to_have_attribute("open", "")
    expect(page.locator("[data-section=identity] [data-section-errors]")).to_be_visible()
    expect(page.locator("input[name=first_name]")).to_have_value("Samir")
    expect(page.locator("input[name=city]")).to_have_value("Heidedorp")
    assert axe(page) == []
    screenshot(page, "error-summary")

    page.locator("[data-error-link='#id_last_name']").click()

    expect(page.locator("#id_last_name")).to_be_focused()


def test_a_registration_saved_step_by_step_survives_leaving_the_page(phone_page, live_url, intake, screenshot):
    page, world = phone_page, intake
    log_in(page, live_url, world.intermediary_a.email)
    page.goto(f"{live_url}/candidates/register/{world.campaign_a.pk}/")
    page.locator("input[name=first_name]").fill("Samir")
    page.locator("input[name=last_name]").fill("Khalil")
    page.locator("select[name=gender]").select_option("man")

    page.locator("[data-section=identity] [data-save-section]").click()

    expect(page.locator("[data-section=legal]")).to_have_attribute("open", "")
    expect(page.locator("[data-section=identity]")).not_to_have_attribute("open", "")
    expect(page.locator("[data-draft]")).to_be_visible()
    assert axe(page) == []
    screenshot(page, "draft-next-step")
    page.locator("select[name=residence_status]").select_option("recognised_refugee")
    page.locator("[data-section=legal] [data-save-section]").click()
    page.goto(f"{live_url}/candidates/")  # a phone call; later, from the list

    page.locator("[data-draft-link]").click()

    expect(page.locator("input[name=last_name]")).to_have_value("Khalil")
    expect(page.locator("select[name=gender]")).to_have_value("man")
    expect(page.locator("select[name=residence_status]")).to_have_value("recognised_refugee")
    assert not Candidate.objects.filter(last_name="Khalil").exists()
    page.locator("input[name=city]").fill("Heidedorp")
    page.locator("input[name=postal_code]").fill("9100")
    page.locator("select[name=preferred_language]").select_option("ar")
    page.locator("select[name=education_level]").select_option("medium")
    page.locator("button[name=save]").click()
    expect(page.locator("h1")).to_contain_text("Samir")
    assert Candidate.objects.filter(last_name="Khalil", campaigns=world.campaign_a).count() == 1
    page.goto(f"{live_url}/candidates/")
    expect(page.locator("[data-draft-link]")).to_have_count(0)


@pytest.fixture
def screening(world):
    set_phase(world.campaign_a, CampaignPhase.SCREENING)
    PhasePlan.objects.create(
        campaign=world.campaign_a, phase=CampaignPhase.PROJECT_WEEK, starts_on=date(2027, 4, 19),
        ends_on=date(2027, 4, 23),
    )  # fmt: skip
    for first, last in (("Bram", "Zeeman"), ("Cor", "Aalders")):
        candidate = CandidateFactory(first_name=first, last_name=last, experience_summary=f"{first} bakte brood")
        world.campaign_a.enrolments.create(candidate=candidate)
    return world


def test_a_screener_saves_and_goes_on_then_decides_for_a_selection(phone_page, live_url, screening, screenshot):
    page, world = phone_page, screening
    cor = world.campaign_a.enrolments.get(candidate__first_name="Cor")
    log_in(page, live_url, world.screener_a.email)
    page.goto(f"{live_url}/candidates/screening/{cor.pk}/round-1/")
    expect(page.locator("[data-profile=experience]")).to_have_text("Cor bakte brood")
    assert axe(page) == []
    screenshot(page, "screening-form")
    for name in Screening.RUBRIC:
        page.locator(f"[data-rubric={name}] label", has_text="4").click()

    page.locator("[data-action=save-and-next]").click()

    expect(page.locator("h1")).to_contain_text(str(world.candidate_a))  # Haddad comes after Aalders
    page.goto(f"{live_url}/candidates/screening/campaign/{world.campaign_a.pk}/")
    assert axe(page) == []
    screenshot(page, "board")
    page.locator("[data-tick]").nth(1).check()
    page.locator("[data-tick]").nth(2).check()
    page.locator("label[for=bulk-reserve]").click()
    page.locator("[data-action=bulk-decide]").click()

    summary = page.locator("[data-bulk-summary]")
    expect(summary).to_have_attribute("data-count", "2")
    expect(summary).to_have_attribute("data-decision", "reserve")
    assert axe(page) == []
    screenshot(page, "bulk-confirmation")
    assert not Screening.objects.filter(decision="reserve").exists()
    page.locator("[data-action=confirm-bulk]").click()

    expect(page.locator("[data-count=reserve] .badge")).to_have_text("2")
    decided = Screening.objects.filter(decision="reserve").values_list("enrolment__candidate__first_name", flat=True)
    assert sorted(decided) == sorted([world.candidate_a.first_name, "Bram"])
