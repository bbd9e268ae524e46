"""Country and language names for candidate fields, in the reader's language.

Names come from the CLDR data that Babel ships, so the hundred-odd country names need no translation of our
own. Choices are callables (Django evaluates them when a form or a display needs them), so a page shows them
in the language of the request. The languages are the platform's (``jobroad.languages``): vacancies ask for them
too.
"""

import unicodedata
from functools import cache

from babel import Locale
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# Named here too: candidates' fields, their migrations and the apps above take language choices and names from here.
from jobroad.languages import (  # noqa: F401
    CLDR_LOCALE,
    DOCUMENT_LANGUAGES,
    SPOKEN_LANGUAGES,
    document_language_choices,
    language_name,
    spoken_language_choices,
    ui_locale,
)

# Nationalities shown first: the usual countries of origin of asylum applicants in Belgium, then Belgium
# and its neighbours. Every other ISO 3166-1 country follows.
FREQUENT_NATIONALITIES = (
    "AF", "SY", "ER", "PS", "SO", "IQ", "TR", "UA", "BI", "CD", "GN", "CM", "SD", "ET", "YE", "IR", "PK",
    "GE", "MA", "DZ", "NG", "VE", "CO", "BE", "NL", "FR",
)  # fmt: skip
STATELESS = "XX"
# CLDR codes that are not countries someone holds the nationality of.
NOT_NATIONALITIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "AQ", "BV", "HM", "UM", "TF", "IO"})


def country_name(code: str) -> str:
    if code == STATELESS:
        return str(_("Stateless"))
    return ui_locale().territories.get(code, code)


@cache
def _nationality_choices(ui: str) -> list:
    territories = Locale.parse(CLDR_LOCALE.get(ui, ui)).territories
    countries = {
        code: name
        for code, name in territories.items()
        if len(code) == 2 and code.isalpha() and code not in NOT_NATIONALITIES
    }
    frequent = [(code, countries[code]) for code in FREQUENT_NATIONALITIES]
    others = sorted(
        ((code, name) for code, name in countries.items() if code not in FREQUENT_NATIONALITIES),
        key=lambda pair: _sort_key(pair[1]),
    )
    return [
        (_("Frequent"), frequent),
        (_("All countries"), [*others, (STATELESS, _("Stateless"))]),
    ]


def nationality_choices() -> list:
    return _nationality_choices((get_language() or "nl").split("-")[0])


def is_nationality(code: str) -> bool:
    return code == STATELESS or code in _nationality_codes()


@cache
def _nationality_codes() -> frozenset[str]:
    return frozenset(code for _group, pairs in _nationality_choices("en") for code, _name in pairs)


def _sort_key(name: str) -> str:
    return "".join(char for char in unicodedata.normalize("NFKD", name) if not unicodedata.combining(char)).casefold()


class DietaryNeed(models.TextChoices):
    """What a candidate may ask for at lunch in the project week. Counted only: it can tell a religion."""

    VEGETARIAN = "vegetarian", _("Vegetarian")
    VEGAN = "vegan", _("Vegan")
    HALAL = "halal", _("Halal")
    NO_PORK = "no_pork", _("No pork")
    KOSHER = "kosher", _("Kosher")
