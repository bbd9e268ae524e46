"""Coaches on a phone (issue 25, item 8): the job coach is chosen on the candidate's page with one small form,
checked against who may keep the record and which coaches they may assign."""

from django.urls import reverse

from candidates.models import Candidate
from jobroad.models import AuditAction, AuditEntry


def assign(client, candidate, coach):
    return client.post(reverse("coach_assign", kwargs={"pk": candidate.pk}), {"coach": coach.pk if coach else ""})


def test_a_coordinator_assigns_a_coach_from_the_candidates_page(client_for, world):
    Candidate.objects.filter(pk=world.candidate_a.pk).update(coach=None)
    page = client_for(world.alice).get(reverse("candidate_detail", kwargs={"pk": world.candidate_a.pk}))
    assert "data-coach-form" in page.content.decode()

    response = assign(client_for(world.alice), world.candidate_a, world.coach_a)

    assert response.status_code == 302
    assert Candidate.objects.get(pk=world.candidate_a.pk).coach == world.coach_a
    assert AuditEntry.objects.filter(actor=world.alice, action=AuditAction.CHANGED).exists()


def test_the_registering_intermediary_may_remove_the_coach(client_for, world):
    Candidate.objects.filter(pk=world.candidate_a.pk).update(coach=world.coach_a)

    assign(client_for(world.intermediary_a), world.candidate_a, None)

    assert Candidate.objects.get(pk=world.candidate_a.pk).coach is None


def test_a_coach_reads_the_page_without_the_form_and_cannot_assign(client_for, world):
    Candidate.objects.filter(pk=world.candidate_a.pk).update(coach=world.coach_a)
    coach = client_for(world.coach_a)

    page = coach.get(reverse("candidate_detail", kwargs={"pk": world.candidate_a.pk}))
    response = assign(coach, world.candidate_a, None)

    assert "data-coach-form" not in page.content.decode()
    assert response.status_code == 404
    assert Candidate.objects.get(pk=world.candidate_a.pk).coach == world.coach_a


def test_a_person_who_is_no_coach_is_refused(client_for, world):
    Candidate.objects.filter(pk=world.candidate_a.pk).update(coach=None)

    assign(client_for(world.alice), world.candidate_a, world.hr_a)

    assert Candidate.objects.get(pk=world.candidate_a.pk).coach is None
