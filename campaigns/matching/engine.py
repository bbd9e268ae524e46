"""The matching engine: which candidates are proposed to which vacancies, and why.

Pure Python — no Django, plain frozen dataclasses in and out, deterministic: the same problem (in any order of its
candidates and vacancies) gives the same solution. ``campaigns.matching.services`` is the only adapter to the
database; ``campaigns.matching.text`` turns the engine's codes into sentences.

The package, every module of it free of Django:

- ``problem``: the dataclasses in and out (:class:`Problem`, :class:`Solution`, …), exposed here too;
- ``scoring``: the hard constraints that exclude a pair and the fit (0-100) with its reasons (:func:`~.scoring.score`,
  :func:`~.scoring.exclusions`, :func:`~.scoring.evaluate` for every pair of a problem);
- this module: choosing the proposals (:func:`solve`, :func:`greedy`) and saying why a pin is not honoured;
- ``validation``: :func:`~.validation.validate` checks any solution against the problem from scratch.

**Choosing proposals** (:func:`solve`) is a capacitated b-matching solved exactly as a min-cost flow: each vacancy
gets at most ``capacity`` candidates, each candidate at most ``max_interviews`` and at most one vacancy per
company. The objective is lexicographic: first honour as many pins as possible, then cover as many candidates as
possible (unless ``Settings.coverage_first`` is off), then the highest total fit. :func:`greedy` is the baseline
(best pair first).
"""

from collections import Counter, defaultdict
from itertools import count, groupby

from ortools.graph.python import min_cost_flow

from .problem import CandidateIn, Exclusion, Pair, Problem, Reason, Settings, Solution, VacancyIn, Weights
from .scoring import EXCLUSION_TEXT, evaluate, exclusions

__all__ = [
    "CandidateIn",
    "Exclusion",
    "Pair",
    "Problem",
    "Reason",
    "Settings",
    "Solution",
    "VacancyIn",
    "Weights",
    "greedy",
    "pin_problems",
    "solve",
]

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
