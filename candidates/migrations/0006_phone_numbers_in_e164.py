"""Candidates' phone numbers in E.164, as the form now stores them. A number that cannot be read as a valid one
(a Belgian number unless it has a country code) is left exactly as it was typed: a person fixes it on the
candidate's page, and the SMS backend refuses to send to it meanwhile. The old spelling is not kept, so going
back changes nothing (E.164 is a spelling the old form accepted too)."""

import phonenumbers
from django.db import migrations

import jobroad.phones


def e164(text: str) -> str | None:
    try:
        number = phonenumbers.parse(text, "BE")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_numbers_to_e164(apps, schema_editor):
    Candidate = apps.get_model("candidates", "Candidate")
    for pk, phone in Candidate.objects.exclude(phone="").values_list("pk", "phone").iterator():
        normalised = e164(phone)
        if normalised and normalised != phone:
            Candidate.objects.filter(pk=pk).update(phone=normalised)


class Migration(migrations.Migration):
    dependencies = [("candidates", "0005_encrypted_notes")]

    operations = [
        migrations.AlterField(
            model_name="candidate",
            name="phone",
            field=jobroad.phones.PhoneField(blank=True, max_length=30, verbose_name="mobile phone"),
        ),
        migrations.RunPython(phone_numbers_to_e164, migrations.RunPython.noop, elidable=True),
    ]
