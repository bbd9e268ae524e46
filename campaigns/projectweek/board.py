"""Where each request could go, and what keeps it out: the engine's working parts, shared by the greedy baseline,
the CP-SAT model and the explanations.

:class:`Index` lists, once per problem, the slots each request could take if nobody else were scheduled, and the
:class:`~.problem.Blocker` s that close the others (``no_day``, ``too_far``, ``unavailable``, ``no_interpreter``,
``no_slot``). :class:`Board` is a schedule built one appointment at a time that says what blocks one more
(``interviewers_busy``, ``candidate_busy``, ``interpreters_busy``, ``visit_full``). :func:`blockers_at` and
:func:`why_not` put the two together to explain a hand-made move or a request left out.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .problem import Appointment, Blocker, CompanyDay, Problem, Request


@dataclass(frozen=True)
class Option:
    """One slot a request could take: a start on one of its company's days."""

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
    if bad := [cd for cd in problem.company_days if cd.visit_capacity is not None and cd.visit_capacity < 0]:
        raise ValueError(f"a guided visit takes 0 candidates or more (None: no limit): {bad[0]}")


class Index:
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
        self.options: dict[int, list[Option]] = {}
        self.static: dict[int, list[Blocker]] = {}
        for request in sorted(problem.requests, key=lambda r: r.id):
            self.options[request.id], self.static[request.id] = self._open(request)
        self.published = {a.request_id: a for a in problem.published if a.request_id in self.requests}
        self.pinned = {a.request_id: a for a in problem.pinned if a.request_id in self.requests}

    def _open(self, request: Request) -> tuple[list[Option], list[Blocker]]:
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
                options += [Option(request, cd, start) for start in starts]
        return options, blockers

    def events(self, option: Option) -> tuple[tuple[int, int, int, tuple | None], ...]:
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

    def compatible(self, a: Option, b: Option) -> bool:
        return all(self.apart(x, y) for x in self.events(a) for y in self.events(b))

    def kept(self, request_id: int) -> Option | None:
        """The option that keeps this request's published appointment, if it is still open."""
        return self._open_at(self.published.get(request_id))

    def held(self, request_id: int) -> Option | None:
        """The option a fixed request must keep: where a person pinned it, else where it was published."""
        return self._open_at(self.pinned.get(request_id) or self.published.get(request_id))

    def _open_at(self, appointment: Appointment | None) -> Option | None:
        if appointment is None:
            return None
        return next(
            (
                o
                for o in self.options[appointment.request_id]
                if (o.cd.day, o.start) == (appointment.day, appointment.start)
            ),
            None,
        )

    def fixed(self) -> list[int]:
        """Requests that may not move: pinned by a person, or published to start before ``fixed_before``."""
        limit = self.problem.fixed_before
        early = {r for r, a in self.published.items() if limit is not None and (a.day, a.start) < limit}
        return sorted(early | set(self.pinned))


class Board:
    """A schedule being built one appointment at a time, answering why an option does not fit."""

    def __init__(self, index: Index):
        self.index = index
        self.taken: Counter = Counter()  # (company, day, start) -> interviews
        self.placed: dict[int, Option] = {}
        self.by_candidate_day: dict[tuple[int, int], list[Option]] = defaultdict(list)
        self.interpreting: dict[tuple[str, int], list[Option]] = defaultdict(list)
        self.visitors: dict[tuple[int, int], set[int]] = defaultdict(set)  # (company, day) -> candidates

    def blockers(self, option: Option) -> list[Blocker]:
        cd, request = option.cd, option.request
        candidate = self.index.candidates[request.candidate_id]
        found = []
        if self.taken[cd.company_id, cd.day, option.start] >= cd.interviewers:
            found.append(Blocker("interviewers_busy", cd.day))
        if self.is_visit_full(cd, candidate.id):
            found.append(Blocker("visit_full", cd.day, (cd.visit_capacity,)))
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

    def place(self, option: Option) -> None:
        cd, request = option.cd, option.request
        self.taken[cd.company_id, cd.day, option.start] += 1
        self.placed[request.id] = option
        self.by_candidate_day[request.candidate_id, cd.day].append(option)
        self.visitors[cd.company_id, cd.day].add(request.candidate_id)
        if interpreter := self.index.candidates[request.candidate_id].interpreter:
            self.interpreting[interpreter, cd.day].append(option)

    def is_visit_full(self, cd: CompanyDay, candidate_id: int) -> bool:
        """The candidate would be one too many on the day's guided visit (one already on it takes no more room)."""
        visitors = self.visitors[cd.company_id, cd.day]
        return cd.visit_capacity is not None and candidate_id not in visitors and len(visitors) >= cd.visit_capacity

    def days(self, candidate_id: int) -> set[int]:
        return {day for (cid, day), placed in self.by_candidate_day.items() if cid == candidate_id and placed}


def blockers_at(
    problem: Problem, appointments: Iterable[Appointment], request_id: int, day: int, start: int
) -> tuple[Blocker, ...]:
    """Why a request cannot take ``start`` on ``day`` next to the other appointments (empty: it can) — the check
    behind a coordinator moving one interview by hand."""
    index = Index(problem)
    board = Board(index)
    for appointment in appointments:
        if appointment.request_id != request_id and (option := open_option(index, appointment)):
            board.place(option)
    option = open_option(index, Appointment(request_id, day, start))
    if option is None:
        static = tuple(b for b in index.static[request_id] if b.day in (None, day))
        return static or (Blocker("no_slot", day),)
    return tuple(board.blockers(option))


def free_slots(
    problem: Problem, appointments: Iterable[Appointment], request_id: int, near: Appointment | None = None
) -> list[tuple[int, int]]:
    """Every (day, start) a request could take next to the other appointments, each passing every rule the
    validator checks; best first: the day of ``near`` (where it is now), then the least waiting after the guided
    visit, then the earliest."""
    index = Index(problem)
    board = Board(index)
    for appointment in appointments:
        if appointment.request_id != request_id and (option := open_option(index, appointment)):
            board.place(option)
    free = [o for o in index.options.get(request_id, ()) if not board.blockers(o)]
    free.sort(key=lambda o: (near is None or o.cd.day != near.day, o.start - o.cd.interviews_from, o.cd.day, o.start))
    return [(o.cd.day, o.start) for o in free]


def open_option(index: Index, appointment: Appointment) -> Option | None:
    """The open option an appointment takes; None when its slot is not open to its request."""
    return next(
        (
            o
            for o in index.options[appointment.request_id]
            if (o.cd.day, o.start) == (appointment.day, appointment.start)
        ),
        None,
    )


def why_not(index: Index, board: Board, request_id: int) -> tuple[Blocker, ...]:
    """Every blocker keeping a request off ``board``: its static ones, then what blocks each of its options — on a
    day whose guided visit is full, only that."""
    found = list(index.static[request_id])
    for option in index.options[request_id]:
        blockers = board.blockers(option)
        full = [b for b in blockers if b.code == "visit_full"]  # closes the whole day: the rest would add nothing
        for blocker in full or blockers:
            if blocker not in found:
                found.append(blocker)
    return tuple(found)
