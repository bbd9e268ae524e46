"""The platform's languages (jobroad.languages): a language as people type it becomes its code, and lists name each
language in the reader's language and in its own."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from jobroad.languages import DOCUMENT_LANGUAGES, language_code, spoken_language_choices


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Nederlands", "nl"),
        ("néerlandais", "nl"),
        ("NEERLANDAIS", "nl"),
        ("Dutch", "nl"),
        ("nl", "nl"),
        (" NL ", "nl"),
        ("nl-BE", "nl"),
        ("Vlaams", "nl"),
        ("Dari", "prs"),
        ("دری", "prs"),
        ("دري", "prs"),  # written with the Arabic yeh, as an Arabic keyboard types it
        ("Dari (دری)", "prs"),  # as the lists show it
        ("Arabic", "ar"),
        ("Arabisch", "ar"),
        ("arabe", "ar"),
        ("العربية", "ar"),
        ("Farsi", "fa"),
        ("فارسی", "fa"),
        ("Perzisch", "fa"),
        ("tigrigna", "ti"),
        ("ትግርኛ", "ti"),
        ("Soranî", "ckb"),
        ("Français", "fr"),
        ("ENGELS", "en"),
    ],
)
def test_a_language_typed_by_any_of_its_names_becomes_its_code(typed, code):
    assert language_code(typed) == code


@pytest.mark.parametrize("typed", ["Klingon", "Nederlands B1", "n", ""])
def test_a_name_no_language_goes_by_is_refused_with_examples_of_what_is_taken(typed):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        language_code(typed)

    assert refused.value.messages == [
        f"“{typed}” is not a language we know. Write its name in Dutch, French or English, its own name or its "
        "code, e.g. Nederlands, néerlandais, Dutch or nl; Dari, دری or prs."
    ]


def test_only_the_languages_asked_for_are_taken():
    assert language_code("Arabisch", codes=DOCUMENT_LANGUAGES) == "ar"
    with pytest.raises(ValidationError):
        language_code("Deutsch", codes=DOCUMENT_LANGUAGES)  # German is spoken, not a document language


def test_a_language_is_listed_in_the_readers_language_and_in_its_own():
    with translation.override("en"):
        english = dict(spoken_language_choices())
    with translation.override("nl"):
        dutch = dict(spoken_language_choices())

    assert (english["en"], english["ar"], english["prs"]) == ("English", "Arabic (العربية)", "Dari (دری)")
    assert (dutch["nl"], dutch["fr"], dutch["prs"]) == ("Nederlands", "Frans (français)", "Dari (دری)")
