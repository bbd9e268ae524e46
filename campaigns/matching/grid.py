"""Every candidate-vacancy pair of a problem at once, as arrays: the fit (0-100) and whether the hard constraints
allow the pair, with the same rules as ``scoring`` (:func:`~.scoring.score`, :func:`~.scoring.exclusions`) but
without a reason object per pair. ``engine`` chooses proposals on these arrays and builds the reasons only for the
pairs it proposes.

Each criterion is a few array operations over the candidate x vacancy grid: memberships (occupation, sector,
language) are columns picked from a candidate x value table, competences and shifts are counted by a matrix
product of 0/1 tables, commute minutes are one matrix. Rows are candidates by id, columns vacancies by id.
"""

import math
from collections import Counter
from dataclasses import dataclass
from itertools import chain

import numpy as np

from .problem import Problem, Settings
from .scoring import LANGUAGE_AT_LEVEL, SAME_MINOR_GROUP, SAME_SUB_MAJOR_GROUP, WISHED_OCCUPATION, _rank

LIMIT = 2**31 - 1  # the most OR-Tools and the database take as a capacity or a count


@dataclass(frozen=True)
class Grid:
    candidate_ids: np.ndarray  # (C,) sorted
    vacancy_ids: np.ndarray  # (V,) sorted
    company: np.ndarray  # (V,) company id of each vacancy
    capacity: np.ndarray  # (V,)
    fit: np.ndarray  # (C, V) int64, 0-100
    allowed: np.ndarray  # (C, V) bool: no hard constraint, not forbidden
    pinned: np.ndarray  # (C, V) bool


def check_numbers(problem: Problem) -> None:
    """Raise ``ValueError`` naming the first number the engine cannot work with (a NaN rubric, a capacity or
    interview count beyond 2**31 - 1, a commute that is not a whole number)."""
    settings = problem.settings
    _whole("the interviews per candidate", settings.max_interviews, least=-LIMIT)
    _whole("the commute limit", settings.max_commute_minutes, least=-LIMIT)
    for name in ("occupation", "competences", "language", "rubric", "commute", "shifts", "wishes"):
        _whole(f"the weight of {name}", getattr(settings.weights, name), least=-LIMIT)
    for vacancy in problem.vacancies:
        _whole(f"vacancy {vacancy.id}: capacity", vacancy.capacity, least=-LIMIT)
    for candidate in problem.candidates:
        if candidate.rubric is not None and not _finite(candidate.rubric):
            raise ValueError(
                f"candidate {candidate.id}: the screening score is {candidate.rubric!r}, not a number from 1 to 5"
            )
    # commute minutes: checked on the whole array in _commute


def _finite(value) -> bool:
    try:
        return math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def _whole(label: str, value, least: int) -> None:
    if isinstance(value, float) and math.isnan(value):
        raise ValueError(f"{label} is not a number (NaN)")
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{label} must be a whole number, not {value!r}")
    if not least <= value <= LIMIT:
        raise ValueError(f"{label} is {value}; the engine takes at most {LIMIT:,}")


def build(problem: Problem) -> Grid:
    """The fit and the allowed pairs of every candidate x vacancy, equal to ``scoring.evaluate``'s."""
    check_numbers(problem)
    for kind, ids in (
        ("candidate", [c.id for c in problem.candidates]),
        ("vacancy", [v.id for v in problem.vacancies]),
    ):
        if twice := sorted(i for i, n in Counter(ids).items() if n > 1):
            raise ValueError(f"{kind} ids appear more than once: {twice}")
    candidates = sorted(problem.candidates, key=lambda c: c.id)
    vacancies = sorted(problem.vacancies, key=lambda v: v.id)
    settings = problem.settings
    c_ids = np.array([c.id for c in candidates], dtype=np.int64)
    v_ids = np.array([v.id for v in vacancies], dtype=np.int64)
    shape = (len(candidates), len(vacancies))
    if not all(shape):
        empty = np.zeros(shape, dtype=np.int64)
        return Grid(c_ids, v_ids, _ints(v.company_id for v in vacancies), _ints(v.capacity for v in vacancies),
                    empty, empty.astype(bool), empty.astype(bool))  # fmt: skip
    weights = settings.weights
    fit = np.zeros(shape, dtype=np.int64)
    allowed = np.ones(shape, dtype=bool)

    exact, occupation = _occupation(candidates, vacancies, weights.occupation)
    fit += occupation
    fit += _competences(candidates, vacancies, weights.competences)
    points, too_low = _language(candidates, vacancies, weights.language)
    fit += points
    allowed &= ~too_low
    fit += _ints(_rubric(c.rubric, weights.rubric) for c in candidates)[:, None]
    points, too_far = _commute(candidates, v_ids, settings)
    fit += points
    allowed &= ~too_far
    points, no_shift = _shifts(candidates, vacancies, weights.shifts)
    fit += points
    allowed &= ~no_shift
    fit += _wishes(candidates, vacancies, exact, weights.wishes)
    np.clip(fit, 0, 100, out=fit)

    blocked = np.array([c.legal_access is not True or not c.consent_to_share or not c.selected for c in candidates])
    allowed &= ~blocked[:, None]
    licence = np.array([c.has_driving_licence for c in candidates])
    allowed &= ~(np.array([v.driving_licence_required for v in vacancies])[None, :] & ~licence[:, None])
    rows = {cid: i for i, cid in enumerate(c_ids.tolist())}
    columns = {vid: j for j, vid in enumerate(v_ids.tolist())}
    for cid, vid in problem.forbidden:
        if cid in rows and vid in columns:
            allowed[rows[cid], columns[vid]] = False
    pinned = np.zeros(shape, dtype=bool)
    for cid, vid in problem.pinned:
        if cid in rows and vid in columns:
            pinned[rows[cid], columns[vid]] = True
    company = _ints(v.company_id for v in vacancies)
    return Grid(c_ids, v_ids, company, _ints(v.capacity for v in vacancies), fit, allowed, pinned & allowed)


def _ints(values) -> np.ndarray:
    return np.fromiter(values, dtype=np.int64)


def _share(weight: int, part: np.ndarray, whole: np.ndarray) -> np.ndarray:
    """``scoring._share`` on arrays: round(weight * part / whole), halves up; 0 where whole is 0."""
    safe = np.where(whole > 0, whole, 1)
    return np.where(whole > 0, (2 * weight * part + safe) // (2 * safe), 0)


def _table(rows: list, values: list, has) -> np.ndarray:
    """A 0/1 table: rows x values, 1 where ``has(row)`` contains the value."""
    index = {value: j for j, value in enumerate(values)}
    table = np.zeros((len(rows), max(len(values), 1)), dtype=np.int64)  # integers: no BLAS threads spinning
    for i, row in enumerate(rows):
        for value in has(row):
            if (j := index.get(value)) is not None:
                table[i, j] = 1
    return table


def _columns(values: list, universe: list) -> np.ndarray:
    index = {value: j for j, value in enumerate(universe)}
    return np.array([index.get(value, len(universe)) for value in values], dtype=np.int64)


def _pick(table: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """table[:, columns], a column past the table's end giving 0."""
    padded = np.concatenate([table, np.zeros((table.shape[0], 1), dtype=table.dtype)], axis=1)
    return padded[:, columns]


def _occupation(candidates, vacancies, weight: int) -> tuple[np.ndarray, np.ndarray]:
    codes = [v.isco_code for v in vacancies]
    exact_values = sorted({code for code in codes if code})
    minor = sorted({code[:3] for code in codes if len(code) >= 4})
    sub_major = sorted({code[:2] for code in codes if len(code) >= 4})
    exact = _pick(_table(candidates, exact_values, lambda c: c.occupations), _columns(codes, exact_values)) > 0
    long = np.array([len(code) >= 4 for code in codes])
    same_minor = _pick(
        _table(candidates, minor, lambda c: {o[:3] for o in c.occupations}), _columns([c[:3] for c in codes], minor)
    )
    same_sub = _pick(
        _table(candidates, sub_major, lambda c: {o[:2] for o in c.occupations}),
        _columns([c[:2] for c in codes], sub_major),
    )
    points = np.where(
        exact,
        weight,
        np.where(
            (same_minor > 0) & long,
            (2 * weight * SAME_MINOR_GROUP + 100) // 200,
            np.where((same_sub > 0) & long, (2 * weight * SAME_SUB_MAJOR_GROUP + 100) // 200, 0),
        ),
    )
    return exact, points


def _competences(candidates, vacancies, weight: int) -> np.ndarray:
    universe = sorted({k for v in vacancies for k in v.required_competences | v.nice_competences})
    has = _table(candidates, universe, lambda c: c.competences)
    required = _table(vacancies, universe, lambda v: v.required_competences).T
    nice = _table(vacancies, universe, lambda v: v.nice_competences).T
    matched = has @ required
    nice_matched = has @ nice
    n_required = _ints(len(v.required_competences) for v in vacancies)
    n_nice = _ints(len(v.nice_competences) for v in vacancies)
    whole = 2 * n_required + n_nice
    points = _share(weight, 2 * matched + nice_matched, np.broadcast_to(whole, matched.shape))
    return np.where(whole == 0, weight, points)


def _levels(candidate) -> dict[str, int]:
    levels: dict[str, int] = {}
    for language, level in candidate.languages:
        if (rank := _rank(level)) is not None:
            levels[language.lower()] = max(rank, levels.get(language.lower(), rank))
    return levels


def _language(candidates, vacancies, weight: int) -> tuple[np.ndarray, np.ndarray]:
    """Points, and the pairs excluded for a required level the candidate does not reach."""
    asked = [v.language.lower() for v in vacancies]
    universe = sorted({language for language in asked if language})
    table = np.full((len(candidates), len(universe) + 1), -1, dtype=np.int64)
    for i, candidate in enumerate(candidates):
        for language, rank in _levels(candidate).items():
            if language in universe:
                table[i, universe.index(language)] = rank
    has = table[:, _columns(asked, universe)]
    needs = _ints(-1 if (rank := _rank(v.language_level)) is None else rank for v in vacancies)
    none_asked = np.array([not language for language in asked])
    points = np.where(
        has < 0,
        0,
        np.where(
            (needs < 0) | (has > needs),
            weight,
            np.where(has == needs, (2 * weight * LANGUAGE_AT_LEVEL + 100) // 200, 0),
        ),
    )
    points = np.where(none_asked, weight, points)
    return points, ~none_asked & (needs >= 0) & (has < needs)


def _rubric(rubric: float | None, weight: int) -> int:
    if rubric is None:
        return 0
    value = min(max(rubric, 1.0), 5.0)
    return int(weight * (value - 1) / 4 + 0.5)


def _commute(candidates, v_ids: np.ndarray, settings: Settings) -> tuple[np.ndarray, np.ndarray]:
    """Points, and the pairs excluded for a known commute over the limit."""
    limit, weight = settings.max_commute_minutes, settings.weights.commute
    minutes = np.zeros((len(candidates), len(v_ids)), dtype=np.int64)
    known = np.zeros(minutes.shape, dtype=bool)
    lengths = _ints(len(c.commute_minutes) for c in candidates)
    if lengths.sum():
        rows = np.repeat(np.arange(len(candidates)), lengths)
        flat = _commute_table(candidates, rows, int(lengths.sum()))
        position = np.searchsorted(v_ids, flat[:, 0])
        found = (position < len(v_ids)) & (v_ids[np.minimum(position, len(v_ids) - 1)] == flat[:, 0])
        # a vacancy listed twice for one candidate: the last entry wins, as in a dict
        minutes[rows[found], position[found]] = flat[found, 1]
        known[rows[found], position[found]] = True
    over = known & (minutes > limit)
    if limit > 0:
        points = _share(weight, limit - np.maximum(minutes, 0), np.full(minutes.shape, limit))
    else:
        points = np.full(minutes.shape, weight)
    return np.where(known & ~over, points, 0), over


def _commute_table(candidates, rows: np.ndarray, count: int) -> np.ndarray:
    """(vacancy id, minutes) of every candidate's commutes, one row each; a clear error for a minute count that is
    not a whole number up to 2**31 - 1."""
    try:
        pairs = chain.from_iterable(chain.from_iterable(c.commute_minutes for c in candidates))
        flat = np.fromiter(pairs, dtype=np.float64, count=2 * count).reshape(-1, 2)
    except (TypeError, ValueError) as error:
        raise ValueError(f"commute minutes must be whole numbers ({error})") from None
    bad = ~np.isfinite(flat[:, 1]) | (flat[:, 1] != np.round(flat[:, 1])) | (np.abs(flat[:, 1]) > LIMIT)
    if bad.any():
        first = int(np.argmax(bad))
        label = f"candidate {candidates[rows[first]].id}: commute to vacancy {int(flat[first, 0])}"
        minutes = flat[first, 1]
        if np.isnan(minutes):
            raise ValueError(f"{label} is not a number (NaN)")
        raise ValueError(f"{label} is {minutes:g}; it must be a whole number of minutes up to {LIMIT:,}")
    return flat.astype(np.int64)


def _shifts(candidates, vacancies, weight: int) -> tuple[np.ndarray, np.ndarray]:
    """Points, and the pairs excluded because both list shifts and none is shared."""
    universe = sorted({s for v in vacancies for s in v.shifts})
    matched = _table(candidates, universe, lambda c: c.shifts) @ _table(vacancies, universe, lambda v: v.shifts).T
    total = _ints(len(v.shifts) for v in vacancies)[None, :]
    stated = np.array([bool(c.shifts) for c in candidates])[:, None]
    total_full = np.broadcast_to(total, matched.shape)
    points = np.where(
        total == 0,
        weight,
        np.where(~stated, 0, np.where(matched == total, weight, _share(weight, matched, total_full))),
    )
    return points, (total > 0) & stated & (matched == 0)


def _wishes(candidates, vacancies, exact: np.ndarray, weight: int) -> np.ndarray:
    sectors = [v.sector for v in vacancies]
    universe = sorted({s for s in sectors if s})
    wished = _pick(_table(candidates, universe, lambda c: c.desired_sectors), _columns(sectors, universe)) > 0
    return np.where(wished, weight, np.where(exact, (2 * weight * WISHED_OCCUPATION + 100) // 200, 0))
