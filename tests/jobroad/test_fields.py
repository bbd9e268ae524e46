"""Encrypted notes: the database holds only ciphertext, the application reads the text, old plain rows still read,
and keys rotate without losing a note."""

from datetime import date
from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection

from aftercare.models import CoachingContact
from jobroad import fields

OLD_KEY, NEW_KEY = Fernet.generate_key().decode(), Fernet.generate_key().decode()


@pytest.fixture
def keys(settings):
    """Switch the keys the application holds, as a deployment would by changing the environment."""

    def use(*new_keys: str) -> None:
        settings.FIELD_ENCRYPTION_KEYS = list(new_keys)
        fields.keys.cache_clear()

    yield use
    fields.keys.cache_clear()


def stored_notes(contact) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT notes FROM aftercare_coachingcontact WHERE id = %s", [contact.pk])
        return cursor.fetchone()[0]


def contact_with(world, notes: str) -> CoachingContact:
    return CoachingContact.objects.create(
        candidate=world.candidate_a, coach=world.coach_a, happened_on=date(2026, 11, 2), channel="phone",
        topic="other", notes=notes,
    )  # fmt: skip


def test_the_database_holds_only_ciphertext_and_the_application_reads_the_text(world, keys):
    keys(OLD_KEY)

    contact = contact_with(world, "Diabetes; werkt liefst niet 's nachts")

    assert stored_notes(contact).startswith("fernet:")
    assert "Diabetes" not in stored_notes(contact)
    assert CoachingContact.objects.get(pk=contact.pk).notes == "Diabetes; werkt liefst niet 's nachts"


def test_a_note_written_before_encryption_still_reads(world, keys):
    keys(OLD_KEY)
    contact = contact_with(world, "")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE aftercare_coachingcontact SET notes = %s WHERE id = %s", ["Oude nota", contact.pk])

    assert CoachingContact.objects.get(pk=contact.pk).notes == "Oude nota"


def test_rotating_moves_every_note_to_the_new_key_and_the_old_key_can_go(world, keys):
    keys(OLD_KEY)
    contact = contact_with(world, "Zoekt een woning")
    before = stored_notes(contact)
    keys(NEW_KEY)
    with pytest.raises(ImproperlyConfigured):
        CoachingContact.objects.get(pk=contact.pk)  # the old key is still needed
    keys(NEW_KEY, OLD_KEY)

    call_command("rotate_field_keys", stdout=StringIO())
    keys(NEW_KEY)

    assert stored_notes(contact) != before
    assert CoachingContact.objects.get(pk=contact.pk).notes == "Zoekt een woning"


def test_empty_notes_stay_empty_and_filterable(world, keys):
    keys(OLD_KEY)
    contact_with(world, "")
    contact_with(world, "Iets")

    assert CoachingContact.objects.filter(notes="").count() == 1
