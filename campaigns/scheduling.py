"""The scheduling engine: when and where each confirmed proposal becomes an interview in the project week.

Pure Python — no Django, frozen dataclasses in and out. ``campaigns.services`` is the only adapter to the database.

**Time** is minutes after midnight on a day (an int the caller chooses, e.g. a date's ordinal). A company-day
offers one guided visit (fixed start and length) and interview slots of ``slot_minutes`` from ``interviews_from``
until ``interviews_until``, ``interviewers`` at a time; HR works in slots, so interviews are placed on that grid.

**Rules** — every schedule :func:`validate` accepts keeps them:

- an interview is on one of its company's days, on a slot of the grid that ends inside the window and is not
  blocked, and starts after that day's guided visit has ended: the candidate joins the visit first;
- the candidate can reach the visit: ``Settings.day_starts`` + the travel minutes from home ≤ the visit's start;
- a candidate is never in two places: the visits and interviews of one day, with the travel minutes between
  sites (``Problem.travel``, else ``Settings.default_travel``), and never in a blocked time of theirs;
- a company never runs more interviews at once than it has interviewers;
- an interview with an interpreter needs one of that language free that day (``Problem.interpreters``); they
  are booked per interview and may join by phone, so their own travel is not modelled;
- in a re-plan, published appointments that start before ``Problem.fixed_before`` stay where they are.

**Objective**, lexicographic, one CP-SAT stage per level, each stage fixing the level before it: schedule as many
requests as possible; in a re-plan, change as few published appointments as possible; the least waiting (minutes
from the end of the visit to the interview) plus ``Settings.day_cost`` per day a candidate has to come; the
shortest HR days (visit start to the end of the last interview). The model is boolean: one literal per request,
company-day and slot, so a schedule is exact on the slot grid.

:func:`solve` reports ``optimal`` (every stage proven), ``feasible`` (a time limit stopped a stage) or
``infeasible`` (proven that not every request fits — the plan is partial); every request left out carries the
:class:`Blocker` s that keep it out. :func:`greedy` (most constrained request first, earliest free slot on a day
the candidate already comes) is the baseline and the warm start; :func:`validate` checks any solution from
scratch. Solutions a time limit stopped may differ between runs; proven optima have the same objective values.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from time import perf_counter

from ortools.sat.python import cp_model


@dataclass(frozen=True)
class CompanyDay:
    company_id: int
    day: int
    site: int
    visit_start: int
    visit_minutes: int
    interviews_from: int
    interviews_until: int  # the last interview ends by then
    interviewers: int
    slot_minutes: int
    blocked: tuple[tuple[int, int], ...] = ()  # (start, end): no interviews then (lunch, a meeting)

    @property
    def visit_end(self) -> int:
        return self.visit_start + self.visit_minutes

    def slots(self) -> tuple[int, ...]:
        """The interview starts on this day's grid that begin after the visit, end in the window, are not blocked."""
        grid = range(self.interviews_from, self.interviews_until - self.slot_minutes + 1, self.slot_minutes)
        return tuple(
            start
            for start in grid
            if start >= self.visit_end
            and not any(start < end and begin < start + self.slot_minutes for begin, end in self.blocked)
        )


@dataclass(frozen=True)
class Block:
    """A time a candidate is not available: [start, end) on a day."""

    day: int
    start: int
    end: int


@dataclass(frozen=True)
class CandidateIn:
    id: int
    home: int  # the site the day starts from (the reception centre or home)
    group: str = ""  # the transport group travelling together; shown on run sheets, not a constraint
    interpreter: str = ""  # the language an interpreter is needed for, "" = none
    blocked: tuple[Block, ...] = ()


@dataclass(frozen=True)
class Request:
    """A confirmed proposal to schedule: one interview of this candidate at this company."""

    id: int
    candidate_id: int
    company_id: int


@dataclass(frozen=True)
class Appointment:
    request_id: int
    day: int
    start: int  # the interview; the visit of that company-day comes with it


@dataclass(frozen=True)
class Settings:
    day_starts: int = 8 * 60  # when candidates can leave home
    default_travel: int = 30  # minutes between two sites without an entry in Problem.travel
    day_cost: int = 120  # an extra day for a candidate weighs as much as this many minutes of waiting
    time_limit: float = 10.0  # seconds for all CP-SAT stages together
    workers: int = 8  # CP-SAT needs ≥ 6 to run its LP-based subsolvers, even on 2 cores


@dataclass(frozen=True)
class Problem:
    company_days: tuple[CompanyDay, ...]
    candidates: tuple[CandidateIn, ...]
    requests: tuple[Request, ...]
    travel: Mapping[tuple[int, int], int] = field(default_factory=dict)  # (site, site) -> minutes, either order
    interpreters: Mapping[tuple[str, int], int] = field(default_factory=dict)  # (language, day) -> how many
    published: tuple[Appointment, ...] = ()  # what people were told; a re-plan changes as little of it as it can
    fixed_before: tuple[int, int] | None = None  # (day, minute): published appointments before it stay put
    settings: Settings = Settings()

    def minutes(self, a: int, b: int) -> int:
        if a == b:
            return 0
        return self.travel.get((a, b), self.travel.get((b, a), self.settings.default_travel))


@dataclass(frozen=True)
class Blocker:
    """Why a request is not scheduled on one of its company's days (``day`` None: on none of them)."""

    code: str
    day: int | None = None
    params: tuple = ()


@dataclass(frozen=True)
class Drop:
    request_id: int
    blockers: tuple[Blocker, ...]


@dataclass(frozen=True)
class Solution:
    method: str
    status: str  # optimal | feasible | infeasible
    appointments: tuple[Appointment, ...]
    dropped: tuple[Drop, ...]
    changed: tuple[int, ...]  # requests whose published appointment moved or was dropped
    wait: int  # minutes, summed over interviews
    candidate_days: int  # summed over candidates
    hr_span: int  # minutes, summed over company-days with interviews


BLOCKERS = {
    "no_day": "the company has no project-week day",
    "too_far": "the candidate cannot reach the visit in time (travel minutes, visit start)",
    "unavailable": "the candidate is not available during the visit",
    "no_interpreter": "no interpreter for the language that day (language)",
    "no_slot": "no interview slot after the visit inside the window",
    "interviewers_busy": "every slot the candidate could take is taken by other interviews",
    "candidate_busy": "the candidate's other appointments that day leave no slot (their requests)",
    "interpreters_busy": "every interpreter of the language is in another interview (language)",
}


@dataclass(frozen=True)
class _Option:
    request: Request
    cd: CompanyDay
    start: int

    @property
    def end(self) -> int:
        return self.start + self.cd.slot_minutes


def _overlaps(start: int, end: int, other_start: int, other_end: int) -> bool:
    return start < other_end and other_start < end


def _check(problem: Problem) -> None:
    for kind, ids in (
        ("candidate", [c.id for c in problem.candidates]),
        ("request", [r.id for r in problem.requests]),
        ("company day", [(cd.company_id, cd.day) for cd in problem.company_days]),
    ):
        if duplicated := [key for key, n in Counter(ids).items() if n > 1]:
            raise ValueError(f"{kind} listed twice: {duplicated[:5]}")
    known = {c.id for c in problem.candidates}
    if unknown := sorted(r.id for r in problem.requests if r.candidate_id not in known):
        raise ValueError(f"requests for unknown candidates: {unknown[:5]}")
    if bad := [cd for cd in problem.company_days if cd.slot_minutes <= 0 or cd.interviewers < 0]:
        raise ValueError(f"a company day needs a positive slot length and interviewers ≥ 0: {bad[0]}")


class _Index:
    """What every method reads from a problem: candidates by id, company-days by company, open options."""

    def __init__(self, problem: Problem):
        _check(problem)
        self.problem = problem
        self.candidates = {c.id: c for c in problem.candidates}
        self.days_of = defaultdict(list)
        for cd in sorted(problem.company_days, key=lambda cd: (cd.company_id, cd.day)):
            self.days_of[cd.company_id].append(cd)
        self.company_day = {(cd.company_id, cd.day): cd for cd in problem.company_days}
        self.requests = {r.id: r for r in problem.requests}
        self.options: dict[int, list[_Option]] = {}
        self.static: dict[int, list[Blocker]] = {}
        for request in sorted(problem.requests, key=lambda r: r.id):
            self.options[request.id], self.static[request.id] = self._open(request)
        self.published = {a.request_id: a for a in problem.published if a.request_id in self.requests}

    def _open(self, request: Request) -> tuple[list[_Option], list[Blocker]]:
        """The slots this request could take if nobody else were scheduled, and why the others are closed."""
        candidate, problem = self.candidates[request.candidate_id], self.problem
        days = self.days_of.get(request.company_id, [])
        if not days:
            return [], [Blocker("no_day")]
        options, blockers = [], []
        for cd in days:
            travel = problem.minutes(candidate.home, cd.site)
            blocked = [b for b in candidate.blocked if b.day == cd.day]
            if problem.settings.day_starts + travel > cd.visit_start:
                blockers.append(Blocker("too_far", cd.day, (travel, cd.visit_start)))
            elif any(_overlaps(cd.visit_start, cd.visit_end, b.start, b.end) for b in blocked):
                blockers.append(Blocker("unavailable", cd.day))
            elif candidate.interpreter and problem.interpreters.get((candidate.interpreter, cd.day), 0) < 1:
                blockers.append(Blocker("no_interpreter", cd.day, (candidate.interpreter,)))
            else:
                starts = [
                    s
                    for s in cd.slots()
                    if cd.interviewers > 0
                    and not any(_overlaps(s, s + cd.slot_minutes, b.start, b.end) for b in blocked)
                ]
                if not starts:
                    blockers.append(Blocker("no_slot", cd.day))
                options += [_Option(request, cd, start) for start in starts]
        return options, blockers

    def events(self, option: _Option) -> tuple[tuple[int, int, int, tuple | None], ...]:
        """Where the candidate is for this option: the visit (shared by everyone that day) and the interview."""
        cd = option.cd
        return (
            (cd.visit_start, cd.visit_end, cd.site, (cd.company_id, cd.day)),
            (option.start, option.end, cd.site, None),
        )

    def apart(self, first: tuple, second: tuple) -> bool:
        """Two events one candidate can both attend: the same visit, or with the travel between them."""
        if first[3] is not None and first[3] == second[3]:
            return True
        travel = self.problem.minutes(first[2], second[2])
        return first[1] + travel <= second[0] or second[1] + travel <= first[0]

    def compatible(self, a: _Option, b: _Option) -> bool:
        return all(self.apart(x, y) for x in self.events(a) for y in self.events(b))

    def kept(self, request_id: int) -> _Option | None:
        """The option that keeps this request's published appointment, if it is still open."""
        published = self.published.get(request_id)
        if published is None:
            return None
        return next(
            (o for o in self.options[request_id] if (o.cd.day, o.start) == (published.day, published.start)), None
        )

    def fixed(self) -> list[int]:
        """Published requests that may not move: their appointment starts before ``fixed_before``."""
        limit = self.problem.fixed_before
        if limit is None:
            return []
        return sorted(r for r, a in self.published.items() if (a.day, a.start) < limit)


class _Board:
    """A schedule being built one appointment at a time, answering why an option does not fit."""

    def __init__(self, index: _Index):
        self.index = index
        self.taken: Counter = Counter()  # (company, day, start) -> interviews
        self.placed: dict[int, _Option] = {}
        self.by_candidate_day: dict[tuple[int, int], list[_Option]] = defaultdict(list)
        self.interpreting: dict[tuple[str, int], list[_Option]] = defaultdict(list)

    def blockers(self, option: _Option) -> list[Blocker]:
        cd, request = option.cd, option.request
        candidate = self.index.candidates[request.candidate_id]
        found = []
        if self.taken[cd.company_id, cd.day, option.start] >= cd.interviewers:
            found.append(Blocker("interviewers_busy", cd.day))
        clashes = tuple(
            other.request.id
            for other in self.by_candidate_day[candidate.id, cd.day]
            if not self.index.compatible(option, other)
        )
        if clashes:
            found.append(Blocker("candidate_busy", cd.day, clashes))
        if candidate.interpreter:
            key = (candidate.interpreter, cd.day)
            busy = self.interpreting[key]
            points = [option.start] + [o.start for o in busy if option.start <= o.start < option.end]
            if any(
                1 + sum(o.start <= p < o.end for o in busy) > self.index.problem.interpreters.get(key, 0)
                for p in points
            ):
                found.append(Blocker("interpreters_busy", cd.day, (candidate.interpreter,)))
        return found

    def place(self, option: _Option) -> None:
        cd, request = option.cd, option.request
        self.taken[cd.company_id, cd.day, option.start] += 1
        self.placed[request.id] = option
        self.by_candidate_day[request.candidate_id, cd.day].append(option)
        if interpreter := self.index.candidates[request.candidate_id].interpreter:
            self.interpreting[interpreter, cd.day].append(option)

    def days(self, candidate_id: int) -> set[int]:
        return {day for (cid, day), placed in self.by_candidate_day.items() if cid == candidate_id and placed}


def greedy(problem: Problem) -> Solution:
    """Published appointments first where they still fit, then the most constrained request first, each in the
    earliest free slot — on a day the candidate already comes, if it can."""
    index = _Index(problem)
    board = _Board(index)
    kept = [index.kept(r) for r in index.fixed() + sorted(index.published)]
    for option in kept:
        if option is not None and option.request.id not in board.placed and not board.blockers(option):
            board.place(option)
    waiting = [r for r in sorted(index.requests) if r not in board.placed]
    waiting.sort(key=lambda r: (len(index.options[r]) == 0, len(index.options[r]), r))
    for request_id in waiting:
        present = board.days(index.requests[request_id].candidate_id)
        for option in sorted(index.options[request_id], key=lambda o: (o.cd.day not in present, o.cd.day, o.start)):
            if not board.blockers(option):
                board.place(option)
                break
    return _solution(index, "greedy", "feasible", board.placed.values())


def solve(problem: Problem) -> Solution:
    """The lexicographic optimum on the slot grid (CP-SAT, warm-started from :func:`greedy`)."""
    index = _Index(problem)
    start = greedy(problem)
    options = [o for request_id in sorted(index.options) for o in index.options[request_id]]
    if not options:
        return _solution(index, "cp-sat", "infeasible" if problem.requests else "optimal", [])
    model = cp_model.CpModel()
    x = {o: model.new_bool_var(f"r{o.request.id}d{o.cd.day}s{o.start}") for o in options}
    hinted = {(a.request_id, a.day, a.start) for a in start.appointments}
    current = {o: (o.request.id, o.cd.day, o.start) in hinted for o in options}
    stages = _constraints(model, index, x, keep=[o for o in options if current[o]])

    solver = cp_model.CpSolver()
    solver.parameters.num_workers = problem.settings.workers
    deadline = perf_counter() + problem.settings.time_limit
    proven, infeasible = True, False
    for position, (name, expression, maximise, share) in enumerate(stages):
        model.clear_hints()
        for o, literal in x.items():
            model.add_hint(literal, current[o])
        shares_left = sum(stage[3] for stage in stages[position:])
        solver.parameters.max_time_in_seconds = max(0.05, (deadline - perf_counter()) * share / shares_left)
        (model.maximize if maximise else model.minimize)(expression)
        status = solver.solve(model)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            proven = False
            break  # no solution in the time left: keep the previous stage's (the greedy start is always one)
        proven = proven and status == cp_model.OPTIMAL
        if name == "scheduled" and status == cp_model.OPTIMAL and solver.value(expression) < len(problem.requests):
            infeasible = True
        current = {o: solver.boolean_value(literal) for o, literal in x.items()}
        value = round(solver.objective_value)
        model.add(expression >= value if maximise else expression <= value)
    status = "infeasible" if infeasible else "optimal" if proven else "feasible"
    return _solution(index, "cp-sat", status, [o for o in options if current[o]])


def _constraints(model: cp_model.CpModel, index: _Index, x: dict, keep: list[_Option]) -> list[tuple]:
    """Post the rules; return the objective stages as (name, expression, maximise, share of the time limit).
    ``keep`` is the warm start: fixed appointments are held where it placed them (it places them first)."""
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

    fixed = set(index.fixed())
    for option in keep:
        if option.request.id in fixed and option == index.kept(option.request.id):
            model.add(x[option] == 1)

    present = {}
    for (request_id, cd), literal in y.items():
        key = (index.requests[request_id].candidate_id, cd.day)
        if key not in present:
            present[key] = model.new_bool_var("")
        model.add_implication(literal, present[key])
    last, used, per_day = {}, {}, defaultdict(list)
    for (cd, start), literals in per_slot.items():
        if cd not in last:
            last[cd] = model.new_int_var(0, cd.interviews_until, "")
            used[cd] = model.new_bool_var("")
        per_day[cd] += literals
        for literal in literals:
            model.add(last[cd] >= start + cd.slot_minutes).only_enforce_if(literal)
    for cd, flag in used.items():
        model.add(flag <= sum(per_day[cd]))  # an HR day without interviews has no span

    scheduled = sum(x.values())
    wait = sum((o.start - o.cd.visit_end) * literal for o, literal in x.items())
    span = sum(last.values()) - sum(cd.visit_start * flag for cd, flag in used.items())
    stages = [("scheduled", scheduled, True, 4)]
    kept = [x[o] for r in index.published if (o := index.kept(r)) is not None]
    if index.published:
        stages.append(("kept", sum(kept), True, 2))
    stages.append(("wait", wait + problem.settings.day_cost * sum(present.values()), False, 3))
    stages.append(("span", span, False, 1))
    return stages


def _candidate_rules(model: cp_model.CpModel, index: _Index, x: dict, y: dict) -> None:
    """Nobody in two places: pairs of one candidate's options that day that cannot both happen."""
    by_candidate = defaultdict(list)
    for request in index.requests.values():
        by_candidate[request.candidate_id].append(request.id)
    for request_ids in by_candidate.values():
        for i, first in enumerate(sorted(request_ids)):
            for second in sorted(request_ids)[i + 1 :]:
                _pair_rules(model, index, x, y, first, second)


def _pair_rules(model, index: _Index, x: dict, y: dict, first: int, second: int) -> None:
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


def _interpreter_rules(model: cp_model.CpModel, index: _Index, x: dict) -> None:
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


def blockers_at(
    problem: Problem, appointments: Iterable[Appointment], request_id: int, day: int, start: int
) -> tuple[Blocker, ...]:
    """Why a request cannot take ``start`` on ``day`` next to the other appointments (empty: it can) — the check
    behind a coordinator moving one interview by hand."""
    index = _Index(problem)
    board = _Board(index)
    for appointment in appointments:
        if appointment.request_id != request_id and (option := _open_option(index, appointment)):
            board.place(option)
    option = _open_option(index, Appointment(request_id, day, start))
    if option is None:
        static = tuple(b for b in index.static[request_id] if b.day in (None, day))
        return static or (Blocker("no_slot", day),)
    return tuple(board.blockers(option))


def _open_option(index: _Index, appointment: Appointment) -> _Option | None:
    return next(
        (
            o
            for o in index.options[appointment.request_id]
            if (o.cd.day, o.start) == (appointment.day, appointment.start)
        ),
        None,
    )


def _solution(index: _Index, method: str, status: str, chosen: Iterable[_Option]) -> Solution:
    chosen = sorted(chosen, key=lambda o: o.request.id)
    board = _Board(index)
    for option in chosen:
        board.place(option)
    appointments = tuple(Appointment(o.request.id, o.cd.day, o.start) for o in chosen)
    dropped = tuple(
        Drop(request_id, _why_not(index, board, request_id))
        for request_id in sorted(index.requests)
        if request_id not in board.placed
    )
    return Solution(
        method=method,
        status=status,
        appointments=appointments,
        dropped=dropped,
        changed=_changed(index.published, appointments),
        **measures(index.problem, appointments),
    )


def _why_not(index: _Index, board: _Board, request_id: int) -> tuple[Blocker, ...]:
    found = list(index.static[request_id])
    for option in index.options[request_id]:
        for blocker in board.blockers(option):
            if blocker not in found:
                found.append(blocker)
    return tuple(found)


def _changed(published: Mapping[int, Appointment], appointments: Iterable[Appointment]) -> tuple[int, ...]:
    now = {a.request_id: a for a in appointments}
    return tuple(sorted(r for r, a in published.items() if now.get(r) != a))


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
