"""The platform's languages: the codes every app stores, their names in the reader's language, and the code of a
language as people type it.

A language is stored as its code (``nl``, ``prs``) wherever a rule reads it (matching, interpreters, documents), and
chosen from a list. Names come from the CLDR data that Babel ships, so no name is translated by hand. Choices are
callables (Django evaluates them when a form or a display needs them), so a page shows them in the language of the
request. Spreadsheets carry names as people write them ("Nederlands", "néerlandais", "Dutch", "دری"):
``language_code`` turns those into codes, for every import column that takes a language.
"""

import re
import unicodedata
from functools import cache

from babel import Locale
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext as _

# The languages a candidate can get documents and messages in (DESIGN §10). Dari has no CLDR locale of its
# own: it is Persian as written in Afghanistan (fa_AF).
DOCUMENT_LANGUAGES = ("nl", "fr", "en", "ar", "prs", "fa", "ps", "ti", "so", "uk", "ru", "tr")
CLDR_LOCALE = {"prs": "fa_AF"}

# Languages candidates speak and vacancies ask for, ISO 639-1 where there is one, else ISO 639-3. The first ones
# are the languages of the workplace; the rest the languages most often spoken by people in Belgian reception
# centres.
SPOKEN_LANGUAGES = (
    "nl", "fr", "en", "de", "ar", "prs", "fa", "ps", "ur", "ti", "am", "om", "so", "sw", "ku", "ckb", "tr",
    "uk", "ru", "ka", "hy", "sq", "es", "pt", "it", "ro", "bg", "pl", "ln", "rn", "rw", "ff", "wo", "bm",
    "ha", "yo", "bn", "hi", "pa", "ta", "ne", "uz", "tg", "zh", "vi",
)  # fmt: skip

# The languages of the interface: a name typed in a spreadsheet is looked up in these, in the language's own name
# and in the document languages (an Arabic-speaking intermediary may write Dutch as الهولندية).
UI_LANGUAGES = ("nl", "fr", "en")

# Names people use that CLDR does not list.
ALSO_CALLED = {"farsi": "fa", "kurmanji": "ku", "pashtu": "ps", "pushto": "ps", "tigrigna": "ti"}


def ui_locale() -> Locale:
    code = (get_language() or "nl").split("-")[0]
    return Locale.parse(CLDR_LOCALE.get(code, code))


def language_name(code: str, *, locale: Locale | None = None) -> str:
    """A language's name in the reader's language (``Tigrinya``), or the code when CLDR does not know it."""
    locale = locale or ui_locale()
    return locale.languages.get(CLDR_LOCALE.get(code, code)) or locale.languages.get(code) or code


def autonym(code: str) -> str:
    """A language's name in itself (``ትግርኛ``, Dari ``دری``), as a candidate recognises it on a list."""
    cldr = CLDR_LOCALE.get(code, code)
    try:
        locale = Locale.parse(cldr)
    except (ValueError, LookupError):
        return code
    return locale.languages.get(cldr) or locale.get_display_name(cldr) or code


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


def language_code(text: str, *, codes: tuple[str, ...] = SPOKEN_LANGUAGES) -> str:
    """The code of a language among ``codes``, as people type it: its code (``nl``), its name in Dutch, French or
    English (``Nederlands``, ``néerlandais``, ``Dutch``), in itself (``العربية``, ``دری``) or in a document
    language, ignoring case, accents and Arabic-script spelling variants. Refuses (ValidationError) a name it does
    not know, with examples of what it takes."""
    found = _names(codes).get(name_key(text), set())
    if not found and (tag := LANGUAGE_TAG.fullmatch(text.strip())):
        found = _names(codes).get(name_key(tag["language"]), set())  # nl-BE, nl_BE
    if len(found) == 1:
        return next(iter(found))
    if found:
        raise ValidationError(
            _("“%(value)s” names more than one language (%(codes)s); write its code."),
            code="ambiguous_language",
            params={"value": text, "codes": ", ".join(sorted(found))},
        )
    raise ValidationError(
        _(
            "“%(value)s” is not a language we know. Write its name in Dutch, French or English, its own name or "
            "its code, e.g. Nederlands, néerlandais, Dutch or nl; Dari, دری or prs."
        ),
        code="unknown_language",
        params={"value": text},
    )


LANGUAGE_TAG = re.compile(r"(?P<language>[a-z]{2,3})[-_][a-z0-9]{2,8}", re.IGNORECASE)

# Arabic-script letters written differently on Arabic and Persian keyboards, and what joins or stretches letters.
SCRIPT_VARIANTS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "\u0640": None, "\u200c": None, "\u200d": None})


def name_key(text: str) -> str:
    """A language's name folded for comparison: no case, accents, vowel marks or punctuation; any script kept."""
    decomposed = unicodedata.normalize("NFKD", str(text).translate(SCRIPT_VARIANTS))
    letters = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    return " ".join(re.findall(r"\w+", letters))


@cache
def _names(codes: tuple[str, ...]) -> dict[str, set[str]]:
    """Every accepted spelling (folded) → the codes it names."""
    found: dict[str, set[str]] = {}
    locales = [Locale.parse(CLDR_LOCALE.get(ui, ui)) for ui in dict.fromkeys(UI_LANGUAGES + DOCUMENT_LANGUAGES)]
    claimed = set(CLDR_LOCALE.values())  # fa_AF is Dari, a language of its own, not a kind of Persian
    for code in codes:
        cldr = CLDR_LOCALE.get(code, code)
        names = {code, cldr, autonym(code)}
        for locale in locales:
            name = language_name(code, locale=locale)
            names |= {name, f"{name} ({autonym(code)})"}
            # Regional variants: "Vlaams" / "flamand" / "Flemish" is Dutch.
            names |= {
                variant
                for key, variant in locale.languages.items()
                if key.startswith(f"{code}_") and key not in claimed
            }
        names |= {name for name, also in ALSO_CALLED.items() if also == code}
        for name in names:
            if key := name_key(name):
                found.setdefault(key, set()).add(code)
    return found
