"""Every aftercare write checks the object it writes, not only the candidate behind it: a candidate shared by two
campaigns is seen by the coordinators of both, but each runs only their own campaign's enrolment and placement."""

import re
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from aftercare import selectors, services
from aftercare.models import CheckInAudience, CheckInStatus, Placement, PlacementRoute, PlacementStatus
from campaigns.models import DropOutReason, Enrolment
from jobroad.models import Role
from tests.factories import MembershipFactory
from tests.factories.aftercare import employer_for
from tests.language import ENGLISH


def enrolment_in(campaign, candidate) -> Enrolment:
    return Enrolment.objects.get(campaign=campaign, candidate=candidate)


def drop_out(client, enrolment):
    url = reverse("enrolment_drop_out", kwargs={"pk": enrolment.pk})
    return client.post(url, {"reason": DropOutReason.MOVED, "on": "2027-06-01"}, follow=True, headers=ENGLISH)


def track(enrolment) -> tuple:
    enrolment.refresh_from_db()
    return enrolment.dropped_out_on, enrolment.drop_out_reason


@pytest.fixture
def placement_b(world, shared_candidate) -> Placement:
    """The shared candidate placed at company B through bob's campaign B, with the default follow-up plan."""
    services.ensure_default_plans()
    return services.create_placement(
        candidate=shared_candidate, company=world.company_b, vacancy=world.vacancy_b, campaign=world.campaign_b,
        route=PlacementRoute.TEMP_WORK, starts_on=timezone.localdate(), actor=world.bob,
        employer=employer_for("temp_work"),
    )  # fmt: skip


# --- Drop-outs --------------------------------------------------------------------------------------------------


def test_a_coordinator_cannot_drop_a_shared_candidate_out_of_another_campaign(client_for, world, shared_candidate):
    enrolment_b = enrolment_in(world.campaign_b, shared_candidate)

    response = drop_out(client_for(world.alice), enrolment_b)

    assert response.status_code == 404
    assert track(enrolment_b) == (None, "")


def test_the_campaigns_own_coordinator_drops_the_shared_candidate_out_of_that_campaign_only(
    client_for, world, shared_candidate
):
    enrolment_a, enrolment_b = (
        enrolment_in(campaign, shared_candidate) for campaign in (world.campaign_a, world.campaign_b)
    )

    response = drop_out(client_for(world.bob), enrolment_b)

    assert [str(note) for note in response.context["messages"]] == [
        "The candidate is marked as dropped out of Campaign B."
    ]
    assert track(enrolment_b) == (date(2027, 6, 1), DropOutReason.MOVED)
    assert track(enrolment_a) == (None, "")


def test_an_intermediary_cannot_drop_its_candidate_out_of_a_campaign_its_organisation_does_not_partner(
    client_for, world, shared_candidate
):
    enrolment_b = enrolment_in(world.campaign_b, shared_candidate)

    response = drop_out(client_for(world.intermediary_a), enrolment_b)

    assert response.status_code == 404
    assert track(enrolment_b) == (None, "")


def test_the_candidate_page_offers_a_drop_out_only_from_the_campaigns_the_user_runs(
    client_for, world, shared_candidate
):
    MembershipFactory(user=world.alice, organisation=world.jobroad, role=Role.JOB_COACH)
    shared_candidate.coach = world.alice  # as his coach alice sees campaign B on his page too
    shared_candidate.save()
    enrolment_a = enrolment_in(world.campaign_a, shared_candidate)

    page = client_for(world.alice).get(reverse("candidate_detail", kwargs={"pk": shared_candidate.pk})).content.decode()

    assert re.findall(r'action="/candidates/enrolments/(\d+)/drop-out/"', page) == [str(enrolment_a.pk)]
    assert f'href="{reverse("campaign_detail", kwargs={"pk": world.campaign_b.pk})}"' in page


# --- Placements and their check-ins ---------------------------------------------------------------------------


def test_a_coordinator_cannot_change_a_shared_candidates_placement_in_another_campaign(client_for, world, placement_b):
    url = reverse("placement_change", kwargs={"pk": placement_b.pk, "action": "start"})

    response = client_for(world.alice).post(url, {"note": "Begonnen."})

    assert response.status_code == 404
    placement_b.refresh_from_db()
    assert (placement_b.status, placement_b.changes.count()) == (PlacementStatus.PLANNED, 1)


def test_a_coordinator_reads_a_shared_candidates_placement_in_another_campaign_without_the_forms_to_change_it(
    client_for, world, placement_b
):
    url = reverse("placement_detail", kwargs={"pk": placement_b.pk})

    read = client_for(world.alice).get(url)
    bob = client_for(world.bob).get(url)

    assert (read.status_code, read.context["can_manage"], read.context["answerable"]) == (200, False, set())
    assert (bob.status_code, bob.context["can_manage"]) == (200, True)


def test_a_coordinator_cannot_answer_a_check_in_of_another_campaigns_placement_only_read_it(
    client_for, world, placement_b
):
    check_in = placement_b.check_ins.filter(audience=CheckInAudience.EMPLOYER).order_by("due_on").first()

    response = client_for(world.alice).post(
        reverse("check_in_answer", kwargs={"pk": check_in.pk}), {"still_working": "yes", "notes": "Alles goed."}
    )

    assert (response.status_code, [template.name for template in response.templates][:1]) == (
        200,
        ["aftercare/check_in_detail.html"],
    )
    check_in.refresh_from_db()
    assert (check_in.status, check_in.answered_by, check_in.notes) == (CheckInStatus.PENDING, None, "")


def test_a_coordinator_neither_sees_nor_clears_the_flag_on_another_campaigns_placement_of_a_shared_candidate(
    client_for, world, placement_b
):
    check_in = placement_b.check_ins.filter(audience=CheckInAudience.CANDIDATE).order_by("due_on").first()
    services.answer_check_in(check_in=check_in, still_working=False, actor=world.bob)

    response = client_for(world.alice).post(reverse("check_in_clear_flag", kwargs={"pk": check_in.pk}))

    assert response.status_code == 404
    check_in.refresh_from_db()
    assert (check_in.at_risk, check_in.flag_cleared_at, check_in.flag_cleared_by) == (True, None, None)
    assert list(selectors.flagged_check_ins(world.alice)) == []
    assert list(selectors.flagged_check_ins(world.bob)) == [check_in]
