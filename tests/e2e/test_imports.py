"""Browser flow: an intermediary, on a phone, imports a file of candidates — sees the row to fix, uploads the
corrected file, confirms, and finds the candidates in the list."""

import pytest
from playwright.sync_api import expect

from candidates.models import Candidate, TargetGroup
from jobroad.models import OrganisationKind, PendingImport
from tests.factories import OrganisationFactory

from .conftest import log_in

HEADER = "Voornaam;Achternaam;Geboortejaar;Nationaliteit;Verblijfsstatus;Opleidingsniveau;Opvangcentrum;Talen"
GOOD = [
    "Samira;Ahmadi;1994;AF;recognised_refugee;low;Opvangcentrum Heidedorp;prs C2; nl A2",
    "Dawit;Tesfay;1990;Eritrea;Recognised refugee;Medium (ISCED 3–4);Opvangcentrum Heidedorp;ti C2",
]
BAD = "Nour;Saleh;negentig;SY;recognised_refugee;low;Opvangcentrum Heidedorp;ar C2"
FIXED = "Nour;Saleh;1999;SY;recognised_refugee;low;Opvangcentrum Heidedorp;ar C2"


def csv_file(*rows: str) -> dict:
    # Quoted languages keep their "; " inside the cell.
    lines = [HEADER, *(row.replace("prs C2; nl A2", '"prs C2; nl A2"') for row in rows)]
    return {"name": "kandidaten.csv", "mimeType": "text/csv", "buffer": ("\n".join(lines) + "\n").encode()}


@pytest.fixture
def intake(world):
    OrganisationFactory(name="Opvangcentrum Heidedorp", kind=OrganisationKind.RECEPTION_CENTRE)
    world.campaign_a.target_group = TargetGroup.REFUGEES
    world.campaign_a.save()
    return world


def test_an_intermediary_imports_candidates_on_a_phone(phone_page, live_url, intake, screenshot):
    page, world = phone_page, intake
    log_in(page, live_url, world.intermediary_a.email)
    page.goto(f"{live_url}/candidates/")
    screenshot(page, "candidate-list")

    page.locator("a[data-import]").click()
    page.locator("input[name=file]").set_input_files(csv_file(GOOD[0], BAD, GOOD[1]))
    screenshot(page, "upload")
    page.locator("input[name=upload]").click()

    error = page.locator("[data-row-error='3']")
    expect(error).to_be_visible()
    expect(error).to_contain_text("C · Geboortejaar")
    expect(page.locator("[data-confirm-blocked]")).to_be_visible()
    expect(page.locator("input[name=confirm]")).to_have_count(0)
    screenshot(page, "preview-with-an-error")
    assert not Candidate.objects.filter(first_name__in=["Samira", "Dawit", "Nour"]).exists()

    page.locator("input[name=file]").set_input_files(csv_file(GOOD[0], FIXED, GOOD[1]))
    page.locator("input[name=upload]").click()
    expect(page.locator("[data-row-error]")).to_have_count(0)
    expect(page.locator("[data-row]")).to_have_count(3)
    screenshot(page, "preview-ready")

    page.locator("input[name=confirm]").click()

    expect(page).to_have_url(f"{live_url}/candidates/")
    for name in ("Samira Ahmadi", "Nour Saleh", "Dawit Tesfay"):
        expect(page.locator("[data-candidate]", has_text=name)).to_be_visible()
    screenshot(page, "imported")
    assert Candidate.objects.filter(registered_by=world.intermediary_org_a, campaigns=world.campaign_a).count() == 4
    assert not PendingImport.objects.exists()
