"""Screening without friction (issue 25, item 5): the candidate's languages, experience and documents beside the
rubric, "save and next" to the next candidate to do, and one decision for a selection on the board — asked first,
all or nothing, and only for rounds the user may open in a campaign they screen."""

from datetime import date

import pytest
from django.urls import reverse

from campaigns.models import CampaignPhase, PhasePlan
from candidates.models import CandidateLanguage, Screening
from tests.factories import CandidateFactory, set_phase
from tests.language import ENGLISH

SCORES = {"motivation": 4, "learning_ability": 3, "experience": 2, "competences": 3, "communication": 4}


@pytest.fixture
def board(world):
    """Campaign A in screening with three candidates: A, and Bram and Cor nobody screened yet."""
    set_phase(world.campaign_a, CampaignPhase.SCREENING)
    PhasePlan.objects.create(
        campaign=world.campaign_a, phase=CampaignPhase.PROJECT_WEEK, starts_on=date(2027, 4, 19),
        ends_on=date(2027, 4, 23),
    )  # fmt: skip
    for first, last in (("Bram", "Zeeman"), ("Cor", "Aalders")):
        world.campaign_a.enrolments.create(candidate=CandidateFactory(first_name=first, last_name=last))
    return {enrolment.candidate.first_name: enrolment for enrolment in world.campaign_a.enrolments.all()}


def edit_url(enrolment) -> str:
    return reverse("screening_edit", kwargs={"pk": enrolment.pk, "round": 1})


def decide_url(world) -> str:
    return reverse("screening_decide", kwargs={"campaign_pk": world.campaign_a.pk})


def test_save_and_next_opens_the_next_candidate_nobody_screened(client_for, world, board):
    client = client_for(world.screener_a)
    cor, amal = board["Cor"], board[world.candidate_a.first_name]  # the board: Aalders, Haddad, Zeeman

    response = client.post(edit_url(cor), SCORES | {"next": ""})
    again = client.post(edit_url(amal), SCORES | {"next": ""})

    assert response.url == edit_url(amal)
    assert again.url == edit_url(board["Bram"])


def test_save_and_next_from_the_last_card_starts_again_at_the_top(client_for, world, board):
    response = client_for(world.alice).post(edit_url(board["Bram"]), SCORES | {"next": ""})

    assert response.url == edit_url(board["Cor"])


def test_a_partner_screener_does_not_see_a_document_another_screener_recorded(client_for, world, board):
    Screening.objects.create(enrolment=board["Bram"], round=1, screener=world.alice, document_type="b_card")

    page = client_for(world.screener_a).get(reverse("screening_edit", kwargs={"pk": board["Bram"].pk, "round": 2}),
                                            headers=ENGLISH).content.decode()  # fmt: skip

    assert "B card" not in page.split('data-profile="documents"')[1].split("</dd>")[0]


def test_save_and_next_with_nobody_left_goes_back_to_the_board(client_for, world, board):
    client = client_for(world.alice)
    for enrolment in board.values():
        Screening.objects.create(enrolment=enrolment, round=1, screener=world.alice)

    response = client.post(edit_url(board["Bram"]), SCORES | {"next": ""})

    assert response.url == reverse("screening_board", kwargs={"campaign_pk": world.campaign_a.pk})


def test_the_form_shows_languages_experience_diploma_and_documents_beside_the_rubric(client_for, world, board):
    bram = board["Bram"]
    bram.candidate.experience_summary = "Drie jaar heftruckchauffeur"
    bram.candidate.diploma_recognition = "applied"
    bram.candidate.save()
    CandidateLanguage.objects.create(candidate=bram.candidate, language="nl", level="A2")
    Screening.objects.create(enrolment=bram, round=1, screener=world.screener_a, document_type="b_card",
                             document_expires_on=date(2030, 1, 31))  # fmt: skip

    page = client_for(world.screener_a).get(edit_url(bram), headers=ENGLISH).content.decode()

    assert "Drie jaar heftruckchauffeur" in page
    assert "Applied, waiting for the decision" in page
    assert "B card (unlimited stay), valid until 31 January 2030" in page


def test_a_bulk_decision_asks_first_naming_how_many_and_which_decision(client_for, world, board):
    ids = [board["Bram"].pk, board["Cor"].pk]

    response = client_for(world.alice).post(decide_url(world), {"enrolment": ids, "decision": "reserve"},
                                            headers=ENGLISH)  # fmt: skip

    page = response.content.decode()
    assert "2 candidates get the decision “Reserve”." in page
    assert [enrolment.pk for enrolment in response.context["enrolments"]] == [board["Cor"].pk, board["Bram"].pk]
    assert Screening.objects.count() == 0


def test_the_confirmed_bulk_decision_decides_every_ticked_candidate_and_keeps_their_scores(client_for, world, board):
    Screening.objects.create(enrolment=board["Bram"], round=1, screener=world.alice, motivation=5, notes="Sterk")
    ids = [board["Bram"].pk, board["Cor"].pk]

    client_for(world.alice).post(decide_url(world), {"enrolment": ids, "decision": "reserve", "confirm": "on"})

    decided = {s.enrolment.candidate.first_name: (s.decision, s.motivation, s.notes) for s in Screening.objects.all()}
    assert decided == {"Bram": ("reserve", 5, "Sterk"), "Cor": ("reserve", None, "")}


def test_not_now_in_bulk_needs_a_reason(client_for, world, board):
    client_for(world.alice).post(
        decide_url(world), {"enrolment": [board["Bram"].pk], "decision": "not_now", "confirm": "on"}
    )

    assert Screening.objects.count() == 0


def test_one_refusal_decides_nobody(client_for, world, board):
    Screening.objects.create(
        enrolment=board["Bram"],
        round=1,
        screener=world.alice,
        document_type="b_card",
        document_expires_on=date(2027, 1, 1),
    )  # fmt: skip — expires before project week
    ids = [board["Bram"].pk, board["Cor"].pk]

    client_for(world.alice).post(decide_url(world), {"enrolment": ids, "decision": "selected", "confirm": "on"})

    assert list(Screening.objects.values_list("decision", flat=True)) == [""]


def test_a_partner_screener_cannot_decide_another_screeners_round_in_bulk(client_for, world, board):
    Screening.objects.create(enrolment=board["Bram"], round=1, screener=world.alice, decision="reserve")
    ids = [board["Bram"].pk, board["Cor"].pk]

    response = client_for(world.screener_a).post(decide_url(world), {"enrolment": ids, "decision": "selected",
                                                                      "confirm": "on"})  # fmt: skip

    assert response.status_code == 404
    assert sorted(Screening.objects.values_list("decision", flat=True)) == ["reserve"]


def test_a_candidate_of_another_campaign_in_the_selection_is_a_404(client_for, world, board):
    foreign = world.campaign_b.enrolments.first()
    ids = [board["Bram"].pk, foreign.pk]

    response = client_for(world.screener_a).post(decide_url(world), {"enrolment": ids, "decision": "reserve",
                                                                      "confirm": "on"})  # fmt: skip

    assert response.status_code == 404
    assert Screening.objects.count() == 0


def test_a_partner_screener_decides_in_bulk_for_candidates_nobody_screened(client_for, world, board):
    ids = [board["Bram"].pk, board["Cor"].pk]

    client_for(world.screener_a).post(decide_url(world), {"enrolment": ids, "decision": "reserve", "confirm": "on"})

    assert sorted(Screening.objects.values_list("screener__email", "decision")) == [
        (world.screener_a.email, "reserve"),
        (world.screener_a.email, "reserve"),
    ]
