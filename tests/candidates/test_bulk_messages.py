"""Sending a message to a selection of candidates (issue 25, item 6): each candidate gets it in a language they read,
by the channel they can be reached on, only with consent; the page says who gets what before anything is written;
sending is all or none, a confirmation posted twice writes once, and a candidate the user may not see is a 404."""

import re
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from candidates import bulk_messages
from candidates.models import ConsentPurpose
from candidates.services import record_consent
from jobroad.models import Channel, Message
from tests.factories import CandidateFactory
from tests.language import ENGLISH


def marked(page: str, attribute: str) -> dict[int, str]:
    """``data-will-send`` rows: candidate id -> the language the page says."""
    return {int(pk): language for pk, language in re.findall(rf'{attribute}="(\d+)"[^>]*data-language="(\w+)"', page)}


def refused(page: str) -> dict[int, str]:
    return {int(pk): text.strip() for pk, text in re.findall(r'data-refused="(\d+)">[^:]*:([^<]*)<', page)}


def reachable(world, first_name: str, *, language="nl", phone="", email="", speaks=()):
    candidate = CandidateFactory(
        first_name=first_name, registered_by=world.intermediary_org_a, preferred_language=language, phone=phone,
        email=email,
    )  # fmt: skip
    for code, level in speaks:
        candidate.languages.create(language=code, level=level)
    record_consent(candidate=candidate, purpose=ConsentPurpose.CONTACT, actor=world.intermediary_a, language="nl")
    return candidate


@pytest.fixture
def people(world):
    """Enrolled in campaign A (alice's): Mariam reads Arabic (SMS), Olena Ukrainian and Dutch at B1 (e-mail), Dawit
    Tigrinya with a little Dutch (A1), Sara gave a number but no consent."""
    mariam = reachable(world, "Mariam", language="ar", phone="+32470000001")
    olena = reachable(world, "Olena", language="uk", email="olena@example.org", speaks=[("nl", "B1")])
    dawit = reachable(world, "Dawit", language="ti", phone="+32470000003", speaks=[("nl", "A1")])
    sara = CandidateFactory(first_name="Sara", registered_by=world.intermediary_org_a, phone="+32470000004")
    chosen = [mariam, olena, dawit, sara]
    for candidate in chosen:
        world.campaign_a.enrolments.create(candidate=candidate)
    return chosen


def send(client, candidates, data, *, confirm=False, confirmed=None, batch=None):
    payload = {"candidate": [candidate.pk for candidate in candidates], **data}
    if confirm:
        payload |= {"confirm": "yes", "batch": str(batch or uuid.uuid4())}
        payload["confirmed"] = [candidate.pk for candidate in confirmed]
    return client.post(reverse("candidate_bulk_message"), payload, headers=ENGLISH)


READY = {"text_choice": "bring_documents"}
OWN_DUTCH = {"text_choice": "own", "language": "nl", "subject": "Morgen", "text": "Tot morgen om 9 uur."}


def test_a_ready_made_text_goes_to_each_candidate_in_their_own_language_after_asking(client_for, world, people):
    mariam, olena, dawit, sara = people

    page = send(client_for(world.alice), people, READY).content.decode()

    assert marked(page, "data-will-send") == {mariam.pk: "ar", olena.pk: "uk", dawit.pk: "ti"}
    assert 'data-channel="sms"' in page and "olena@example.org" in page and "+32470000001" in page
    assert refused(page) == {sara.pk: "has not agreed to get messages"}
    assert Message.objects.count() == 0  # asking wrote nothing


def test_an_own_text_goes_only_to_who_reads_its_language_and_says_why_not_to_the_others(client_for, world, people):
    mariam, olena, dawit, sara = people

    page = send(client_for(world.alice), people, OWN_DUTCH).content.decode()

    assert marked(page, "data-will-send") == {olena.pk: "nl"}
    assert refused(page) == {
        mariam.pk: "does not read Dutch (reads Arabic)",
        dawit.pk: "does not read Dutch (reads Tigrinya)",  # Dutch at A1 is not reading a message
        sara.pk: "has not agreed to get messages",
    }


def test_confirming_writes_one_message_per_candidate_in_their_language(client_for, world, people):
    mariam, olena, dawit, _sara = people
    client = client_for(world.alice)

    response = send(client, people, READY, confirm=True, confirmed=[mariam, olena, dawit])

    assert response.status_code == 302 and response.url.startswith(reverse("message_list"))
    sent = {m.recipient_address: (m.channel, m.language, m.template) for m in Message.objects.all()}
    assert sent == {
        "+32470000001": (Channel.SMS, "ar", "candidate_note"),
        "olena@example.org": (Channel.EMAIL, "uk", "candidate_note"),
        "+32470000003": (Channel.SMS, "ti", "candidate_note"),
    }
    olena_message = Message.objects.get(recipient_address="olena@example.org")
    assert olena_message.created_by == world.alice and olena_message.requested_language == ""
    assert "Olena" in olena_message.context["text"] and "JobRoad" in olena_message.context["text"]
    assert olena_message.context["subject"] == "Візьміть свої документи"


def test_the_same_confirmation_posted_twice_writes_the_messages_once(client_for, world, people):
    mariam, olena, dawit, _sara = people
    client, batch = client_for(world.alice), uuid.uuid4()

    send(client, people, READY, confirm=True, confirmed=[mariam, olena, dawit], batch=batch)
    again = send(client, people, READY, confirm=True, confirmed=[mariam, olena, dawit], batch=batch)

    assert again.status_code == 302
    assert Message.objects.count() == 3


def test_a_selection_that_changed_since_the_confirmation_sends_nothing(client_for, world, people):
    mariam, olena, _dawit, _sara = people

    response = send(client_for(world.alice), people, READY, confirm=True, confirmed=[mariam, olena])

    assert response.status_code == 400
    assert Message.objects.count() == 0


def test_sending_is_all_or_none(client_for, world, people, monkeypatch):
    original, calls = bulk_messages.schedule_message, []

    def fail_the_second(**kwargs):
        calls.append(kwargs["key"])
        if len(calls) == 2:
            raise RuntimeError("the database went away")
        return original(**kwargs)

    monkeypatch.setattr(bulk_messages, "schedule_message", fail_the_second)
    client = client_for(world.alice)
    client.raise_request_exception = False

    send(client, people, READY, confirm=True, confirmed=people[:3])

    assert len(calls) == 2
    assert Message.objects.count() == 0  # the first one was rolled back


@pytest.mark.parametrize("method", ["get", "post"])
def test_another_campaigns_candidate_in_the_selection_is_a_404(client_for, world, people, method):
    selection = [people[0], world.candidate_b]
    data = {"candidate": [candidate.pk for candidate in selection], **READY, "confirm": "yes"}
    data |= {"batch": str(uuid.uuid4()), "confirmed": [people[0].pk]}

    response = getattr(client_for(world.alice), method)(reverse("candidate_bulk_message"), data)

    assert response.status_code == 404
    assert Message.objects.count() == 0


def test_an_intermediary_who_registers_but_does_not_manage_messages_gets_a_404(client_for, world, people):
    response = send(client_for(world.intermediary_a), people, READY)

    assert response.status_code == 404


def test_an_own_text_needs_its_language_subject_and_text(client_for, world, people):
    response = send(client_for(world.alice), people, {"text_choice": "own", "text": "Hallo"})

    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"language", "subject"}
    assert response.context["plan"] is None


def test_a_right_to_left_ready_text_carries_its_direction_mark_and_isolates_the_name(world, people):
    subject, text = bulk_messages.phrasebook_notes.compose_ready_text("contact_intermediary", "ar", name="Mariam",
                                                                      sms=False)  # fmt: skip

    assert subject.startswith("\u200f") and text.startswith("\u200f")
    assert "\u2068Mariam\u2069" in text


def test_the_candidate_list_offers_the_message_only_to_who_may_send_it(client_for, world, people):
    coordinator = client_for(world.alice).get(reverse("candidate_list")).content.decode()
    intermediary = client_for(world.intermediary_a).get(reverse("candidate_list")).content.decode()

    assert 'data-bulk="message"' in coordinator
    assert 'data-bulk="message"' not in intermediary


def test_the_plan_costs_as_many_queries_for_four_candidates_as_for_one(client_for, world, people):
    client = client_for(world.alice)
    send(client, people, READY)  # the session's first page

    def queries(selection) -> int:
        with CaptureQueriesContext(connection) as captured:
            send(client, selection, READY)
        return len(captured)

    assert queries(people) == queries(people[:1])
