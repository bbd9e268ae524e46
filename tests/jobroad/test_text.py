"""Invisible control characters never reach what is saved and printed (jobroad/text.py): bidi controls, zero-width
characters and other format and control characters go; letters, combining marks, ZWNJ and ZWJ of real text stay.
The invisible characters are written as escapes, so that this file shows what it tests."""

import pytest
from django import forms

from candidates.models import name_key
from jobroad.text import printable

RLO, PDF, LRI, PDI, LRM, RLM, ALM = "\u202e", "\u202c", "\u2066", "\u2069", "\u200e", "\u200f", "\u061c"
ZWSP, ZWNJ, ZWJ, WORD_JOINER, BOM, SOFT_HYPHEN = "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"


class NoteForm(forms.Form):
    """Any form: the normaliser sits in every CharField, not in a list of forms."""

    name = forms.CharField(max_length=50)
    note = forms.CharField(widget=forms.Textarea, required=False)
    password = forms.CharField(widget=forms.PasswordInput, required=False, strip=False)


@pytest.mark.parametrize(
    "invisible",
    [
        *"\u202a\u202b\u202c\u202d\u202e",  # embeddings and overrides
        *"\u2066\u2067\u2068\u2069",  # isolates
        LRM, RLM, ALM, ZWSP, WORD_JOINER, BOM, SOFT_HYPHEN,
        "\u2061", "\ufff9", "\U000e0041",  # an invisible operator, an interlinear annotation, a tag character
        "\x00", "\x1b", "\x7f", "\x85",  # C0 and C1 controls, NUL and DEL
    ],
)  # fmt: skip
def test_an_invisible_control_character_is_removed_from_a_name(invisible):
    assert printable(f"Am{invisible}al Haddad") == "Amal Haddad"


def test_a_right_to_left_override_never_reaches_a_cleaned_form_field():
    form = NoteForm({"name": f"{RLO}daddaH lamA{PDF}", "note": f"Line one{LRI}{PDI}\r\nline{ZWSP} two\tend"})

    assert form.is_valid()
    assert form.cleaned_data["name"] == "daddaH lamA"
    assert form.cleaned_data["note"] == "Line one\r\nline two\tend"


def test_a_single_line_field_makes_line_breaks_spaces_and_a_multi_line_field_keeps_them():
    form = NoteForm({"name": "Amal\nHaddad\tB", "note": "one\u2028two"})

    assert form.is_valid()
    assert (form.cleaned_data["name"], form.cleaned_data["note"]) == ("Amal Haddad B", "one\ntwo")


def test_a_name_of_invisible_characters_only_is_an_empty_name():
    form = NoteForm({"name": f"{RLO}{ZWSP}{BOM} "})

    assert not form.is_valid()
    assert form.errors.as_data()["name"][0].code == "required"


def test_a_password_is_taken_exactly_as_typed():
    form = NoteForm({"name": "Amal", "password": f"secret{RLM}{ZWSP}"})

    assert form.is_valid()
    assert form.cleaned_data["password"] == f"secret{RLM}{ZWSP}"


@pytest.mark.parametrize(
    "text",
    [
        "أمل حدّاد",  # Arabic with a shadda (a combining mark)
        f"می{ZWNJ}خواهم",  # Persian: the ZWNJ is part of the spelling
        "ዳዊት ተስፋይ",  # Tigrinya (Ge'ez script)
        "Zoë Müller-Lüdenscheidt",
        f"👩{ZWJ}💻 and ❤️",  # an emoji sequence joined by ZWJ, a variation selector
        "\u0600\u0661\u0662",  # an Arabic number sign (a visible format character) before a number
        "12\u00a0000\u202f€",  # no-break and narrow no-break spaces
    ],
)
def test_real_text_in_any_script_passes_unchanged(text):
    form = NoteForm({"name": text, "note": text})

    assert form.is_valid()
    assert (form.cleaned_data["name"], form.cleaned_data["note"]) == (text, text)


def test_a_zero_width_non_joiner_does_not_hide_a_duplicate():
    assert name_key(f"Am{ZWNJ}al", f"Had{ZWJ}dad") == name_key("Amal", "Haddad")
