"""Partner screeners (issue 22): a temp agency's or VDAB's consultant screens the candidates of the campaigns their
organisation is a screening partner of, reads what screening needs of them, and nothing else."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from campaigns.models import Campaign, CampaignPhase, PhasePlan
from campaigns.permissions import screenable_campaigns, visible_campaigns, visible_screening_enrolments
from candidates.models import CandidateLanguage, Screening
from candidates.permissions import visible_candidates
from jobroad.models import Role
from tests.conftest import member
from tests.factories import CandidateFactory, OrganisationFactory, set_phase

SCORES = {"motivation": 4, "learning_ability": 3, "experience": 2, "competences": 3, "communication": 4}


@pytest.fixture
def enrolment(world):
    """Candidate A's enrolment in campaign A, which is in its screening phase."""
    set_phase(world.campaign_a, CampaignPhase.SCREENING)
    PhasePlan.objects.create(
        campaign=world.campaign_a, phase=CampaignPhase.PROJECT_WEEK, starts_on=date(2027, 4, 19),
        ends_on=date(2027, 4, 23),
    )  # fmt: skip
    return world.campaign_a.enrolments.get(candidate=world.candidate_a)


def test_a_screener_screens_only_the_campaigns_of_their_screening_partner(world):
    assert list(screenable_campaigns(world.screener_a)) == [world.campaign_a]
    assert list(visible_screening_enrolments(world.screener_b)) == [world.campaign_b.enrolments.get()]


def test_a_screener_sees_no_campaign_page_and_no_candidate_list(world):
    assert list(visible_campaigns(world.screener_a)) == []
    assert list(visible_candidates(world.screener_a)) == []


def test_a_screener_of_an_organisation_that_is_no_screening_partner_screens_nothing(world):
    elsewhere = member("screener.c@example.org", OrganisationFactory(kind="temp_agency"), Role.SCREENER)

    assert list(screenable_campaigns(elsewhere)) == []


def test_a_screener_scores_a_candidate_of_their_campaign(client_for, world, enrolment):
    client = client_for(world.screener_a)
    url = reverse("screening_edit", kwargs={"pk": enrolment.pk, "round": 1})

    response = client.post(url, SCORES | {"decision": "reserve"})

    assert response.status_code == 302
    assert response.url == reverse("screening_board", kwargs={"campaign_pk": world.campaign_a.pk})
    screening = Screening.objects.get()
    assert (screening.screener, screening.decision, screening.rubric_mean) == (world.screener_a, "reserve", 3.2)


def test_a_screener_cannot_score_a_candidate_of_another_campaign(client_for, world, enrolment):
    enrolment_b = world.campaign_b.enrolments.get()
    url = reverse("screening_edit", kwargs={"pk": enrolment_b.pk, "round": 1})

    response = client_for(world.screener_a).post(url, SCORES | {"decision": "reserve"})

    assert response.status_code == 404
    assert Screening.objects.count() == 0


def test_a_screeners_second_opinion_is_blind_to_the_first_round(client_for, world, enrolment):
    client_for(world.alice).post(
        reverse("screening_edit", kwargs={"pk": enrolment.pk, "round": 1}),
        SCORES | {"decision": "reserve", "notes": "Heeft rugklachten"},
    )
    client = client_for(world.screener_a)

    first = client.get(reverse("screening_edit", kwargs={"pk": enrolment.pk, "round": 1}))
    second = client.get(reverse("screening_edit", kwargs={"pk": enrolment.pk, "round": 2}))
    board = client.get(reverse("screening_board", kwargs={"campaign_pk": world.campaign_a.pk}))

    assert first.status_code == 404
    assert second.status_code == 200 and "rugklachten" not in second.content.decode()
    assert [
        (row.enrolment, opens_first, opens_second) for row, opens_first, opens_second in board.context["cards"]
    ] == [(enrolment, False, True)]
    assert "score 3.2" not in board.content.decode()


def test_the_screening_form_shows_a_screener_what_screening_needs_and_no_legal_access(client_for, world, enrolment):
    candidate = world.candidate_a
    candidate.experience_summary = "Drie jaar heftruckchauffeur"
    candidate.save()
    CandidateLanguage.objects.create(candidate=candidate, language="nl", level="A2")
    url = reverse("screening_edit", kwargs={"pk": enrolment.pk, "round": 1})

    page = client_for(world.screener_a).get(url)
    coordinator_page = client_for(world.alice).get(url)

    profile = page.context["profile"]
    assert ([str(language) for language in profile.languages], profile.experience) == (
        [str(candidate.languages.get())],
        "Drie jaar heftruckchauffeur",
    )
    assert "Drie jaar heftruckchauffeur" in page.content.decode()
    assert "data-legal-access" not in page.content.decode()
    assert "data-legal-access" in coordinator_page.content.decode()


def test_calibration_stays_with_the_coordinators(client_for, world):
    url = reverse("screening_calibration", kwargs={"campaign_pk": world.campaign_a.pk})

    assert client_for(world.screener_a).get(url).status_code == 404


def test_a_screeners_home_lists_their_campaigns_candidates_to_screen(client_for, world, enrolment):
    done = world.campaign_a.enrolments.create(candidate=CandidateFactory(first_name="Sara"))
    Screening.objects.create(enrolment=done, round=1, screener=world.alice, motivation=3)

    page = client_for(world.screener_a).get(reverse("home"))

    assert list(page.context["dashboard"].to_screen) == [enrolment]
    assert list(page.context["dashboard"].screened_campaigns) == [world.campaign_a]
    assert reverse("screening_edit", kwargs={"pk": enrolment.pk, "round": 1}) in page.content.decode()


def test_a_screener_has_no_campaign_candidate_or_company_menu(client_for, world):
    page = client_for(world.screener_a).get(reverse("home"))

    assert {key for key, shown in page.context["nav"].items() if shown} == {"organisations"}


def test_the_screener_board_costs_the_same_queries_for_one_or_many(client_for, world, enrolment):
    client = client_for(world.screener_a)
    url = reverse("screening_board", kwargs={"campaign_pk": world.campaign_a.pk})

    def count():
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        return len(captured)

    one = count()
    for _ in range(5):
        other = world.campaign_a.enrolments.create(candidate=CandidateFactory())
        Screening.objects.create(enrolment=other, round=1, screener=world.alice, motivation=3)

    assert count() == one


def test_the_home_page_of_a_screener_costs_the_same_queries_for_one_or_many(client_for, world, enrolment):
    client = client_for(world.screener_a)

    def count():
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("home"))
        return len(captured)

    one = count()
    for _ in range(5):
        world.campaign_a.enrolments.create(candidate=CandidateFactory())

    assert count() == one


def campaign_form(world, **overrides) -> dict:
    return {
        "name": "Scheldemonde najaar 2027", "region": "Scheldemonde", "target_group": "refugees",
        "partners": [world.intermediary_org_a.pk], "target_candidates": "40", "target_companies": "12",
        "intake_from": "2027-09-06", "intake_until": "2027-10-15",
    } | overrides  # fmt: skip


def test_a_coordinator_sets_the_screening_partners_on_the_campaign_form(client_for, world):
    agency = OrganisationFactory(name="Uitzendkantoor C", kind="temp_agency")
    client = client_for(world.alice)

    edited = client.post(
        reverse("campaign_edit", kwargs={"pk": world.campaign_a.pk}),
        campaign_form(world, screening_partners=[agency.pk]),
    )
    created = client.post(reverse("campaign_create"), campaign_form(world, name="C", screening_partners=[agency.pk]))

    assert (edited.status_code, created.status_code) == (302, 302)
    assert list(world.campaign_a.screening_partners.all()) == [agency]
    assert list(agency.screened_campaigns.order_by("name")) == [Campaign.objects.get(name="C"), world.campaign_a]


def test_a_company_cannot_be_a_screening_partner(client_for, world):
    response = client_for(world.alice).post(
        reverse("campaign_edit", kwargs={"pk": world.campaign_a.pk}),
        campaign_form(world, screening_partners=[world.company_a.organisation.pk]),
    )

    assert response.status_code == 400
    assert list(world.campaign_a.screening_partners.all()) == [world.screener_a.memberships.get().organisation]
