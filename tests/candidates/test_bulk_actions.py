"""Bulk actions on a selection of the candidate list: each says first what will happen, is all-or-nothing, and a
candidate the user may not act on makes the whole request a 404."""

import re

import pytest
from django.urls import reverse

from campaigns.intake import services as intake_services
from campaigns.models import Enrolment
from tests.access_objects import sessions_of
from tests.factories import CampaignFactory, CandidateFactory
from tests.jobroad.spreadsheets.files import read_csv
from tests.reauth import recently_authenticated
from workshops.models import Registration, RegistrationStatus


def marked(page: str, attribute: str) -> set[int]:
    return {int(pk) for pk in re.findall(rf'{attribute}="(\d+)"', page)}


@pytest.fixture
def campaign_c(world):
    campaign = CampaignFactory(name="Campaign C")
    campaign.partners.add(world.intermediary_org_a)
    Enrolment.objects.create(campaign=campaign, candidate=world.candidate_a)
    return campaign


@pytest.fixture
def newcomers(world):
    return [CandidateFactory(registered_by=world.intermediary_org_a, birth_year=1990 + index) for index in range(2)]


def enrol(client, candidates, campaign, *, method="get", confirmed=None):
    data = {"candidate": [candidate.pk for candidate in candidates], "campaign": campaign.pk}
    if confirmed is not None:
        data["confirmed"] = [candidate.pk for candidate in confirmed]
    return getattr(client, method)(reverse("candidate_bulk_enrol"), data)


def test_bulk_enrolment_says_what_will_happen_first_then_enrols(client_for, world, campaign_c, newcomers):
    client = client_for(world.intermediary_a)
    selection = [world.candidate_a, *newcomers]

    page = enrol(client, selection, campaign_c).content.decode()

    assert marked(page, "data-will-enrol") == {candidate.pk for candidate in newcomers}
    assert marked(page, "data-already") == {world.candidate_a.pk}
    assert campaign_c.enrolments.count() == 1  # asking wrote nothing
    response = enrol(client, selection, campaign_c, method="post", confirmed=newcomers)
    assert response.status_code == 302
    assert set(campaign_c.enrolments.values_list("candidate", flat=True)) == {candidate.pk for candidate in selection}


def test_bulk_enrolment_is_all_or_nothing(client_for, world, campaign_c, newcomers, monkeypatch):
    original, calls = intake_services.enrol_again, []

    def refuse_the_second(**kwargs):
        calls.append(kwargs["candidate"])
        if len(calls) == 2:
            raise intake_services.TrackRefused("no")
        return original(**kwargs)

    monkeypatch.setattr(intake_services, "enrol_again", refuse_the_second)
    response = enrol(client_for(world.intermediary_a), newcomers, campaign_c, method="post", confirmed=newcomers)

    assert response.status_code == 400 and len(calls) == 2
    assert campaign_c.enrolments.count() == 1  # the first one was rolled back


def test_bulk_enrolment_that_changed_since_the_confirmation_enrols_nobody(client_for, world, campaign_c, newcomers):
    response = enrol(client_for(world.intermediary_a), newcomers, campaign_c, method="post", confirmed=newcomers[:1])
    assert response.status_code == 400
    assert campaign_c.enrolments.count() == 1


@pytest.mark.parametrize("method", ["get", "post"])
def test_another_organisations_candidate_in_the_selection_is_a_404(client_for, world, campaign_c, newcomers, method):
    selection = [*newcomers, world.candidate_b]
    response = enrol(client_for(world.intermediary_a), selection, campaign_c, method=method, confirmed=selection)
    assert response.status_code == 404
    assert campaign_c.enrolments.count() == 1


def test_a_coach_who_reads_but_does_not_keep_the_record_cannot_enrol(client_for, world, campaign_c):
    assert enrol(client_for(world.coach_a), [world.candidate_a], campaign_c).status_code == 404


def register(client, candidates, session, *, method="get", confirmed=None):
    data = {"candidate": [candidate.pk for candidate in candidates], "session": session.pk}
    if confirmed is not None:
        data["confirmed"] = [candidate.pk for candidate in confirmed]
    return getattr(client, method)(reverse("session_bulk_register"), data)


def test_bulk_workshop_registration_asks_first_and_registers_the_enrolled(client_for, world, newcomers):
    session = sessions_of(world)[0]  # candidate A is registered already
    enrolled, outside = newcomers
    Enrolment.objects.create(campaign=world.campaign_a, candidate=enrolled)
    client = client_for(world.intermediary_a)
    selection = [world.candidate_a, enrolled, outside]

    page = register(client, selection, session).content.decode()

    assert marked(page, "data-will-register") == {enrolled.pk}
    assert marked(page, "data-already") == {world.candidate_a.pk}
    assert marked(page, "data-refused") == {outside.pk}  # not enrolled in the session's campaign
    assert not Registration.objects.filter(candidate=enrolled).exists()
    assert register(client, selection, session, method="post", confirmed=[enrolled]).status_code == 302
    assert Registration.objects.get(candidate=enrolled, session=session).status == RegistrationStatus.REGISTERED


@pytest.mark.parametrize("method", ["get", "post"])
def test_bulk_workshop_registration_with_a_foreign_candidate_is_a_404(client_for, world, newcomers, method):
    session = sessions_of(world)[0]
    Enrolment.objects.create(campaign=world.campaign_a, candidate=newcomers[0])
    selection = [newcomers[0], world.candidate_b]
    response = register(client_for(world.intermediary_a), selection, session, method=method, confirmed=selection)
    assert response.status_code == 404
    assert not Registration.objects.filter(candidate__in=selection).exists()


def export_selection(client, candidates):
    url = reverse("candidate_export", kwargs={"file_format": "csv"})
    return client.get(url, {"candidate": [candidate.pk for candidate in candidates]})


def test_the_selection_is_exported_after_the_password_is_typed_again(client_for, world, newcomers):
    client = client_for(world.intermediary_a)
    assert export_selection(client, newcomers[:1]).url.startswith(reverse("account_reauthenticate"))
    recently_authenticated(client, world.intermediary_a)

    rows = read_csv(export_selection(client, newcomers[:1]))

    assert [row[0] for row in rows[1:]] == [newcomers[0].first_name]


def test_exporting_a_selection_with_a_foreign_candidate_is_a_404_before_any_password(client_for, world, newcomers):
    client = client_for(world.intermediary_a)
    assert export_selection(client, [newcomers[0], world.candidate_b]).status_code == 404
    recently_authenticated(client, world.intermediary_a)
    assert export_selection(client, [newcomers[0], world.candidate_b]).status_code == 404
    assert not world.candidate_b.audit_entries.exists()
