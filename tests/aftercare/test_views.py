"""The aftercare pages: answering check-ins in the platform (and the flag an answer at risk raises), recording a
placement from an offer and changing it, the coach's log and caseload, drop-outs and a new enrolment; and the
query budgets of the lists."""

import re
from datetime import date, datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from aftercare import selectors, services
from aftercare.models import CheckInStatus, CoachingContact, FollowUpStep, Placement, PlacementStatus
from campaigns.intake import services as intake_services
from campaigns.models import CampaignPhase, Enrolment
from campaigns.projectweek import evaluations
from jobroad.models import Message
from tests.factories import START, CampaignFactory, CandidateFactory, PlacementFactory
from tests.factories.aftercare import employer_for
from tests.language import ENGLISH


@pytest.fixture
def running(world, placement):
    """The placement moved to have started 30 days ago: the candidate check-in (day 7) is overdue, the employer's
    and the intermediary's (day 30) are due today."""
    return services.change_placement(
        placement=placement, starts_on=timezone.localdate() - timedelta(days=30), actor=world.alice
    )


def ids(text: str, attribute: str) -> list[int]:
    """The ids a page marks with ``attribute`` (data-todo-check-in, data-caseload …), in page order."""
    return [int(pk) for pk in re.findall(rf'{attribute}="(\d+)"', text)]


def at_risk_links(text: str) -> list[str]:
    return re.findall(r'data-todo="at-risk"><a href="([^"]+)"', text)


def notes_of(response) -> list[str]:
    return [str(note) for note in response.context["messages"]]


# --- Answering check-ins -----------------------------------------------------------------------------------------


def test_the_coach_answers_the_candidate_check_in_and_no_longer_working_is_at_risk(client_for, world, running):
    check_in = running.check_ins.get(audience="candidate")
    url = reverse("check_in_answer", kwargs={"pk": check_in.pk})

    response = client_for(world.coach_a).post(url, {"still_working": "no", "notes": "Gestopt na twee weken."})

    assert response.status_code == 302
    assert response.url == reverse("placement_detail", kwargs={"pk": running.pk})
    check_in.refresh_from_db()
    assert (
        check_in.status, check_in.still_working, check_in.notes, check_in.at_risk, check_in.answered_by,
        check_in.answered_by_link,
    ) == (CheckInStatus.DONE, False, "Gestopt na twee weken.", True, world.coach_a, False)  # fmt: skip
    assert list(Message.objects.filter(template="checkin_at_risk").values_list("recipient_user", "campaign")) == [
        (world.alice.pk, world.campaign_a.pk)
    ]


def test_an_answer_at_risk_stays_on_the_coordinators_dashboard_until_the_flag_is_cleared(client_for, world, running):
    check_in = running.check_ins.get(audience="candidate")
    services.answer_check_in(check_in=check_in, still_working=False, actor=world.coach_a)
    detail = reverse("placement_detail", kwargs={"pk": running.pk})
    alice = client_for(world.alice)
    assert at_risk_links(alice.get(reverse("home")).content.decode()) == [detail]

    response = alice.post(reverse("check_in_clear_flag", kwargs={"pk": check_in.pk}))

    assert (response.status_code, response.url) == (302, detail)
    check_in.refresh_from_db()
    assert (check_in.at_risk, check_in.flag_cleared_by) == (True, world.alice)
    assert at_risk_links(alice.get(reverse("home")).content.decode()) == []


def test_another_campaigns_coordinator_neither_sees_nor_clears_the_flag(client_for, world, running):
    check_in = running.check_ins.get(audience="candidate")
    services.answer_check_in(check_in=check_in, still_working=False, actor=world.coach_a)
    bob = client_for(world.bob)

    response = bob.post(reverse("check_in_clear_flag", kwargs={"pk": check_in.pk}))

    assert response.status_code == 404
    assert at_risk_links(bob.get(reverse("home")).content.decode()) == []
    check_in.refresh_from_db()
    assert check_in.flag_cleared_at is None


def test_hr_sees_its_employer_check_in_on_its_home_page_and_the_other_company_does_not(client_for, world, running):
    employer = running.check_ins.get(audience="employer", offset_days=30)

    for_hr_a = client_for(world.hr_a).get(reverse("home"), headers=ENGLISH).content.decode()
    for_hr_b = client_for(world.hr_b).get(reverse("home"), headers=ENGLISH).content.decode()

    assert ids(for_hr_a, "data-todo-check-in") == [employer.pk]
    assert ids(for_hr_b, "data-todo-check-in") == []
    assert "No check-ins waiting for you." in for_hr_b
    assert "Amal" not in for_hr_b


def test_hr_answers_its_employer_check_in_in_the_platform_and_returns_to_its_list(client_for, world, running):
    employer = running.check_ins.get(audience="employer", offset_days=30)
    url = reverse("check_in_answer", kwargs={"pk": employer.pk})

    response = client_for(world.hr_a).post(url, {"still_working": "yes", "hours_per_week": "24"})

    assert (response.status_code, response.url) == (302, reverse("check_in_list"))
    employer.refresh_from_db()
    assert (employer.status, employer.hours_per_week, employer.answered_by, employer.at_risk) == (
        CheckInStatus.DONE, 24, world.hr_a, False,
    )  # fmt: skip
    assert not Message.objects.filter(template="checkin_at_risk").exists()


def test_a_check_in_that_is_not_open_yet_says_from_when_it_can_be_answered(client_for, world, placement):
    """The clock stands on the evening of the interview (20 April); the candidate's first check-in is due 17 May."""
    check_in = placement.check_ins.get(audience="candidate")
    url = reverse("check_in_answer", kwargs={"pk": check_in.pk})
    coach = client_for(world.coach_a)

    page = coach.get(url, headers=ENGLISH).content.decode()
    refused = coach.post(url, {"still_working": "yes", "hours_per_week": "30"}, headers=ENGLISH)
    detail = coach.get(reverse("placement_detail", kwargs={"pk": placement.pk}), headers=ENGLISH).content.decode()

    assert "This check-in can be answered from 10 May 2027, shortly before it is due." in page
    assert "data-check-in-form" not in page
    assert refused.status_code == 400
    assert "This check-in can be answered from 10 May 2027, shortly before it is due." in refused.content.decode()
    assert f'data-check-in-opens="{check_in.pk}"' in detail
    assert "can be answered from 10 May 2027" in detail
    check_in.refresh_from_db()
    assert (check_in.status, check_in.still_working) == (CheckInStatus.PENDING, None)


def test_an_answered_check_in_cannot_be_answered_twice(client_for, world, running):
    check_in = running.check_ins.get(audience="candidate")
    services.answer_check_in(check_in=check_in, still_working=True, hours_per_week=30, actor=world.coach_a)
    url = reverse("check_in_answer", kwargs={"pk": check_in.pk})

    response = client_for(world.coach_a).post(url, {"still_working": "no"}, headers=ENGLISH)

    assert response.status_code == 200
    assert "data-check-in-answers" in response.content.decode()  # the answers, read-only
    check_in.refresh_from_db()
    assert (check_in.still_working, check_in.hours_per_week, check_in.at_risk) == (True, 30, False)


# --- Recording and changing a placement --------------------------------------------------------------------------


@pytest.fixture
def offer(world, published, time_machine):
    """HR A's offer to candidate A (temp work from START), made the evening of the interview, with a two-step plan
    for temp work."""
    FollowUpStep.objects.filter(route="temp_work").delete()
    for offset, audience in [(7, "candidate"), (30, "employer")]:
        FollowUpStep.objects.create(route="temp_work", offset_days=offset, audience=audience)
    evening = datetime.combine(published[0].published_day, time(17), tzinfo=timezone.get_current_timezone())
    time_machine.move_to(evening, tick=False)
    return evaluations.evaluate_interview(
        interview=published[0], attendance="attended", outcome="offer", start_route="temp_work",
        proposed_start=START, actor=world.hr_a,
    )  # fmt: skip


def test_the_coordinator_records_a_placement_from_an_offer(client_for, world, offer):
    url = reverse("placement_from_offer", kwargs={"pk": offer.pk})
    agency = employer_for("temp_work")

    response = client_for(world.alice).post(
        url, {"starts_on": "2027-05-17", "hours_per_week": "30", "employer": agency.pk}
    )

    placement = Placement.objects.get()
    assert (response.status_code, response.url) == (302, reverse("placement_detail", kwargs={"pk": placement.pk}))
    assert (
        placement.candidate, placement.company, placement.evaluation, placement.route, placement.starts_on,
        placement.hours_per_week, placement.status, placement.employer,
    ) == (
        world.candidate_a, world.company_a, offer, "temp_work", date(2027, 5, 17), 30, PlacementStatus.PLANNED,
        agency,
    )  # fmt: skip
    assert sorted(placement.check_ins.values_list("due_on", "audience")) == [
        (date(2027, 5, 24), "candidate"),
        (date(2027, 6, 16), "employer"),
    ]
    assert list(selectors.offers_to_place(world.alice)) == []


def test_a_placement_from_an_offer_with_a_bad_start_date_is_refused_and_nothing_is_recorded(client_for, world, offer):
    url = reverse("placement_from_offer", kwargs={"pk": offer.pk})

    response = client_for(world.alice).post(url, {"starts_on": "2027-13-45"}, headers=ENGLISH)

    assert response.status_code == 400
    assert "Enter a valid date." in response.content.decode()
    assert not Placement.objects.exists()
    assert list(selectors.offers_to_place(world.alice)) == [offer]


def change(client, placement, action, data):
    return client.post(
        reverse("placement_change", kwargs={"pk": placement.pk, "action": action}), data, headers=ENGLISH
    )


def test_a_coordinator_records_that_the_placement_started(client_for, world, placement):
    response = change(client_for(world.alice), placement, "start", {"note": "Eerste dag goed verlopen"})

    assert (response.status_code, response.url) == (302, reverse("placement_detail", kwargs={"pk": placement.pk}))
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.STARTED
    assert list(placement.changes.values_list("status", "note", "changed_by")) == [
        ("planned", "", world.alice.pk),
        ("started", "Eerste dag goed verlopen", world.alice.pk),
    ]


def test_a_new_route_counts_from_the_date_given(client_for, world, placement):
    data = {"route": "open_ended", "on": "2027-08-01", "note": "Vast contract"}

    response = change(client_for(world.alice), placement, "route", data)

    assert response.status_code == 302
    placement.refresh_from_db()
    assert (placement.route, placement.status) == ("open_ended", PlacementStatus.ROUTE_CHANGED)
    assert placement.changes.last().effective_on == date(2027, 8, 1)
    outcome_before, outcome_from = (
        selectors.outcomes_on([world.candidate_a.pk], day)[world.candidate_a.pk].outcome
        for day in (date(2027, 7, 31), date(2027, 8, 1))
    )
    assert (outcome_before, outcome_from) == ("fixed_term_job", "permanent_job")


def test_moving_the_start_date_moves_the_pending_check_ins(client_for, world, placement):
    before = dict(placement.check_ins.values_list("pk", "due_on"))

    response = change(client_for(world.alice), placement, "move", {"starts_on": "2027-05-24"})

    assert response.status_code == 302
    placement.refresh_from_db()
    assert placement.starts_on == date(2027, 5, 24)
    assert dict(placement.check_ins.values_list("pk", "due_on")) == {
        pk: due_on + timedelta(days=14) for pk, due_on in before.items()
    }


def test_ending_a_placement_without_a_reason_is_refused_and_changes_nothing(client_for, world, placement):
    response = change(client_for(world.alice), placement, "end", {"on": "2027-06-01", "end_reason": " "})

    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    placement.refresh_from_db()
    assert (placement.status, placement.ended_on, placement.end_reason) == (PlacementStatus.PLANNED, None, "")
    assert placement.changes.count() == 1
    assert set(placement.check_ins.values_list("status", flat=True)) == {CheckInStatus.PENDING}


def test_ending_a_placement_with_a_reason_cancels_its_pending_check_ins(client_for, world, placement):
    data = {"on": "2027-06-01", "end_reason": "Contract niet verlengd"}

    response = change(client_for(world.alice), placement, "end", data)

    assert response.status_code == 302
    placement.refresh_from_db()
    assert (placement.status, placement.ended_on, placement.end_reason) == (
        PlacementStatus.ENDED, date(2027, 6, 1), "Contract niet verlengd",
    )  # fmt: skip
    assert set(placement.check_ins.values_list("status", flat=True)) == {CheckInStatus.CANCELLED}


def test_an_unknown_change_is_not_found(client_for, world, placement):
    response = change(client_for(world.alice), placement, "restart", {})

    assert response.status_code == 404
    assert placement.changes.count() == 1


# --- The coach's log and caseload --------------------------------------------------------------------------------

CONTACT = {
    "happened_on": "2026-11-27", "channel": "phone", "topic": "transport", "notes": "Zoekt een tweedehandsfiets.",
    "next_action": "Fietsbieb bellen", "next_action_on": "2026-12-04",
}  # fmt: skip


def test_a_contact_logged_by_the_coach_is_read_by_the_coach_and_the_coordinator_not_the_intermediary(client_for, world):
    url = reverse("coaching_contact_create", kwargs={"pk": world.candidate_a.pk})
    candidate_page = reverse("candidate_detail", kwargs={"pk": world.candidate_a.pk})

    response = client_for(world.coach_a).post(url, CONTACT)

    assert (response.status_code, response.url) == (302, candidate_page)
    contact = CoachingContact.objects.get()
    assert (contact.candidate, contact.coach, contact.happened_on, contact.next_action_on) == (
        world.candidate_a, world.coach_a, date(2026, 11, 27), date(2026, 12, 4),
    )  # fmt: skip
    pages = {
        role: client_for(getattr(world, role)).get(candidate_page) for role in ("coach_a", "alice", "intermediary_a")
    }
    assert {page.status_code for page in pages.values()} == {200}
    shown = {role: ids(page.content.decode(), "data-contact") for role, page in pages.items()}
    assert shown == {"coach_a": [contact.pk], "alice": [contact.pk], "intermediary_a": []}
    assert "Zoekt een tweedehandsfiets." not in pages["intermediary_a"].content.decode()


def test_a_next_action_before_the_contact_is_refused(client_for, world):
    url = reverse("coaching_contact_create", kwargs={"pk": world.candidate_a.pk})

    response = client_for(world.coach_a).post(url, CONTACT | {"next_action_on": "2026-11-20"}, headers=ENGLISH)

    assert response.status_code == 400
    assert "The next action comes after the contact." in response.content.decode()
    assert not CoachingContact.objects.exists()


def test_the_caseload_lists_only_the_coachs_own_candidates_the_most_urgent_first(client_for, world):
    today = timezone.localdate()
    urgent = CandidateFactory(registered_by=world.intermediary_org_a, coach=world.coach_a)
    services.log_coaching_contact(
        candidate=urgent, coach=world.coach_a, happened_on=today, channel="phone", topic="housing",
        next_action="Huurcontract nakijken", next_action_on=today + timedelta(days=2),
    )  # fmt: skip
    CandidateFactory(registered_by=world.intermediary_org_a)  # no coach

    for_coach_a = client_for(world.coach_a).get(reverse("caseload")).content.decode()
    for_coach_b = client_for(world.coach_b).get(reverse("caseload")).content.decode()

    assert ids(for_coach_a, "data-caseload") == [urgent.pk, world.candidate_a.pk]
    assert ids(for_coach_b, "data-caseload") == [world.candidate_b.pk]
    assert "Huurcontract nakijken" in for_coach_a


# --- Drop-outs and a new enrolment -------------------------------------------------------------------------------


def enrolment_a(world) -> Enrolment:
    return world.campaign_a.enrolments.get(candidate=world.candidate_a)


def drop_out(client, enrolment, reason="moved", on="2027-06-01"):
    url = reverse("enrolment_drop_out", kwargs={"pk": enrolment.pk})
    return client.post(url, {"reason": reason, "on": on}, headers=ENGLISH, follow=True)


def enrol_again(client, candidate, campaign):
    url = reverse("candidate_enrol_again", kwargs={"pk": candidate.pk})
    return client.post(url, {"campaign": campaign.pk}, headers=ENGLISH, follow=True)


def end(world, placement):
    services.change_placement(
        placement=placement, status=PlacementStatus.ENDED, end_reason="Proefperiode niet doorstaan",
        on=date(2027, 5, 31), actor=world.alice,
    )  # fmt: skip


def later_campaign(world, phase=CampaignPhase.INTAKE):
    campaign = CampaignFactory(name="Campaign C", phase=phase)
    campaign.coordinators.add(world.alice)
    return campaign


def test_a_drop_out_is_refused_while_a_placement_runs_and_says_why(client_for, world, placement):
    response = drop_out(client_for(world.alice), enrolment_a(world))

    assert notes_of(response) == ["This candidate has a placement that has not ended; end it first."]
    assert (enrolment_a(world).dropped_out_on, enrolment_a(world).drop_out_reason) == (None, "")


def test_a_drop_out_is_recorded_once_the_placement_has_ended(client_for, world, placement):
    end(world, placement)

    response = drop_out(client_for(world.intermediary_a), enrolment_a(world), reason="unreachable")

    assert notes_of(response) == ["The candidate is marked as dropped out of Campaign A."]
    assert (enrolment_a(world).dropped_out_on, enrolment_a(world).drop_out_reason) == (date(2027, 6, 1), "unreachable")
    assert "data-dropped-out" in response.content.decode()


def test_enrolling_again_is_refused_while_a_placement_runs(client_for, world, placement):
    campaign = later_campaign(world)

    response = enrol_again(client_for(world.alice), world.candidate_a, campaign)

    assert notes_of(response) == ["This candidate has a placement that has not ended; end it first."]
    assert not Enrolment.objects.filter(campaign=campaign).exists()


def test_a_candidate_whose_placement_ended_is_enrolled_in_a_later_campaign(client_for, world, placement):
    campaign = later_campaign(world)
    end(world, placement)

    response = enrol_again(client_for(world.alice), world.candidate_a, campaign)

    assert notes_of(response) == ["Amal is enrolled in Campaign C; the earlier track stays in the history."]
    assert list(Enrolment.objects.filter(campaign=campaign).values_list("candidate", flat=True)) == [
        world.candidate_a.pk
    ]
    assert set(world.candidate_a.placements.values_list("status", flat=True)) == {PlacementStatus.ENDED}


def test_enrolling_again_in_a_campaign_past_its_screening_is_refused(client_for, world, placement):
    campaign = later_campaign(world, phase=CampaignPhase.MATCHING)
    end(world, placement)

    response = enrol_again(client_for(world.alice), world.candidate_a, campaign)

    assert notes_of(response) == ["Choose a campaign that is still taking candidates."]
    assert not Enrolment.objects.filter(campaign=campaign).exists()


# --- Query budgets -----------------------------------------------------------------------------------------------


@pytest.fixture
def plan(db):
    """Temp work asks the candidate after a week, the employer and the intermediary after a month."""
    FollowUpStep.objects.filter(route="temp_work").delete()
    for offset, audience in [(7, "candidate"), (30, "employer"), (30, "intermediary")]:
        FollowUpStep.objects.create(route="temp_work", offset_days=offset, audience=audience)


def placed(world, candidate=None) -> Placement:
    """A placement at company A in campaign A that started 30 days ago (every check-in due), with a contact in the
    coach's log; of candidate A, or of a new candidate of coach A registered by intermediary A."""
    today = timezone.localdate()
    if candidate is None:
        candidate = CandidateFactory(registered_by=world.intermediary_org_a, coach=world.coach_a)
        Enrolment.objects.create(campaign=world.campaign_a, candidate=candidate)
    services.log_coaching_contact(
        candidate=candidate, coach=world.coach_a, happened_on=today, channel="phone", topic="at_work",
        next_action="Bellen", next_action_on=today + timedelta(days=7),
    )  # fmt: skip
    return PlacementFactory(
        candidate=candidate, company=world.company_a, vacancy=world.vacancy_a, campaign=world.campaign_a,
        actor=world.alice,
    )  # fmt: skip


LISTS = [
    ("alice", "placement_list", "data-placement"),
    ("intermediary_a", "placement_list", "data-placement"),
    ("coach_a", "placement_list", "data-placement"),
    ("coach_a", "check_in_list", "data-todo-check-in"),
    ("hr_a", "check_in_list", "data-todo-check-in"),
    ("intermediary_a", "check_in_list", "data-todo-check-in"),
    ("coach_a", "caseload", "data-caseload"),
]


@pytest.mark.parametrize(("role", "name", "row"), LISTS, ids=lambda value: str(value))
def test_an_aftercare_lists_query_count_does_not_grow_with_its_rows(client_for, world, plan, role, name, row):
    placed(world, world.candidate_a)
    client = client_for(getattr(world, role))

    def rows_and_queries() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse(name))
        assert response.status_code == 200
        return len(ids(response.content.decode(), row)), len(queries)

    one_row, one_queries = rows_and_queries()
    placed(world)
    placed(world)
    three_rows, three_queries = rows_and_queries()

    assert (one_row, three_rows) == (1, 3)
    assert three_queries == one_queries


def outcomes_listed(text: str) -> dict[int, str]:
    """Each row's outcome on the candidate list: {candidate id: outcome code}."""
    return {int(pk): code for pk, code in re.findall(r'data-candidate="(\d+)".*?data-outcome="(\w*)"', text, re.S)}


def test_the_intermediary_reads_each_candidates_outcome_in_the_candidate_list(client_for, world, running):
    intake_services.record_drop_out(
        enrolment=Enrolment.objects.get(candidate=world.candidate_b), reason="moved", actor=world.bob
    )

    mine = outcomes_listed(client_for(world.intermediary_a).get(reverse("candidate_list")).content.decode())
    theirs = outcomes_listed(client_for(world.intermediary_b).get(reverse("candidate_list")).content.decode())

    assert mine[world.candidate_a.pk] == "fixed_term_job"  # candidate A has worked there for 30 days
    assert theirs == {world.candidate_b.pk: "dropped_out"}
