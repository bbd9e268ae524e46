"""Campaign writes check the object they write: a coordinator who sees another campaign through a second role (a
job coach of one of its candidates, say) still does not keep that campaign's companies' days."""

from django.urls import reverse

from campaigns.models import Participation
from jobroad.models import Role
from tests.factories import MembershipFactory


def test_a_coordinator_who_coaches_a_candidate_of_another_campaign_cannot_edit_its_companys_participation(
    client_for, world
):
    MembershipFactory(user=world.alice, organisation=world.jobroad, role=Role.JOB_COACH)
    world.candidate_b.coach = world.alice
    world.candidate_b.save()
    participation = Participation.objects.get(campaign=world.campaign_b, company=world.company_b)
    url = reverse("participation_edit", kwargs={"pk": participation.pk})

    response = client_for(world.alice).post(
        url, {"visit_capacity": "3", "interviewers": "4", "slot_minutes": "20", "meeting_point": "Poort 9"}
    )

    assert response.status_code == 404
    participation.refresh_from_db()
    assert (participation.visit_capacity, participation.interviewers, participation.meeting_point) == (10, 1, "")


def test_company_hr_edits_its_own_participation_and_the_campaigns_coordinator_too(client_for, world):
    participation = Participation.objects.get(campaign=world.campaign_b, company=world.company_b)
    url = reverse("participation_edit", kwargs={"pk": participation.pk})

    by_hr = client_for(world.hr_b).post(url, {"visit_capacity": "3", "interviewers": "2", "slot_minutes": "20"})
    by_bob = client_for(world.bob).post(url, {"visit_capacity": "5", "interviewers": "2", "slot_minutes": "20"})

    assert (by_hr.status_code, by_bob.status_code) == (302, 302)
    participation.refresh_from_db()
    assert (participation.visit_capacity, participation.interviewers) == (5, 2)
