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
from dataclasses import dataclass, replace

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
    """Score once, then solve at the settings' fairness, greedily, and at every number of levels from 0 to m. The
    network is built once; levels past the most proposals any candidate can have give the same network, so they are
    solved once; reasons in words are made for the chosen solution only (a level shows its fit and counts)."""
    grid = build(problem)
    network = _network(problem, grid)
    m = max(problem.settings.max_interviews, 0)
    chosen = chosen_levels(problem.settings)
    eligible = grid.allowed.any(axis=1)
    flows, levels = {}, []  # flows by the distinct number of levels
    for count in range(m + 1):
        key = network.distinct_levels(count) if network else 0
        try:
            if key not in flows:
                flows[key] = _flow(network, count)
        except _TooManyLevels:  # and more levels would not fit either: left out
            break
        rows, cols = np.array(flows[key], dtype=np.int64).reshape(-1, 2).T
        spread = Counter(np.bincount(rows, minlength=len(eligible))[eligible].tolist())
        levels.append(Level(count, int(grid.fit[rows, cols].sum()), tuple(spread[n] for n in range(m + 1))))
    if chosen < len(levels):
        solution = _solution(problem, "flow", grid, flows[network.distinct_levels(chosen) if network else 0])
    else:
        solution = _solve(problem, grid, chosen, network)
    return Comparison(solution, greedy(problem, grid), tuple(levels))


class _TooManyLevels(Exception):
    """The fairness levels' rewards would not fit the flow solver's 64-bit costs."""


def _solve(problem: Problem, grid: Grid, levels: int, network: "_Network | None" = None) -> Solution:
    """The optimum at ``levels`` fairness levels; with so many candidates that the levels' rewards would overflow
    the solver's costs, at as many levels as fit, and ``problems`` says so."""
    network = _network(problem, grid) if network is None else network
    for fitting in range(levels, -1, -1):
        try:
            chosen = _flow(network, fitting)
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


@dataclass(frozen=True)
class _Network:
    """The min-cost flow network of a problem but for its fairness levels, built once with arrays: the levels only
    add source arcs and set the pins' weight, so ``compare`` solves one network at every number of levels.

    Nodes: source, sink, a node per vacancy, per person (a candidate with a usable pair) and per candidate x
    company with a usable pair. Arcs, in this order (the solver's ties depend on it): vacancy → sink (capacity),
    source → person for each level, source → person for the rest, person → candidate x company (capacity 1, where
    the company has more than one vacancy for the candidate), the pairs (into the vacancy), source → sink."""

    m: int
    taken: list[tuple[int, int]]  # (row, column) of the pins proposed before the flow, when all of them fit
    rows: np.ndarray  # the pairs the flow chooses among
    cols: np.ndarray
    fits: np.ndarray
    pinned: np.ndarray | None  # of these pairs, the pinned ones, when the flow weighs pins (not all of them fit)
    before: np.ndarray  # per person: proposals taken before the flow
    out: np.ndarray  # per person: the most proposals the flow may add
    person_node: np.ndarray
    first: tuple[np.ndarray, ...]  # tails, heads, capacities, costs of vacancy → sink
    last: tuple[np.ndarray, ...]  # tails, heads, capacities of person → candidate x company, then of the pairs
    bound: int  # the sum over persons of their m best fits: the total fit of any choice is at most this
    nodes: int

    def distinct_levels(self, levels: int) -> int:
        """The levels that give the same network as ``levels``: none past the most proposals anyone can have."""
        return min(levels, self.m, int((self.before + self.out).max())) if len(self.rows) else 0


def _network(problem: Problem, grid: Grid) -> _Network | None:
    """The network shared by every number of levels, None when there is nothing to choose."""
    m = max(problem.settings.max_interviews, 0)
    if not m or not grid.allowed.any():
        return None
    usable = grid.allowed & (grid.capacity > 0)
    pinned = grid.pinned & usable
    company = np.unique(grid.company, return_inverse=True)[1]  # company index of each vacancy
    companies = int(company.max()) + 1
    forced = _compatible_pins(grid, pinned, company, m)
    people_count = len(grid.candidate_ids)
    already = np.zeros(people_count, dtype=np.int64)  # proposals each candidate has before the flow
    capacity, taken = grid.capacity, []
    if forced is not None:  # every pin fits: they are proposed, and the flow shares out what is left
        pin_rows, pin_cols = forced
        if len(pin_rows):
            already = np.bincount(pin_rows, minlength=people_count)
            blocked = np.zeros((people_count, companies), dtype=bool)
            blocked[pin_rows, company[pin_cols]] = True
            capacity = capacity - np.bincount(pin_cols, minlength=len(capacity))
            usable &= ~blocked[:, company] & (capacity > 0)
            taken = list(zip(pin_rows.tolist(), pin_cols.tolist(), strict=True))
    rows, cols = np.nonzero(usable)
    if not len(rows):
        return _Network(m, taken, rows, cols, rows, None, rows, rows, rows, (), (), 0, 0)
    fits = grid.fit[rows, cols]
    # candidate x company groups, numbered in the order of (row, company): a dense count instead of a sort
    keys = rows * companies + company[cols]
    size = np.bincount(keys, minlength=people_count * companies)
    present = size > 0
    group_of = (np.cumsum(present) - 1)[keys]
    group_keys = np.flatnonzero(present)
    group_size, group_row = size[group_keys], group_keys // companies
    per_row = np.bincount(rows, minlength=people_count)
    people = np.flatnonzero(per_row)
    person_of = (np.cumsum(per_row > 0) - 1)[rows]
    before = already[people]
    out = np.minimum(m - before, np.bincount(group_row, minlength=people_count)[people])

    vacancies = len(grid.vacancy_ids)
    vacancy_node = 2 + np.arange(vacancies)
    person_node = 2 + vacancies + np.arange(len(people))
    group_node = 2 + vacancies + len(people) + np.arange(len(group_keys))
    used = np.flatnonzero(np.bincount(cols, minlength=vacancies))
    first = (vacancy_node[used], np.full(len(used), SINK), capacity[used], np.zeros(len(used), dtype=np.int64))
    shared = group_size > 1  # one vacancy per company: a capacity-1 node in between
    group_tails = person_node[(np.cumsum(per_row > 0) - 1)[group_row[shared]]]
    pair_tails = np.where(shared[group_of], group_node[group_of], person_node[person_of])
    last = (
        np.concatenate([group_tails, pair_tails]),
        np.concatenate([group_node[shared], vacancy_node[cols]]),
        np.ones(len(group_tails) + len(rows), dtype=np.int64),
    )
    weigh_pins = forced is None and bool(pinned.any())
    return _Network(
        m, taken, rows, cols, fits, grid.pinned[rows, cols] if weigh_pins else None, before, out, person_node,
        first, last, _bound(grid.fit, usable, m), int(group_node[-1]) + 1,
    )  # fmt: skip


def _flow(network: _Network | None, levels: int) -> list[tuple[int, int]]:
    """The chosen (row, column) pairs at ``levels`` fairness levels: a min-cost flow on the network plus the source
    arcs of the levels; costs are negated gains.

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
    if network is None:
        return []
    if not len(network.rows):
        return list(network.taken)
    before, out, bound = network.before, network.out, network.bound
    reach = before + out
    levels = network.distinct_levels(levels)  # the same network as min(levels, m): no level arc past the most
    could = [int((reach >= k).sum()) for k in range(1, levels + 1)]  # E_k
    gains = [0] * levels  # W_1 … W_L
    below = bound
    for k in range(levels, 0, -1):
        gains[k - 1] = below + 1
        below += gains[k - 1] * could[k - 1]
    pin = below + 1 if network.pinned is not None else 0
    if (max(pin, below) + 100) * (network.nodes + 1) >= COST_LIMIT:
        raise _TooManyLevels
    tails, heads, capacities, costs = ([part] for part in network.first)
    for k in range(1, levels + 1):  # the k-th proposal of a candidate who has k - 1 and may have k
        nodes = network.person_node[(before < k) & (k <= reach)]
        tails.append(np.full(len(nodes), SOURCE))
        heads.append(nodes)
        capacities.append(np.ones(len(nodes), dtype=np.int64))
        costs.append(np.full(len(nodes), -gains[k - 1]))
    rest = out - np.clip(np.minimum(levels, reach) - before, 0, None)
    more = rest > 0
    tails.append(np.full(int(more.sum()), SOURCE))
    heads.append(network.person_node[more])
    capacities.append(rest[more])
    costs.append(np.zeros(int(more.sum()), dtype=np.int64))
    first_pair = sum(len(t) for t in tails) + len(network.last[0]) - len(network.rows)
    pair_costs = -network.fits if network.pinned is None else -(network.fits + pin * network.pinned)
    supply = int(out.sum())
    tails += [network.last[0], [SOURCE]]
    heads += [network.last[1], [SINK]]
    capacities += [network.last[2], [supply]]
    costs += [np.zeros(len(network.last[0]) - len(network.rows), dtype=np.int64), pair_costs, [0]]

    solver = min_cost_flow.SimpleMinCostFlow()
    arrays = (np.concatenate(part, dtype=np.int64) for part in (tails, heads, capacities, costs))
    solver.add_arcs_with_capacity_and_unit_cost(*arrays)
    solver.set_node_supply(SOURCE, supply)
    solver.set_node_supply(SINK, -supply)
    status = solver.solve()
    if status != solver.OPTIMAL:
        raise RuntimeError(f"min-cost flow ended with status {status}")
    chosen = solver.flows(np.arange(first_pair, first_pair + len(network.rows))) > 0
    return network.taken + list(zip(network.rows[chosen].tolist(), network.cols[chosen].tolist(), strict=True))


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


def _bound(fit: np.ndarray, usable: np.ndarray, m: int) -> int:
    """The sum over candidates of their m best fits among their usable pairs (fits are 0-100: an unusable pair
    counts as 0)."""
    fits = np.where(usable, fit, 0)
    if m >= fits.shape[1]:
        return int(fits.sum())
    return int(np.partition(fits, fits.shape[1] - m, axis=1)[:, fits.shape[1] - m :].sum())


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
    c_ids, v_ids = grid.candidate_ids.tolist(), grid.vacancy_ids.tolist()
    keys = [(c_ids[row], v_ids[col]) for row, col in sorted(chosen)]
    wanted = {cid for cid, _vid in keys}
    candidates = {c.id: c for c in problem.candidates if c.id in wanted}
    proposals = score_pairs(candidates, {v.id: v for v in problem.vacancies}, keys, problem.settings)
    covered = frozenset(wanted)
    eligible = set(grid.candidate_ids[grid.allowed.any(axis=1)].tolist()) if grid.allowed.size else set()
    return Solution(
        method=method,
        proposals=proposals,
        total_fit=sum(pair.fit for pair in proposals),
        covered=covered,
        uncovered=tuple(sorted(eligible - covered)),
        problems=pin_problems(problem, set(keys)) if problem.pinned else (),
    )


def pin_problems(problem: Problem, proposed: set[tuple[int, int]]) -> tuple[str, ...]:
    """A plain-English note for every pin that is not among the proposed pairs, saying why."""
    if problem.pinned <= proposed:
        return ()
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
