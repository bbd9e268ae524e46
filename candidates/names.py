"""Is this the same name in another spelling? Mohammed, Muhammad, Mohamed and محمد are one name written by
different clerks; the duplicate check should notice, and flag — never block — a registration that may be a person
registered already.

Pure: no Django, no database. Three steps:

1. ``transliterate``: Arabic and Cyrillic letters to Latin with a small table of our own (short vowels are not
   written in Arabic, so محمد becomes "mhmd"); no model, no data download.
2. ``name_forms``: each name part as a *skeleton* (its consonants, the doubled ones once, a leading vowel or
   ʿayn as "a", prefixes like al-/el- dropped and abd-/abdel-/abdul- joined to what follows) and as a *vowelled*
   form (vowels kept, each run of them as one class letter), so "Mohammed" is ``mhmd`` / ``muhamad``.
3. ``similarity``: rapidfuzz on both forms, the name parts in any order. When either spelling came from Arabic
   script only the skeletons can be compared (there are no vowels to compare).

``initials`` and ``skeleton_key`` are what the database stores to block the search: only candidates with a name
part starting with the same letter (and the same birth year, when it is known) are compared at all.
"""

import re
import unicodedata
from dataclasses import dataclass
from itertools import permutations

from rapidfuzz import fuzz

# Arabic (and the Persian/Urdu letters refugees' names are often written in) to Latin, as a clerk would hear it.
# Short-vowel marks (harakat) are dropped: a name written in Arabic carries only its long vowels.
ARABIC = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ء": "", "ؤ": "u", "ئ": "i", "ى": "a", "ة": "a",
    "ب": "b", "پ": "p", "ت": "t", "ث": "th", "ج": "j", "چ": "ch", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "ژ": "zh", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "a",
    "غ": "gh", "ف": "f", "ق": "q", "ک": "k", "ك": "k", "گ": "g", "ل": "l", "م": "m", "ن": "n", "ه": "h",
    "ھ": "h", "و": "u", "ي": "i", "ی": "i", "ۀ": "a", "ـ": "",
}  # fmt: skip
# Ukrainian and Russian Cyrillic, roughly as the Ukrainian national transliteration writes it.
CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ё": "io", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia", "'": "", "ʼ": "",
}  # fmt: skip
SCRIPTS = str.maketrans({**ARABIC, **CYRILLIC})
ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")
HARAKAT = re.compile(r"[\u064b-\u065f\u0670]")

# Spelling pairs that sound alike in these names; longest first. "ou" is a vowel (Youssef), "ph" an f (Joseph).
SOUNDS = (
    ("shch", "sh"), ("dh", "d"), ("th", "t"), ("ph", "f"), ("ck", "k"), ("kh", "h"), ("gh", "g"), ("ch", "sh"),
    ("sch", "sh"), ("dj", "j"), ("q", "k"), ("c", "k"), ("x", "ks"), ("w", "u"), ("ee", "i"), ("oo", "u"),
    ("ou", "u"),
)  # fmt: skip
VOWELS = "aeiouy"
VOWEL_CLASS = {"a": "a", "e": "a", "i": "i", "y": "i", "o": "u", "u": "u"}
PARTICLES = {"al", "el", "ul", "al-", "bin", "ben", "ibn", "bint", "abu", "abou", "de", "van", "der"}
ABD = re.compile(r"^(abdel|abdal|abdul|abdoul|abdol|abd)")


def transliterate(text: str) -> str:
    """Arabic and Cyrillic letters as Latin ones; Latin text, lower-cased and without accents, as it is."""
    text = HARAKAT.sub("", unicodedata.normalize("NFC", text)).replace("\u200c", "").replace("\u200d", "")
    text = text.casefold().translate(SCRIPTS)
    text = unicodedata.normalize("NFKD", text)
    return "".join(char for char in text if not unicodedata.combining(char))


def name_parts(text: str) -> list[str]:
    """The parts of a name that identify it: "al-" and "el-" dropped, "Abdel Rahman" as one part "abdrahman"
    like "Abdulrahman", particles (bin, abu, van) left out."""
    words = re.findall(r"[a-z0-9]+", transliterate(text).replace("-", " - "))
    parts: list[str] = []
    for word in words:
        if word in PARTICLES or word == "-":
            continue
        word = ABD.sub("abd", word)
        if parts and parts[-1] == "abd":  # Abd al-Rahman, Abdel Rahman → abdrahman
            parts[-1] += strip_article(word)
            continue
        parts.append(word)
    return [part if part.startswith("abd") else strip_article(part) for part in parts]


def strip_article(part: str) -> str:
    """The Arabic article glued to a name (Alhassan, Elhassan, الحسن → "hassan"); kept when what remains is too
    short to be a name (Ali, Elie, Alan)."""
    for article in ("al", "el", "ul"):
        rest = part[len(article) :]
        if part.startswith(article) and len(rest) >= 4 and rest[0] not in VOWELS:
            return rest
    return part


def sounds(part: str) -> str:
    for spelling, sound in SOUNDS:
        part = part.replace(spelling, sound)
    return part


def skeleton(part: str) -> str:
    """The consonants of a name part, each doubled one once; a leading vowel is "a" ("Omar", "Umar", "عمر" → "amr")."""
    part = sounds(part)
    if not part:
        return ""
    head = "a" if part[0] in VOWELS else part[0]
    rest = "".join(char for char in part[1:] if char not in VOWELS)
    return collapse(head + rest)


def vowelled(part: str) -> str:
    """The name part with each run of vowels as one vowel class (a/e → a, i/y → i, o/u → u), doubled letters once."""
    part = sounds(part)
    out = re.sub(r"[aeiouy]+", lambda run: VOWEL_CLASS[run.group()[0]], part)
    return collapse(out)


def collapse(text: str) -> str:
    return re.sub(r"(.)\1+", r"\1", text)


@dataclass(frozen=True)
class NameForms:
    """One person's name as the comparison sees it."""

    skeletons: tuple[str, ...]
    vowelled: tuple[str, ...]
    arabic_script: bool

    @property
    def skeleton_key(self) -> str:
        return " ".join(sorted(self.skeletons))

    @property
    def initials(self) -> str:
        return "".join(sorted({part[0] for part in self.skeletons if part}))


def name_forms(first_name: str, last_name: str) -> NameForms:
    text = f"{first_name} {last_name}"
    parts = [part for part in name_parts(text) if part]
    return NameForms(
        skeletons=tuple(skeleton(part) for part in parts),
        vowelled=tuple(vowelled(part) for part in parts),
        arabic_script=bool(ARABIC_LETTER.search(text)),
    )


def similarity(a: NameForms, b: NameForms) -> float:
    """0 to 100: how alike two names are, their parts in any order. Every part of the shorter name must be like a
    different part of the other (a middle name one spelling lacks costs nothing), so a shared surname alone
    never makes two people alike; the score is that of the least alike pair."""
    if not a.skeletons or not b.skeletons:
        return 0.0
    if len(a.skeletons) > len(b.skeletons):
        a, b = b, a
    arabic = a.arabic_script or b.arabic_script
    count, others = min(len(a.skeletons), MAX_PARTS), range(min(len(b.skeletons), MAX_PARTS))
    scores = {(i, j): part_similarity(a, i, b, j, arabic=arabic) for i in range(count) for j in others}
    # The pairing whose least alike pair is most alike: a few parts, so trying every pairing is cheap.
    return max(min(scores[i, j] for i, j in enumerate(pairing)) for pairing in permutations(others, count))


MAX_PARTS = 5  # the first five parts of a name decide; 120 pairings at most
# Below this, the vowels of two Latin spellings differ too much to be one name: Mahmoud and Mohammed have the
# same consonants but not the same vowels (61.5), where Youssef and Yusuf differ by one vowel only (75).
VOWELS_ALIKE = 70.0


def part_similarity(a: NameForms, index: int, b: NameForms, other: int, *, arabic: bool) -> float:
    """Two name parts: their consonants, and — when both were written in Latin letters — their vowels too.
    Arabic script writes no short vowels, so محمد can be Mohammed or Mahmoud: only the consonants count there."""
    consonants = fuzz.ratio(a.skeletons[index], b.skeletons[other])
    if arabic:
        return consonants
    vowels = fuzz.ratio(a.vowelled[index], b.vowelled[other])
    return consonants if vowels >= VOWELS_ALIKE else min(consonants, vowels)


# A flag, never a block: high enough that different names with the same birth year stay apart (Ahmed Haddad,
# Omar Haddad), low enough that one letter more or less (Mohamed, Mohammad) still matches.
THRESHOLD_SAME_YEAR = 88.0
THRESHOLD_NO_YEAR = 95.0


def is_variant(a: NameForms, b: NameForms, *, same_year: bool | None) -> bool:
    """Whether ``b`` may be ``a`` in another spelling. ``same_year`` is None when either birth year is unknown;
    a different birth year is a different person."""
    if same_year is False:
        return False
    return similarity(a, b) >= (THRESHOLD_SAME_YEAR if same_year else THRESHOLD_NO_YEAR)
