"""Matching in the platform: the service around the engine, the coordinator's pages and HR's blind profiles."""

import ast
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from campaigns.matching import services as matching_services
from campaigns.models import CampaignPhase, HrAnswer, MatchingRun, PairRule, Proposal, ProposalStatus
from candidates.models import ConsentPurpose, ScreeningDecision
from candidates.services import withdraw_consent
from jobroad.models import AuditEntry, Message
from tests.factories import CandidateFactory, VacancyFactory, matchable, set_phase
from tests.language import ENGLISH

from .actions import confirm, run


@pytest.fixture
def ready(world):
    """Campaign A in its matching phase, with two selected, consenting candidates and two vacancies at company A."""
    set_phase(world.campaign_a, CampaignPhase.MATCHING)
    second = VacancyFactory(company=world.company_a, title="Magazijnier")
    amal = matchable(world, world.candidate_a)
    sara = matchable(world, CandidateFactory(first_name="Sara", registered_by=world.intermediary_org_a))
    return amal, sara, second


def test_running_the_matching_proposes_each_eligible_candidate_once_per_company(client_for, world, ready):
    amal, sara, _second = ready

    response = run(client_for(world.alice), world)

    assert response.status_code == 302
    proposals = Proposal.objects.filter(enrolment__campaign=world.campaign_a)
    # Both vacancies are at company A, and a candidate meets a company once.
    assert sorted(proposals.values_list("enrolment_id", flat=True)) == sorted([amal.pk, sara.pk])
    assert set(proposals.values_list("status", flat=True)) == {ProposalStatus.DRAFT}
    latest = MatchingRun.objects.get()
    assert (latest.eligible, latest.covered, latest.greedy_covered) == (2, 2, 2)
    assert latest.total_fit == sum(proposals.values_list("fit", flat=True))


def test_a_candidate_without_consent_or_not_selected_gets_no_proposal(client_for, world, ready):
    amal, sara, _second = ready
    withdraw_consent(candidate=sara.candidate, purpose=ConsentPurpose.SHARE_PROFILE, actor=world.alice, language="nl")
    reserve = matchable(
        world, CandidateFactory(registered_by=world.intermediary_org_a), decision=ScreeningDecision.RESERVE
    )

    run(client_for(world.alice), world)

    assert list(Proposal.objects.values_list("enrolment_id", flat=True)) == [amal.pk]
    assert MatchingRun.objects.get().eligible == 1
    page = client_for(world.alice).get(reverse("matching_candidate", kwargs={"pk": reserve.pk}), headers=ENGLISH)
    assert "not selected in screening" in page.content.decode()


def test_a_forbidden_pair_stays_out_of_every_rerun_and_a_pin_stays_in(client_for, world, ready):
    amal, _sara, second = ready
    client = client_for(world.alice)
    run(client, world)
    proposed = Proposal.objects.get(enrolment=amal).vacancy
    other = second if proposed == world.vacancy_a else world.vacancy_a

    client.post(reverse("matching_pair_rule", kwargs={"pk": amal.pk, "vacancy_pk": proposed.pk}), {"kind": "forbid"})
    client.post(reverse("matching_pair_rule", kwargs={"pk": amal.pk, "vacancy_pk": other.pk}), {"kind": "pin"})
    run(client, world)

    assert list(Proposal.objects.filter(enrolment=amal).values_list("vacancy", flat=True)) == [other.pk]
    assert set(PairRule.objects.values_list("kind", flat=True)) == {"pin", "forbid"}


def test_pinning_an_excluded_pair_says_why_and_changes_nothing(client_for, world, ready):
    amal, _sara, _second = ready
    world.vacancy_a.driving_licence_required = True
    world.vacancy_a.save()

    response = client_for(world.alice).post(
        reverse("matching_pair_rule", kwargs={"pk": amal.pk, "vacancy_pk": world.vacancy_a.pk}),
        {"kind": "pin"},
        headers=ENGLISH,
        follow=True,
    )

    assert "no driving licence" in response.content.decode()
    assert not PairRule.objects.exists()
    assert not Proposal.objects.exists()


def test_confirming_shows_the_proposals_to_hr_and_tells_them(client_for, world, ready):
    run(client_for(world.alice), world)

    confirm(client_for(world.alice), world)

    assert set(Proposal.objects.values_list("status", flat=True)) == {ProposalStatus.CONFIRMED}
    assert list(Message.objects.filter(template="proposals_confirmed").values_list("recipient_user", flat=True)) == [
        world.hr_a.pk
    ]
    page = client_for(world.hr_a).get(reverse("proposal_list"))
    assert sorted(item.profile.first_name for item, _form in page.context["proposals"]) == ["Amal", "Sara"]
    assert client_for(world.hr_b).get(reverse("proposal_list")).context["proposals"] == []


def test_hr_sees_no_draft_and_no_candidate_whose_consent_was_withdrawn(client_for, world, ready):
    _amal, sara, _second = ready
    run(client_for(world.alice), world)
    assert client_for(world.hr_a).get(reverse("proposal_list")).context["proposals"] == []  # drafts only so far

    confirm(client_for(world.alice), world)
    withdraw_consent(candidate=sara.candidate, purpose=ConsentPurpose.SHARE_PROFILE, actor=world.alice, language="nl")

    shown = client_for(world.hr_a).get(reverse("proposal_list")).context["proposals"]
    assert [item.profile.first_name for item, _form in shown] == ["Amal"]
    hidden = Proposal.objects.get(enrolment=sara)
    answer_url = reverse("proposal_answer", kwargs={"pk": hidden.pk})
    assert client_for(world.hr_a).post(answer_url, {f"p{hidden.pk}-answer": "interested"}).status_code == 404


def test_hr_answers_and_the_coordinator_reads_the_answer(client_for, world, ready):
    run(client_for(world.alice), world)
    confirm(client_for(world.alice), world)
    proposal = Proposal.objects.filter(enrolment__candidate=world.candidate_a).get()
    hr = client_for(world.hr_a)
    url = reverse("proposal_answer", kwargs={"pk": proposal.pk})

    hr.post(url, {f"p{proposal.pk}-answer": "question", f"p{proposal.pk}-comment": ""})
    proposal.refresh_from_db()
    assert proposal.hr_answer == ""  # a question needs its text
    hr.post(url, {f"p{proposal.pk}-answer": "question", f"p{proposal.pk}-comment": "Kan ze om 6 uur beginnen?"})

    proposal.refresh_from_db()
    assert (proposal.hr_answer, proposal.answered_by) == (HrAnswer.QUESTION, world.hr_a)
    page = client_for(world.alice).get(reverse("campaign_matching", kwargs={"pk": world.campaign_a.pk}))
    assert "Kan ze om 6 uur beginnen?" in page.content.decode()


def test_another_companys_hr_cannot_answer(client_for, world, ready):
    run(client_for(world.alice), world)
    confirm(client_for(world.alice), world)
    proposal = Proposal.objects.first()

    response = client_for(world.hr_b).post(
        reverse("proposal_answer", kwargs={"pk": proposal.pk}), {f"p{proposal.pk}-answer": "interested"}
    )

    assert response.status_code == 404
    proposal.refresh_from_db()
    assert proposal.hr_answer == ""


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def run_and_confirm(client_for, world) -> None:
    coordinator = client_for(world.alice)
    run(coordinator, world)
    confirm(coordinator, world)


def test_the_matching_and_proposal_pages_cost_the_same_queries_for_few_or_many(client_for, world, ready):
    pages = [
        (world.alice, reverse("campaign_matching", kwargs={"pk": world.campaign_a.pk})),
        (world.alice, reverse("matching_scores", kwargs={"pk": world.campaign_a.pk})),
        (world.alice, reverse("matching_candidate", kwargs={"pk": ready[0].pk})),
        (world.hr_a, reverse("proposal_list")),
    ]
    run_and_confirm(client_for, world)
    few = [queries(client_for(user), url) for user, url in pages]

    for n in range(6):
        matchable(world, CandidateFactory(first_name=f"Extra{n}", registered_by=world.intermediary_org_a))
        VacancyFactory(company=world.company_a)
    run_and_confirm(client_for, world)

    assert Proposal.objects.count() == 8
    assert [queries(client_for(user), url) for user, url in pages] == few


# --- One function changes a proposal's status -----------------------------------------------------------------------


def test_a_proposal_status_changes_only_through_one_function(world, ready):
    """A confirmed proposal — HR has seen it — cannot go back to draft: the table has no such step, and the refusal
    says so in words."""
    amal, _sara, _second = ready
    matching_services.run_matching(campaign=world.campaign_a, actor=world.alice)
    matching_services.confirm_proposals(campaign=world.campaign_a, actor=world.alice)
    confirmed = Proposal.objects.filter(enrolment=amal)

    with translation.override("en"), pytest.raises(matching_services.ProposalStatusRefused) as refusal:
        matching_services.set_proposal_status(
            campaign=world.campaign_a, proposals=confirmed, to=ProposalStatus.DRAFT, actor=world.alice
        )

    assert str(refusal.value) == "A proposal that is “Confirmed” cannot become “Draft”."
    assert set(confirmed.values_list("status", flat=True)) == {ProposalStatus.CONFIRMED}


def test_confirming_twice_refuses_the_second_time_and_tells_hr_once(world, ready):
    matching_services.run_matching(campaign=world.campaign_a, actor=world.alice)
    drafts = list(Proposal.objects.filter(enrolment__campaign=world.campaign_a))
    matching_services.set_proposal_status(
        campaign=world.campaign_a, proposals=drafts, to=ProposalStatus.CONFIRMED, actor=world.alice
    )

    with pytest.raises(matching_services.ProposalStatusRefused):  # the rows say confirmed, whatever the caller holds
        matching_services.set_proposal_status(
            campaign=world.campaign_a, proposals=drafts, to=ProposalStatus.CONFIRMED, actor=world.alice
        )

    assert Message.objects.filter(template="proposals_confirmed").count() == 1


def test_confirming_a_proposal_is_written_in_the_candidates_audit_trail(world, ready):
    amal, sara, _second = ready
    matching_services.run_matching(campaign=world.campaign_a, actor=world.alice)

    matching_services.confirm_proposals(campaign=world.campaign_a, actor=world.alice)

    entries = AuditEntry.objects.filter(place="matching", action="changed", actor=world.alice)
    assert sorted(entries.values_list("candidate", flat=True)) == sorted([amal.candidate_id, sara.candidate_id])


def proposal_status_writes(path: Path) -> list[str]:
    """Where a module writes a proposal's status other than in ``set_proposal_status``: ``status=ProposalStatus.…``
    given to a write (create, update, a new row) or ``….status = …`` on a proposal."""
    tree = ast.parse(path.read_text(), filename=str(path))
    writes = {"create", "update", "update_or_create", "get_or_create", "bulk_update", "Proposal"}
    found = []
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef) or function.name == "set_proposal_status":
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "attr", getattr(node.func, "id", ""))
                for keyword in node.keywords:
                    value = ast.unparse(keyword.value)
                    if name in writes and keyword.arg == "status" and value.startswith("ProposalStatus."):
                        found.append(f"{path.name}:{node.lineno} {function.name}")
            elif isinstance(node, ast.Assign):
                for target in node.targets:
                    if (
                        isinstance(target, ast.Attribute)
                        and target.attr == "status"
                        and "proposal" in ast.unparse(target.value)
                    ):
                        found.append(f"{path.name}:{node.lineno} {function.name}")
    return sorted(set(found))


def test_no_code_but_set_proposal_status_writes_a_proposals_status():
    apps = ["campaigns", "aftercare", "candidates", "companies", "workshops", "jobroad"]
    modules = [
        path
        for app in apps
        for path in (Path(settings.BASE_DIR) / app).rglob("*.py")
        if "migrations" not in path.parts and "management" not in path.parts  # seed commands write fixtures' rows
    ]

    assert [write for path in modules for write in proposal_status_writes(path)] == []
