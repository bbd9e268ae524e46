"""The matching engine: which candidates are proposed to which vacancies, and why.

Pure Python — no Django, plain frozen dataclasses in and out, deterministic: the same problem (in any order of its
candidates and vacancies) gives the same solution. ``campaigns.services`` is the only adapter to the database;
``campaigns.matching_text`` turns the codes below into sentences.

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

**Choosing proposals** (:func:`solve`) is a capacitated b-matching solved exactly as a min-cost flow: each vacancy
gets at most ``capacity`` candidates, each candidate at most ``max_interviews`` and at most one vacancy per
company. The objective is lexicographic: first honour as many pins as possible, then cover as many candidates as
possible (unless ``Settings.coverage_first`` is off), then the highest total fit. :func:`greedy` is the baseline
(best pair first); :func:`validate` checks any solution against the problem from scratch.
"""

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import count, groupby

from ortools.graph.python import min_cost_flow

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

# Plain English for Solution.problems (the UI translates constraint codes itself, see matching_text).
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


@dataclass(frozen=True, slots=True)
class CandidateIn:
    id: int
    occupations: frozenset[str] = frozenset()  # ISCO-08 codes (4 digits) the candidate did or wants to do
    competences: frozenset[int] = frozenset()
    languages: tuple[tuple[str, str], ...] = ()  # (language code, CEFR level)
    has_driving_licence: bool = False
    shifts: frozenset[str] = frozenset()  # empty = unknown, treated as any
    desired_sectors: frozenset[str] = frozenset()
    rubric: float | None = None  # mean screening score 1-5, None = not scored
    selected: bool = False
    consent_to_share: bool = False
    legal_access: bool | None = None  # on the project-week date; None = unknown, excluded
    commute_minutes: tuple[tuple[int, int], ...] = ()  # (vacancy id, minutes); missing = unknown


@dataclass(frozen=True, slots=True)
class VacancyIn:
    id: int
    company_id: int
    capacity: int  # k: at most this many candidates proposed
    isco_code: str = ""
    sector: str = ""
    required_competences: frozenset[int] = frozenset()
    nice_competences: frozenset[int] = frozenset()
    language: str = ""  # "" = no language asked
    language_level: str = ""  # "" with a language = wished, not required
    driving_licence_required: bool = False
    shifts: frozenset[str] = frozenset()  # empty = any


@dataclass(frozen=True, slots=True)
class Weights:
    occupation: int = 25
    competences: int = 20
    language: int = 15
    rubric: int = 15
    commute: int = 10
    shifts: int = 5
    wishes: int = 10


@dataclass(frozen=True, slots=True)
class Settings:
    max_interviews: int = 2  # m per candidate
    max_commute_minutes: int = 60
    weights: Weights = Weights()
    coverage_first: bool = True  # False: after the pins, only the total fit counts (to show what coverage costs)


@dataclass(frozen=True, slots=True)
class Reason:
    code: str  # a key of REASONS
    points: int  # 0 for a reason against
    positive: bool
    params: tuple[tuple[str, str | int], ...] = ()


@dataclass(frozen=True, slots=True)
class Pair:
    candidate_id: int
    vacancy_id: int
    fit: int
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class Exclusion:
    candidate_id: int
    vacancy_id: int
    constraints: tuple[str, ...]  # codes of CONSTRAINTS, in that order


@dataclass(frozen=True, slots=True)
class Problem:
    candidates: tuple[CandidateIn, ...]
    vacancies: tuple[VacancyIn, ...]
    settings: Settings = Settings()
    pinned: frozenset[tuple[int, int]] = frozenset()  # (candidate id, vacancy id) that must be proposed
    forbidden: frozenset[tuple[int, int]] = frozenset()  # that must not


@dataclass(frozen=True, slots=True)
class Solution:
    method: str  # "flow" or "greedy"
    proposals: tuple[Pair, ...]  # sorted by (candidate_id, vacancy_id)
    total_fit: int
    covered: frozenset[int]  # candidates with a proposal
    uncovered: tuple[int, ...]  # candidates with an allowed pair but no proposal, sorted
    problems: tuple[str, ...] = ()  # plain English, e.g. a pin that cannot be honoured


# --- Scoring -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Profile:
    """A candidate's fields in the shapes scoring looks them up in, built once per candidate."""

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
        rank = _rank(level)
        if rank is not None:
            levels[language.lower()] = max(rank, levels.get(language.lower(), rank))
    blocked = tuple(
        code
        for code, applies in (
            ("no_legal_access", candidate.legal_access is not True),
            ("no_consent", not candidate.consent_to_share),
            ("not_selected", not candidate.selected),
        )
        if applies
    )
    groups: dict[str, str] = {}
    for code in sorted(candidate.occupations, reverse=True):  # the lowest code wins, whatever the set's order
        groups.update({code[:3]: code, code[:2]: code})
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
    fit = min(max(sum(reason.points for reason in reasons), 0), 100)
    return Pair(candidate.id, vacancy.id, fit, reasons)


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


def score(candidate: CandidateIn, vacancy: VacancyIn, settings: Settings = Settings()) -> Pair:
    """The pair's fit (0-100) with the reasons for and against; meaningful for excluded pairs too."""
    return _score(_profile(candidate), vacancy, settings)


def exclusions(candidate: CandidateIn, vacancy: VacancyIn, settings: Settings = Settings()) -> tuple[str, ...]:
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


# --- Choosing proposals ------------------------------------------------------------------------------------------

SOURCE, SINK = 0, 1


def solve(problem: Problem) -> Solution:
    """The exact optimum: most pins honoured, then most candidates covered, then the highest total fit."""
    allowed, _excluded = evaluate(problem)
    return _solution(problem, "flow", allowed, _flow(problem, allowed))


def _flow(problem: Problem, allowed: dict[tuple[int, int], Pair]) -> list[tuple[int, int]]:
    """Min-cost flow: source → candidate → candidate x company → vacancy → sink, plus a free source → sink bypass
    so that sending nothing more is always possible. Costs are negated gains.

    Why the objective is lexicographic. Let H be the pins honoured, N the candidates covered, F the total fit of a
    feasible choice; the flow maximises gain = pin·H + cover·N + F. ``bound`` is the sum over candidates of their m
    best fits, so F ≤ bound for any choice (a candidate takes at most m pairs). With cover = bound + 1, a change of
    F can never outweigh one more candidate covered. With pin = cover·E + bound + 1 (E = candidates with a usable
    pair, so N ≤ E), cover·N + F ≤ cover·E + bound < pin: nothing can outweigh one more pin. With coverage_first
    off, cover = 0 and pin = bound + 1 > F still puts pins first. The network is acyclic and every unit of flow
    pays the cover bonus on its candidate's capacity-1 arc first (that arc is cheaper than the m-1 one), so the
    flow's optimum is exactly this objective's."""
    settings = problem.settings
    m = max(settings.max_interviews, 0)
    vacancies = {v.id: v for v in problem.vacancies}
    usable = [key for key in allowed if vacancies[key[1]].capacity > 0]
    if not m or not usable:
        return []
    by_candidate = {cid: list(keys) for cid, keys in groupby(usable, key=lambda key: key[0])}
    bound = sum(sum(sorted((allowed[key].fit for key in keys), reverse=True)[:m]) for keys in by_candidate.values())
    cover = bound + 1 if settings.coverage_first else 0
    pin = cover * len(by_candidate) + bound + 1

    arcs: list[tuple[int, int, int, int]] = []  # tail, head, capacity, unit cost
    node = count(2)
    vacancy_node = {}
    for vid in sorted({key[1] for key in usable}):
        vacancy_node[vid] = next(node)
        arcs.append((vacancy_node[vid], SINK, vacancies[vid].capacity, 0))
    pair_arc: dict[tuple[int, int], int] = {}
    supply = 0
    for keys in by_candidate.values():
        candidate_node = next(node)
        by_company = defaultdict(list)
        for key in keys:
            by_company[vacancies[key[1]].company_id].append(key)
        out = min(m, len(by_company))
        supply += out
        arcs.append((SOURCE, candidate_node, 1, -cover))
        arcs.append((SOURCE, candidate_node, out - 1, 0))
        for company in sorted(by_company):
            tail = candidate_node
            if len(by_company[company]) > 1:  # one vacancy per company: a capacity-1 node in between
                tail = next(node)
                arcs.append((candidate_node, tail, 1, 0))
            for key in by_company[company]:
                pair_arc[key] = len(arcs)
                arcs.append(
                    (tail, vacancy_node[key[1]], 1, -(allowed[key].fit + (pin if key in problem.pinned else 0)))
                )
    arcs.append((SOURCE, SINK, supply, 0))

    network = min_cost_flow.SimpleMinCostFlow()
    tails, heads, capacities, costs = (list(column) for column in zip(*arcs, strict=True))
    network.add_arcs_with_capacity_and_unit_cost(tails, heads, capacities, costs)
    network.set_node_supply(SOURCE, supply)
    network.set_node_supply(SINK, -supply)
    status = network.solve()
    if status != network.OPTIMAL:
        raise RuntimeError(f"min-cost flow ended with status {status}")
    flows = network.flows(list(pair_arc.values()))
    return [key for key, flow in zip(pair_arc, flows, strict=True) if flow > 0]


def greedy(problem: Problem) -> Solution:
    """The baseline: pinned pairs first, then the best fit first (ties by candidate id, then vacancy id), each taken
    when the limits still allow it."""
    allowed, _excluded = evaluate(problem)
    m = problem.settings.max_interviews
    vacancies = {v.id: v for v in problem.vacancies}
    per_candidate, per_vacancy, companies = Counter(), Counter(), set()
    chosen = []
    for pair in sorted(allowed.values(), key=lambda p: _greedy_order(problem, p)):
        cid, vacancy = pair.candidate_id, vacancies[pair.vacancy_id]
        if per_candidate[cid] >= m or per_vacancy[vacancy.id] >= vacancy.capacity:
            continue
        if (cid, vacancy.company_id) in companies:
            continue
        per_candidate[cid] += 1
        per_vacancy[vacancy.id] += 1
        companies.add((cid, vacancy.company_id))
        chosen.append((cid, vacancy.id))
    return _solution(problem, "greedy", allowed, chosen)


def _greedy_order(problem: Problem, pair: Pair) -> tuple[bool, int, int, int]:
    return ((pair.candidate_id, pair.vacancy_id) not in problem.pinned, -pair.fit, pair.candidate_id, pair.vacancy_id)


def _solution(problem: Problem, method: str, allowed: dict[tuple[int, int], Pair], chosen) -> Solution:
    proposals = tuple(allowed[key] for key in sorted(chosen))
    covered = frozenset(pair.candidate_id for pair in proposals)
    eligible = {cid for cid, _vid in allowed}
    return Solution(
        method=method,
        proposals=proposals,
        total_fit=sum(pair.fit for pair in proposals),
        covered=covered,
        uncovered=tuple(sorted(eligible - covered)),
        problems=pin_problems(problem, {(p.candidate_id, p.vacancy_id) for p in proposals}),
    )


def pin_problems(problem: Problem, proposed: set[tuple[int, int]]) -> tuple[str, ...]:
    """A plain-English note for every pin that is not among the proposed pairs, saying why."""
    candidates = {c.id: c for c in problem.candidates}
    vacancies = {v.id: v for v in problem.vacancies}
    honoured = sorted(key for key in problem.pinned if key in proposed)
    per_vacancy = Counter(vid for _cid, vid in honoured)
    per_candidate = Counter(cid for cid, _vid in honoured)
    at_company = {(cid, vacancies[vid].company_id): vid for cid, vid in honoured}
    notes = []
    for cid, vid in sorted(problem.pinned - proposed):
        head = f"Candidate {cid} is pinned to vacancy {vid}"
        if cid not in candidates:
            notes.append(f"{head}, but there is no such candidate in this matching.")
        elif vid not in vacancies:
            notes.append(f"{head}, but there is no such vacancy in this matching.")
        elif codes := exclusions(candidates[cid], vacancies[vid], problem.settings) + (
            ("forbidden",) if (cid, vid) in problem.forbidden else ()
        ):
            notes.append(f"{head}, but cannot be proposed there: {'; '.join(EXCLUSION_TEXT[c] for c in codes)}.")
        elif per_vacancy[vid] >= vacancies[vid].capacity:
            room = vacancies[vid].capacity
            notes.append(
                f"{head}, but the vacancy takes {room} candidate(s) and more are pinned to it."
                if room > 0
                else f"{head}, but the vacancy takes no candidates."
            )
        elif per_candidate[cid] >= problem.settings.max_interviews:
            notes.append(f"{head}, but has more pins than the {problem.settings.max_interviews} interview(s) allowed.")
        elif (cid, vacancies[vid].company_id) in at_company:
            other = at_company[(cid, vacancies[vid].company_id)]
            notes.append(
                f"{head}, but is also pinned to vacancy {other} of the same company (one vacancy per company)."
            )
        else:
            notes.append(f"{head}, but the pins conflict and not all of them could be honoured.")
    return tuple(notes)


# --- Checking a solution from scratch ----------------------------------------------------------------------------


def validate(problem: Problem, solution: Solution) -> list[str]:
    """Every violation found in ``solution``, recomputed from ``problem`` alone (empty = valid). Trusts none of the
    solution's derived fields: fits, total, covered and uncovered are recomputed and compared."""
    settings = problem.settings
    candidates = {c.id: c for c in problem.candidates}
    vacancies = {v.id: v for v in problem.vacancies}
    errors = []
    keys = [(pair.candidate_id, pair.vacancy_id) for pair in solution.proposals]
    if keys != sorted(keys):
        errors.append("proposals are not sorted by (candidate, vacancy)")
    proposed: set[tuple[int, int]] = set()
    total = 0
    for pair, key in zip(solution.proposals, keys, strict=True):
        if key in proposed:
            errors.append(f"pair {key} is proposed twice")
            continue
        proposed.add(key)
        candidate, vacancy = candidates.get(key[0]), vacancies.get(key[1])
        if candidate is None or vacancy is None:
            errors.append(f"pair {key} names an unknown candidate or vacancy")
            continue
        for code in exclusions(candidate, vacancy, settings):
            errors.append(f"pair {key} is excluded: {code}")
        if key in problem.forbidden:
            errors.append(f"pair {key} is forbidden")
        expected = score(candidate, vacancy, settings)
        if pair.fit != expected.fit:
            errors.append(f"pair {key} has fit {pair.fit}, score() gives {expected.fit}")
        elif pair != expected:
            errors.append(f"pair {key} has other reasons than score() gives")
        total += expected.fit
    errors += _limit_errors(problem, proposed)
    if solution.total_fit != total:
        errors.append(f"total fit is {solution.total_fit}, the proposals add up to {total}")
    errors += _coverage_errors(problem, solution, proposed)
    errors += _pin_errors(problem, solution, proposed)
    return errors


def _limit_errors(problem: Problem, proposed: set[tuple[int, int]]) -> list[str]:
    vacancies = {v.id: v for v in problem.vacancies}
    known = [(cid, vid) for cid, vid in proposed if vid in vacancies]
    errors = []
    for vid, n in sorted(Counter(vid for _cid, vid in known).items()):
        if n > vacancies[vid].capacity:
            errors.append(f"vacancy {vid} has {n} candidates, capacity {vacancies[vid].capacity}")
    for cid, n in sorted(Counter(cid for cid, _vid in known).items()):
        if n > problem.settings.max_interviews:
            errors.append(f"candidate {cid} has {n} interviews, at most {problem.settings.max_interviews}")
    for (cid, company), n in sorted(Counter((cid, vacancies[vid].company_id) for cid, vid in known).items()):
        if n > 1:
            errors.append(f"candidate {cid} has {n} vacancies at company {company}")
    return errors


def _coverage_errors(problem: Problem, solution: Solution, proposed: set[tuple[int, int]]) -> list[str]:
    covered = {cid for cid, _vid in proposed}
    eligible = {
        c.id
        for c in problem.candidates
        if any(
            not exclusions(c, v, problem.settings) and (c.id, v.id) not in problem.forbidden for v in problem.vacancies
        )
    }
    errors = []
    if set(solution.covered) != covered:
        errors.append(f"covered is {sorted(solution.covered)}, the proposals cover {sorted(covered)}")
    if tuple(solution.uncovered) != tuple(sorted(eligible - covered)):
        errors.append(f"uncovered is {list(solution.uncovered)}, should be {sorted(eligible - covered)}")
    return errors


def _pin_errors(problem: Problem, solution: Solution, proposed: set[tuple[int, int]]) -> list[str]:
    """A pin left out must be reported in problems, and left out for a reason: excluded, or the honoured pins
    already fill its vacancy, its candidate's interviews or its candidate's place at that company."""
    candidates = {c.id: c for c in problem.candidates}
    vacancies = {v.id: v for v in problem.vacancies}
    honoured = [key for key in problem.pinned if key in proposed and key[1] in vacancies]
    errors = []
    for cid, vid in sorted(problem.pinned - proposed):
        mentioned = re.compile(rf"\bcandidate {cid}\b.*\bvacancy {vid}\b", re.IGNORECASE | re.DOTALL)
        if not any(mentioned.search(note) for note in solution.problems):
            errors.append(f"pin ({cid}, {vid}) is not honoured and problems do not say so")
        if cid not in candidates or vid not in vacancies or (cid, vid) in problem.forbidden:
            continue
        if exclusions(candidates[cid], vacancies[vid], problem.settings):
            continue
        company = vacancies[vid].company_id
        full = sum(1 for _c, v in honoured if v == vid) >= vacancies[vid].capacity
        busy = sum(1 for c, _v in honoured if c == cid) >= problem.settings.max_interviews
        taken = any(c == cid and vacancies[v].company_id == company for c, v in honoured)
        if not (full or busy or taken):
            errors.append(f"pin ({cid}, {vid}) is not honoured though the other pins leave room for it")
    return errors
