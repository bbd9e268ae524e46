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

**Objective**, lexicographic, each CP-SAT stage fixing the levels before it: schedule as many requests as
possible; in a re-plan, change as few published appointments as possible; the least waiting (minutes from the end
of the visit to the interview) plus ``Settings.day_cost`` per day a candidate has to come; the shortest HR days
(visit start to the end of the last interview). The last two levels are one stage, weighted so that a minute of
waiting outweighs the longest HR days there can be (one search and one proof rather than two; each level is still
reported on its own). The model is boolean: one literal per request, company-day and slot, so a schedule is exact
on the slot grid.

**Waiting in two steps.** CP-SAT (or greedy) decides which company-day each request goes to; then
:func:`~.queue.reorder` orders each session exactly, with everything else held (the module says what "exactly"
covers), and the better of the two schedules is kept, so every stage and the greedy start are queued again.

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
checked before solving, ``queue`` the order within a session, this module the greedy baseline and the CP-SAT model,
``validation``
:func:`~.validation.validate` and :func:`~.validation.measures`.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace
from time import perf_counter
from typing import NamedTuple

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
from .queue import reorder
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
    lexicographic objective) of that and the same with the earliest day first, each queued again within its
    sessions (:func:`~.queue.reorder`)."""
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
        solution = _solution(index, "greedy", "feasible", reorder(index, board.placed.values()), problems)
        if best is None or _rank(index, solution) < _rank(index, best):
            best = solution
    return best


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
    derived = {}  # every other variable -> the options any of which sets it: the hint follows from the schedule's
    stages = _constraints(model, index, x, forced=list(held.placed.values()), derived=derived)

    run = _Run(index, model, x, derived, began, best, best_at)
    reports, infeasible = run.stages(stages, problem.settings)
    proven = all(report.proven for report in reports)
    status = "infeasible" if infeasible or moved else "optimal" if proven else "feasible"
    problems = tuple(why for _request_id, why in lost)
    return replace(run.best, method="cp-sat", status=status, problems=problems, stages=tuple(reports))


class _Run:
    """The CP-SAT stages of one :func:`solve`, and the best schedule so far: greedy's, then each stage's result
    queued again within its sessions, when it is better."""

    def __init__(self, index: Index, model, x: dict, derived: dict, began: float, best: Solution, best_at: float):
        self.index, self.model, self.x, self.derived, self.began = index, model, x, derived, began
        self.best, self.best_at = best, best_at
        self.solver = cp_model.CpSolver()

    def stages(self, stages: list["_Objective"], settings: Settings) -> tuple[list[Stage], bool]:
        """Each stage in turn, fixing its levels for the next; the reports per level, and whether the first stage
        proved that not every request fits."""
        self.solver.parameters.num_workers = settings.workers
        deadline = self.began + settings.time_limit
        reports, infeasible = [], False
        for position, stage in enumerate(stages):
            shares_left = sum(later.share for later in stages[position:])
            seconds = max(0.05, (deadline - perf_counter()) * stage.share / shares_left)
            status, whole = self.solve(stage, seconds)
            solved = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
            infeasible |= stage.levels == ("scheduled",) and status == cp_model.OPTIMAL and not whole
            levels = _levels(self.index, self.best)
            for name, proven in zip(stage.levels, _proven(self.solver, status, stage, levels), strict=True):
                reports.append(self.report(name, proven, solved, levels))
            if not solved:
                break  # no solution in the time left: the best so far stands (the greedy start is always one)
            value = stage.value(levels)
            self.model.add(stage.expression >= value if stage.maximise else stage.expression <= value)
        levels = _levels(self.index, self.best)
        names = [name for stage in stages for name in stage.levels]
        return reports + [self.report(name, False, False, levels) for name in names[len(reports) :]], infeasible

    def solve(self, stage: "_Objective", seconds: float) -> tuple:
        """One stage from the best schedule so far; keeps its result, queued again, if better. CP-SAT's status, and
        whether its schedule has every request."""
        _hint(self.model, self.x, self.derived, self.best)
        self.solver.parameters.max_time_in_seconds = seconds
        (self.model.maximize if stage.maximise else self.model.minimize)(stage.expression)
        clock = _Clock()
        status = self.solver.solve(self.model, clock)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return status, False
        chosen = [o for o, literal in self.x.items() if self.solver.boolean_value(literal)]
        queued = _solution(self.index, "cp-sat", "", reorder(self.index, chosen))  # never worse than CP-SAT's own
        if _rank(self.index, queued) < _rank(self.index, self.best):
            self.best, self.best_at = queued, clock.last - self.began
        return status, len(chosen) == len(self.index.requests)

    def report(self, name: str, proven: bool, solved: bool, levels: dict[str, int]) -> Stage:
        return Stage(name, proven, solved, levels[name], round(self.best_at, 3), round(perf_counter() - self.began, 3))


class _Objective(NamedTuple):
    """One CP-SAT stage: the levels it settles, in order, with the weight of each in its expression — a unit of
    a level outweighs everything below it — and its share of the time limit."""

    levels: tuple[str, ...]
    weights: tuple[int, ...]
    expression: cp_model.LinearExprT
    maximise: bool
    share: int

    def value(self, levels: dict[str, int]) -> int:
        return sum(weight * levels[name] for name, weight in zip(self.levels, self.weights, strict=True))


def _proven(solver: cp_model.CpSolver, status, stage: _Objective, levels: dict[str, int]) -> list[bool]:
    """Per level of a stage, whether the best schedule's value is proven best. All of them when the stage is
    proven; else the first of a minimised pair when CP-SAT's bound already reaches its weight times that value:
    the level below is less than one weight, so no schedule has a smaller first level."""
    if status == cp_model.OPTIMAL:
        return [True] * len(stage.levels)
    first = (
        status == cp_model.FEASIBLE
        and len(stage.levels) == 2
        and not stage.maximise
        and solver.best_objective_bound >= stage.weights[0] * levels[stage.levels[0]]
    )
    return [first] + [False] * (len(stage.levels) - 1)


def _hint(model: cp_model.CpModel, x: dict, derived: dict, solution: Solution) -> None:
    """A complete hint: the schedule's options, and every other variable as the schedule sets it."""
    chosen = {(a.request_id, a.day, a.start) for a in solution.appointments}
    model.clear_hints()
    for o, literal in x.items():
        model.add_hint(literal, (o.request.id, o.cd.day, o.start) in chosen)
    for variable, options in derived.items():
        model.add_hint(variable, any((o.request.id, o.cd.day, o.start) in chosen for o in options))


def _constraints(model: cp_model.CpModel, index: Index, x: dict, forced: list[Option], derived: dict) -> list[tuple]:
    """Post the rules; return the objective stages as (name, expression, maximise, share of the time limit).
    ``forced``: the fixed appointments that stay where they are (``checks.hold_fixed``); ``derived`` is filled
    with each other variable and the options any of which sets it."""
    problem = index.problem
    per_request, per_day_choice, per_slot = defaultdict(list), defaultdict(list), defaultdict(list)
    for o, literal in x.items():
        per_request[o.request.id].append(literal)
        per_day_choice[o.request.id, o.cd].append(o)
        per_slot[o.cd, o.start].append(o)
    for literals in per_request.values():
        model.add_at_most_one(literals)

    # y: the request is scheduled on this company-day (so the candidate joins its visit)
    y = {}
    for key, chosen in per_day_choice.items():
        y[key] = model.new_bool_var("")
        model.add(y[key] == sum(x[o] for o in chosen))
        derived[y[key]] = chosen
    _candidate_rules(model, index, x, y)
    _interpreter_rules(model, index, x)

    for option in forced:
        model.add(x[option] == 1)
    _visit_rules(model, index, y, forced, derived)

    present = {}
    for (request_id, cd), literal in y.items():
        key = (index.requests[request_id].candidate_id, cd.day)
        if key not in present:
            present[key] = model.new_bool_var("")
            derived[present[key]] = []
        model.add_implication(literal, present[key])
        derived[present[key]] += derived[literal]
    span, longest = _session_rules(model, x, per_slot, derived)

    scheduled = sum(x.values())
    wait = sum((o.start - o.cd.visit_end) * literal for o, literal in x.items())
    stages = [_Objective(("scheduled",), (1,), scheduled, True, 4)]
    kept = [x[o] for r in index.published if (o := index.kept(r)) is not None]
    if index.published:
        stages.append(_Objective(("kept",), (1,), sum(kept), True, 2))
    # one stage for two levels: a minute of waiting outweighs the longest HR days there can be; one proof, not two
    waiting = wait + problem.settings.day_cost * sum(present.values())
    stages.append(_Objective(("wait", "span"), (longest + 1, 1), (longest + 1) * waiting + span, False, 4))
    return stages


def _session_rules(model: cp_model.CpModel, x: dict, per_slot: dict, derived: dict) -> tuple:
    """The interviewers of each company-day, and its HR day (from the visit's start to the end of its last
    interview; 0 without interviews): returns the HR days' sum and its largest value. The HR day is order-encoded,
    which lets CP-SAT prove the waiting and HR-span stage soon: ``late`` says an interview starts at this open slot
    of the day or later, so the HR day is a sum of the steps between slot ends, and at most ``interviewers * late``
    interviews take a slot — n interviews hold ceil(n / interviewers) slots, the earliest at best, so the LP knows
    the queue bound. (Also ``x <= late`` per option made the proofs slower: left out.)"""
    starts = defaultdict(list)
    for cd, start in per_slot:
        starts[cd].append(start)
    span = []
    for cd, opened in starts.items():
        before, late = cd.visit_start, None
        for start in sorted(opened):
            later = model.new_bool_var("")
            derived[later] = [o for s in opened if s >= start for o in per_slot[cd, s]]
            if late is not None:
                model.add_implication(later, late)
            model.add(sum(x[o] for o in per_slot[cd, start]) <= cd.interviewers * later)
            span.append((start + cd.slot_minutes - before, later))
            before, late = start + cd.slot_minutes, later
    return sum(step * later for step, later in span), sum(step for step, _later in span)


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


def _visit_rules(model: cp_model.CpModel, index: Index, y: dict, forced: list[Option], derived: dict) -> None:
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
            derived[joins[-1]] = [o for literal in literals for o in derived[literal]]
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
