"""The project week's day itself in the candidate's own language (issue 23): the pick-up (and "no longer on the
run") and a reserve's offer of a freed slot are composed from the phrase tables in every document language without
a catalogue, hold no Dutch sentence, and every composed message has its phrases in every language of the tables."""

from datetime import UTC, datetime

import pytest

from jobroad import channels, phrasebook
from jobroad.languages import DOCUMENT_LANGUAGES, UI_LANGUAGES
from jobroad.models import Channel, Message
from jobroad.phrasebook_texts import PHRASES

DUTCH = ("hallo", "groeten", "opgehaald", "gesprek", "plaats", "vrij", " om ", " op ", " van ", "dinsdag", "maart")
PICKUP = {"start": "2027-03-16T08:40:00+01:00", "summary": "Heidebloem", "location": "Heidestraat 3, Antwerpen"}
OFFER = {
    "uid": "interview-9@jobroad.test",
    "start": "2027-03-16T10:00:00+01:00",
    "end": "2027-03-16T11:30:00+01:00",
    "interview": "2027-03-16T11:00:00+01:00",
    "summary": "De Polder NV",
    "location": "Kaai 1, Gent",
    "candidate": "Hamid",
}
CASES = {
    "pickup": ("transport_pickup", {"event": PICKUP, "audience": "candidate", "aboard": True}, "08:40"),
    "off": ("transport_pickup", {"event": {**PICKUP, "variant": "off"}, "audience": "candidate"}, "Heidebloem"),
    "reserve": ("reserve_offer", {"event": OFFER, "audience": "candidate"}, "11:00"),
}
COMPOSED_LANGUAGES = [code for code in DOCUMENT_LANGUAGES if code not in UI_LANGUAGES]


def phrase_keys(template: str) -> set[str]:
    stems = [template] + ([f"{template}_off"] if template == "transport_pickup" else [])
    return {f"{stem}_{part}" for stem in stems for part in ("subject", "body", "sms")}


@pytest.mark.parametrize("template", sorted(phrasebook.COMPOSED))
@pytest.mark.parametrize("language", sorted(PHRASES))
def test_every_composed_message_has_its_phrases_in_every_language_of_the_tables(template, language):
    assert phrase_keys(template) - set(PHRASES[language]) == set()


def test_every_document_language_without_a_catalogue_has_phrase_tables():
    assert sorted(set(COMPOSED_LANGUAGES) - set(PHRASES)) == []


@pytest.mark.parametrize("channel", [Channel.EMAIL, Channel.SMS])
@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("language", COMPOSED_LANGUAGES)
def test_the_days_messages_are_whole_in_the_candidates_language(language, case, channel):
    template, context, must_show = CASES[case]
    message = Message(
        key="k", template=template, language=language, channel=channel, recipient_name="Hamid",
        recipient_address="+32470000000", due_at=datetime(2027, 3, 1, tzinfo=UTC), context=context,
    )  # fmt: skip

    rendered = channels.render(message)

    text = f" {rendered.subject}\n{rendered.text} ".lower()
    assert [word for word in DUTCH if word in text] == []
    assert must_show in rendered.text
    assert phrasebook.has_text(template, language)


def test_the_arabic_reserve_sms_opens_with_its_direction_mark_and_isolates_the_company():
    message = Message(key="k", template="reserve_offer", language="ar", channel=Channel.SMS, recipient_name="Hamid",
                      context=CASES["reserve"][1])  # fmt: skip

    text = channels.render(message).text

    assert text.startswith(phrasebook.RLM) and f"{phrasebook.ISOLATE}De Polder NV{phrasebook.POP}" in text
    assert "مقابلة عمل" in text
