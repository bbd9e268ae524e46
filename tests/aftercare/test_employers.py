"""The employer of record apart from the workplace: temp work is employed by a temp agency (the client company is
the workplace), article 60 by an OCMW, every other route by the company itself — refused otherwise, with the reason,
in the service and in the forms; placements recorded before this (agency unknown) say so rather than guess."""

from datetime import date, datetime, time

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from aftercare import services
from aftercare.models import Placement, PlacementChange, PlacementRoute
from campaigns.projectweek import evaluations
from jobroad.models import Organisation, OrganisationKind
from tests.factories import CandidateFactory
from tests.factories.aftercare import employer_for
from tests.language import ENGLISH


@pytest.fixture
def agency(db) -> Organisation:
    return Organisation.objects.create(kind=OrganisationKind.TEMP_AGENCY, name="Flexwerk Interim", branch="Kortrijk")


@pytest.fixture
def ocmw(db) -> Organisation:
    return Organisation.objects.create(kind=OrganisationKind.OCMW, name="OCMW Teststad")


def record(world, route: str, employer=None) -> Placement:
    services.ensure_default_plans()
    return services.create_placement(
        candidate=world.candidate_a, company=world.company_a, campaign=world.campaign_a, route=route,
        employer=employer, starts_on=date(2027, 5, 10), actor=world.alice,
    )  # fmt: skip


def test_temp_work_without_a_temp_agency_is_refused_with_the_reason(world, english):
    with pytest.raises(services.PlacementRefused) as refusal:
        record(world, PlacementRoute.TEMP_WORK)

    assert str(refusal.value) == (
        "Temp work needs a temp agency (its branch) as employer; the client company is the workplace."
    )
    assert not Placement.objects.exists()


def test_temp_work_employed_by_an_ocmw_is_refused(world, ocmw, english):
    with pytest.raises(services.PlacementRefused) as refusal:
        record(world, PlacementRoute.TEMP_WORK, ocmw)

    assert "needs a temp agency" in str(refusal.value)


def test_article_60_needs_an_ocmw_as_employer(world, agency, english):
    with pytest.raises(services.PlacementRefused) as refusal:
        record(world, PlacementRoute.ARTICLE_60, agency)

    assert str(refusal.value) == "Article 60 needs an OCMW as employer; the company is the workplace."
    assert not Placement.objects.exists()


def test_a_contract_with_the_company_refuses_another_employer(world, agency, english):
    with pytest.raises(services.PlacementRefused) as refusal:
        record(world, PlacementRoute.FIXED_TERM, agency)

    assert str(refusal.value) == (
        "On this route the company itself is the employer: leave the employer empty "
        "(only temp work and article 60 have another employer)."
    )


def test_a_temp_placement_has_the_agency_as_employer_and_the_client_company_as_workplace(world, agency, ocmw):
    temp = record(world, PlacementRoute.TEMP_WORK, agency)
    article_60 = record(world, PlacementRoute.ARTICLE_60, ocmw)

    assert (temp.company, temp.employer, temp.employer_unknown) == (world.company_a, agency, False)
    assert (article_60.company, article_60.employer) == (world.company_a, ocmw)
    assert list(temp.changes.values_list("route", "employer")) == [("temp_work", agency.pk)]


def test_temp_work_becoming_a_contract_leaves_the_agency_and_the_history_keeps_it(world, agency):
    placement = record(world, PlacementRoute.TEMP_WORK, agency)

    services.change_placement(placement=placement, route=PlacementRoute.OPEN_ENDED, actor=world.alice)

    placement.refresh_from_db()
    assert (placement.route, placement.employer) == ("open_ended", None)
    assert list(placement.changes.values_list("route", "employer")) == [
        ("temp_work", agency.pk),
        ("open_ended", None),
    ]


def test_a_route_change_to_temp_work_needs_the_agency(world, english):
    placement = record(world, PlacementRoute.FIXED_TERM)

    with pytest.raises(services.PlacementRefused) as refusal:
        services.change_placement(placement=placement, route=PlacementRoute.TEMP_WORK, actor=world.alice)

    assert "needs a temp agency" in str(refusal.value)
    placement.refresh_from_db()
    assert placement.route == "fixed_term"


def test_the_route_form_says_why_temp_work_needs_an_agency(client_for, world):
    placement = record(world, PlacementRoute.FIXED_TERM)
    url = reverse("placement_change", kwargs={"pk": placement.pk, "action": "route"})

    response = client_for(world.alice).post(url, {"route": "temp_work", "on": "2027-06-01"}, headers=ENGLISH)

    assert response.status_code == 400
    assert "Temp work needs a temp agency (its branch) as employer" in response.content.decode()
    placement.refresh_from_db()
    assert placement.route == "fixed_term"


def test_a_placement_recorded_before_employers_says_its_agency_is_not_recorded(client_for, world, agency):
    placement = record(world, PlacementRoute.TEMP_WORK, agency)
    Placement.objects.filter(pk=placement.pk).update(employer=None)  # as migration 0005 left the older ones
    PlacementChange.objects.filter(placement=placement).update(employer=None)

    response = client_for(world.alice).get(reverse("placement_detail", kwargs={"pk": placement.pk}), headers=ENGLISH)

    text = response.content.decode()
    assert response.status_code == 200
    assert '<dd class="col-7 col-sm-9" data-workplace>Company A</dd>' in text
    assert "agency not recorded" in text


def test_the_placement_pages_show_the_employer_and_the_workplace(client_for, world, agency):
    placement = record(world, PlacementRoute.TEMP_WORK, agency)
    client = client_for(world.alice)

    detail = client.get(reverse("placement_detail", kwargs={"pk": placement.pk}), headers=ENGLISH).content.decode()
    listed = client.get(reverse("placement_list"), headers=ENGLISH).content.decode()

    assert f'<span data-employer="{agency.pk}">Flexwerk Interim · Kortrijk</span>' in detail
    assert '<dd class="col-7 col-sm-9" data-workplace>Company A</dd>' in detail
    assert f'<span data-employer="{agency.pk}">Flexwerk Interim · Kortrijk</span>' in listed


def test_the_placement_list_costs_as_many_queries_for_one_placement_as_for_many(client_for, world, agency):
    client = client_for(world.alice)
    record(world, PlacementRoute.TEMP_WORK, agency)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("placement_list")).status_code == 200
        return len(captured)

    one = queries()
    for _ in range(5):
        services.create_placement(
            candidate=CandidateFactory(registered_by=world.intermediary_org_a), company=world.company_a,
            campaign=world.campaign_a, route=PlacementRoute.TEMP_WORK, employer=employer_for("temp_work"),
            starts_on=date(2027, 5, 10), actor=world.alice,
        )  # fmt: skip

    assert queries() == one


def test_the_offer_form_refuses_temp_work_without_the_agency_and_records_nothing(client_for, world, published):
    evaluation = temp_work_offer(world, published)
    url = reverse("placement_from_offer", kwargs={"pk": evaluation.pk})

    response = client_for(world.alice).post(url, {"starts_on": "2027-05-17"}, headers=ENGLISH)

    assert response.status_code == 400
    assert "Temp work needs a temp agency (its branch) as employer" in response.content.decode()
    assert not Placement.objects.exists()


def temp_work_offer(world, published):
    interview = published[0]
    evening = datetime.combine(interview.published_day, time(17), tzinfo=timezone.get_current_timezone())
    with time_machine.travel(evening, tick=False):
        return evaluations.evaluate_interview(
            interview=interview, attendance="attended", outcome="offer", start_route="temp_work",
            proposed_start=date(2027, 5, 17), actor=world.hr_a,
        )  # fmt: skip


def test_the_agency_of_an_older_temp_placement_can_be_recorded_later(world, agency):
    placement = record(world, PlacementRoute.TEMP_WORK, agency)
    Placement.objects.filter(pk=placement.pk).update(employer=None)
    placement.refresh_from_db()

    services.change_placement(placement=placement, route=PlacementRoute.TEMP_WORK, employer=agency, actor=world.alice)

    placement.refresh_from_db()
    assert (placement.route, placement.status, placement.employer) == ("temp_work", "planned", agency)
    assert placement.changes.last().employer == agency
