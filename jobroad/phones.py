"""Phone numbers, one way everywhere: parsed with ``phonenumbers`` (Google's libphonenumber metadata) as a Belgian
number unless it starts with a country code, and stored in E.164 (``+32470123456``) — the form an SMS provider
takes, and one that compares equal however it was typed ("0470/12.34.56", "+32 470 12 34 56", "0032 …")."""

import phonenumbers
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

DEFAULT_REGION = "BE"


def normalise_phone(text: str, *, region: str = DEFAULT_REGION) -> str:
    """``text`` in E.164. Refuses (ValidationError) what is no phone number at all, and a number that cannot be
    valid: a digit short, or a prefix no operator uses. A national number is read as one of ``region``."""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        raise ValidationError(
            _("This is not a phone number. Write it as 0470 12 34 56, or with the country code: +32 470 12 34 56."),
            code="invalid",
        ) from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _(
                "%(number)s cannot be a valid phone number: check the digits, and give the country code "
                "(+…) for a number from abroad."
            ),
            code="invalid",
            params={"number": " ".join(text.split())},
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def e164_or_none(text: str, *, region: str = DEFAULT_REGION) -> str | None:
    """``text`` in E.164, or None when it cannot be read as a valid number."""
    try:
        return normalise_phone(text, region=region)
    except ValidationError:
        return None


class PhoneNumberField(forms.CharField):
    """A phone number as typed, cleaned to E.164. Every form and import column that takes a phone number uses it
    (an import validates each row with the form that enters one by hand)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 30)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "tel", "autocomplete": "off"})

    def to_python(self, value):
        value = super().to_python(value)
        return normalise_phone(value) if value else value


class PhoneField(models.CharField):
    """A stored phone number: every model form over it (the app's own, the admin's) cleans it to E.164."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 30)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PhoneNumberField, **kwargs})
