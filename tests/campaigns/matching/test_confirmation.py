"""Confirming the proposals asks first and says what will happen: how many proposals, candidates, companies and
messages; it confirms only the numbers the coordinator saw (issue 19, item 7)."""

import pytest
from django.urls import reverse

from campaigns.matching import selectors
from campaigns.models import CampaignPhase, Proposal, ProposalStatus
from jobroad.models import Message, Role
from tests.factories import (
    CandidateFactory,
    CompanyFactory,
    MembershipFactory,
    ProposalFactory,
    UserFactory,
    VacancyFactory,
    set_phase,
)
from tests.language import ENGLISH

from .actions import run


@pytest.fixture
def drafts(world):
    """Campaign A in matching with four draft proposals for two candidates at three companies: company A (one HR
    person), company C (two) and company D (nobody with an account). Campaign B's draft and campaign A's confirmed
    proposal are not confirmed again."""
    set_phase(world.campaign_a, CampaignPhase.MATCHING)
    sara = CandidateFactory(first_name="Sara", registered_by=world.intermediary_org_a)
    amal_in_a = world.campaign_a.enrolments.get(candidate=world.candidate_a)
    sara_in_a = world.campaign_a.enrolments.create(candidate=sara)
    company_c, company_d = CompanyFactory(organisation__name="Company C"), CompanyFactory(organisation__name="D")
    for email in ("hr.c1@example.org", "hr.c2@example.org"):
        MembershipFactory(user=UserFactory(email=email), organisation=company_c.organisation, role=Role.COMPANY_HR)
    vacancy_c, vacancy_d = VacancyFactory(company=company_c), VacancyFactory(company=company_d)
    for enrolment, vacancy in [(amal_in_a, world.vacancy_a), (sara_in_a, world.vacancy_a), (amal_in_a, vacancy_c),
                               (sara_in_a, vacancy_d)]:  # fmt: skip
        ProposalFactory(enrolment=enrolment, vacancy=vacancy)
    ProposalFactory(enrolment=amal_in_a, vacancy=VacancyFactory(company=world.company_a), confirmed=True)
    ProposalFactory(enrolment=world.campaign_b.enrolments.get(), vacancy=world.vacancy_b)
    return world.campaign_a


def url(campaign) -> str:
    return reverse("matching_confirm", kwargs={"pk": campaign.pk})


def drafts_left(campaign) -> int:
    return Proposal.objects.filter(enrolment__campaign=campaign, status=ProposalStatus.DRAFT).count()


def test_the_confirmation_page_names_the_proposals_candidates_companies_and_messages(client_for, world, drafts):
    page = client_for(world.alice).get(url(drafts), headers=ENGLISH).content.decode()

    assert selectors.proposals_confirmation(drafts) == selectors.ProposalsConfirmation(
        proposals=4, candidates=2, companies=3, messages=3, unreached=1
    )
    assert "3 messages will go out now" in page and "3 HR people" in page and "3 companies" in page
    assert "4 proposals will be confirmed" in page and "They are about 2 candidates." in page
    assert "1 company has nobody with an HR account" in page
    assert 'name="proposals" value="4"' in page and 'name="messages" value="3"' in page


def test_a_post_without_the_confirmation_confirms_nothing_and_sends_nothing(client_for, world, drafts):
    response = client_for(world.alice).post(url(drafts), {"proposals": "4", "messages": "3"})

    assert response.url == url(drafts)
    assert drafts_left(drafts) == 4
    assert not Message.objects.exists()


def test_confirming_sends_exactly_the_messages_the_page_promised(client_for, world, drafts):
    client = client_for(world.alice)

    response = client.post(url(drafts), {"proposals": "4", "messages": "3", "confirm": "yes"})

    assert response.url == reverse("campaign_matching", kwargs={"pk": drafts.pk})
    assert drafts_left(drafts) == 0
    told = Message.objects.filter(template="proposals_confirmed").values_list("recipient_address", flat=True)
    assert sorted(told) == ["hr.a@example.org", "hr.c1@example.org", "hr.c2@example.org"]
    assert Proposal.objects.filter(enrolment__campaign=world.campaign_b, status=ProposalStatus.DRAFT).count() == 1


def test_confirming_with_a_stale_count_does_nothing(client_for, world, drafts):
    client = client_for(world.alice)
    seen = client.get(url(drafts)).context["outline"]
    ProposalFactory(enrolment=world.campaign_a.enrolments.get(candidate=world.candidate_a),
                    vacancy=VacancyFactory(company=world.company_a))  # a re-run adds a draft meanwhile  # fmt: skip

    response = client.post(
        url(drafts), {"proposals": seen.proposals, "messages": seen.messages, "confirm": "yes"}, headers=ENGLISH
    )

    assert response.url == url(drafts)
    assert drafts_left(drafts) == 5
    assert not Message.objects.exists()
    page = client.get(response.url, headers=ENGLISH).content.decode()
    assert "Nothing was confirmed" in page and "5 proposals will be confirmed" in page


def test_the_confirmation_page_says_before_any_post_why_the_phase_closes_it(client_for, world, drafts):
    set_phase(drafts, CampaignPhase.INTAKE)
    client = client_for(world.alice)

    page = client.get(url(drafts), headers=ENGLISH).content.decode()
    client.post(url(drafts), {"proposals": "4", "messages": "3", "confirm": "yes"})

    assert "data-phase-refusal" in page and "Proposals are confirmed in the matching" in page
    assert 'name="confirm"' not in page
    assert (drafts_left(drafts), Message.objects.count()) == (4, 0)


def test_the_matching_page_links_to_the_confirmation_instead_of_confirming(client_for, world, drafts):
    client = client_for(world.alice)
    run(client, world)

    page = client.get(reverse("campaign_matching", kwargs={"pk": drafts.pk})).content.decode()

    assert f'href="{url(drafts)}" data-confirm' in page
    assert f'action="{url(drafts)}"' not in page
