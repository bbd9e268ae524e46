"""Checking a matching solution from scratch: every limit, exclusion, fit, total and pin recomputed from the
problem alone, trusting none of the solution's derived fields."""

import re
from collections import Counter

from .problem import Problem, Solution
from .scoring import exclusions, score


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
