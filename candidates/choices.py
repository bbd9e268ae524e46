"""Country and language names for candidate fields, in the reader's language.

Names come from the CLDR data that Babel ships, so the hundred-odd country names need no translation of our
own. Choices are callables (Django evaluates them when a form or a display needs them), so a page shows them
in the language of the request.
"""

import unicodedata
from functools import cache

from babel import Locale
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# The languages a candidate can get documents and messages in (DESIGN §10). Dari has no CLDR locale of its
# own: it is Persian as written in Afghanistan (fa_AF).
DOCUMENT_LANGUAGES = ("nl", "fr", "en", "ar", "prs", "fa", "ps", "ti", "so", "uk", "ru", "tr")
CLDR_LOCALE = {"prs": "fa_AF"}

# Languages candidates speak, ISO 639-1 where there is one, else ISO 639-3. The first ones are the languages
# of the workplace; the rest the languages most often spoken by people in Belgian reception centres.
SPOKEN_LANGUAGES = (
    "nl", "fr", "en", "de", "ar", "prs", "fa", "ps", "ur", "ti", "am", "om", "so", "sw", "ku", "ckb", "tr",
    "uk", "ru", "ka", "hy", "sq", "es", "pt", "it", "ro", "bg", "pl", "ln", "rn", "rw", "ff", "wo", "bm",
    "ha", "yo", "bn", "hi", "pa", "ta", "ne", "uz", "tg", "zh", "vi",
)  # fmt: skip

# Nationalities shown first: the usual countries of origin of asylum applicants in Belgium, then Belgium
# and its neighbours. Every other ISO 3166-1 country follows.
FREQUENT_NATIONALITIES = (
    "AF", "SY", "ER", "PS", "SO", "IQ", "TR", "UA", "BI", "CD", "GN", "CM", "SD", "ET", "YE", "IR", "PK",
    "GE", "MA", "DZ", "NG", "VE", "CO", "BE", "NL", "FR",
)  # fmt: skip
STATELESS = "XX"
# CLDR codes that are not countries someone holds the nationality of.
NOT_NATIONALITIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "AQ", "BV", "HM", "UM", "TF", "IO"})


def ui_locale() -> Locale:
    code = (get_language() or "nl").split("-")[0]
    return Locale.parse(CLDR_LOCALE.get(code, code))


def language_name(code: str, *, locale: Locale | None = None) -> str:
    """A language's name in the reader's language (``Tigrinya``), or the code when CLDR does not know it."""
    locale = locale or ui_locale()
    return locale.languages.get(CLDR_LOCALE.get(code, code)) or locale.languages.get(code) or code


def autonym(code: str) -> str:
    """A language's name in itself (``ትግርኛ``), as a candidate recognises it on a list."""
    try:
        return Locale.parse(CLDR_LOCALE.get(code, code)).get_display_name(CLDR_LOCALE.get(code, code)) or code
    except (ValueError, LookupError):
        return code


def country_name(code: str) -> str:
    if code == STATELESS:
        return str(_("Stateless"))
    return ui_locale().territories.get(code, code)


@cache
def _language_choices(codes: tuple[str, ...], ui: str) -> list[tuple[str, str]]:
    locale = Locale.parse(CLDR_LOCALE.get(ui, ui))
    choices = []
    for code in codes:
        name, own = language_name(code, locale=locale), autonym(code)
        choices.append((code, name if own.casefold() == name.casefold() else f"{name} ({own})"))
    return choices


def document_language_choices() -> list[tuple[str, str]]:
    return _language_choices(DOCUMENT_LANGUAGES, (get_language() or "nl").split("-")[0])


def spoken_language_choices() -> list[tuple[str, str]]:
    return _language_choices(SPOKEN_LANGUAGES, (get_language() or "nl").split("-")[0])


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
