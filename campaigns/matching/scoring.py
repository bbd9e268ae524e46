"""Scoring a candidate-vacancy pair: the hard constraints that exclude it and the fit (0-100) with its reasons.

**Hard constraints** exclude a pair; :func:`exclusions` lists every one that applies, in this order:
``no_legal_access`` (legal access on the project-week date is not known to be True), ``no_consent``,
``not_selected`` (screening decision), ``language_level`` (the vacancy asks a language at a CEFR level and the
candidate is below it or does not speak it), ``driving_licence``, ``commute`` (known and over the limit),
``shift`` (both sides list shifts and none is shared); :func:`evaluate` adds ``forbidden`` for a coordinator's
forbid.

**Fit** (0-100) is the sum of seven criteria, each worth its weight in :class:`Weights` (defaults sum to 100).
Every criterion gives one reason, sometimes two (one for, one against); a reason against carries 0 points.

==============  ======  ======================================================================================
criterion       points  full points … partial … none (reason codes, then their params)
==============  ======  ======================================================================================
occupation      25      the vacancy's ISCO-08 code among the candidate's (``occupation_match``: isco); same
                        3-digit minor group 60 % (``occupation_same_group``: isco, group); same 2-digit
                        sub-major group 30 % (``occupation_related``: isco, group); else ``no_occupation``
                        (isco); a vacancy without a code gives ``occupation_unknown``
competences     20      share of the vacancy's competences the candidate has, a required one counting double
                        (``competences``: matched, required, nice_matched, nice); missing required ones add
                        ``competences_missing`` (missing, required), no nice one at all ``competences_nice_missing``
                        (nice); a vacancy listing none gives full points (``competences_not_listed``)
language        15      above the required level (``language_above``: language, level, required); at it 80 %
                        (``language_at``); below (excluded) ``language_below``; a language without a level is
                        wished, not required: speaking it gives full points (``language_spoken``: language, level),
                        not speaking it ``language_missing`` (language); no language asked: full points
                        (``language_not_required``)
rubric          15      the screening mean, 1 → 0 and 5 → full, linear (``rubric``: score as "3.4"); at 1
                        ``rubric_low``; not scored ``rubric_not_scored``
commute         10      linear from 0 minutes (full) to the limit (0) (``commute``: minutes, limit); at the limit
                        ``commute_long``; unknown ``commute_unknown``
shifts          5       the candidate can work all the vacancy's shifts (``shift_fit``: matched, total), some of
                        them pro rata (``shift_partial``), none (excluded) ``shift_none``; a vacancy without
                        shifts gives full points (``shift_any``); a candidate who gave none ``shifts_unknown``
wishes          10      the company's sector is one the candidate wishes (``wish_sector``: sector); else the exact
                        occupation is the candidate's, half (``wish_occupation``: isco); else ``no_wish``, or
                        ``wishes_unknown`` when the candidate stated no wish
==============  ======  ======================================================================================
"""

from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from .problem import CandidateIn, Exclusion, Pair, Problem, Reason, Settings, VacancyIn

CEFR = ("A1", "A2", "B1", "B2", "C1", "C2")


# The params each reason code carries, for whoever writes its sentence.
REASONS: dict[str, tuple[str, ...]] = {
    "occupation_match": ("isco",),
    "occupation_same_group": ("isco", "group"),
    "occupation_related": ("isco", "group"),
    "no_occupation": ("isco",),
    "occupation_unknown": (),
    "competences": ("matched", "required", "nice_matched", "nice"),
    "competences_missing": ("missing", "required"),
    "competences_nice_missing": ("nice",),
    "competences_not_listed": (),
    "language_above": ("language", "level", "required"),
    "language_at": ("language", "level", "required"),
    "language_below": ("language", "level", "required"),
    "language_spoken": ("language", "level"),
    "language_missing": ("language",),
    "language_not_required": (),
    "rubric": ("score",),
    "rubric_low": ("score",),
    "rubric_not_scored": (),
    "commute": ("minutes", "limit"),
    "commute_long": ("minutes", "limit"),
    "commute_unknown": (),
    "shift_fit": ("matched", "total"),
    "shift_partial": ("matched", "total"),
    "shift_none": (),
    "shift_any": (),
    "shifts_unknown": (),
    "wish_sector": ("sector",),
    "wish_occupation": ("isco",),
    "no_wish": (),
    "wishes_unknown": (),
}

# Partial credit, in percent of a criterion's weight.
SAME_MINOR_GROUP = 60
SAME_SUB_MAJOR_GROUP = 30
LANGUAGE_AT_LEVEL = 80
WISHED_OCCUPATION = 50

# Plain English for Solution.problems (the UI translates constraint codes itself, see campaigns.matching.text).
EXCLUSION_TEXT = {
    "no_legal_access": "no legal access to work on the project-week date",
    "no_consent": "no consent to share the profile",
    "not_selected": "not selected in screening",
    "language_level": "the required language level is missing",
    "driving_licence": "no driving licence",
    "commute": "the commute is too long",
    "shift": "cannot work the vacancy's shifts",
    "forbidden": "the pair is also forbidden",
}
CONSTRAINTS = tuple(EXCLUSION_TEXT)  # the order exclusions are listed in


class _Profile(NamedTuple):
    """A candidate's fields in the shapes scoring looks them up in, built once per candidate (a named tuple: made
    once per candidate a solution proposes, it is cheaper than a frozen dataclass)."""

    candidate: CandidateIn
    levels: dict[str, int]  # language → best CEFR rank
    commute: dict[int, int]  # vacancy id → minutes
    groups: dict[str, str]  # 3- and 2-digit ISCO prefix → the candidate's lowest code in that group
    blocked: tuple[str, ...]  # the constraints that exclude the candidate from every vacancy


@lru_cache(maxsize=256)
def _rank(level: str) -> int | None:
    level = level.strip().upper()
    return CEFR.index(level) if level in CEFR else None


def _profile(candidate: CandidateIn) -> _Profile:
    levels: dict[str, int] = {}
    for language, level in candidate.languages:
        if (rank := _rank(level)) is not None and rank > levels.get(language := language.lower(), -1):
            levels[language] = rank
    blocked = ()
    if candidate.legal_access is not True:
        blocked += ("no_legal_access",)
    if not candidate.consent_to_share:
        blocked += ("no_consent",)
    if not candidate.selected:
        blocked += ("not_selected",)
    groups: dict[str, str] = {}
    for code in sorted(candidate.occupations, reverse=True):  # the lowest code wins, whatever the set's order
        groups[code[:3]] = groups[code[:2]] = code
    return _Profile(candidate, levels, dict(candidate.commute_minutes), groups, blocked)


@lru_cache(maxsize=8192)
def _reason(code: str, points: int, positive: bool, params: tuple = ()) -> Reason:
    """Reasons are immutable and repeat across pairs: shared, there are far fewer objects to make and collect."""
    return Reason(code, points, positive, params)


def _share(weight: int, part: int, whole: int) -> int:
    """round(weight * part / whole), halves up, in integers (no float surprises at .5)."""
    return (2 * weight * part + whole) // (2 * whole)


def _occupation(profile: _Profile, vacancy: VacancyIn, weight: int) -> tuple[Reason, ...]:
    code = vacancy.isco_code
    if not code:
        return (_reason("occupation_unknown", 0, False),)
    if code in profile.candidate.occupations:
        return (_reason("occupation_match", weight, True, (("isco", code),)),)
    for group, percent, reason in (
        (code[:3], SAME_MINOR_GROUP, "occupation_same_group"),
        (code[:2], SAME_SUB_MAJOR_GROUP, "occupation_related"),
    ):
        if len(code) >= 4 and group in profile.groups:
            params = (("isco", profile.groups[group]), ("group", group))
            return (_reason(reason, _share(weight, percent, 100), True, params),)
    return (_reason("no_occupation", 0, False, (("isco", code),)),)


def _competences(candidate: CandidateIn, vacancy: VacancyIn, weight: int) -> tuple[Reason, ...]:
    required, nice = vacancy.required_competences, vacancy.nice_competences
    if not required and not nice:
        return (_reason("competences_not_listed", weight, True),)
    matched = len(required & candidate.competences)
    nice_matched = len(nice & candidate.competences)
    reasons = []
    if matched or nice_matched:
        points = _share(weight, 2 * matched + nice_matched, 2 * len(required) + len(nice))
        params = (
            ("matched", matched),
            ("required", len(required)),
            ("nice_matched", nice_matched),
            ("nice", len(nice)),
        )
        reasons.append(_reason("competences", points, True, params))
    if matched < len(required):
        reasons.append(
            _reason(
                "competences_missing", 0, False, (("missing", len(required) - matched), ("required", len(required)))
            )
        )
    elif not reasons:
        reasons.append(_reason("competences_nice_missing", 0, False, (("nice", len(nice)),)))
    return tuple(reasons)


def _language(profile: _Profile, vacancy: VacancyIn, weight: int) -> tuple[Reason, ...]:
    language = vacancy.language.lower()
    if not language:
        return (_reason("language_not_required", weight, True),)
    has, needs = profile.levels.get(language), _rank(vacancy.language_level)
    if has is None:
        return (_reason("language_missing", 0, False, (("language", language),)),)
    if needs is None:
        return (_reason("language_spoken", weight, True, (("language", language), ("level", CEFR[has]))),)
    params = (("language", language), ("level", CEFR[has]), ("required", CEFR[needs]))
    if has > needs:
        return (_reason("language_above", weight, True, params),)
    if has == needs:
        return (_reason("language_at", _share(weight, LANGUAGE_AT_LEVEL, 100), True, params),)
    return (_reason("language_below", 0, False, params),)


def _rubric(candidate: CandidateIn, weight: int) -> tuple[Reason, ...]:
    if candidate.rubric is None:
        return (_reason("rubric_not_scored", 0, False),)
    value = min(max(candidate.rubric, 1.0), 5.0)
    points = int(weight * (value - 1) / 4 + 0.5)
    params = (("score", f"{candidate.rubric:.1f}"),)
    return (_reason("rubric", points, True, params) if points else _reason("rubric_low", 0, False, params),)


def _commute(profile: _Profile, vacancy: VacancyIn, limit: int, weight: int) -> tuple[Reason, ...]:
    minutes = profile.commute.get(vacancy.id)
    if minutes is None:
        return (_reason("commute_unknown", 0, False),)
    params = (("minutes", minutes), ("limit", limit))
    if minutes > limit:  # excluded anyway
        return (_reason("commute_long", 0, False, params),)
    points = _share(weight, limit - max(minutes, 0), limit) if limit > 0 else weight
    return (_reason("commute", points, True, params) if points else _reason("commute_long", 0, False, params),)


def _shifts(candidate: CandidateIn, vacancy: VacancyIn, weight: int) -> tuple[Reason, ...]:
    if not vacancy.shifts:
        return (_reason("shift_any", weight, True),)
    if not candidate.shifts:
        return (_reason("shifts_unknown", 0, False),)
    matched, total = len(vacancy.shifts & candidate.shifts), len(vacancy.shifts)
    params = (("matched", matched), ("total", total))
    if matched == total:
        return (_reason("shift_fit", weight, True, params),)
    if matched:
        return (_reason("shift_partial", _share(weight, matched, total), True, params),)
    return (_reason("shift_none", 0, False),)


def _wishes(candidate: CandidateIn, vacancy: VacancyIn, weight: int) -> tuple[Reason, ...]:
    if vacancy.sector and vacancy.sector in candidate.desired_sectors:
        return (_reason("wish_sector", weight, True, (("sector", vacancy.sector),)),)
    if vacancy.isco_code and vacancy.isco_code in candidate.occupations:
        return (
            _reason("wish_occupation", _share(weight, WISHED_OCCUPATION, 100), True, (("isco", vacancy.isco_code),)),
        )
    if not candidate.desired_sectors and not candidate.occupations:
        return (_reason("wishes_unknown", 0, False),)
    return (_reason("no_wish", 0, False),)


def _score(profile: _Profile, vacancy: VacancyIn, settings: Settings) -> Pair:
    candidate, weights = profile.candidate, settings.weights
    reasons = (
        *_occupation(profile, vacancy, weights.occupation),
        *_competences(candidate, vacancy, weights.competences),
        *_language(profile, vacancy, weights.language),
        *_rubric(candidate, weights.rubric),
        *_commute(profile, vacancy, settings.max_commute_minutes, weights.commute),
        *_shifts(candidate, vacancy, weights.shifts),
        *_wishes(candidate, vacancy, weights.wishes),
    )
    fit = sum([reason.points for reason in reasons])
    return Pair(candidate.id, vacancy.id, min(max(fit, 0), 100), reasons)


def _exclusions(profile: _Profile, vacancy: VacancyIn, settings: Settings) -> tuple[str, ...]:
    candidate, codes = profile.candidate, list(profile.blocked)
    needs = _rank(vacancy.language_level)
    if vacancy.language and needs is not None and profile.levels.get(vacancy.language.lower(), -1) < needs:
        codes.append("language_level")
    if vacancy.driving_licence_required and not candidate.has_driving_licence:
        codes.append("driving_licence")
    minutes = profile.commute.get(vacancy.id)
    if minutes is not None and minutes > settings.max_commute_minutes:
        codes.append("commute")
    if vacancy.shifts and candidate.shifts and vacancy.shifts.isdisjoint(candidate.shifts):
        codes.append("shift")
    return tuple(codes)


DEFAULT_SETTINGS = Settings()  # what score() and exclusions() use when not given any


def score(candidate: CandidateIn, vacancy: VacancyIn, settings: Settings = DEFAULT_SETTINGS) -> Pair:
    """The pair's fit (0-100) with the reasons for and against; meaningful for excluded pairs too."""
    return _score(_profile(candidate), vacancy, settings)


def score_pairs(
    candidates: dict[int, CandidateIn], vacancies: dict[int, VacancyIn], keys, settings: Settings
) -> tuple[Pair, ...]:
    """:func:`score` for each (candidate id, vacancy id) of ``keys``, each candidate's profile built once."""
    profiles: dict[int, _Profile] = {}
    pairs = []
    for cid, vid in keys:
        if cid not in profiles:
            profiles[cid] = _profile(candidates[cid])
        pairs.append(_score(profiles[cid], vacancies[vid], settings))
    return tuple(pairs)


def exclusions(candidate: CandidateIn, vacancy: VacancyIn, settings: Settings = DEFAULT_SETTINGS) -> tuple[str, ...]:
    """The hard constraints that exclude the pair, in the order of CONSTRAINTS; () when it is allowed."""
    return _exclusions(_profile(candidate), vacancy, settings)


def evaluate(problem: Problem) -> tuple[dict[tuple[int, int], Pair], dict[tuple[int, int], Exclusion]]:
    """Every candidate-vacancy pair, either allowed and scored or excluded with all its reasons; both dicts are
    keyed (candidate id, vacancy id) and ordered by that key."""
    _check_ids(problem)
    settings = problem.settings
    vacancies = sorted(problem.vacancies, key=lambda v: v.id)
    allowed: dict[tuple[int, int], Pair] = {}
    excluded: dict[tuple[int, int], Exclusion] = {}
    for candidate in sorted(problem.candidates, key=lambda c: c.id):
        profile = _profile(candidate)
        for vacancy in vacancies:
            key = (candidate.id, vacancy.id)
            codes = _exclusions(profile, vacancy, settings)
            if key in problem.forbidden:
                codes = (*codes, "forbidden")
            if codes:
                excluded[key] = Exclusion(*key, codes)
            else:
                allowed[key] = _score(profile, vacancy, settings)
    return allowed, excluded


def _check_ids(problem: Problem) -> None:
    for kind, ids in (
        ("candidate", [c.id for c in problem.candidates]),
        ("vacancy", [v.id for v in problem.vacancies]),
    ):
        twice = sorted(i for i, n in Counter(ids).items() if n > 1)
        if twice:
            raise ValueError(f"{kind} ids appear more than once: {twice}")
