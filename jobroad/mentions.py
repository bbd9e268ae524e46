"""Finding a person's mentions anywhere in the database and replacing them with a marker (for
``privacy.erase_candidate``), so that what colleagues wrote stays readable without the person in it.

A mention is a *strong* identifier: the full name (the parts of the first and last name, in either order, with any
spaces, commas or hyphens between them), the e-mail address, the reference number (spaces, dots and dashes do not
count) or the phone number (only the digits compare, and only the last eight: "+32 470 12 34 56", "0470/12.34.56"
and "0032470123456" are one number). Case does not count. A row that holds a strong identifier is about the person,
so in that row their first name alone is replaced too; in other rows a first name alone may be anyone's and stays.
A last name alone stays everywhere: the family shares it.

Every text and JSON column of every model is searched — a model added later is covered without being named here —
except the columns ``NOT_MENTIONS`` lists: codes, keys and secrets, vocabularies, and the identity of another data
subject (another candidate's name and contact details, a user's account, an organisation's address: a namesake or a
reception centre keeps its own). The database narrows each column first (``icontains`` on every part of the name,
a regex on the digits), so only rows that may hold a mention are read; an encrypted note cannot be searched there,
so every non-empty one is read and decrypted, in chunks.
"""

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, reduce
from operator import and_, or_
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import Q
from django.db.models.functions import Cast

from .fields import EncryptedTextField

MARK = "[erased]"
PHONE_DIGITS = 8  # the part of a number that stays the same however it is written (country code, trunk zero)
REFERENCE_MIN = 5  # a shorter reference number would match years and counts in ordinary text
# What people put between the digits of a number: spaces, dots, slashes, brackets. The same text is a regex for
# Python's re (and so for SQLite's REGEXP, which Django implements with it) and for PostgreSQL.
GAP = "[^0-9A-Za-z]{0,3}"
NAME_GAP = r"[\W_]{1,3}"

# Apps whose tables hold no free text a person types about someone: permissions, content types, signed session
# data (not searchable, and gone when the session expires), and the accounts' addresses and authenticators.
SKIPPED_APPS = frozenset({"auth", "contenttypes", "sessions", "account", "mfa", "socialaccount"})
# Columns of the other apps that hold no mention, by model, with why (a column named here that no longer exists fails
# tests/jobroad/test_mentions.py, so the list follows the models).
NOT_MENTIONS: dict[str, frozenset[str]] = {
    label: frozenset(names.split())
    for label, names in {
        "admin.LogEntry": "object_id",  # a primary key
        "jobroad.User": "password email full_name",  # an account is a data subject of its own
        "jobroad.Invitation": "email full_name token_hash",  # the invited staff member's, and a hash
        "jobroad.Organisation": "name street postal_code city phone",  # its own, also when a candidate gave them
        "jobroad.Message": "key event template language",  # codes
        "companies.Occupation": "esco_uri labels isco_code",  # the ESCO vocabulary, never typed here
        "companies.Competence": "esco_uri labels",
        "companies.Company": "enterprise_number sector",  # codes
        "companies.Vacancy": "language shifts start_routes",  # codes
        # Another candidate's own identity (a namesake, a family sharing a number), and codes.
        "candidates.Candidate": "first_name last_name reference_number street postal_code city phone email name_key "
        "reference_key desired_sectors available_shifts",
        "candidates.Consent": "text_version",
        "campaigns.Participation": "available_days",
        "campaigns.ProjectWeek": "status",
        "campaigns.Interview": "interpreter",  # a language code
        "workshops.Session": "language",
    }.items()
}
# JSON lists of one record per person (an upload's rows): a record that names the person is left out whole, so
# confirming the upload later does not bring them back; the others are not touched.
RECORD_LISTS: dict[str, frozenset[str]] = {"jobroad.PendingImport": frozenset({"rows"})}


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def phone_digits(phone: str) -> str:
    """The last ``PHONE_DIGITS`` digits of a number, or "" when it has fewer (too short to tell it from others)."""
    digits = re.sub(r"\D", "", phone)
    return digits[-PHONE_DIGITS:] if len(digits) >= PHONE_DIGITS else ""


def spaced(characters: str) -> str:
    """A regex for ``characters`` as people write them, with a few separators between any two."""
    return GAP.join(re.escape(character) for character in characters)


def phrase(parts: list[str]) -> str:
    return r"(?<!\w)" + NAME_GAP.join(map(re.escape, parts)) + r"(?!\w)"


@dataclass(frozen=True)
class Identity:
    """What identifies one person in text others wrote. Leave a value blank when it does not identify them alone."""

    first_name: str
    last_name: str
    email: str = ""
    phone: str = ""
    reference: str = ""

    @cached_property
    def phone_core(self) -> str:
        return phone_digits(self.phone)

    @cached_property
    def reference_core(self) -> str:
        core = re.sub(r"[\W_]+", "", self.reference)
        return core if len(core) >= REFERENCE_MIN else ""

    @cached_property
    def strong(self) -> re.Pattern | None:
        """Any strong identifier (see the module's docstring); None when the person has none."""
        first, last = words(self.first_name), words(self.last_name)
        parts = [phrase(first + last), phrase(last + first)] if first and last else []
        if self.email:
            parts.append(rf"(?<![\w.+-]){re.escape(self.email)}(?![\w-]|\.\w)")
        if self.phone_core:  # with what precedes the last eight digits: a country code, a trunk zero
            parts.append(rf"(?<![0-9A-Za-z+])\+?(?:[0-9]{GAP}){{0,5}}?{spaced(self.phone_core)}(?![0-9])")
        if self.reference_core:
            parts.append(rf"(?<![0-9A-Za-z]){spaced(self.reference_core)}(?![0-9A-Za-z])")
        return re.compile("|".join(f"(?:{part})" for part in parts), re.IGNORECASE) if parts else None

    @cached_property
    def first_name_alone(self) -> re.Pattern | None:
        first = words(self.first_name)
        return re.compile(phrase(first), re.IGNORECASE) if first else None

    def narrowing(self, column: str, *, is_json: bool) -> Q:
        """Rows whose ``column`` may hold a strong identifier, as the database can tell: never fewer than
        ``strong`` finds. ``column`` of a JSON field is its text (a ``Cast``), hence ``is_json``."""
        first, last = words(self.first_name), words(self.last_name)
        terms = [reduce(and_, (contains(column, word, is_json) for word in first + last))] if first and last else []
        if self.email:
            terms.append(contains(column, self.email, is_json))
        for core in (self.phone_core, self.reference_core):
            if core:
                terms.append(Q(**{f"{column}__iregex": spaced(core)}))
        return reduce(or_, terms) if terms else Q(pk__in=[])

    def mentioned_in(self, value: Any) -> bool:
        return self.strong is not None and any(self.strong.search(text) for text in strings(value))

    def is_record_of(self, record: Any) -> bool:
        """A record (an upload's row) is the person's when it holds a strong identifier, or their first and their
        last name as the values of two cells."""
        cells = {" ".join(words(text)).casefold() for text in strings(record)}
        first, last = " ".join(words(self.first_name)).casefold(), " ".join(words(self.last_name)).casefold()
        return self.mentioned_in(record) or bool(first and last and {first, last} <= cells)

    def redact(self, text: str) -> str:
        """``text`` with every strong identifier and the first name alone replaced by ``MARK``; only for text
        from a row that mentions the person."""
        text = self.strong.sub(MARK, text) if self.strong else text
        return self.first_name_alone.sub(MARK, text) if self.first_name_alone else text


def contains(column: str, text: str, is_json: bool) -> Q:
    """``icontains``, but SQLite's LIKE folds the case of ASCII letters only (its REGEXP is Python's re), and
    SQLite keeps JSON text with non-ASCII letters escaped."""
    if text.isascii():
        return Q(**{f"{column}__icontains": text})
    found = Q(**{f"{column}__iregex": re.escape(text)})
    return found | Q(**{f"{column}__icontains": json.dumps(text)[1:-1]}) if is_json else found


def strings(value: Any) -> Iterator[str]:
    """Every string in a column's value: itself, or the keys and values inside a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(key)
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def redacted(value: Any, identity: Identity) -> Any:
    if isinstance(value, str):
        return identity.redact(value)
    if isinstance(value, dict):
        return {redacted(key, identity): redacted(item, identity) for key, item in value.items()}
    if isinstance(value, list):
        return [redacted(item, identity) for item in value]
    return value


def searched_fields(model: type[models.Model]) -> list[models.Field]:
    """The columns of ``model`` where a mention may stand: every text and JSON column but codes (a field with
    choices) and those ``NOT_MENTIONS`` names."""
    if model._meta.app_label in SKIPPED_APPS or model._meta.proxy or not model._meta.managed:
        return []
    skipped = NOT_MENTIONS.get(model._meta.label, frozenset())
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField | models.JSONField)
        and not field.choices
        and field.name not in skipped
    ]


def scrub_mentions(identity: Identity) -> dict[str, int]:
    """Replace every mention of the person in every model (see the module's docstring); returns how many rows
    changed, by model. Writes row by row, so call it inside the erasure's transaction."""
    if identity.strong is None:
        return {}
    changed = {model._meta.label: scrub_model(model, identity) for model in apps.get_models()}
    return {label: count for label, count in changed.items() if count}


def scrub_model(model: type[models.Model], identity: Identity) -> int:
    fields = searched_fields(model)
    if not fields:
        return 0
    rows = rows_that_may_mention(model, fields, identity).iterator(chunk_size=1000)
    changes = [(pk, change) for pk, *values in rows if (change := row_change(model, fields, values, identity))]
    for pk, change in changes:  # after reading: SQLite does not keep a cursor apart from writes to its table
        model._base_manager.filter(pk=pk).update(**change)
    return len(changes)


def rows_that_may_mention(model: type[models.Model], fields: list[models.Field], identity: Identity):
    """The primary key and ``fields`` of the rows the database finds may mention the person; every row with an
    encrypted note (which the database cannot read)."""
    casts, where = {}, Q()
    for field in fields:
        if isinstance(field, EncryptedTextField):
            where |= ~Q(**{field.name: ""})
        elif isinstance(field, models.JSONField):
            casts[f"{field.name}_as_text"] = Cast(field.name, models.TextField())
            where |= identity.narrowing(f"{field.name}_as_text", is_json=True)
        else:
            where |= identity.narrowing(field.name, is_json=False)
    rows = model._base_manager.annotate(**casts).filter(where).order_by("pk")
    return rows.values_list("pk", *(field.name for field in fields))


def row_change(model: type[models.Model], fields: list[models.Field], values: list, identity: Identity) -> dict:
    """The row's changed columns: the person's records left out of its record lists, and — when one of its columns
    holds a strong identifier — the person replaced in the others. Text is cut to the column's length, which the
    marker may exceed."""
    records = RECORD_LISTS.get(model._meta.label, frozenset())
    change = {}
    for field, value in zip(fields, values, strict=True):
        if field.name in records and isinstance(value, list):
            kept = [record for record in value if not identity.is_record_of(record)]
            if len(kept) < len(value):
                change[field.name] = kept
    if identity.mentioned_in(values):
        for field, value in zip(fields, values, strict=True):
            new = value if field.name in records else redacted(value, identity)
            if new != value:
                change[field.name] = new[: field.max_length] if isinstance(new, str) and field.max_length else new
    return change
