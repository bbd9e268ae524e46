"""Bulk actions on a selection of the placement list (issue 25, item 6): download the selection after typing the
password again, and send its candidates a message through the candidate list's page and rules. A placement the user
does not see in the selection is a 404 for the whole request."""

import uuid

import pytest
from django.urls import reverse

from candidates.models import ConsentPurpose
from candidates.services import record_consent
from jobroad.models import Message
from tests.access_objects import placement_a
from tests.factories import PlacementFactory
from tests.jobroad.spreadsheets.files import read_csv
from tests.reauth import recently_authenticated


@pytest.fixture
def placement_of_yonas(world):
    """Candidate B's placement in campaign B: alice does not see it."""
    return PlacementFactory(candidate=world.candidate_b, company=world.company_b, campaign=world.campaign_b,
                            actor=world.bob)  # fmt: skip


def export(client, placements, **params):
    url = reverse("placement_export", kwargs={"file_format": "csv"})
    return client.get(url, {"placement": [placement.pk for placement in placements], **params})


def test_the_selection_is_exported_after_the_password_is_typed_again(client_for, world):
    placed = placement_a(world)
    client = client_for(world.intermediary_a)
    assert export(client, [placed]).url.startswith(reverse("account_reauthenticate"))
    recently_authenticated(client, world.intermediary_a)

    rows = read_csv(export(client, [placed]))

    assert [row[:3] for row in rows[1:]] == [["Amal", "Haddad", world.campaign_a.name]]
    assert world.candidate_a.audit_entries.filter(action="exported").exists()


def test_exporting_a_selection_with_a_foreign_placement_is_a_404_before_any_password(
    client_for, world, placement_of_yonas
):
    client = client_for(world.alice)
    assert export(client, [placement_a(world), placement_of_yonas]).status_code == 404
    recently_authenticated(client, world.alice)
    assert export(client, [placement_a(world), placement_of_yonas]).status_code == 404
    assert not world.candidate_b.audit_entries.filter(action="exported").exists()


def test_a_funder_viewer_cannot_export_placements(client_for, world):
    assert export(client_for(world.funder_viewer), [placement_a(world)]).status_code == 404


def message_data(placements, **extra):
    return {"placement": [placement.pk for placement in placements], "text_choice": "schedule_follows", **extra}


def test_the_candidates_of_the_selected_placements_get_a_message_after_the_question(client_for, world):
    placed = placement_a(world)
    world.candidate_a.phone = "+32470000009"
    world.candidate_a.save()
    record_consent(candidate=world.candidate_a, purpose=ConsentPurpose.CONTACT, actor=world.alice, language="nl")
    client, notes = client_for(world.alice), Message.objects.filter(template="candidate_note")

    page = client.post(reverse("placement_bulk_message"), message_data([placed])).content.decode()
    assert f'data-will-send="{world.candidate_a.pk}"' in page and not notes.exists()
    confirm = {"confirm": "yes", "batch": str(uuid.uuid4()), "confirmed": [world.candidate_a.pk]}
    response = client.post(reverse("placement_bulk_message"), message_data([placed], **confirm))

    assert response.status_code == 302
    assert list(notes.values_list("recipient_address", "language")) == [("+32470000009", "nl")]


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_foreign_placement_in_the_message_selection_is_a_404(client_for, world, placement_of_yonas, method):
    data = message_data([placement_a(world), placement_of_yonas])

    response = getattr(client_for(world.alice), method)(reverse("placement_bulk_message"), data)

    assert response.status_code == 404


def test_a_job_coach_sees_placements_but_sends_no_message(client_for, world):
    response = client_for(world.coach_a).get(reverse("placement_bulk_message"), message_data([placement_a(world)]))
    listing = client_for(world.coach_a).get(reverse("placement_list")).content.decode()

    assert response.status_code == 404
    assert 'data-bulk="message"' not in listing and 'data-bulk="export"' in listing
