"""Browser flow (issue 22, item 2): on a phone, a coordinator records the residents who came to a held workshop
without a name on its list, by reception centre and gender, and sees the residents reached change on the campaign
page and in the report — the candidates among them and the company people apart. Selectors use names and data
attributes, not words."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from jobroad.models import OrganisationKind
from tests.factories import OrganisationFactory
from workshops.models import Audience, Registration, RegistrationStatus, Session, Workshop, WorkshopKind

from .conftest import axe, log_in_as_coordinator


@pytest.fixture
def held_session(world):
    """Campaign A's labour-market workshop two hours ago at Opvangcentrum Heidedorp; Amal came."""
    centre = OrganisationFactory(name="Opvangcentrum Heidedorp", kind=OrganisationKind.RECEPTION_CENTRE)
    world.campaign_a.reception_centres.add(centre)
    workshop = Workshop.objects.create(
        campaign=world.campaign_a, kind=WorkshopKind.LABOUR_MARKET, audience=Audience.CANDIDATES
    )
    start = timezone.now() - timedelta(hours=2)
    session = Session.objects.create(
        workshop=workshop, starts_at=start, ends_at=start + timedelta(hours=1), place="Leslokaal 2"
    )
    Registration.objects.create(
        session=session, candidate=world.candidate_a, status=RegistrationStatus.REGISTERED, attended=True
    )
    return session, centre


def figure(page, name: str):
    return page.locator(f"[data-figure='{name}']").first


def test_a_coordinator_records_a_headcount_and_sees_residents_reached_grow(
    phone_page, live_url, world, held_session, screenshot
):
    session, centre = held_session
    page = phone_page
    log_in_as_coordinator(page, live_url, world.alice)
    page.goto(f"{live_url}/campaigns/{world.campaign_a.pk}/")
    expect(figure(page, "residents_reached")).to_have_attribute("data-value", "1")

    page.goto(f"{live_url}/workshops/sessions/{session.pk}/attendance/")
    page.locator(f"input[name=people_{centre.pk}_woman]").fill("6")
    page.locator(f"input[name=people_{centre.pk}_man]").fill("4")
    page.locator("input[name=people_none_other]").fill("2")
    screenshot(page, "headcount-filled")
    assert axe(page) == []
    page.locator("#headcount form [type=submit]").click()
    expect(page.locator("#headcount")).to_have_attribute("data-headcount-total", "12")
    expect(page.locator(f"input[name=people_{centre.pk}_woman]")).to_have_value("6")
    screenshot(page, "headcount-saved")

    page.goto(f"{live_url}/campaigns/{world.campaign_a.pk}/")
    expect(figure(page, "residents_reached")).to_have_attribute("data-value", "13")
    expect(figure(page, "residents_candidates")).to_have_attribute("data-value", "1")
    expect(figure(page, "company_people")).to_have_attribute("data-value", "0")
    screenshot(page, "campaign-residents-reached")

    page.goto(f"{live_url}/campaigns/reports/?campaign={world.campaign_a.pk}")
    targets = f"targets.{world.campaign_a.pk}"
    expect(figure(page, f"{targets}.residents_reached")).to_have_attribute("data-value", "13")
    expect(figure(page, f"{targets}.residents_candidates")).to_have_attribute("data-value", "1")
    expect(figure(page, f"{targets}.company_people")).to_have_attribute("data-value", "0")
