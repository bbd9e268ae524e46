"""Every candidate-vacancy pair of a problem at once, as arrays: the fit (0-100) and whether the hard constraints
allow the pair, with the same rules as ``scoring`` (:func:`~.scoring.score`, :func:`~.scoring.exclusions`) but
without a reason object per pair. ``engine`` chooses proposals on these arrays and builds the reasons only for the
pairs it proposes.

Each criterion is a few array operations over the candidate x vacancy grid: memberships (occupation and its
groups, sector) are columns picked from one candidate x value table (``_People.has``, a column per value any
vacancy asks, ``_Asked``), competences and shifts are counted by a matrix product with that table, languages are
a candidate x language table of CEFR ranks, commute minutes are one matrix. The problem's dataclasses are read with
a few flat comprehensions, not a Python loop per pair or per criterion. Rows are candidates by id, columns
vacancies by id.
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
        if len(set(ids)) < len(ids) and (twice := sorted(i for i, n in Counter(ids).items() if n > 1)):
            raise ValueError(f"{kind} ids appear more than once: {twice}")
    candidates = sorted(problem.candidates, key=lambda c: c.id)
    vacancies = sorted(problem.vacancies, key=lambda v: v.id)
    c_ids = np.array([c.id for c in candidates], dtype=np.int64)
    v_ids = np.array([v.id for v in vacancies], dtype=np.int64)
    company = _ints(v.company_id for v in vacancies)
    capacity = _ints(v.capacity for v in vacancies)
    shape = (len(candidates), len(vacancies))
    if not all(shape):
        empty = np.zeros(shape, dtype=np.int64)
        return Grid(c_ids, v_ids, company, capacity, empty, empty.astype(bool), empty.astype(bool))
    settings, weights = problem.settings, problem.settings.weights
    asked = _Asked(vacancies)
    people = _People(candidates, asked, weights.rubric)

    exact = people.has[:, asked.exact] > 0
    fit = _occupation(people.has, asked, exact, weights.occupation)
    fit += _competences(people.has, asked, weights.competences)
    points, too_low = _language(people.ranks[:, asked.language], asked, weights.language)
    fit += points
    fit += people.rubric[:, None]
    points, too_far = _commute(candidates, v_ids, settings)
    fit += points
    points, no_shift = _shifts(people, asked, weights.shifts)
    fit += points
    wished = people.has[:, asked.sector] > 0
    fit += np.where(wished, weights.wishes, np.where(exact, (2 * weights.wishes * WISHED_OCCUPATION + 100) // 200, 0))
    np.clip(fit, 0, 100, out=fit)

    allowed = ~(too_low | too_far | no_shift | people.blocked[:, None])
    allowed &= ~(asked.licence[None, :] & ~people.licence[:, None])
    pinned = np.zeros(shape, dtype=bool)
    if problem.forbidden or problem.pinned:
        rows = {cid: i for i, cid in enumerate(c_ids.tolist())}
        columns = {vid: j for j, vid in enumerate(v_ids.tolist())}
        for cid, vid in problem.forbidden:
            if cid in rows and vid in columns:
                allowed[rows[cid], columns[vid]] = False
        for cid, vid in problem.pinned:
            if cid in rows and vid in columns:
                pinned[rows[cid], columns[vid]] = True
    return Grid(c_ids, v_ids, company, capacity, fit, allowed, pinned & allowed)


def _ints(values) -> np.ndarray:
    return np.fromiter(values, dtype=np.int64)


def _share(weight: int, part: np.ndarray, whole: np.ndarray) -> np.ndarray:
    """``scoring._share`` on arrays: round(weight * part / whole), halves up; 0 where whole is 0."""
    safe = np.where(whole > 0, whole, 1)
    return np.where(whole > 0, (2 * weight * part + safe) // (2 * safe), 0)


class _Asked:
    """What the vacancies ask: each value asked (an occupation, its 3- and 2-digit groups, a competence, a shift, a
    sector) is a column of the candidates' 0/1 table ``_People.has``; the last column is always 0, for a vacancy
    that asks nothing of a kind. Each attribute is read with one comprehension over the vacancies."""

    def __init__(self, vacancies) -> None:
        codes = [v.isco_code for v in vacancies]
        required = [v.required_competences for v in vacancies]
        nice = [v.nice_competences for v in vacancies]
        shifts = [v.shifts for v in vacancies]
        sectors = [v.sector for v in vacancies]
        long = [code for code in codes if len(code) >= 4]
        kinds = (
            [code for code in codes if code],
            [code[:3] for code in long],
            [code[:2] for code in long],
            [value for values in required + nice for value in values],
            [value for values in shifts for value in values],
            [sector for sector in sectors if sector],
        )
        start, columns = 0, []
        for values in kinds:  # one column range per kind, the values in the order first asked
            columns.append({value: start + j for j, value in enumerate(dict.fromkeys(values))})
            start += len(columns[-1])
        exact, minor, sub_major, competence, shift, sector = columns
        self.columns, zero = start + 1, start
        self.occupations, self.competence_of, self.shift_of, self.sector_of = columns[:3], competence, shift, sector
        self.exact = _ints([exact[code] if code else zero for code in codes])
        self.minor = _ints([minor[code[:3]] if len(code) >= 4 else zero for code in codes])
        self.sub_major = _ints([sub_major[code[:2]] if len(code) >= 4 else zero for code in codes])
        self.sector = _ints([sector[s] if s else zero for s in sectors])
        first = len(exact) + len(minor) + len(sub_major)
        self.competence_block = slice(first, first + len(competence))
        self.competences = _counts(competence, first, (required, 2), (nice, 1))  # a required one counts double
        self.competence_whole = 2 * _ints([len(r) for r in required]) + _ints([len(n) for n in nice])
        self.shift_block = slice(first + len(competence), first + len(competence) + len(shift))
        self.shifts = _counts(shift, first + len(competence), (shifts, 1))
        self.shift_total = _ints([len(s) for s in shifts])
        languages = [v.language.lower() for v in vacancies]
        self.language_of = {language: j for j, language in enumerate(sorted({a for a in languages if a}))}
        self.language = _ints([self.language_of.get(a, len(self.language_of)) for a in languages])
        self.needs = _ints([-1 if (rank := _rank(v.language_level)) is None else rank for v in vacancies])
        self.none_asked = np.array([not a for a in languages], dtype=bool)
        self.licence = np.array([v.driving_licence_required for v in vacancies], dtype=bool)


def _counts(columns: dict, first: int, *weighted) -> np.ndarray:
    """A values x vacancies table: for each (list of sets per vacancy, weight), the weight where the set holds the
    value (``columns`` numbers the values from ``first``)."""
    vacancies = len(weighted[0][0])
    table = np.zeros(len(columns) * vacancies, dtype=np.int64)
    for sets, weight in weighted:
        cells = [(columns[value] - first) * vacancies + j for j, values in enumerate(sets) for value in values]
        if cells:
            table += weight * np.bincount(cells, minlength=len(table))
    return table.reshape(len(columns), vacancies)


class _People:
    """What the candidates bring: ``has`` (candidates x ``_Asked`` columns, 1 where the candidate has the value),
    ``ranks`` (the best CEFR rank in each language asked, -1 for none), the rubric points, who is blocked from every
    vacancy, who has a driving licence and who stated shifts. Each attribute is read with flat comprehensions over
    all candidates at once (few Python frames), then placed with one array assignment."""

    def __init__(self, candidates, asked: _Asked, rubric_weight: int) -> None:
        exact, minor, sub_major = asked.occupations
        width, zero, count = asked.columns, asked.columns - 1, len(candidates)
        sets = [
            (exact, [c.occupations for c in candidates], None),
            (minor, None, 3),
            (sub_major, None, 2),
            (asked.competence_of, [c.competences for c in candidates], None),
            (asked.shift_of, [c.shifts for c in candidates], None),
            (asked.sector_of, [c.desired_sectors for c in candidates], None),
        ]
        occupations = sets[0][1]
        rows, cells = [], []
        for columns, values, prefix in sets:
            values = occupations if values is None else values
            sizes = [len(v) for v in values]
            if prefix is None:
                cells += [columns.get(value, zero) for vs in values for value in vs]
            else:
                cells += [columns.get(value[:prefix], zero) for vs in values for value in vs]
            rows.append(np.repeat(np.arange(count), sizes))
        has = np.zeros((count, width), dtype=np.int64)
        has[np.concatenate(rows), _ints(cells)] = 1
        has[:, zero] = 0  # values no vacancy asks for landed here
        self.has = has
        language_of, spoken = asked.language_of, len(asked.language_of) + 1
        languages = [c.languages for c in candidates]
        ranks = np.full((count, spoken), -1, dtype=np.int64)
        spoken_rows = np.repeat(np.arange(count), [len(ls) for ls in languages])
        spoken_cols = _ints([language_of.get(language.lower(), spoken - 1) for ls in languages for language, _ in ls])
        levels = _ints([-1 if (rank := _rank(level)) is None else rank for ls in languages for _, level in ls])
        np.maximum.at(ranks, (spoken_rows, spoken_cols), levels)
        ranks[:, spoken - 1] = -1  # languages no vacancy asks for
        self.ranks = ranks
        self.rubric = _ints([_rubric(c.rubric, rubric_weight) for c in candidates])
        self.blocked = np.array(
            [c.legal_access is not True or not c.consent_to_share or not c.selected for c in candidates], dtype=bool
        )
        self.licence = np.array([c.has_driving_licence for c in candidates], dtype=bool)
        self.stated = np.array([bool(c.shifts) for c in candidates], dtype=bool)


def _occupation(has: np.ndarray, asked: _Asked, exact: np.ndarray, weight: int) -> np.ndarray:
    same_minor = has[:, asked.minor] > 0
    same_sub_major = has[:, asked.sub_major] > 0
    minor_points = (2 * weight * SAME_MINOR_GROUP + 100) // 200
    sub_major_points = (2 * weight * SAME_SUB_MAJOR_GROUP + 100) // 200
    return np.where(exact, weight, np.where(same_minor, minor_points, np.where(same_sub_major, sub_major_points, 0)))


def _competences(has: np.ndarray, asked: _Asked, weight: int) -> np.ndarray:
    """A share of the vacancy's competences, a required one counting double; full points where it lists none."""
    whole = asked.competence_whole
    return np.where(whole == 0, weight, _share(weight, has[:, asked.competence_block] @ asked.competences, whole))


def _language(has: np.ndarray, asked: _Asked, weight: int) -> tuple[np.ndarray, np.ndarray]:
    """Points, and the pairs excluded for a required level the candidate does not reach."""
    needs = asked.needs
    at_level = (2 * weight * LANGUAGE_AT_LEVEL + 100) // 200
    points = np.where(has < 0, 0, np.where((needs < 0) | (has > needs), weight, np.where(has == needs, at_level, 0)))
    points[:, asked.none_asked] = weight
    return points, ~asked.none_asked & (needs >= 0) & (has < needs)


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
    lengths = _ints([len(c.commute_minutes) for c in candidates])
    listed = lengths > 0
    if listed.any():
        rows = np.repeat(np.arange(len(candidates)), lengths)
        flat = _commute_table(candidates, rows, int(lengths.sum()))
        if (lengths[listed] == len(v_ids)).all() and (flat[:, 0].reshape(-1, len(v_ids)) == v_ids).all():
            # the usual case, each candidate listing every vacancy in id order: the minutes are the rows as they are
            minutes[listed] = flat[:, 1].reshape(-1, len(v_ids))
            known[listed] = True
            return _commute_points(minutes, known, limit, weight)
        position = np.searchsorted(v_ids, flat[:, 0])
        found = (position < len(v_ids)) & (v_ids[np.minimum(position, len(v_ids) - 1)] == flat[:, 0])
        # a vacancy listed twice for one candidate: the last entry wins, as in a dict
        minutes[rows[found], position[found]] = flat[found, 1]
        known[rows[found], position[found]] = True
    return _commute_points(minutes, known, limit, weight)


def _commute_points(minutes: np.ndarray, known: np.ndarray, limit: int, weight: int) -> tuple[np.ndarray, np.ndarray]:
    over = known & (minutes > limit)
    if limit > 0:
        points = (2 * weight * (limit - np.maximum(minutes, 0)) + limit) // (2 * limit)  # _share, whole = limit
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


def _shifts(people: _People, asked: _Asked, weight: int) -> tuple[np.ndarray, np.ndarray]:
    """Points, and the pairs excluded because both list shifts and none is shared."""
    matched = people.has[:, asked.shift_block] @ asked.shifts
    total, stated = asked.shift_total, people.stated[:, None]
    points = np.where(
        total == 0,
        weight,
        np.where(~stated, 0, np.where(matched == total, weight, _share(weight, matched, total))),
    )
    return points, (total > 0) & stated & (matched == 0)
