"""Candidate messages in the candidate's own language (jobroad.phrasebook, issue 20 part 1): every candidate-facing
message kind, in each of the 12 document languages, by mail and by SMS, holds no Dutch template sentence; names are
isolated and right-to-left messages carry their direction mark; a message without text in a language falls back as
a whole, and the outbox says so."""

import re
from datetime import UTC, datetime, time

import pytest

from campaigns.models import Interview
from campaigns.personal_phrases import PHRASES as PAGE
from campaigns.projectweek import services as projectweek_services
from candidates.models import CandidateLanguage, ConsentPurpose
from candidates.services import record_consent
from jobroad import channels, outbox, phrasebook
from jobroad.languages import DOCUMENT_LANGUAGES
from jobroad.models import Channel, Message
from jobroad.outbox import Recipient

# Words of the Dutch message templates that no other language's message contains.
DUTCH_MARKERS = (
    "hallo", "beste", "groeten", "gesprek", "sollicitatie", "rondleiding", "herinnering", "geannuleerd", "waar",
    "gepland", "verwacht", "workshop op", " om ", " op ", " van ", " tot ",
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "maart",
)  # fmt: skip
CANDIDATE_MESSAGES = (
    "interview_scheduled", "interview_reminder", "interview_cancelled", "workshop_reminder", "workshop_cancelled",
)  # fmt: skip
EVENT = {
    "uid": "interview-1@jobroad.test",
    "start": "2027-03-17T10:00:00+01:00",
    "end": "2027-03-17T11:30:00+01:00",
    "interview": "2027-03-17T11:00:00+01:00",
    "summary": "De Polder NV",
    "location": "Kaai 1, Gent",
    "candidate": "Mariam",
}


def message(template: str, language: str, channel: str) -> Message:
    return Message(
        key="k",
        template=template,
        language=language,
        channel=channel,
        recipient_name="Mariam",
        recipient_address="+32470000000" if channel == Channel.SMS else "mariam@example.org",
        due_at=datetime(2027, 3, 1, tzinfo=UTC),
        context={"event": EVENT, "audience": "candidate", "calendar": True},
    )


def dutch_in(text: str) -> list[str]:
    lowered = f" {text.lower()} "
    return [word for word in DUTCH_MARKERS if re.search(rf"(?<!\w){re.escape(word.strip())}(?!\w)", lowered)]


@pytest.mark.parametrize("channel", [Channel.EMAIL, Channel.SMS])
@pytest.mark.parametrize("template", CANDIDATE_MESSAGES)
@pytest.mark.parametrize("language", [code for code in DOCUMENT_LANGUAGES if code != "nl"])
def test_no_candidate_message_holds_a_dutch_sentence(language, template, channel):
    rendered = channels.render(message(template, language, channel))

    assert dutch_in(f"{rendered.subject}\n{rendered.text}") == []
    assert "De Polder NV" in rendered.text and "11:00" in rendered.text.replace("10:00", "11:00")


def test_the_dutch_markers_do_find_the_dutch_message():
    rendered = channels.render(message("interview_scheduled", "nl", Channel.EMAIL))

    assert len(dutch_in(rendered.text)) >= 3


@pytest.mark.parametrize("language", ["ar", "fa", "prs", "ps"])
def test_a_right_to_left_sms_opens_with_its_mark_and_isolates_the_names(language):
    text = channels.render(message("interview_scheduled", language, Channel.SMS)).text

    assert text.startswith(phrasebook.RLM)
    assert f"{phrasebook.ISOLATE}De Polder NV{phrasebook.POP}" in text
    assert f"{phrasebook.ISOLATE}Kaai 1, Gent{phrasebook.POP}" in text


def test_weekdays_and_months_come_from_cldr_and_times_are_24_hour_digits():
    tigrinya = channels.render(message("interview_reminder", "ti", Channel.EMAIL)).text
    russian = channels.render(message("interview_reminder", "ru", Channel.EMAIL)).text

    assert "ረቡዕ 17 መጋቢት" in tigrinya  # Wednesday 17 March
    assert "среда 17 марта" in russian and "10:00" in russian and "11:30" in russian


def test_a_message_without_text_in_the_language_falls_back_whole_and_the_outbox_says_so(db, monkeypatch):
    monkeypatch.setattr(phrasebook, "PHRASES", {k: v for k, v in phrasebook.PHRASES.items() if k != "ti"})
    reader = Recipient(address="+32470000001", name="Yonas", language="ti", channel=Channel.SMS, also_reads=("ar",))

    written = outbox.schedule_message(
        key="fallback", template="interview_reminder", recipient=reader, due_at=datetime(2027, 3, 16, 8, tzinfo=UTC),
        context={"event": EVENT},
    )  # fmt: skip

    assert (written.language, written.requested_language) == ("ar", "ti")
    assert dutch_in(channels.render(written).text) == []


def test_a_message_in_a_language_with_text_records_no_fall_back(db):
    reader = Recipient(address="+32470000002", name="Mariam", language="prs", channel=Channel.SMS)

    written = outbox.schedule_message(
        key="own", template="workshop_reminder", recipient=reader, due_at=datetime(2027, 3, 16, 8, tzinfo=UTC),
        context={"event": EVENT},
    )  # fmt: skip

    assert (written.language, written.requested_language) == ("prs", "")


def test_a_dari_reader_gets_the_project_week_in_dari_and_her_intermediary_in_dutch(world, generated_for_dari):
    projectweek_services.publish_schedule(campaign=world.campaign_a, actor=world.alice)

    amal = generated_for_dari
    to_amal = Message.objects.get(template="interview_scheduled", recipient_address=amal.phone)
    to_intermediary = Message.objects.filter(template="interview_scheduled", recipient_user=world.intermediary_a)

    assert to_amal.language == "prs" and to_amal.requested_language == ""
    assert dutch_in(channels.render(to_amal).text) == []
    assert to_intermediary.exists() and {m.language for m in to_intermediary} == {"nl"}


@pytest.fixture
def generated_for_dari(world, week):
    """Amal reads Dari and gets SMS (she speaks Arabic, and Dutch well enough to need no interpreter); her
    interview is planned, not yet published."""
    candidate = world.candidate_a
    candidate.preferred_language, candidate.phone = "prs", "+32470123456"
    candidate.save(update_fields=["preferred_language", "phone"])
    record_consent(candidate=candidate, purpose=ConsentPurpose.CONTACT, actor=world.alice, language="prs")
    CandidateLanguage.objects.get_or_create(candidate=candidate, language="ar", defaults={"level": "B1"})
    CandidateLanguage.objects.update_or_create(candidate=candidate, language="nl", defaults={"level": "A2"})
    participation, _proposals = week
    participation.interviews_until = time(12, 30)  # room for all three
    participation.save()
    projectweek_services.generate_schedule(campaign=world.campaign_a, actor=world.alice)
    assert Interview.objects.filter(enrolment__candidate=candidate, day__isnull=False).exists()
    return candidate


@pytest.mark.parametrize("language", DOCUMENT_LANGUAGES)
def test_the_personal_link_message_is_whole_in_every_document_language(db, language):
    reader = Recipient(address="+32470000003", name="Sara", language=language, channel=Channel.SMS)
    written = outbox.schedule_message(
        key=f"page:{language}", template="personal_page", recipient=reader, due_at=datetime(2027, 3, 1, tzinfo=UTC),
        context={"enrolment": 1, "title": PAGE[language]["page_title"], "intro": PAGE[language]["intro"]},
    )  # fmt: skip

    text = channels.render(written).text
    assert written.language == language and written.requested_language == ""
    assert PAGE[language]["page_title"] in text
    assert language == "nl" or dutch_in(text) == []
