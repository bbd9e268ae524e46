"""Screening: rounds, decisions that need a valid document, the board and the calibration view."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from campaigns.intake import selectors as intake_selectors
from campaigns.intake import services as intake_services
from campaigns.models import CampaignPhase, PhasePlan
from candidates.models import DocumentType, ResidenceStatus, Screening, ScreeningDecision
from tests.factories import CandidateFactory, set_phase

SCORES = {"motivation": 4, "learning_ability": 3, "experience": 2, "competences": 3, "communication": 4}


@pytest.fixture
def enrolment(world):
    """Candidate A's enrolment in campaign A, which is in its screening phase."""
    set_phase(world.campaign_a, CampaignPhase.SCREENING)
    PhasePlan.objects.create(
        campaign=world.campaign_a,
        phase=CampaignPhase.PROJECT_WEEK,
        starts_on=date(2027, 4, 19),
        ends_on=date(2027, 4, 23),
    )
    return world.campaign_a.enrolments.get(candidate=world.candidate_a)


def screen(enrolment, user, round=1, **fields):
    return intake_services.save_screening(enrolment=enrolment, round=round, screener=user, **(SCORES | fields))


def test_a_screening_records_scores_and_the_decision(world, enrolment):
    screening = screen(enrolment, world.alice, decision=ScreeningDecision.SELECTED)

    assert (screening.rubric_mean, screening.decision, screening.screener) == (3.2, "selected", world.alice)


def test_not_now_needs_a_reason(world, enrolment):
    with pytest.raises(intake_services.ScreeningRefused):
        screen(enrolment, world.alice, decision=ScreeningDecision.NOT_NOW, decision_reason=" ")
    assert not Screening.objects.exists()


def test_a_document_expiring_before_project_week_cannot_be_selected(world, enrolment, english):
    document = {"document_type": DocumentType.A_CARD, "document_expires_on": date(2027, 4, 18)}

    with pytest.raises(intake_services.ScreeningRefused, match="before project week"):
        screen(enrolment, world.alice, decision=ScreeningDecision.SELECTED, **document)
    screening = screen(enrolment, world.alice, decision=ScreeningDecision.RESERVE, **document)

    assert screening.decision == ScreeningDecision.RESERVE


def test_a_second_opinion_comes_from_someone_else_after_the_first_and_decides_nothing(world, enrolment, english):
    with pytest.raises(intake_services.ScreeningRefused, match="first screening"):
        screen(enrolment, world.bob, round=2)
    screen(enrolment, world.alice, decision=ScreeningDecision.SELECTED)

    with pytest.raises(intake_services.ScreeningRefused, match="someone else"):
        screen(enrolment, world.alice, round=2)
    second = screen(enrolment, world.bob, round=2, decision=ScreeningDecision.NOT_NOW, decision_reason="x")

    assert (second.round, second.decision) == (2, "")


def test_the_document_seen_wins_over_the_derivation(world, enrolment):
    candidate = enrolment.candidate
    candidate.residence_status = ResidenceStatus.ASYLUM_APPLICANT
    candidate.asylum_application_date = date(2027, 3, 1)  # access opens on 2 July 2027
    candidate.save()
    day = date(2027, 4, 19)
    screening = screen(enrolment, world.alice)
    assert screening.legal_access_on(day) is False  # derived: not yet four months

    screening.document_type, screening.document_expires_on = DocumentType.ORANGE_CARD, date(2027, 9, 1)
    assert screening.legal_access_on(day) is True
    screening.document_expires_on = date(2027, 4, 1)
    assert screening.legal_access_on(day) is False
    screening.document_type = DocumentType.NO_WORK
    assert screening.legal_access_on(date(2027, 1, 1)) is False


def test_the_board_counts_each_state_and_filters(client_for, world, enrolment):
    others = [world.campaign_a.enrolments.create(candidate=CandidateFactory()) for _ in range(3)]
    screen(enrolment, world.alice, decision=ScreeningDecision.SELECTED)
    screen(others[0], world.alice, decision=ScreeningDecision.RESERVE)
    screen(others[1], world.alice)

    page = client_for(world.alice).get(reverse("screening_board", kwargs={"campaign_pk": world.campaign_a.pk}))
    counts = page.context["board"].counts
    filtered = client_for(world.alice).get(
        reverse("screening_board", kwargs={"campaign_pk": world.campaign_a.pk}), {"state": "to_do"}
    )

    assert counts == {"to_do": 1, "screened": 1, "selected": 1, "reserve": 1, "not_now": 0}
    assert [row.enrolment for row in filtered.context["board"].rows] == [others[2]]


def test_calibration_marks_criteria_two_points_apart(world, enrolment, english):
    screen(enrolment, world.alice, decision=ScreeningDecision.SELECTED)
    screen(enrolment, world.bob, round=2, **(SCORES | {"experience": 4, "motivation": 5}))
    calm = world.campaign_a.enrolments.create(candidate=CandidateFactory())
    screen(calm, world.alice)
    screen(calm, world.bob, round=2, motivation=5)

    rows = intake_selectors.calibration(world.campaign_a, only_differences=True)

    assert [row.enrolment for row in rows] == [enrolment]
    assert [label for label, _first, _second, far in rows[0].scores if far] == ["relevant experience"]


def test_the_screening_form_saves_and_says_why_it_refuses(client_for, world, enrolment):
    client = client_for(world.alice)
    url = reverse("screening_edit", kwargs={"pk": enrolment.pk, "round": 1})

    refused = client.post(
        url, SCORES | {"decision": "not_now", "decision_reason": ""}, headers={"Accept-Language": "en"}
    )
    saved = client.post(url, SCORES | {"decision": "selected"})

    assert refused.status_code == 400
    assert "Say why not now" in refused.content.decode()
    assert saved.status_code == 302
    assert Screening.objects.get().decision == "selected"


def test_the_screening_form_says_before_any_post_why_the_phase_closes_it(client_for, world, enrolment):
    url = reverse("screening_edit", kwargs={"pk": enrolment.pk, "round": 1})
    open_page = client_for(world.alice).get(url)
    set_phase(world.campaign_a, CampaignPhase.AFTERCARE)

    closed_page = client_for(world.alice).get(url, headers={"Accept-Language": "en"})

    def screening_form(page) -> str:
        html = page.content.decode()
        return html[html.index("data-screening-form") : html.index("</form>", html.index("data-screening-form"))]

    assert "data-phase-refusal" not in open_page.content.decode() and 'type="submit"' in screening_form(open_page)
    assert "data-phase-refusal" in closed_page.content.decode()
    assert 'type="submit"' not in screening_form(closed_page)


def test_the_board_costs_the_same_queries_for_one_or_many(client_for, world, enrolment):
    client = client_for(world.alice)
    url = reverse("screening_board", kwargs={"campaign_pk": world.campaign_a.pk})
    screen(enrolment, world.alice)

    def count():
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        return len(captured)

    one = count()
    for _ in range(5):
        other = world.campaign_a.enrolments.create(candidate=CandidateFactory())
        screen(other, world.alice)
        screen(other, world.bob, round=2)

    assert count() == one
