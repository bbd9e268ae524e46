"""Any schedule measured and checked from the problem alone, without the engine's index or model: the figures a
:class:`~.problem.Solution` reports (:func:`measures`) and every rule of ``engine`` (:func:`validate`)."""

from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import pairwise

from .problem import Appointment, CandidateIn, CompanyDay, Problem, Solution


def measures(problem: Problem, appointments: Iterable[Appointment]) -> dict[str, int]:
    """Waiting minutes, candidate-days and HR span of any list of appointments, from the problem alone."""
    company_day = {(cd.company_id, cd.day): cd for cd in problem.company_days}
    requests = {r.id: r for r in problem.requests}
    wait, days, ends = 0, set(), defaultdict(int)
    for a in appointments:
        request = requests[a.request_id]
        cd = company_day[request.company_id, a.day]
        wait += a.start - cd.visit_end
        days.add((request.candidate_id, a.day))
        ends[cd] = max(ends[cd], a.start + cd.slot_minutes)
    return {
        "wait": wait,
        "candidate_days": len(days),
        "hr_span": sum(end - cd.visit_start for cd, end in ends.items()),
    }


def validate(problem: Problem, solution: Solution) -> list[str]:
    """Every rule checked from scratch, without the engine's index or model; an empty list means valid."""
    errors = []
    requests = {r.id: r for r in problem.requests}
    candidates = {c.id: c for c in problem.candidates}
    company_day = {(cd.company_id, cd.day): cd for cd in problem.company_days}
    seen = Counter(a.request_id for a in solution.appointments)
    errors += [f"request {r} scheduled {n} times" for r, n in sorted(seen.items()) if n > 1]
    errors += [f"request {r} is unknown" for r in sorted(seen) if r not in requests]
    placed = []  # (appointment, request, company day, candidate)
    for a in solution.appointments:
        if a.request_id not in requests:
            continue
        request = requests[a.request_id]
        cd = company_day.get((request.company_id, a.day))
        if cd is None:
            errors.append(f"request {a.request_id}: company {request.company_id} has no day {a.day}")
            continue
        placed.append((a, request, cd, candidates[request.candidate_id]))
        errors += _slot_errors(problem, a, cd, candidates[request.candidate_id])
    errors += _capacity_errors(problem, placed)
    errors += _group_errors(problem, placed)
    errors += _presence_errors(problem, placed)
    errors += _report_errors(problem, solution, seen, measurable=len(placed) == len(solution.appointments))
    return errors


def _slot_errors(problem: Problem, a: Appointment, cd: CompanyDay, candidate: CandidateIn) -> list[str]:
    errors, end = [], a.start + cd.slot_minutes
    label = f"request {a.request_id} at {a.start} on day {a.day}"
    if (a.start - cd.interviews_from) % cd.slot_minutes or a.start < cd.interviews_from or end > cd.interviews_until:
        errors.append(f"{label}: not a slot of the interview window")
    if a.start < cd.visit_start + cd.visit_minutes:
        errors.append(f"{label}: before the guided visit has ended")
    if any(a.start < block_end and block_start < end for block_start, block_end in cd.blocked):
        errors.append(f"{label}: in a time the company blocked")
    for block in candidate.blocked:
        if block.day == a.day and (
            (a.start < block.end and block.start < end)
            or (cd.visit_start < block.end and block.start < cd.visit_start + cd.visit_minutes)
        ):
            errors.append(f"{label}: the candidate is not available")
    if problem.settings.day_starts + problem.minutes(candidate.home, cd.site) > cd.visit_start:
        errors.append(f"{label}: the candidate cannot reach the visit in time")
    return errors


def _capacity_errors(problem: Problem, placed: list) -> list[str]:
    errors = []
    running = defaultdict(list)  # (company, day) and (language, day) -> intervals
    for a, request, cd, candidate in placed:
        running["company", request.company_id, a.day].append((a.start, a.start + cd.slot_minutes))
        if candidate.interpreter:
            running["interpreter", candidate.interpreter, a.day].append((a.start, a.start + cd.slot_minutes))
    interviewers = {(cd.company_id, cd.day): cd.interviewers for cd in problem.company_days}
    for (kind, key, day), intervals in running.items():
        limit = problem.interpreters.get((key, day), 0) if kind == "interpreter" else interviewers[key, day]
        for start, _end in intervals:
            at_once = sum(s <= start < e for s, e in intervals)
            if at_once > limit:
                errors.append(f"{kind} {key} on day {day}: {at_once} interviews at {start}, {limit} available")
                break
    return errors


def _group_errors(problem: Problem, placed: list) -> list[str]:
    """Each guided visit against its group size: the candidates interviewed at the company that day, each once.
    The engine keeps fixed appointments on a visit that has become too small; the error counts them."""
    visitors, held = defaultdict(set), defaultdict(set)
    limit = problem.fixed_before
    fixed = set(problem.pinned) | {a for a in problem.published if limit and (a.day, a.start) < limit}
    for a, request, cd, _candidate in placed:
        visitors[cd].add(request.candidate_id)
        if a in fixed:
            held[cd].add(request.candidate_id)
    errors = []
    for cd in sorted(visitors, key=lambda cd: (cd.company_id, cd.day)):
        count, capacity = len(visitors[cd]), cd.visit_capacity
        if capacity is not None and count > capacity:
            error = f"guided visit of company {cd.company_id} on day {cd.day}: {count} candidates, room for {capacity}"
            if held[cd]:
                error += f" ({len(held[cd])} of them fixed: pinned, or published and under way)"
            errors.append(error)
    return errors


def _presence_errors(problem: Problem, placed: list) -> list[str]:
    """Each candidate's day as a line of events — visits once each — with the travel between neighbours."""
    errors, days = [], defaultdict(set)
    for a, request, cd, _candidate in placed:
        visit = (cd.visit_start, cd.visit_start + cd.visit_minutes, cd.site, f"visit {request.company_id}")
        days[request.candidate_id, a.day] |= {visit, (a.start, a.start + cd.slot_minutes, cd.site, f"r{a.request_id}")}
    for (candidate_id, day), events in days.items():
        line = sorted(events)
        for before, after in pairwise(line):
            if before[1] + problem.minutes(before[2], after[2]) > after[0]:
                errors.append(f"candidate {candidate_id} on day {day}: {before[3]} then {after[3]} without time")
    return errors


def _report_errors(problem: Problem, solution: Solution, seen: Counter, measurable: bool) -> list[str]:
    errors = []
    requested = {r.id for r in problem.requests}
    dropped = {d.request_id for d in solution.dropped}
    if dropped != requested - set(seen):
        errors.append(f"dropped {sorted(dropped)} but unscheduled {sorted(requested - set(seen))}")
    limit = problem.fixed_before
    for a in problem.published:
        if limit and (a.day, a.start) < limit and a.request_id in requested and a not in solution.appointments:
            errors.append(f"request {a.request_id}: a fixed published appointment moved")
    if measurable and all(n == 1 for n in seen.values()):
        figures = measures(problem, solution.appointments)
        reported = {"wait": solution.wait, "candidate_days": solution.candidate_days, "hr_span": solution.hr_span}
        if figures != reported:
            errors.append(f"reported {reported}, the appointments give {figures}")
    return errors
