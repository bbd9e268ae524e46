"""Encrypted free text, for notes that may tell of health, family or a person's past (screening, coaching and
check-in notes). The database holds ``fernet:<token>``; only the application, with a key from the environment
(``FIELD_ENCRYPTION_KEYS``, newest first), reads it. Such a field cannot be searched or filtered on, except for
being empty — the categories people filter on stay plain and access-controlled."""

from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

PREFIX = "fernet:"


@cache
def keys() -> MultiFernet:
    return MultiFernet([Fernet(key) for key in settings.FIELD_ENCRYPTION_KEYS])


def encrypt(text: str) -> str:
    return PREFIX + keys().encrypt(text.encode()).decode()


def decrypt(stored: str) -> str:
    """Text written before the field was encrypted has no prefix and reads as it is."""
    if not stored.startswith(PREFIX):
        return stored
    try:
        return keys().decrypt(stored.removeprefix(PREFIX).encode()).decode()
    except InvalidToken:
        raise ImproperlyConfigured(
            "An encrypted note cannot be read with the keys in JOBROAD_FIELD_ENCRYPTION_KEYS; "
            "was an old key removed before `manage.py rotate_field_keys` ran?"
        ) from None


class EncryptedTextField(models.TextField):
    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return encrypt(value) if value else value

    def from_db_value(self, value, expression, connection):
        return decrypt(value) if value else value


def encrypted_fields() -> list[tuple[type[models.Model], str]]:
    from django.apps import apps

    return [
        (model, field.name)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, EncryptedTextField)
    ]


def rotate_keys() -> int:
    """Write every encrypted value again with the newest key; returns how many values were rewritten."""
    keys.cache_clear()
    rewritten = 0
    for model, name in encrypted_fields():
        rows = model.objects.exclude(**{name: ""}).values_list("pk", name)
        for pk, text in rows.iterator(chunk_size=500):
            model.objects.filter(pk=pk).update(**{name: text})
            rewritten += 1
    return rewritten
