"""Typed text without invisible control characters.

A name is printed on schedules, day sheets, lists and mails exactly as it was typed, so a character nobody sees
can spoof it: a right-to-left override (U+202E) typed before "Haddad" shows "ddadaH", an isolate or an embedding
reorders what follows it, a zero-width space or a byte-order mark makes two equal-looking names differ (and slips
past the duplicate check), and C0/C1 controls (escape, backspace, bell …) do as they like in a terminal or a
spreadsheet. ``printable`` removes them; every text a form takes in passes through it (``install``, at start-up),
and so does every cell of an imported spreadsheet (``jobroad.imports.start_import``).

**Removed, not refused.** These characters are invisible: people paste them in with a name copied from a PDF, a
Word file or a chat message without knowing, and an error about something they cannot see is one they cannot
fix. Removing them silently is safe because what is kept is exactly what the person saw, and a form shown again
shows the cleaned value, so what is saved is what is shown.

What goes:

* the bidirectional controls, which reorder text: the embeddings and overrides U+202A to U+202E, the isolates
  U+2066 to U+2069, the marks LRM and RLM (U+200E, U+200F) and the Arabic letter mark (U+061C). A page shows a
  name right to left where needed by itself (``dir="auto"``), never by characters stored in the name;
* every other format character (Unicode category Cf): zero-width space U+200B, word joiner U+2060, the BOM
  U+FEFF, the soft hyphen, invisible operators, interlinear annotations, tag characters …;
* control characters (category Cc). A single-line text keeps none: a tab or a line break becomes a space. A
  multi-line text (a ``Textarea``) keeps tab, line feed and carriage return; a Unicode line or paragraph
  separator (U+2028, U+2029) becomes a line break there, and a space in a single line.

What stays, because real text needs it and it cannot reorder anything:

* letters and combining marks of every script (Arabic, Dari/Farsi, Pashto, Tigrinya …) and variation selectors;
* the zero-width non-joiner U+200C, which correct Persian spelling requires (between the prefix "mi" and the
  verb, in "mi-khaham", I want), and the zero-width joiner U+200D, which joins emoji sequences and some Indic and
  Arabic-script forms. Both only change how neighbouring letters join; the duplicate check ignores them
  (``candidates.models.name_key``);
* the prepended concatenation marks (U+0600 to U+0605, U+06DD, U+070F, U+0890, U+0891, U+08E2, U+110BD,
  U+110CD): format characters by category, but visible signs written with Arabic-script and Syriac numbers.

Passwords are left exactly as typed: they are never printed, and changing them would lock people out.
"""

import unicodedata
from functools import wraps

from django import forms

JOINERS = frozenset("\u200c\u200d")
PREPENDED_MARKS = frozenset("\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2\U000110bd\U000110cd")
KEPT_FORMAT = JOINERS | PREPENDED_MARKS
LINE_BREAKS = frozenset("\t\n\r")
SEPARATORS = frozenset("\u2028\u2029")


def printable(text: str, *, multiline: bool = False) -> str:
    """``text`` without the invisible control characters this module's docstring lists."""
    if text.isprintable():  # no Cc, Cf, Zl, Zp (nor other space than " "): most text, at once
        return text
    kept = []
    for char in text:
        if char.isprintable() or char in KEPT_FORMAT:
            kept.append(char)
        elif char in LINE_BREAKS or char in SEPARATORS:
            kept.append(("\n" if char in SEPARATORS else char) if multiline else " ")
        elif unicodedata.category(char) not in ("Cc", "Cf"):
            kept.append(char)  # a space other than " " (no-break, narrow, …), private use, unassigned
    return "".join(kept)


def install() -> None:
    """Make every ``forms.CharField`` — and so every form of the platform, the admin's and allauth's, and the rows
    of an import, which go through the app's own form — take its text through ``printable`` before it validates
    it (a name of only invisible characters is then empty, and "required" says so). Called once, at start-up
    (``JobroadConfig.ready``): one place, so that a form added later cannot forget it."""
    original = forms.CharField.to_python
    if getattr(original, "takes_printable_text", False):
        return

    @wraps(original)
    def to_python(field, value):
        if isinstance(value, str) and not isinstance(field.widget, forms.PasswordInput):
            value = printable(value, multiline=isinstance(field.widget, forms.Textarea))
        return original(field, value)

    to_python.takes_printable_text = True
    forms.CharField.to_python = to_python
