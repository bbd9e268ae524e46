"""Company HR never learns a proposed candidate's nationality, status, birth date or notes (DESIGN §2).

Sentinel values go into every sensitive field; then every page HR may open — every URL of the role matrix that
HR is allowed, including exports and PDFs — is read and searched for them."""

import io
import re
from datetime import date

import openpyxl
import pytest
from django.urls import reverse
from django.utils import translation

from campaigns.models import CampaignPhase
from candidates.models import ResidenceStatus, Screening
from tests.access_matrix import MATRIX
from tests.factories import matchable, set_phase
from tests.pdftext import pdf_text

from .actions import confirm, run

SENTINELS = {
    "last name": "Zyxwarthog",
    "reference number": "REF-SENTINEL-4417",
    "nationality": "Eritrea",
    "nationality code": "ER",
    "status": "Asylum applicant",
    "birth year": "1961",
    "application date": "2025-03-17",
    "street": "Sentinelstraat 99",
    "phone": "+32 470 99 88 77",
    "e-mail": "sentinel.person@example.org",
    "screening notes": "SENTINEL-SCREENING-NOTE",
    "test results": "SENTINEL-TEST-RESULT",
    "availability notes": "SENTINEL-AVAILABILITY",
}


@pytest.fixture
def proposed(world, client_for):
    candidate = world.candidate_a
    candidate.last_name = SENTINELS["last name"]
    candidate.reference_number = SENTINELS["reference number"]
    candidate.nationality = SENTINELS["nationality code"]
    candidate.residence_status = ResidenceStatus.ASYLUM_APPLICANT
    candidate.asylum_application_date = date.fromisoformat(SENTINELS["application date"])
    candidate.birth_year = int(SENTINELS["birth year"])
    candidate.street = SENTINELS["street"]
    candidate.phone = SENTINELS["phone"]
    candidate.email = SENTINELS["e-mail"]
    candidate.availability_note = SENTINELS["availability notes"]
    candidate.save()
    enrolment = matchable(world, candidate)
    Screening.objects.filter(enrolment=enrolment).update(
        notes=SENTINELS["screening notes"], test_results=SENTINELS["test results"]
    )
    set_phase(world.campaign_a, CampaignPhase.MATCHING)
    coordinator = client_for(world.alice)
    run(coordinator, world)
    confirm(coordinator, world)
    return candidate


def readable(response) -> str:
    """A response's text as a person would read it: a PDF through pdftotext, a spreadsheet cell by cell."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if kind.startswith("application/pdf"):
        return pdf_text(content)
    if "spreadsheetml" in kind:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        return "\n".join(str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row)
    return content.decode(errors="replace")


def shows(body: str, value: str) -> bool:
    """Whole words only: the two-letter nationality code is inside many ordinary words."""
    return re.search(rf"(?<!\w){re.escape(value)}(?!\w)", body) is not None


def hr_pages():
    yield "proposal_list", {}
    for case in MATRIX:
        if "hr_a" in case.allowed and case.method == "get":
            yield case.name, case.kwargs


def test_the_sentinels_are_really_in_the_coordinators_view(client_for, world, proposed):
    page = client_for(world.alice).get(
        reverse("candidate_detail", kwargs={"pk": proposed.pk}), headers={"Accept-Language": "en"}
    )

    assert SENTINELS["last name"] in page.content.decode()
    assert SENTINELS["nationality"] in page.content.decode()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_no_hr_page_shows_a_proposed_candidates_sensitive_data(client_for, world, proposed, language):
    client = client_for(world.hr_a)
    shown = client.get(reverse("proposal_list")).context["proposals"]
    assert [item.profile.first_name for item, _form in shown] == [proposed.first_name]  # HR does see the profile

    with translation.override(language):
        status = str(ResidenceStatus.ASYLUM_APPLICANT.label)
    for name, kwargs in hr_pages():
        response = client.get(
            reverse(name, kwargs=kwargs(world) if callable(kwargs) else kwargs), headers={"Accept-Language": language}
        )
        assert response.status_code == 200, name
        body = readable(response)
        leaked = [field for field, value in {**SENTINELS, "status": status}.items() if shows(body, value)]
        assert leaked == [], f"{name} shows {leaked}"
