"""The vacancy briefing (issue 22): a campaign's intermediaries see its open vacancies with live gaps — how many of
the registered candidates, all organisations together, meet each hard requirement — as counts, never names."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from campaigns.intake.selectors import vacancy_briefing
from candidates.models import CandidateLanguage
from tests.factories import CandidateFactory, VacancyFactory


@pytest.fixture
def forklift(world):
    """Company A's vacancy in campaign A: two places, Dutch B1, a driving licence, early shifts."""
    vacancy = world.vacancy_a
    vacancy.title, vacancy.positions, vacancy.driving_licence_required = "Forklift driver", 2, True
    vacancy.language, vacancy.language_level, vacancy.shifts = "nl", "B1", ["early"]
    vacancy.save()
    return vacancy


def registered(world, *, licence=False, dutch="", shifts=(), organisation=None):
    candidate = CandidateFactory(
        registered_by=organisation or world.intermediary_org_b, has_driving_licence=licence,
        available_shifts=list(shifts),
    )  # fmt: skip
    if dutch:
        CandidateLanguage.objects.create(candidate=candidate, language="nl", level=dutch)
    world.campaign_a.enrolments.create(candidate=candidate)
    return candidate


def counts(briefing, vacancy) -> dict:
    [item] = [item for item in briefing.vacancies if item.vacancy == vacancy]
    return {
        "places": item.places,
        **{requirement.code: requirement.meeting for requirement in item.requirements},
        "all": item.meeting_all,
        "gap": item.gap,
    }


def test_the_briefing_counts_the_candidates_who_meet_each_requirement(world, forklift):
    registered(world, licence=True, dutch="B2", shifts=["late"])
    registered(world, dutch="A2")

    briefing = vacancy_briefing(world.campaign_a)

    assert briefing.registered == 3  # candidate A too, who gave no shifts: any shift, as in the matching
    assert counts(briefing, forklift) == {
        "places": 2, "language_level": 1, "driving_licence": 1, "shift": 2, "all": 0, "gap": 2,
    }  # fmt: skip


def test_a_candidate_who_meets_everything_closes_part_of_the_gap(world, forklift):
    registered(world, licence=True, dutch="B1", shifts=["early", "late"])

    briefing = vacancy_briefing(world.campaign_a)

    assert (counts(briefing, forklift)["all"], counts(briefing, forklift)["gap"]) == (1, 1)


def test_the_briefing_leaves_out_dropped_out_candidates_closed_vacancies_and_other_campaigns(world, forklift):
    gone = registered(world, licence=True, dutch="C1")
    world.campaign_a.enrolments.filter(candidate=gone).update(
        dropped_out_on=timezone.localdate(), drop_out_reason="moved"
    )
    VacancyFactory(company=world.company_a, is_open=False)

    briefing = vacancy_briefing(world.campaign_a)

    assert briefing.registered == 1
    assert [item.vacancy for item in briefing.vacancies] == [forklift]


def test_a_vacancy_without_hard_requirements_has_no_gap_while_someone_is_registered(world):
    world.vacancy_a.positions = 1
    world.vacancy_a.save()

    [item] = vacancy_briefing(world.campaign_a).vacancies

    assert (item.requirements, item.meeting_all, item.gap) == ([], 1, 0)


def test_an_intermediary_reads_the_briefing_of_their_campaign_without_any_name(client_for, world, forklift):
    other = registered(world, licence=True, dutch="B2")

    page = client_for(world.intermediary_a).get(
        reverse("vacancy_briefing", kwargs={"campaign_pk": world.campaign_a.pk}), headers={"Accept-Language": "en"}
    )

    html = page.content.decode()
    assert 'data-requirement="driving_licence" data-meeting="1"' in html
    assert "Forklift driver" in html and "a driving licence: 1 registered candidate" in html
    assert other.first_name not in html and other.last_name not in html
    assert world.candidate_a.last_name not in html


def test_the_campaign_page_links_its_intermediaries_to_the_briefing(client_for, world):
    url = reverse("vacancy_briefing", kwargs={"campaign_pk": world.campaign_a.pk})

    intermediary = client_for(world.intermediary_a).get(reverse("campaign_detail", kwargs={"pk": world.campaign_a.pk}))
    hr = client_for(world.hr_a).get(reverse("campaign_detail", kwargs={"pk": world.campaign_a.pk}))

    assert url in intermediary.content.decode()
    assert url not in hr.content.decode()


def test_the_briefing_costs_the_same_queries_for_one_or_many(client_for, world, forklift):
    client = client_for(world.intermediary_a)
    url = reverse("vacancy_briefing", kwargs={"campaign_pk": world.campaign_a.pk})

    def count():
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        return len(captured)

    one = count()
    for _ in range(4):
        registered(world, licence=True, dutch="B1")
        VacancyFactory(company=world.company_a, driving_licence_required=True)

    assert count() == one


def test_an_intermediarys_home_links_to_the_briefings_of_their_campaigns_in_intake(client_for, world):
    page = client_for(world.intermediary_a).get(reverse("home"))

    assert list(page.context["dashboard"].briefings) == [world.campaign_a]
    assert reverse("vacancy_briefing", kwargs={"campaign_pk": world.campaign_a.pk}) in page.content.decode()
