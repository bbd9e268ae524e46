"""How a spreadsheet cell becomes what a form field takes: a choice by its code or label in any UI language, yes or
no, a date in the usual ways of writing one."""

import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from . import tabular
from .languages import UI_LANGUAGES

if TYPE_CHECKING:
    from .imports import Column

LISTED_CHOICES = 15  # up to this many accepted values are named in an error; more are in the template's help


YES = frozenset({"yes", "y", "ja", "j", "oui", "o", "true", "waar", "vrai", "1", "x"})


NO = frozenset({"no", "n", "nee", "non", "false", "onwaar", "faux", "0"})


DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y", "%d-%m-%y", "%Y-%m-%d %H:%M:%S")


class Converter:
    """Turns a cell as typed into what the row form's field takes: yes/no words in three languages, dates
    as Belgians write them, choices by their code or their label in Dutch, French or English."""

    def __init__(self, form_field: forms.Field, column: "Column | None"):
        self.field = form_field
        self.column = column

    def convert(self, text: str):
        if not text:
            return self.default()
        if self.column and self.column.convert:
            return self.column.convert(text)
        if isinstance(self.field, forms.BooleanField | forms.NullBooleanField):
            return yes_or_no(text)
        if isinstance(self.field, forms.ModelMultipleChoiceField | forms.MultipleChoiceField):
            return self.many(text)
        if isinstance(self.field, forms.ModelChoiceField | forms.ChoiceField):
            return self.one(text)
        if isinstance(self.field, forms.DateField):
            return parse_date(text)
        if isinstance(self.field, forms.IntegerField | forms.DecimalField | forms.FloatField):
            return text.replace(" ", "").replace(",", ".")
        return text

    def default(self):
        initial = self.field.initial() if callable(self.field.initial) else self.field.initial
        if initial not in (None, ""):
            return initial
        if isinstance(self.field, forms.BooleanField):
            return False
        return [] if isinstance(self.field, forms.MultipleChoiceField) else ""

    def one(self, text: str):
        matches = self.lookup.get(tabular.normalise_label(text), set())
        if len(matches) == 1:
            return next(iter(matches))
        raise ValidationError(self.unknown_message(text, ambiguous=len(matches) > 1))

    def many(self, text: str) -> list:
        values = []
        for part in re.split(r"[;|\n]+", text):
            if not part.strip():
                continue
            if len(self.lookup.get(tabular.normalise_label(part), ())) == 1:
                values.append(self.one(part))
                continue
            values.extend(self.one(piece.strip()) for piece in part.split(",") if piece.strip())
        return list(dict.fromkeys(values))

    def unknown_message(self, text: str, *, ambiguous: bool) -> str:
        if ambiguous:
            return _("“%(value)s” fits more than one choice; write it in full.") % {"value": text}
        names = sorted({str(label) for _value, label in self.choices()}, key=str.casefold)
        if len(names) <= LISTED_CHOICES:
            return _("“%(value)s” is not one of the choices. Write one of: %(choices)s.") % {
                "value": text,
                "choices": ", ".join(names),
            }
        return _("“%(value)s” is not one of the choices; the template's help sheet lists them.") % {"value": text}

    def choices(self) -> list[tuple[Any, str]]:
        """(value, label) in the active language; for database objects the value is the primary key."""
        if isinstance(self.field, forms.ModelChoiceField):
            return [(obj.pk, str(obj)) for obj in self.field.queryset]
        return [(value, str(label)) for value, label in flatten(self.field.choices) if value not in ("", None)]

    def names_of(self, obj) -> Iterable[str]:
        """Further names of a database object: the column's own, else a vocabulary term's labels."""
        if self.column and self.column.names_of:
            return self.column.names_of(obj)
        return (getattr(obj, "labels", None) or {}).values()

    @cached_property
    def lookup(self) -> dict[str, set]:
        """Every accepted spelling (normalised) → the values it names."""
        found: dict[str, set] = {}

        def add(name, value):
            for variant in (name, re.sub(r"\s*\(.*?\)", "", str(name))):
                key = tabular.normalise_label(variant)
                if key:
                    found.setdefault(key, set()).add(value)

        if isinstance(self.field, forms.ModelChoiceField):
            objects = list(self.field.queryset)
            for language in UI_LANGUAGES:
                with translation.override(language):
                    for obj in objects:
                        add(str(obj), obj.pk)
            for obj in objects:
                for name in self.names_of(obj):
                    add(name, obj.pk)
            return found
        for language in UI_LANGUAGES:
            with translation.override(language):
                for value, label in flatten(self.field.choices):
                    if value not in ("", None):
                        add(label, value)
                        add(value, value)
        return found


def yes_or_no(text: str) -> bool:
    """A yes/no cell in Dutch, French or English (also 1/0, x, true/false); empty is no."""
    word = tabular.normalise_label(text)
    if not word or word in NO:
        return False
    if word in YES:
        return True
    raise ValidationError(_("Write yes or no (ja/nee, oui/non) instead of “%(value)s”.") % {"value": text})


def parse_date(text: str) -> date:
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValidationError(
        _("“%(value)s” is not a date. Write it as day/month/year, e.g. 31/12/2025.") % {"value": text}
    )


def flatten(choices) -> list[tuple[Any, Any]]:
    flat = []
    for value, label in choices:
        if isinstance(label, list | tuple):
            flat.extend(label)
        else:
            flat.append((value, label))
    return flat
