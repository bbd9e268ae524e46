"""The employer network: a company's way through the pipeline (lead → contacted → committed → taking part →
ambassador), its contact log, the ambassador profile and the yearly target; coordinators keep it, the company's
own HR sees none of it."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from companies import selectors, services
from companies.models import (
    AmbassadorProfile,
    CompanySource,
    ContactLogEntry,
    NetworkTarget,
    PipelineStage,
    StageChange,
)
from tests.factories import CompanyFactory
from tests.language import ENGLISH

pytestmark = pytest.mark.usefixtures("english")


def move(company, stage, actor, reason=""):
    return services.move_company_along_pipeline(company=company, stage=stage, actor=actor, reason=reason)


def history(company):
    return list(StageChange.objects.filter(company=company).values_list("from_stage", "to_stage", "reason"))


def test_a_company_moves_along_the_pipeline_with_its_history(world):
    company = CompanyFactory(organisation__name="Bakkerij Zonneveld")

    move(company, PipelineStage.CONTACTED, world.alice)
    move(company, PipelineStage.COMMITTED, world.bob)
    company = move(company, PipelineStage.TAKING_PART, world.alice)

    assert company.stage == "taking_part"
    assert history(company) == [("lead", "contacted", ""), ("contacted", "committed", ""),
                                ("committed", "taking_part", "")]  # fmt: skip
    assert list(company.stage_changes.values_list("changed_by__email", flat=True)) == [
        world.alice.email, world.bob.email, world.alice.email]  # fmt: skip


def test_moving_on_may_skip_a_stage(world):
    company = CompanyFactory()

    company = move(company, PipelineStage.COMMITTED, world.alice)

    assert (company.stage, history(company)) == ("committed", [("lead", "committed", "")])


def test_only_a_company_that_takes_part_becomes_an_ambassador(world):
    company = CompanyFactory(organisation__name="Bakkerij Zonneveld")
    move(company, PipelineStage.COMMITTED, world.alice)

    with pytest.raises(ValidationError) as refused:
        move(company, PipelineStage.AMBASSADOR, world.alice)

    assert refused.value.messages == [
        "Only a company that takes part can become an ambassador: Bakkerij Zonneveld is at “Committed (pledge)”."
    ]
    company.refresh_from_db()
    assert (company.stage, company.is_ambassador, len(history(company))) == ("committed", False, 1)


def test_an_ambassador_is_marked_as_one_and_gets_a_profile(world):
    company = CompanyFactory()
    move(company, PipelineStage.TAKING_PART, world.alice)

    company = move(company, PipelineStage.AMBASSADOR, world.alice)

    assert (company.stage, company.is_ambassador) == ("ambassador", True)
    assert AmbassadorProfile.objects.get(company=company).second_chance == "ask"


def test_moving_back_needs_a_reason_and_records_it(world):
    company = CompanyFactory(organisation__name="Bakkerij Zonneveld")
    move(company, PipelineStage.COMMITTED, world.alice)

    with pytest.raises(ValidationError) as refused:
        move(company, PipelineStage.CONTACTED, world.alice, reason="  ")
    company = move(company, PipelineStage.CONTACTED, world.alice, reason="The new manager withdrew the pledge.")

    assert refused.value.messages == ["Say why Bakkerij Zonneveld moves back to “Contacted”, for the record."]
    assert company.stage == "contacted"
    assert history(company)[-1] == ("committed", "contacted", "The new manager withdrew the pledge.")


def test_an_ambassador_moved_back_is_no_longer_marked_as_one(world):
    company = CompanyFactory()
    move(company, PipelineStage.TAKING_PART, world.alice)
    move(company, PipelineStage.AMBASSADOR, world.alice)

    company = move(company, PipelineStage.TAKING_PART, world.alice, reason="Stopped the testimonies.")

    assert (company.stage, company.is_ambassador) == ("taking_part", False)


def test_a_company_in_a_campaign_is_at_least_taking_part(world):
    assert world.company_a.stage == "lead"  # as recorded; company A takes part in campaign A

    assert [c.pk for c in selectors.pipeline()[3].companies] == [world.company_a.pk, world.company_b.pk]
    assert world.company_a.shown_stage(takes_part=selectors.takes_part(world.company_a)) == "taking_part"


def test_a_company_in_a_campaign_cannot_move_back_before_taking_part(world):
    with pytest.raises(ValidationError) as refused:
        move(world.company_a, PipelineStage.COMMITTED, world.alice, reason="Mistake")

    assert refused.value.messages == [
        "Company A takes part in a campaign, so it cannot move back before “Taking part”."
    ]
    assert history(world.company_a) == []


def test_a_company_in_a_campaign_moves_on_from_taking_part(world):
    company = move(world.company_a, PipelineStage.AMBASSADOR, world.alice)

    assert history(company) == [("taking_part", "ambassador", "")]


def test_a_move_to_the_same_stage_is_refused(world):
    company = CompanyFactory(organisation__name="Bakkerij Zonneveld")

    with pytest.raises(ValidationError) as refused:
        move(company, PipelineStage.LEAD, world.alice)

    assert refused.value.messages == ["Bakkerij Zonneveld is already at “Lead”."]


def test_a_move_is_written_to_the_log(world, caplog):
    company = CompanyFactory()

    with caplog.at_level("INFO", logger="companies.services"):
        move(company, PipelineStage.CONTACTED, world.alice)

    assert caplog.messages == [f"Company {company.pk} moved from lead to contacted by user {world.alice.pk}"]


def test_logging_a_contact_with_a_lead_moves_it_to_contacted(world):
    company = CompanyFactory()

    entry = services.record_contact(
        company=company, actor=world.alice, contacted_on=date(2027, 1, 5), method="phone",
        contact_person="Els Peeters", summary="Interested in the March campaign.", next_step="Send the flyer",
        next_step_on=date(2027, 1, 12),
    )  # fmt: skip

    company.refresh_from_db()
    assert (entry.written_by, entry.next_step_on) == (world.alice, date(2027, 1, 12))
    assert (company.stage, history(company)) == ("contacted", [("lead", "contacted", "")])


def test_a_next_step_date_without_a_next_step_is_refused(world):
    with pytest.raises(ValidationError):
        services.record_contact(
            company=world.company_b, actor=world.alice, contacted_on=date(2027, 1, 5), method="visit",
            contact_person="Els", summary="Visit", next_step_on=date(2027, 1, 12),
        )  # fmt: skip

    assert ContactLogEntry.objects.count() == 0


def test_only_a_coordinator_can_own_a_company_account(world):
    with pytest.raises(ValidationError):
        services.save_network_details(company=world.company_b, source="voka", account_owner=world.hr_b, actor=world.bob)

    company = services.save_network_details(
        company=world.company_b, source=CompanySource.VOKA, account_owner=world.bob, actor=world.bob
    )
    assert (company.source, company.account_owner) == ("voka", world.bob)


def test_an_ambassador_profile_is_refused_for_a_company_that_is_no_ambassador(world):
    with pytest.raises(ValidationError):
        services.save_ambassador_profile(
            company=world.company_b, testimony="", hosts_workshops=True, second_chance="yes", actor=world.bob
        )

    assert AmbassadorProfile.objects.count() == 0


def test_the_year_counts_new_contacts_and_commitments_against_its_target(world, time_machine):
    time_machine.move_to("2027-03-01 10:00")
    NetworkTarget.objects.create(year=2027, companies_reached=100, companies_committed=150)
    one, two, three = CompanyFactory(), CompanyFactory(), CompanyFactory()
    move(one, PipelineStage.CONTACTED, world.alice)
    move(one, PipelineStage.COMMITTED, world.alice)
    move(two, PipelineStage.COMMITTED, world.alice)
    move(two, PipelineStage.CONTACTED, world.alice, reason="Withdrew")
    move(two, PipelineStage.COMMITTED, world.alice)  # again: counts once
    move(three, PipelineStage.CONTACTED, world.alice)

    year = selectors.year_against_target(2027)

    assert (year.reached, year.committed, year.reached_share, year.committed_share) == (3, 2, 3, 1)
    assert selectors.year_against_target(2026).reached == 0


# Pages


def test_hr_sees_neither_stage_nor_contact_log_on_its_own_company_page(client_for, world):
    services.record_contact(
        company=world.company_a, actor=world.alice, contacted_on=date(2027, 1, 5), method="phone",
        contact_person="Els", summary="Secret internal note", next_step="Call back",
    )  # fmt: skip

    hr_page = client_for(world.hr_a).get(reverse("company_detail", args=[world.company_a.pk]), headers=ENGLISH)
    coordinator_page = client_for(world.alice).get(reverse("company_detail", args=[world.company_a.pk]))

    assert hr_page.status_code == 200
    assert (hr_page.context["network"], "Secret internal note" in hr_page.content.decode()) == (None, False)
    assert "data-network" not in hr_page.content.decode()
    assert coordinator_page.context["network"]["stage"] == "taking_part"
    assert "Secret internal note" in coordinator_page.content.decode()


def test_hr_cannot_open_or_post_to_the_network_pages_of_its_own_company(client_for, world):
    client = client_for(world.hr_a)
    pk = world.company_a.pk

    answers = [
        client.get(reverse("network_pipeline")).status_code,
        client.get(reverse("company_contact", args=[pk])).status_code,
        client.post(reverse("company_contact", args=[pk]), {"contacted_on": "2027-01-05", "method": "phone",
                    "contact_person": "Me", "summary": "Hi"}).status_code,
        client.post(reverse("company_stage", args=[pk]), {"stage": "ambassador"}).status_code,
    ]  # fmt: skip

    assert answers == [404, 404, 404, 404]
    assert (ContactLogEntry.objects.count(), StageChange.objects.count()) == (0, 0)


def test_a_coordinator_moves_a_company_back_only_with_a_reason_on_the_form(client_for, world):
    company = CompanyFactory(organisation__name="Bakkerij Zonneveld")
    move(company, PipelineStage.COMMITTED, world.alice)
    client = client_for(world.alice)

    refused = client.post(reverse("company_stage", args=[company.pk]), {"stage": "lead"}, headers=ENGLISH)
    moved = client.post(reverse("company_stage", args=[company.pk]), {"stage": "lead", "reason": "Closed down"})

    assert refused.status_code == 400
    assert "Say why Bakkerij Zonneveld moves back to “Lead”, for the record." in refused.content.decode()
    assert moved["Location"] == reverse("company_detail", args=[company.pk]) + "#network"
    assert history(company)[-1] == ("committed", "lead", "Closed down")


def test_the_ambassador_profile_shows_on_the_company_page_also_to_its_hr(client_for, world):
    move(world.company_a, PipelineStage.AMBASSADOR, world.alice)
    client_for(world.alice).post(
        reverse("company_ambassador", args=[world.company_a.pk]),
        {"testimony": "They stay, they learn fast.", "hosts_workshops": "on", "second_chance": "yes"},
    )

    page = client_for(world.hr_a).get(reverse("company_detail", args=[world.company_a.pk]), headers=ENGLISH)

    profile = AmbassadorProfile.objects.get(company=world.company_a)
    assert (profile.testimony, profile.hosts_workshops, profile.second_chance) == (
        "They stay, they learn fast.", True, "yes")  # fmt: skip
    assert 'data-second-chance="yes"' in page.content.decode()
    assert "They stay, they learn fast." in page.content.decode()


def test_a_coordinator_sets_the_yearly_target(client_for, world):
    response = client_for(world.alice).post(
        reverse("network_target"), {"year": "2027", "companies_reached": "100", "companies_committed": "150"}
    )

    assert response["Location"] == reverse("network_pipeline")
    assert list(NetworkTarget.objects.values_list("year", "companies_reached", "companies_committed")) == [
        (2027, 100, 150)
    ]


def pipeline_queries(client) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("network_pipeline"))
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_pipeline_page_costs_as_many_queries_for_one_company_as_for_many(client_for, world):
    client = client_for(world.alice)
    first = CompanyFactory(source=CompanySource.VOKA, account_owner=world.alice)
    services.record_contact(company=first, actor=world.alice, contacted_on=date(2027, 1, 5), method="phone",
                            contact_person="Els", summary="Call", next_step="Visit")  # fmt: skip
    one, _page = pipeline_queries(client)
    for n in range(5):
        company = CompanyFactory(source=CompanySource.OWN_NETWORK, account_owner=world.bob)
        services.record_contact(
            company=company, actor=world.bob, contacted_on=date(2027, 1, n + 1), method="visit",
            contact_person="Jan", summary="Visit", next_step=f"Step {n}",
        )  # fmt: skip

    many, page = pipeline_queries(client)

    assert many == one
    assert page.count("data-company=") == 8  # companies A and B, and the six above
    assert "Step 4" in page


def test_the_pipeline_groups_companies_by_stage_with_counts(client_for, world):
    CompanyFactory(organisation__name="Lead BV")
    move(CompanyFactory(organisation__name="Pledged NV"), PipelineStage.COMMITTED, world.alice)

    response = client_for(world.alice).get(reverse("network_pipeline"))

    columns = {column.stage: [str(c) for c in column.companies] for column in response.context["columns"]}
    assert columns == {"lead": ["Lead BV"], "contacted": [], "committed": ["Pledged NV"],
                       "taking_part": ["Company A", "Company B"], "ambassador": []}  # fmt: skip


def company_page_queries(client, company) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("company_detail", args=[company.pk]))
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_company_page_costs_as_many_queries_for_one_contact_as_for_many(client_for, world):
    client = client_for(world.alice)
    company = CompanyFactory()
    services.record_contact(company=company, actor=world.alice, contacted_on=date(2027, 1, 1), method="phone",
                            contact_person="Els", summary="First call")  # fmt: skip
    one, _page = company_page_queries(client, company)
    for n in range(4):
        services.record_contact(company=company, actor=world.bob, contacted_on=date(2027, 1, n + 2), method="visit",
                                contact_person="Jan", summary=f"Visit {n}")  # fmt: skip
    move(company, PipelineStage.COMMITTED, world.bob)

    many, page = company_page_queries(client, company)

    assert many == one
    assert (page.count("data-contact="), page.count("data-stage-change=")) == (5, 2)


def test_a_coordinator_can_see_only_the_companies_they_own(client_for, world):
    CompanyFactory(organisation__name="Alice's", account_owner=world.alice)
    CompanyFactory(organisation__name="Bob's", account_owner=world.bob)

    response = client_for(world.alice).get(reverse("network_pipeline"), {"owner": "me"})

    assert [str(c) for column in response.context["columns"] for c in column.companies] == ["Alice's"]
