"""What the scheduling engine checks before it solves: numbers it can work with (:func:`check_numbers`, a clear
``ValueError`` rather than a ``TypeError`` deep in CP-SAT), and the fixed appointments that cannot all stay where they
are (:func:`hold_fixed`), said in words.

A fixed appointment (pinned by a person, or published and starting before ``Problem.fixed_before``) stays where it
is — unless its slot is no longer open (not on the company's slot grid any more, outside the window, in a blocked
time, the candidate can no longer make it) or it clashes with a fixed appointment of a lower request id. Both are
found here, before any solving, and each becomes a sentence in ``Solution.problems``.
"""

import math

from .board import Board, Index, Option
from .problem import BLOCKERS, Appointment, Problem

LIMIT = 2**31 - 1  # what CP-SAT and the database take as a count or a minute


def check_numbers(problem: Problem) -> None:
    """Raise ``ValueError`` naming the first number the engine cannot work with: NaN, not a whole number, negative
    where it must not be, or beyond 2**31 - 1."""
    for cd in problem.company_days:
        label = f"company {cd.company_id} on day {cd.day}"
        for name in ("day", "site", "visit_start", "visit_minutes", "interviews_from", "interviews_until"):
            _whole(f"{label}: {name}", getattr(cd, name))
        _whole(f"{label}: interviewers", cd.interviewers)
        _whole(f"{label}: slot minutes", cd.slot_minutes, least=1)
        if cd.visit_capacity is not None:
            _whole(f"{label}: guided visit size", cd.visit_capacity)
        for start, end in cd.blocked:
            _whole(f"{label}: blocked time", start)
            _whole(f"{label}: blocked time", end)
    for candidate in problem.candidates:
        for block in candidate.blocked:
            for value in (block.day, block.start, block.end):
                _whole(f"candidate {candidate.id}: unavailable time", value)
    for (a, b), minutes in problem.travel.items():
        _whole(f"travel between sites {a} and {b}", minutes)
    for (language, day), count in problem.interpreters.items():
        _whole(f"interpreters of {language} on day {day}", count)
    settings = problem.settings
    for name in ("day_starts", "default_travel", "day_cost", "workers"):
        _whole(f"settings: {name}", getattr(settings, name))
    if not isinstance(settings.time_limit, int | float) or not math.isfinite(settings.time_limit):
        raise ValueError(f"settings: the time limit must be a number of seconds, not {settings.time_limit!r}")


def _whole(label: str, value, least: int = 0) -> None:
    if isinstance(value, float) and math.isnan(value):
        raise ValueError(f"{label} is not a number (NaN)")
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{label} must be a whole number, not {value!r}")
    if value < least:
        raise ValueError(f"{label} is {value}; it must be {least} or more")
    if value > LIMIT:
        raise ValueError(f"{label} is {value}; the engine takes at most {LIMIT:,}")


def hold_fixed(index: Index, board: Board) -> list[tuple[int, str]]:
    """Place every fixed appointment that can stay on ``board`` (by request id; a full guided visit does not move
    it) and return each one that cannot, with why in words: its slot is no longer open, or it clashes with one
    placed before it."""
    problems = []
    for request_id in index.fixed():
        appointment = index.pinned.get(request_id) or index.published[request_id]
        what = _what(index, appointment)
        option = index.held(request_id)
        if option is None:
            problems.append(
                (request_id, f"{what} cannot stay: {_closed(index, appointment)}; it will be planned anew.")
            )
            continue
        blockers = [b for b in board.blockers(option) if b.code != "visit_full"]
        if not blockers:
            board.place(option)
            continue
        others = ", ".join(map(str, sorted(_clashing(index, board, option, blockers)))) or "(placed before it)"
        why = "; ".join(BLOCKERS[b.code].split(" (")[0] for b in blockers)
        problems.append(
            (
                request_id,
                f"{what} clashes with the fixed appointment of request {others} ({why}): the first keeps its time, "
                f"request {request_id} will be planned anew.",
            )
        )
    return problems


def _what(index: Index, appointment: Appointment) -> str:
    kind = "placed by hand" if appointment.request_id in index.pinned else "published"
    request = index.requests[appointment.request_id]
    return (
        f"Request {appointment.request_id}'s appointment {kind} at company {request.company_id} on day "
        f"{appointment.day} at {_clock(appointment.start)}"
    )


def _closed(index: Index, appointment: Appointment) -> str:
    request = index.requests[appointment.request_id]
    cd = index.company_day.get((request.company_id, appointment.day))
    if cd is None:
        return f"the company no longer has a project-week day {appointment.day}"
    if appointment.start not in cd.slots():
        first = _clock(cd.interviews_from)
        return (
            f"{_clock(appointment.start)} is not a slot of the company's interview grid that day any more "
            f"({cd.slot_minutes}-minute slots from {first} until {_clock(cd.interviews_until)}, after the visit)"
        )
    static = [b for b in index.static[request.id] if b.day == appointment.day]
    if static:
        return BLOCKERS[static[0].code].split(" (")[0]
    if cd.interviewers < 1:
        return "the company has no interviewers that day any more"
    return "the candidate is not available then any more"


def _clashing(index: Index, board: Board, option: Option, blockers) -> set[int]:
    """The fixed requests already on ``board`` that take what ``option`` needs."""
    codes = {b.code for b in blockers}
    found = set()
    for b in blockers:
        if b.code == "candidate_busy":
            found |= set(b.params)
    for other in board.placed.values():
        same_slot = (other.cd, other.start) == (option.cd, option.start)
        if "interviewers_busy" in codes and same_slot:
            found.add(other.request.id)
        overlapping = other.cd.day == option.cd.day and other.start < option.end and option.start < other.end
        if "interpreters_busy" in codes and overlapping:
            language = index.candidates[other.request.candidate_id].interpreter
            if language and language == index.candidates[option.request.candidate_id].interpreter:
                found.add(other.request.id)
    return found


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
