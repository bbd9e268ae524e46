"""Organisations' phone numbers in E.164, as every form now stores them. A number that cannot be read as a valid
one (a Belgian number unless it has a country code) is left exactly as it was typed; the old spelling is not kept,
so going back changes nothing."""

import phonenumbers
from django.db import migrations


def e164(text: str) -> str | None:
    try:
        number = phonenumbers.parse(text, "BE")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_numbers_to_e164(apps, schema_editor):
    Organisation = apps.get_model("jobroad", "Organisation")
    for pk, phone in Organisation.objects.exclude(phone="").values_list("pk", "phone").iterator():
        normalised = e164(phone)
        if normalised and normalised != phone:
            Organisation.objects.filter(pk=pk).update(phone=normalised)


class Migration(migrations.Migration):
    dependencies = [("jobroad", "0009_sms_provider_id_and_delivered")]

    operations = [migrations.RunPython(phone_numbers_to_e164, migrations.RunPython.noop, elidable=True)]
