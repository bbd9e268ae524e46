"""The ready-made texts a coordinator sends to a selection of candidates (jobroad.phrasebook_notes): each in every
document language, composed whole in one language, and sent as composed."""

from datetime import UTC, datetime

import pytest

from jobroad import channels, phrasebook, phrasebook_notes
from jobroad.languages import DOCUMENT_LANGUAGES
from jobroad.models import Channel, Message

DUTCH_WORDS = ("hallo", "groeten", "neem", "breng", "je ", "volgende", "afspraak")


def test_every_ready_made_text_is_written_in_every_document_language():
    assert {key: sorted(texts) for key, texts in phrasebook_notes.READY_TEXTS.items()} == {
        key: sorted(DOCUMENT_LANGUAGES) for key in phrasebook_notes.READY_TEXT_LABELS
    }
    assert all(phrasebook_notes.can_greet_in(language) for language in DOCUMENT_LANGUAGES)


@pytest.mark.parametrize("sms", [False, True])
@pytest.mark.parametrize("language", [code for code in DOCUMENT_LANGUAGES if code != "nl"])
def test_a_ready_made_text_holds_no_dutch_word_outside_dutch(language, sms):
    for key in phrasebook_notes.READY_TEXTS:
        subject, text = phrasebook_notes.compose_ready_text(key, language, name="Mariam", sms=sms)

        assert [word for word in DUTCH_WORDS if word in f"{subject}\n{text}".lower()] == []


def test_a_candidate_note_is_written_in_any_document_language_without_falling_back():
    assert [phrasebook.written_in("candidate_note", [language]) for language in DOCUMENT_LANGUAGES] == list(
        DOCUMENT_LANGUAGES
    )


@pytest.mark.parametrize("channel", [Channel.EMAIL, Channel.SMS])
def test_the_message_leaves_exactly_as_it_was_composed(channel):
    sms = channel == Channel.SMS
    _subject, text = phrasebook_notes.compose_ready_text("bring_documents", "ti", name="Dawit", sms=sms)
    message = Message(key="k", template="candidate_note", language="ti", channel=channel, recipient_name="Dawit",
                      recipient_address="+32470000000", due_at=datetime(2027, 3, 1, tzinfo=UTC),
                      context={"subject": "ሰነዳትኩም ኣምጽኡ", "text": text})  # fmt: skip

    rendered = channels.render(message)

    assert rendered.text.strip() == text.strip()
    assert rendered.subject == ("" if sms else "ሰነዳትኩም ኣምጽኡ")
