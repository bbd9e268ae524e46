"""The audit trail of candidate records: reads, exports and prints are recorded, not only writes — each once, by
whom, where — and only the candidate's coordinators read it."""

import re

from django.urls import reverse

from candidates import services as candidate_services
from jobroad.models import AuditEntry
from tests.reauth import recently_authenticated


def trail(candidate) -> list[tuple[str, str, str]]:
    """(who, what, where) of every entry, oldest first."""
    entries = AuditEntry.objects.filter(candidate=candidate).order_by("at", "pk")
    return [(entry.actor.email if entry.actor else "", entry.action, entry.place) for entry in entries]


def test_a_coach_reading_a_candidate_page_is_recorded_exactly_once(client_for, world):
    client = client_for(world.coach_a)

    response = client.get(reverse("candidate_detail", kwargs={"pk": world.candidate_a.pk}))

    assert response.status_code == 200
    assert trail(world.candidate_a) == [("coach.a@example.org", "viewed", "candidate_page")]


def test_a_page_another_organisation_may_not_read_records_nothing(client_for, world):
    response = client_for(world.coach_b).get(reverse("candidate_detail", kwargs={"pk": world.candidate_a.pk}))

    assert response.status_code == 404
    assert trail(world.candidate_a) == []


def test_an_export_records_every_candidate_in_the_file_once(client_for, world):
    client = client_for(world.alice)
    recently_authenticated(client, world.alice)

    response = client.get(reverse("candidate_export", kwargs={"file_format": "csv"}))

    assert response.status_code == 200
    assert trail(world.candidate_a) == [("alice@example.org", "exported", "export")]
    assert trail(world.candidate_b) == []  # not in alice's campaigns, so not in her file


def test_printing_the_consent_form_is_recorded(client_for, world):
    response = client_for(world.intermediary_a).get(
        reverse("candidate_consent_form", kwargs={"pk": world.candidate_a.pk})
    )

    assert response.status_code == 200
    assert trail(world.candidate_a) == [("intermediary.a@example.org", "printed", "consent_form")]


def test_writes_are_recorded_by_the_service_that_makes_them(world):
    candidate_services.record_consent(
        candidate=world.candidate_a, purpose="share_profile", actor=world.intermediary_a, language="nl"
    )
    candidate_services.update_candidate(candidate=world.candidate_a, actor=world.alice, city="Gent")

    assert trail(world.candidate_a) == [
        ("intermediary.a@example.org", "changed", "consent"),
        ("alice@example.org", "changed", "details"),
    ]


def test_the_coordinator_reads_the_trail_and_her_reading_is_in_it(client_for, world):
    client = client_for(world.alice)
    client.get(reverse("candidate_detail", kwargs={"pk": world.candidate_a.pk}))

    page = client.get(
        reverse("candidate_audit", kwargs={"pk": world.candidate_a.pk}), headers={"Accept-Language": "en"}
    )

    assert re.findall(r'data-audit="([\w:]+)"', page.content.decode()) == ["viewed:audit", "viewed:candidate_page"]
    assert page.content.decode().count(world.alice.full_name) == 3  # the menu, and who did it in both entries


def test_intermediaries_and_coaches_do_not_read_the_trail(client_for, world):
    for user in (world.intermediary_a, world.coach_a):
        response = client_for(user).get(reverse("candidate_audit", kwargs={"pk": world.candidate_a.pk}))

        assert response.status_code == 404
    assert trail(world.candidate_a) == []


def test_hr_reading_the_blind_profiles_is_recorded_per_candidate(client_for, world):
    from campaigns.models import Proposal
    from tests.access_objects import confirmed_proposal

    Proposal.objects.create(enrolment=world.campaign_b.enrolments.get(), vacancy=world.vacancy_b, fit=10)
    confirmed_proposal(world)  # its id now differs from candidate A's, so mixing them up would show
    AuditEntry.objects.all().delete()  # the consent recorded on the way

    response = client_for(world.hr_a).get(reverse("proposal_list"))

    assert response.status_code == 200
    assert trail(world.candidate_a) == [("hr.a@example.org", "viewed", "blind_profile")]
    assert client_for(world.hr_b).get(reverse("proposal_list")).status_code == 200
    assert trail(world.candidate_a) == [("hr.a@example.org", "viewed", "blind_profile")]  # hr_b saw nothing of A
