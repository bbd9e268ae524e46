from datetime import date

from django.urls import reverse
from django.utils import translation

from campaigns.models import Campaign, CampaignPhase, PhasePlan
from jobroad.models import Message


def form_data(world, **overrides):
    return {
        "name": "Scheldemonde voorjaar 2027",
        "region": "Scheldemonde",
        "target_group": "refugees",
        "partners": [world.intermediary_org_a.pk],
        "target_candidates": "40",
        "target_companies": "12",
        "intake_from": "2027-01-11",
        "intake_until": "2027-02-26",
        "project_week_from": "2027-04-19",
        "project_week_until": "2027-04-23",
    } | overrides


def test_a_coordinator_creates_a_campaign_with_its_planned_phases(client_for, world):
    response = client_for(world.alice).post(reverse("campaign_create"), form_data(world))

    campaign = Campaign.objects.get(name="Scheldemonde voorjaar 2027")
    assert response.url == reverse("campaign_detail", kwargs={"pk": campaign.pk})
    assert dict(PhasePlan.objects.filter(campaign=campaign).values_list("phase", "starts_on")) == {
        CampaignPhase.INTAKE: date(2027, 1, 11),
        CampaignPhase.PROJECT_WEEK: date(2027, 4, 19),
    }
    assert list(campaign.coordinators.all()) == [world.alice]


def test_impossible_dates_are_explained_and_nothing_is_saved(client_for, world):
    data = form_data(world, intake_until="2027-01-01", project_week_from="2026-12-01", screening_from="2027-03-01")

    response = client_for(world.alice).post(reverse("campaign_create"), data)

    assert response.status_code == 400
    errors = response.context["form"].errors
    assert set(errors) == {"intake_until", "project_week_from", "screening_until"}
    assert not Campaign.objects.filter(name="Scheldemonde voorjaar 2027").exists()


def test_the_campaign_page_shows_the_timeline_counters_and_why_it_cannot_move_on(client_for, world):
    page = client_for(world.alice).get(reverse("campaign_detail", kwargs={"pk": world.campaign_a.pk}))

    assert [step.is_current for step in page.context["timeline"]].index(True) == 1  # intake, from the factory
    assert [(counter.actual, counter.target) for counter in page.context["counters"]] == [
        (1, None),
        (1, None),
        (0, None),
        (0, None),
        (0, None),
        (0, None),
        (0, None),
    ]
    assert page.context["next_phase"] == CampaignPhase.SCREENING
    assert page.context["next_phase_problems"]  # no screening dates planned
    assert "data-problems" in page.content.decode()


def test_a_refused_move_shows_its_reasons_and_changes_nothing(client_for, world):
    response = client_for(world.alice).post(
        reverse("campaign_advance", kwargs={"pk": world.campaign_a.pk}), {"phase": CampaignPhase.SCREENING}, follow=True
    )

    world.campaign_a.refresh_from_db()
    assert world.campaign_a.phase == CampaignPhase.INTAKE
    assert len(list(response.context["messages"])) == 1


def test_an_allowed_move_moves(client_for, world):
    PhasePlan.objects.create(
        campaign=world.campaign_a, phase=CampaignPhase.SCREENING, starts_on=date(2027, 3, 1), ends_on=date(2027, 3, 5)
    )

    client_for(world.alice).post(
        reverse("campaign_advance", kwargs={"pk": world.campaign_a.pk}), {"phase": CampaignPhase.SCREENING}
    )

    world.campaign_a.refresh_from_db()
    assert world.campaign_a.phase == CampaignPhase.SCREENING


def test_editing_keeps_the_plans_in_step(client_for, world):
    client = client_for(world.alice)
    client.post(reverse("campaign_edit", kwargs={"pk": world.campaign_a.pk}), form_data(world, name="Nieuwe naam"))

    world.campaign_a.refresh_from_db()
    assert world.campaign_a.name == "Nieuwe naam"
    assert world.campaign_a.starts_on == date(2027, 1, 11)
    assert world.campaign_a.phase_plans.count() == 2


def test_cloning_from_the_page(client_for, world):
    response = client_for(world.alice).post(
        reverse("campaign_clone", kwargs={"pk": world.campaign_a.pk}),
        {"name": "Campaign A bis", "intake_starts_on": "2028-01-10"},
    )

    clone = Campaign.objects.get(name="Campaign A bis")
    assert response.url == reverse("campaign_detail", kwargs={"pk": clone.pk})
    assert clone.cloned_from == world.campaign_a


def test_adding_a_company_records_its_days_and_tells_its_hr_people(client_for, world):
    PhasePlan.objects.create(
        campaign=world.campaign_a,
        phase=CampaignPhase.PROJECT_WEEK,
        starts_on=date(2027, 4, 19),
        ends_on=date(2027, 4, 21),
    )
    data = {
        "company": world.company_b.pk,
        "available_days": ["2027-04-19", "2027-04-21"],
        "visit_capacity": "8",
        "interviewers": "2",
        "slot_minutes": "20",
    }

    response = client_for(world.alice).post(reverse("campaign_add_company", kwargs={"pk": world.campaign_a.pk}), data)

    assert response.status_code == 302
    participation = world.campaign_a.participations.get(company=world.company_b)
    assert (participation.available_days, participation.interviewers, participation.slot_minutes) == (
        ["2027-04-19", "2027-04-21"],
        2,
        20,
    )
    welcome = Message.objects.get(template="campaign_welcome")
    assert (welcome.recipient_user, welcome.campaign) == (world.hr_b, world.campaign_a)


def test_ambassador_companies_are_marked_when_adding_and_on_the_campaign_page(client_for, world):
    world.company_b.is_ambassador = True
    world.company_b.save()
    client = client_for(world.alice)
    add_url = reverse("campaign_add_company", kwargs={"pk": world.campaign_a.pk})

    form = client.get(add_url).context["form"]
    with translation.override("en"):
        choices = dict(form.fields["company"].choices)
    client.post(
        add_url, {"company": world.company_b.pk, "visit_capacity": "8", "interviewers": "1", "slot_minutes": "20"}
    )
    page = client.get(reverse("campaign_detail", kwargs={"pk": world.campaign_a.pk}))

    assert choices[world.company_b.pk] == f"{world.company_b} (ambassador)"
    assert "data-ambassador" in page.content.decode()


def test_a_day_outside_project_week_is_refused_and_nothing_is_saved(client_for, world):
    data = {"company": world.company_b.pk, "available_days": ["2031-01-01"], "visit_capacity": "8"}
    data |= {"interviewers": "0", "slot_minutes": "20"}

    response = client_for(world.alice).post(reverse("campaign_add_company", kwargs={"pk": world.campaign_a.pk}), data)

    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"available_days", "interviewers"}
    assert not world.campaign_a.participations.filter(company=world.company_b).exists()
    assert not Message.objects.filter(template="campaign_welcome").exists()


def test_hr_keeps_its_own_availability(client_for, world):
    participation = world.campaign_a.participations.get(company=world.company_a)
    url = reverse("participation_edit", kwargs={"pk": participation.pk})

    response = client_for(world.hr_a).post(url, {"visit_capacity": "5", "interviewers": "3", "slot_minutes": "30"})

    assert response.status_code == 302
    participation.refresh_from_db()
    assert (participation.visit_capacity, participation.interviewers) == (5, 3)
