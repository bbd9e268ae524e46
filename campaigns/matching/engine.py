"""The matching engine: which candidates are proposed to which vacancies, and why.

Pure Python — no Django, plain frozen dataclasses in and out, deterministic: the same problem (in any order of its
candidates and vacancies) gives the same solution. ``campaigns.matching.services`` is the only adapter to the
database; ``campaigns.matching.text`` turns the engine's codes into sentences.

The package, every module of it free of Django:

- ``problem``: the dataclasses in and out (:class:`Problem`, :class:`Solution`, …), exposed here too;
- ``scoring``: the hard constraints that exclude a pair and the fit (0-100) with its reasons (:func:`~.scoring.score`,
  :func:`~.scoring.exclusions`, :func:`~.scoring.evaluate` for every pair of a problem, with reasons);
- ``grid``: the same fit and hard constraints for every pair at once, as arrays (:func:`~.grid.build`), with a clear
  error for numbers the engine cannot work with;
- this module: choosing the proposals (:func:`solve`, :func:`greedy`, :func:`compare`) and saying why a pin is not
  honoured;
- ``validation``: :func:`~.validation.validate` checks any solution against the problem from scratch.

**Choosing proposals** (:func:`solve`) is a capacitated b-matching solved exactly as a min-cost flow: each vacancy
gets at most ``capacity`` candidates, each candidate at most ``max_interviews`` and at most one vacancy per
company. The objective is lexicographic: first honour as many pins as possible, then fairness in levels (unless
``Settings.coverage_first`` is off) — as many candidates as possible with at least one proposal, then with at
least two, … up to ``Settings.fairness_levels`` (None: all m) — then the highest total fit. The fit is computed
for every pair with arrays (``grid``) and the reasons only for the pairs proposed. :func:`greedy` is the baseline
(best pair first); :func:`compare` scores once and gives the solution, the baseline and the fit and interviews at
every number of levels, for one click of "run matching".
"""

from collections import Counter
from dataclasses import replace

import numpy as np
from ortools.graph.python import min_cost_flow

from .grid import Grid, build
from .problem import (
    CandidateIn,
    Comparison,
    Exclusion,
    Level,
    Pair,
    Problem,
    Reason,
    Settings,
    Solution,
    VacancyIn,
    Weights,
)
from .scoring import EXCLUSION_TEXT, exclusions, score_pairs

__all__ = [
    "CandidateIn",
    "Comparison",
    "Exclusion",
    "Level",
    "Pair",
    "Problem",
    "Reason",
    "Settings",
    "Solution",
    "VacancyIn",
    "Weights",
    "chosen_levels",
    "compare",
    "greedy",
    "pin_problems",
    "solve",
]

SOURCE, SINK = 0, 1
COST_LIMIT = 2**62  # OR-Tools scales unit costs by the number of nodes: this keeps every product inside int64


def solve(problem: Problem) -> Solution:
    """The exact optimum: most pins honoured, then fairness level by level (most candidates with ≥ 1 interview,
    then most with ≥ 2, … up to ``Settings.fairness_levels``), then the highest total fit."""
    return _solve(problem, build(problem), chosen_levels(problem.settings))


def chosen_levels(settings: Settings) -> int:
    """The fairness levels the settings ask for: 0 without coverage first, else ``fairness_levels`` up to m."""
    m = max(settings.max_interviews, 0)
    if not settings.coverage_first:
        return 0
    return m if settings.fairness_levels is None else min(max(settings.fairness_levels, 0), m)


def compare(problem: Problem) -> Comparison:
    """Score once, then solve at the settings' fairness, greedily, and at every number of levels from 0 to m."""
    grid = build(problem)
    m = max(problem.settings.max_interviews, 0)
    chosen = chosen_levels(problem.settings)
    by_level = {}
    for levels in range(m + 1):
        try:
            by_level[levels] = _solution(problem, "flow", grid, _flow(problem, grid, levels))
        except _TooManyLevels:  # and more levels would not fit either: left out
            break
    eligible = sorted(set(grid.candidate_ids[grid.allowed.any(axis=1)].tolist()))
    levels = tuple(Level(levels, s.total_fit, _histogram(s, eligible, m)) for levels, s in sorted(by_level.items()))
    solution = by_level[chosen] if chosen in by_level else _solve(problem, grid, chosen)
    return Comparison(solution, greedy(problem, grid), levels)


def _histogram(solution: Solution, eligible: list[int], m: int) -> tuple[int, ...]:
    per_candidate = Counter(pair.candidate_id for pair in solution.proposals)
    counts = Counter(per_candidate[cid] for cid in eligible)
    return tuple(counts[n] for n in range(m + 1))


class _TooManyLevels(Exception):
    """The fairness levels' rewards would not fit the flow solver's 64-bit costs."""


def _solve(problem: Problem, grid: Grid, levels: int) -> Solution:
    """The optimum at ``levels`` fairness levels; with so many candidates that the levels' rewards would overflow
    the solver's costs, at as many levels as fit, and ``problems`` says so."""
    for fitting in range(levels, -1, -1):
        try:
            chosen = _flow(problem, grid, fitting)
        except _TooManyLevels:
            continue
        solution = _solution(problem, "flow", grid, chosen)
        if fitting == levels:
            return solution
        note = (
            f"Fairness is applied at {fitting} level(s), not {levels}: with this many candidates the flow solver's "
            "numbers would overflow."
        )
        return replace(solution, problems=(*solution.problems, note))
    raise AssertionError("0 levels always fit")


def _flow(problem: Problem, grid: Grid, levels: int) -> list[tuple[int, int]]:
    """Min-cost flow: source → candidate → candidate x company → vacancy → sink, plus a free source → sink bypass
    so that sending nothing more is always possible. Costs are negated gains. Built with arrays, in bulk.

    Why the objective is lexicographic. Let H be the pins honoured, N_k the candidates with at least k proposals
    (k = 1 … L, the fairness levels), F the total fit of a feasible choice; the flow maximises gain = pin·H +
    Σ_k W_k·N_k + F. ``bound`` is the sum over candidates of their m best fits, so F ≤ bound for any choice. With
    W_L = bound + 1 and W_k = Σ_{j>k} W_j·E_j + bound + 1 (E_j = candidates who could have j proposals, so N_j ≤ E_j),
    nothing below level k can outweigh one more candidate at level k; pin = Σ_k W_k·E_k + bound + 1 puts pins
    before everything. When all pins can be honoured together (the usual case) they are simply proposed and the
    flow shares out what is left, the k-th proposal of a candidate with pins paying W_k: smaller costs, a faster
    flow. Each candidate has L capacity-1 arcs from the source paying W_1 > W_2 > … > W_L and one
    arc for the rest paying nothing: a convex cost, so the k-th unit of a candidate's flow takes the k-th arc and
    the flow's optimum is exactly this objective's. With L = 0 (coverage_first off) only pins, then fit count."""
    m = max(problem.settings.max_interviews, 0)
    if not m or not grid.allowed.any():
        return []
    usable = grid.allowed & (grid.capacity > 0)[None, :]
    pinned = grid.pinned & usable
    company = np.unique(grid.company, return_inverse=True)[1]  # company index of each vacancy
    forced = _compatible_pins(grid, pinned, company, m)
    already = np.zeros(len(grid.candidate_ids), dtype=np.int64)  # proposals each candidate has before the flow
    capacity = grid.capacity
    if forced is not None:  # every pin fits: they are proposed, and the flow shares out what is left
        pin_rows, pin_cols = forced
        already = np.bincount(pin_rows, minlength=len(already))
        blocked = np.zeros((len(already), int(company.max()) + 1), dtype=bool)
        blocked[pin_rows, company[pin_cols]] = True
        capacity = capacity - np.bincount(pin_cols, minlength=len(capacity))
        usable = usable & ~blocked[:, company] & (capacity > 0)[None, :]
    rows, cols = np.nonzero(usable)
    taken = list(zip(*forced, strict=True)) if forced is not None else []
    taken = [(int(r), int(c)) for r, c in taken]
    if not len(rows):
        return taken
    fits = grid.fit[rows, cols]
    companies = company[cols]
    group_keys = rows * (int(companies.max()) + 1) + companies
    groups, group_of, group_size = np.unique(group_keys, return_inverse=True, return_counts=True)
    group_row = groups // (int(companies.max()) + 1)
    people, person_of = np.unique(rows, return_inverse=True)
    before = already[people]
    out = np.minimum(m - before, np.bincount(np.searchsorted(people, group_row), minlength=len(people)))

    bound = _bound(rows, fits, m)
    levels = min(levels, m)
    could = [int((before + out >= k).sum()) for k in range(1, levels + 1)]  # E_k
    gains = [0] * levels  # W_1 … W_L
    below = bound
    for k in range(levels, 0, -1):
        gains[k - 1] = below + 1
        below += gains[k - 1] * could[k - 1]
    pin = below + 1 if forced is None and pinned.any() else 0

    vacancy_node = 2 + np.arange(len(grid.vacancy_ids))
    person_node = 2 + len(grid.vacancy_ids) + np.arange(len(people))
    group_node = person_node[-1] + 1 + np.arange(len(groups))
    nodes = int(group_node[-1]) + 1
    if (max(pin, below) + 100) * (nodes + 1) >= COST_LIMIT:
        raise _TooManyLevels
    tails, heads, capacities, costs = [], [], [], []

    def arcs(tail, head, capacity, cost):
        n = next((np.size(a) for a in (tail, head, capacity, cost) if np.ndim(a)), 1)
        tails.append(np.broadcast_to(np.asarray(tail, dtype=np.int64), n))
        heads.append(np.broadcast_to(np.asarray(head, dtype=np.int64), n))
        capacities.append(np.broadcast_to(np.asarray(capacity, dtype=np.int64), n))
        costs.append(np.broadcast_to(np.asarray(cost, dtype=np.int64), n))

    used = np.unique(cols)
    arcs(vacancy_node[used], SINK, capacity[used], 0)
    for k in range(1, levels + 1):  # the k-th proposal of a candidate who has k - 1 and may have k
        at_level = (before < k) & (k <= before + out)
        arcs(SOURCE, person_node[at_level], 1, -gains[k - 1])
    rest = out - np.clip(np.minimum(levels, before + out) - before, 0, None)
    arcs(SOURCE, person_node[rest > 0], rest[rest > 0], 0)
    shared = group_size > 1  # one vacancy per company: a capacity-1 node in between
    arcs(person_node[np.searchsorted(people, group_row[shared])], group_node[shared], 1, 0)
    tail = np.where(shared[group_of], group_node[group_of], person_node[person_of])
    first_pair = sum(len(t) for t in tails)
    arcs(tail, vacancy_node[cols], 1, -(fits + pin * grid.pinned[rows, cols]))
    supply = int(out.sum())
    arcs(SOURCE, SINK, supply, 0)

    network = min_cost_flow.SimpleMinCostFlow()
    network.add_arcs_with_capacity_and_unit_cost(
        np.concatenate(tails), np.concatenate(heads), np.concatenate(capacities), np.concatenate(costs)
    )
    network.set_node_supply(SOURCE, supply)
    network.set_node_supply(SINK, -supply)
    status = network.solve()
    if status != network.OPTIMAL:
        raise RuntimeError(f"min-cost flow ended with status {status}")
    flows = network.flows(np.arange(first_pair, first_pair + len(rows)))
    chosen = flows > 0
    return taken + list(zip(rows[chosen].tolist(), cols[chosen].tolist(), strict=True))


def _compatible_pins(grid: Grid, pinned: np.ndarray, company: np.ndarray, m: int):
    """The (rows, columns) of the usable pins when all of them can be honoured together (no vacancy, candidate or
    candidate-company over its limit), else None: then the flow weighs pins first."""
    rows, cols = np.nonzero(pinned)
    if not len(rows):
        return rows, cols
    if np.bincount(rows).max() > m or (np.bincount(cols, minlength=len(grid.capacity)) > grid.capacity).any():
        return None
    keys = rows * (int(company.max()) + 1) + company[cols]
    return (rows, cols) if len(np.unique(keys)) == len(keys) else None


def _bound(rows: np.ndarray, fits: np.ndarray, m: int) -> int:
    """The sum over candidates of their m best fits (rows ascending, as np.nonzero gives them)."""
    order = np.lexsort((-fits, rows))
    ranked_rows, ranked_fits = rows[order], fits[order]
    starts = np.searchsorted(ranked_rows, ranked_rows, side="left")
    rank = np.arange(len(ranked_rows)) - starts
    return int(ranked_fits[rank < m].sum())


def greedy(problem: Problem, grid: Grid | None = None) -> Solution:
    """The baseline: pinned pairs first, then the best fit first (ties by candidate id, then vacancy id), each taken
    when the limits still allow it."""
    grid = build(problem) if grid is None else grid
    m = problem.settings.max_interviews
    rows, cols = np.nonzero(grid.allowed)
    fits, pinned = grid.fit[rows, cols], grid.pinned[rows, cols]
    order = np.lexsort((cols, rows, -fits, ~pinned))
    capacity, company = grid.capacity.tolist(), grid.company.tolist()
    per_candidate, per_vacancy, companies = Counter(), Counter(), set()
    chosen = []
    for row, col in zip(rows[order].tolist(), cols[order].tolist(), strict=True):
        if per_candidate[row] >= m or per_vacancy[col] >= capacity[col] or (row, company[col]) in companies:
            continue
        per_candidate[row] += 1
        per_vacancy[col] += 1
        companies.add((row, company[col]))
        chosen.append((row, col))
    return _solution(problem, "greedy", grid, chosen)


def _solution(problem: Problem, method: str, grid: Grid, chosen: list[tuple[int, int]]) -> Solution:
    """The solution of the chosen (row, column) pairs: reasons in words for these pairs only."""
    candidates = {c.id: c for c in problem.candidates}
    vacancies = {v.id: v for v in problem.vacancies}
    c_ids, v_ids = grid.candidate_ids.tolist(), grid.vacancy_ids.tolist()
    keys = [(c_ids[row], v_ids[col]) for row, col in sorted(chosen)]
    proposals = score_pairs(candidates, vacancies, keys, problem.settings)
    covered = frozenset(pair.candidate_id for pair in proposals)
    eligible = set(grid.candidate_ids[grid.allowed.any(axis=1)].tolist()) if grid.allowed.size else set()
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
