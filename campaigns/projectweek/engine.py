"""The scheduling engine: when and where each confirmed proposal becomes an interview in the project week.

Pure Python — no Django, frozen dataclasses in and out. ``campaigns.projectweek.services`` is the only adapter to
the database.

**Time** is minutes after midnight on a day (an int the caller chooses, e.g. a date's ordinal). A company-day
offers one guided visit (fixed start and length) and interview slots of ``slot_minutes`` from ``interviews_from``
until ``interviews_until``, ``interviewers`` at a time; HR works in slots, so interviews are placed on that grid.

**Rules** — every schedule :func:`~.validation.validate` accepts keeps them:

- an interview is on one of its company's days, on a slot of the grid that ends inside the window and is not
  blocked, and starts after that day's guided visit has ended: the candidate joins the visit first;
- the candidate can reach the visit: ``Settings.day_starts`` + the travel minutes from home ≤ the visit's start;
- a candidate is never in two places: the visits and interviews of one day, with the travel minutes between
  sites (``Problem.travel``, else ``Settings.default_travel``), and never in a blocked time of theirs;
- a company never runs more interviews at once than it has interviewers;
- a guided visit takes at most ``CompanyDay.visit_capacity`` candidates (None: no limit): everyone interviewed
  at the company that day, each counted once however many interviews they have there;
- an interview with an interpreter needs one of that language free that day (``Problem.interpreters``); they
  are booked per interview and may join by phone, so their own travel is not modelled;
- in a re-plan, published appointments that start before ``Problem.fixed_before`` stay where they are, and so do
  the appointments a person placed by hand (``Problem.pinned``) while their slot is open; where two of them can no
  longer both hold, the first placed (by request id) stays. They also stay on a guided visit that has become too
  small for them (it has begun, or a person chose it), which then takes nobody else; :func:`validate` reports it.

**Objective**, lexicographic, one CP-SAT stage per level, each stage fixing the level before it: schedule as many
requests as possible; in a re-plan, change as few published appointments as possible; the least waiting (minutes
from the end of the visit to the interview) plus ``Settings.day_cost`` per day a candidate has to come; the
shortest HR days (visit start to the end of the last interview). The model is boolean: one literal per request,
company-day and slot, so a schedule is exact on the slot grid.

:func:`solve` reports ``optimal`` (every stage proven), ``feasible`` (a time limit stopped a stage) or
``infeasible`` (proven that not every request fits — the plan is partial — or a fixed published appointment
cannot stay); every request left out carries the :class:`Blocker` s that keep it out, and ``Solution.stages`` says
per stage whether it is proven or the best found in time (a stage stops as soon as it is proven). :func:`greedy`
(most constrained request first, earliest free slot on a day the candidate already comes, in the least loaded
session — or the earliest day, whichever is better) is the baseline and the warm start, and :func:`solve` is never
worse than it: the best schedule found across the stages is kept. Before solving, ``checks`` refuses numbers the
engine cannot work with and says in words (``Solution.problems``) which fixed appointments cannot stay: off the
slot grid now, or clashing with another fixed one. :func:`validate` checks any solution from scratch. Solutions a
time limit stopped may differ between runs; proven optima have the same objective values.

The package, every module of it free of Django: ``problem`` holds the dataclasses in and out (exposed here too),
``board`` the open slots of each request and the blockers (:func:`~.board.blockers_at`), ``checks`` what is
checked before solving, this module the greedy baseline and the CP-SAT model, ``validation``
:func:`~.validation.validate` and :func:`~.validation.measures`.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace
from time import perf_counter

from ortools.sat.python import cp_model

from .board import Board, Index, Option, why_not
from .checks import check_numbers, hold_fixed
from .problem import (
    Appointment,
    Block,
    Blocker,
    CandidateIn,
    CompanyDay,
    Drop,
    Problem,
    Request,
    Settings,
    Solution,
    Stage,
)
from .validation import measures

__all__ = [
    "Appointment",
    "Block",
    "Blocker",
    "CandidateIn",
    "CompanyDay",
    "Drop",
    "Problem",
    "Request",
    "Settings",
    "Solution",
    "Stage",
    "greedy",
    "solve",
]


def greedy(problem: Problem) -> Solution:
    """Fixed appointments first (pinned, or published early; even on a visit that is full by now), then published
    ones where they still fit, then the most constrained request first, each in the earliest free slot — on a day
    the candidate already comes, if it can — of the least loaded session (company-day); the better (by the
    lexicographic objective) of that and the same with the earliest day first."""
    check_numbers(problem)
    return _greedy(Index(problem))


def _greedy(index: Index) -> Solution:
    best = None
    for least_loaded in (True, False):
        board = Board(index)
        problems = hold_fixed(index, board)
        for request_id in sorted(index.published):
            option = index.kept(request_id)
            if option is not None and request_id not in board.placed and not board.blockers(option):
                board.place(option)
        load = Counter(o.cd for o in board.placed.values())
        waiting = [r for r in sorted(index.requests) if r not in board.placed]
        waiting.sort(key=lambda r: (len(index.options[r]) == 0, len(index.options[r]), r))
        for request_id in waiting:
            present = board.days(index.requests[request_id].candidate_id)
            for option in sorted(
                index.options[request_id],
                key=lambda o: (
                    o.cd.day not in present,
                    load[o.cd] // o.cd.interviewers if least_loaded else o.cd.day,
                    o.start,
                    o.cd.day,
                ),
            ):
                if not board.blockers(option):
                    board.place(option)
                    load[option.cd] += 1
                    break
        for solution in (
            _solution(index, "greedy", "feasible", board.placed.values(), problems),
            _requeued(index, list(board.placed.values()), problems),
        ):
            if solution is not None and (best is None or _rank(index, solution) < _rank(index, best)):
                best = replace(solution, method="greedy", status="feasible")
    return best


def _requeued(index: Index, chosen: list[Option], problems=()) -> Solution | None:
    """The same requests on the same company-days, each moved to the earliest slot there that is free with
    everything else where it is, earliest start first: the order within a session, on its own. Fixed appointments
    and published ones kept where they were stay put. None when nothing moved."""
    now = {o.request.id: o for o in chosen}
    stay = set(index.fixed())
    moved = False
    for request_id in sorted(now, key=lambda r: (now[r].start, r)):
        option = now[request_id]
        if request_id in stay or option == index.kept(request_id):
            continue
        earlier = sorted(
            (o for o in index.options[request_id] if o.cd == option.cd and o.start < option.start),
            key=lambda o: o.start,
        )
        if not earlier:
            continue
        board = Board(index)
        for other in now.values():
            if other.request.id != request_id:
                board.place(other)
        if free := next((o for o in earlier if not board.blockers(o)), None):
            now[request_id], moved = free, True
    return _solution(index, "cp-sat", "", now.values(), problems) if moved else None


def _rank(index: Index, solution: Solution) -> tuple[int, int, int, int]:
    """The lexicographic objective, smaller is better: dropped, published appointments changed, waiting plus the
    cost of candidate days, HR span."""
    levels = _levels(index, solution)
    return (-levels["scheduled"], -levels["kept"], levels["wait"], levels["span"])


def _levels(index: Index, solution: Solution) -> dict[str, int]:
    """Each stage's objective value for a solution (what the CP-SAT expression of that stage would give)."""
    return {
        "scheduled": len(solution.appointments),
        "kept": len(index.published) - len(solution.changed),
        "wait": solution.wait + index.problem.settings.day_cost * solution.candidate_days,
        "span": solution.hr_span,
    }


class _Clock(cp_model.CpSolverSolutionCallback):
    """When a stage found its last (best) solution."""

    def __init__(self):
        super().__init__()
        self.last = perf_counter()

    def on_solution_callback(self) -> None:
        self.last = perf_counter()


def solve(problem: Problem) -> Solution:
    """The lexicographic optimum on the slot grid (CP-SAT, warm-started from :func:`greedy`); never worse than
    that start: the best schedule found across the stages is kept, and each stage starts from it."""
    check_numbers(problem)
    began = perf_counter()
    index = Index(problem)
    best = _greedy(index)
    best_at = perf_counter() - began
    held = Board(index)
    lost = hold_fixed(index, held)
    moved = any(request_id not in index.pinned for request_id, _why in lost)  # published under way, cannot stay
    options = [o for request_id in sorted(index.options) for o in index.options[request_id]]
    if not options:
        status = "infeasible" if problem.requests else "optimal"
        return _solution(index, "cp-sat", status, [], lost)
    model = cp_model.CpModel()
    x = {o: model.new_bool_var(f"r{o.request.id}d{o.cd.day}s{o.start}") for o in options}
    stages = _constraints(model, index, x, forced=list(held.placed.values()))

    solver = cp_model.CpSolver()
    solver.parameters.num_workers = problem.settings.workers
    deadline = began + problem.settings.time_limit
    reports, infeasible = [], False
    for position, (name, expression, maximise, share) in enumerate(stages):
        chosen = {(a.request_id, a.day, a.start) for a in best.appointments}
        model.clear_hints()
        for o, literal in x.items():
            model.add_hint(literal, (o.request.id, o.cd.day, o.start) in chosen)
        shares_left = sum(stage[3] for stage in stages[position:])
        solver.parameters.max_time_in_seconds = max(0.05, (deadline - perf_counter()) * share / shares_left)
        (model.maximize if maximise else model.minimize)(expression)
        clock = _Clock()
        status = solver.solve(model, clock)
        solved = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
        if solved:
            chosen_now = [o for o, literal in x.items() if solver.boolean_value(literal)]
            found = _solution(index, "cp-sat", "", chosen_now)
            for candidate in (found, _requeued(index, chosen_now)):
                if candidate is not None and _rank(index, candidate) < _rank(index, best):
                    best, best_at = candidate, clock.last - began
            infeasible |= name == "scheduled" and status == cp_model.OPTIMAL and len(found.dropped) > 0
        value = _levels(index, best)[name]
        reports.append(
            Stage(
                name,
                proven=status == cp_model.OPTIMAL,
                solved=solved,
                value=value,
                seconds_to_best=round(best_at, 3),
                seconds=round(perf_counter() - began, 3),
            )
        )
        if not solved:
            break  # no solution in the time left: the best so far stands (the greedy start is always one)
        model.add(expression >= value if maximise else expression <= value)
    reports += [
        Stage(name, False, False, _levels(index, best)[name], round(best_at, 3), round(perf_counter() - began, 3))
        for name, *_ in stages[len(reports) :]
    ]
    proven = all(report.proven for report in reports)
    status = "infeasible" if infeasible or moved else "optimal" if proven else "feasible"
    problems = tuple(why for _request_id, why in lost)
    return replace(best, method="cp-sat", status=status, problems=problems, stages=tuple(reports))


def _constraints(model: cp_model.CpModel, index: Index, x: dict, forced: list[Option]) -> list[tuple]:
    """Post the rules; return the objective stages as (name, expression, maximise, share of the time limit).
    ``forced``: the fixed appointments that stay where they are (``checks.hold_fixed``)."""
    problem = index.problem
    per_request, per_day_choice, per_slot = defaultdict(list), defaultdict(list), defaultdict(list)
    for o, literal in x.items():
        per_request[o.request.id].append(literal)
        per_day_choice[o.request.id, o.cd].append(literal)
        per_slot[o.cd, o.start].append(literal)
    for literals in per_request.values():
        model.add_at_most_one(literals)
    for (cd, _start), literals in per_slot.items():
        model.add(sum(literals) <= cd.interviewers)

    # y: the request is scheduled on this company-day (so the candidate joins its visit)
    y = {}
    for key, literals in per_day_choice.items():
        y[key] = model.new_bool_var("")
        model.add(y[key] == sum(literals))
    _candidate_rules(model, index, x, y)
    _interpreter_rules(model, index, x)

    for option in forced:
        model.add(x[option] == 1)
    _visit_rules(model, index, y, forced)

    present = {}
    for (request_id, cd), literal in y.items():
        key = (index.requests[request_id].candidate_id, cd.day)
        if key not in present:
            present[key] = model.new_bool_var("")
        model.add_implication(literal, present[key])
    hr_day = {}  # company-day -> from the visit's start to the end of its last interview; 0 without interviews
    for (cd, start), literals in per_slot.items():
        if cd not in hr_day:
            hr_day[cd] = model.new_int_var(0, max(cd.interviews_until - cd.visit_start, 0), "")
        for literal in literals:
            model.add(hr_day[cd] >= start + cd.slot_minutes - cd.visit_start).only_enforce_if(literal)
    _queue_bounds(model, x, hr_day)

    scheduled = sum(x.values())
    wait = sum((o.start - o.cd.visit_end) * literal for o, literal in x.items())
    span = sum(hr_day.values())
    stages = [("scheduled", scheduled, True, 4)]
    kept = [x[o] for r in index.published if (o := index.kept(r)) is not None]
    if index.published:
        stages.append(("kept", sum(kept), True, 2))
    stages.append(("wait", wait + problem.settings.day_cost * sum(present.values()), False, 3))
    stages.append(("span", span, False, 1))
    return stages


def _queue_bounds(model: cp_model.CpModel, x: dict, hr_day: dict) -> None:
    """Redundant bounds that let CP-SAT prove the waiting and HR-span stages sooner. n interviews on a company-day
    take at least ceil(n / interviewers) of its slots, the earliest ones at best: the HR day lasts at least until the
    end of slot ceil(n / interviewers), and the waiting there is at least the queue's (convex in n: one tangent per
    slot)."""
    on_day = defaultdict(list)
    for o, literal in x.items():
        on_day[o.cd].append((o, literal))
    for cd, chosen in on_day.items():
        slots, per_slot = cd.slots(), cd.interviewers
        count = sum(literal for _o, literal in chosen)
        rounds = model.new_int_var(0, len(slots), "")
        model.add(rounds * per_slot >= count)
        length = model.new_int_var(0, max(cd.interviews_until - cd.visit_start, 0), "")
        model.add_element(rounds, [0] + [start + cd.slot_minutes - cd.visit_start for start in slots], length)
        model.add(hr_day[cd] >= length)
        waiting = sum((o.start - cd.visit_end) * literal for o, literal in chosen)
        queue, placed = 0, 0  # the least waiting of the first `placed` interviews
        for start in slots:
            model.add(waiting >= queue + (start - cd.visit_end) * (count - placed))
            queue, placed = queue + (start - cd.visit_end) * per_slot, placed + per_slot


def _candidate_rules(model: cp_model.CpModel, index: Index, x: dict, y: dict) -> None:
    """Nobody in two places: pairs of one candidate's options that day that cannot both happen."""
    by_candidate = defaultdict(list)
    for request in index.requests.values():
        by_candidate[request.candidate_id].append(request.id)
    for request_ids in by_candidate.values():
        for i, first in enumerate(sorted(request_ids)):
            for second in sorted(request_ids)[i + 1 :]:
                _pair_rules(model, index, x, y, first, second)


def _pair_rules(model, index: Index, x: dict, y: dict, first: int, second: int) -> None:
    days = defaultdict(lambda: ([], []))
    for side, request_id in enumerate((first, second)):
        for o in index.options[request_id]:
            days[o.cd.day][side].append(o)
    for ones, others in days.values():
        for cd_a in {o.cd for o in ones}:
            for cd_b in {o.cd for o in others}:
                a_options = [o for o in ones if o.cd == cd_a]
                b_options = [o for o in others if o.cd == cd_b]
                visit_a = index.events(a_options[0])[0]
                visit_b = index.events(b_options[0])[0]
                if not index.apart(visit_a, visit_b):
                    model.add_bool_or([y[first, cd_a].Not(), y[second, cd_b].Not()])
                    continue
                for a in a_options:
                    if not index.apart(index.events(a)[1], visit_b):
                        model.add_bool_or([x[a].Not(), y[second, cd_b].Not()])
                for b in b_options:
                    if not index.apart(index.events(b)[1], visit_a):
                        model.add_bool_or([x[b].Not(), y[first, cd_a].Not()])
                for a in a_options:
                    for b in b_options:
                        if not index.apart(index.events(a)[1], index.events(b)[1]):
                            model.add_bool_or([x[a].Not(), x[b].Not()])


def _visit_rules(model: cp_model.CpModel, index: Index, y: dict, forced: list[Option]) -> None:
    """No more candidates on a guided visit than it takes, each counted once. Fixed appointments already beyond
    it stay (``forced``): their visit then takes nobody else, and the model stays feasible."""
    joining = defaultdict(lambda: defaultdict(list))  # company-day -> candidate -> y of their requests there
    for (request_id, cd), literal in y.items():
        if cd.visit_capacity is not None:
            joining[cd][index.requests[request_id].candidate_id].append(literal)
    held = defaultdict(set)
    for option in forced:
        held[option.cd].add(option.request.candidate_id)
    for cd, by_candidate in joining.items():
        limit = max(cd.visit_capacity, len(held[cd]))
        if len(by_candidate) <= limit:
            continue
        joins = []
        for literals in by_candidate.values():
            if len(literals) == 1:
                joins.append(literals[0])
                continue
            joins.append(model.new_bool_var(""))  # on the visit if any of their interviews there is scheduled
            for literal in literals:
                model.add_implication(literal, joins[-1])
        model.add(sum(joins) <= limit)


def _interpreter_rules(model: cp_model.CpModel, index: Index, x: dict) -> None:
    """At every moment an interview with an interpreter starts, no more of them run than interpreters exist."""
    needing = defaultdict(list)
    for o in x:
        if language := index.candidates[o.request.candidate_id].interpreter:
            needing[language, o.cd.day].append(o)
    for key, options in needing.items():
        capacity = index.problem.interpreters.get(key, 0)
        for point in sorted({o.start for o in options}):
            running = [x[o] for o in options if o.start <= point < o.end]
            if len(running) > capacity:
                model.add(sum(running) <= capacity)


def _solution(
    index: Index, method: str, status: str, chosen: Iterable[Option], problems: Iterable[tuple[int, str]] = ()
) -> Solution:
    chosen = sorted(chosen, key=lambda o: o.request.id)
    board = Board(index)
    for option in chosen:
        board.place(option)
    appointments = tuple(Appointment(o.request.id, o.cd.day, o.start) for o in chosen)
    dropped = tuple(
        Drop(request_id, why_not(index, board, request_id))
        for request_id in sorted(index.requests)
        if request_id not in board.placed
    )
    return Solution(
        method=method,
        status=status,
        appointments=appointments,
        dropped=dropped,
        changed=_changed(index.published, appointments),
        problems=tuple(why for _request_id, why in problems),
        **measures(index.problem, appointments),
    )


def _changed(published: Mapping[int, Appointment], appointments: Iterable[Appointment]) -> tuple[int, ...]:
    now = {a.request_id: a for a in appointments}
    return tuple(sorted(r for r, a in published.items() if now.get(r) != a))
