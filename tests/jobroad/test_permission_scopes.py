"""The scopes of jobroad.permissions, written as flat ``IN (subquery)`` conditions for PostgreSQL's planner: who sees
which candidates, campaigns, placements and coaching notes, role by role and for a person with two roles."""

from datetime import date

from aftercare.models import CoachingContact, Placement, PlacementRoute
from aftercare.permissions import visible_coaching_contacts, visible_placements
from campaigns.permissions import registrable_campaigns, visible_campaigns
from candidates.permissions import visible_candidates
from jobroad.models import Membership, Role


def first_names(candidates) -> set[str]:
    return {candidate.first_name for candidate in candidates}


def names(campaigns) -> set[str]:
    return {campaign.name for campaign in campaigns}


def test_each_role_sees_the_candidates_of_its_own_campaigns_organisation_or_coaching(world):
    roles = ("admin", "alice", "bob", "intermediary_a", "intermediary_b", "coach_a", "coach_b", "hr_a", "funder_viewer")
    seen = {role: first_names(visible_candidates(getattr(world, role))) for role in roles}

    assert seen == {
        "admin": {"Amal", "Yonas"},
        "alice": {"Amal"},
        "bob": {"Yonas"},
        "intermediary_a": {"Amal"},
        "intermediary_b": {"Yonas"},
        "coach_a": {"Amal"},
        "coach_b": {"Yonas"},
        "hr_a": set(),
        "funder_viewer": set(),
    }


def test_each_role_sees_the_campaigns_it_runs_partners_joins_coaches_in_or_funds(world):
    roles = ("admin", "alice", "intermediary_b", "hr_a", "coach_b", "funder_viewer")
    seen = {role: names(visible_campaigns(getattr(world, role))) for role in roles}

    assert seen == {
        "admin": {"Campaign A", "Campaign B"},
        "alice": {"Campaign A"},
        "intermediary_b": {"Campaign B"},
        "hr_a": {"Campaign A"},
        "coach_b": {"Campaign B"},
        "funder_viewer": {"Campaign A"},
    }


def test_a_person_with_two_roles_sees_what_either_gives(world):
    Membership.objects.create(user=world.alice, organisation=world.intermediary_org_b, role=Role.INTERMEDIARY)
    alice = type(world.alice).objects.get(pk=world.alice.pk)  # roles are read once per user object

    assert first_names(visible_candidates(alice)) == {"Amal", "Yonas"}
    assert names(visible_campaigns(alice)) == {"Campaign A", "Campaign B"}
    assert names(registrable_campaigns(alice)) == {"Campaign A", "Campaign B"}


def test_placements_and_coaching_notes_follow_the_candidates_seen_and_an_admin_sees_them_all(world):
    people = [(world.candidate_a, world.company_a, world.coach_a), (world.candidate_b, world.company_b, world.coach_b)]
    for candidate, company, coach in people:
        Placement.objects.create(
            candidate=candidate, company=company, route=PlacementRoute.TEMP_WORK, starts_on=date(2026, 9, 1)
        )
        CoachingContact.objects.create(
            candidate=candidate, coach=coach, happened_on=date(2026, 9, 2), channel="phone", topic="other"
        )

    def placed(user):
        return {placement.candidate.first_name for placement in visible_placements(user)}

    def coached(user):
        return {contact.candidate.first_name for contact in visible_coaching_contacts(user)}

    # An admin's "every candidate" is a condition of its own: OR-ed with the coach's scope, it must not vanish.
    assert placed(world.admin) == coached(world.admin) == {"Amal", "Yonas"}
    assert placed(world.alice) == coached(world.alice) == {"Amal"}
    assert placed(world.coach_b) == coached(world.coach_b) == {"Yonas"}
    assert placed(world.intermediary_a) == {"Amal"}
    assert coached(world.intermediary_a) == set()  # a coach's notes are not the intermediary's to read
