"""The second step of the waiting decomposition: once each request has its company-day (the first step, greedy's or
CP-SAT's), the order within each session — exactly, one session at a time.

Pure Python, no Django, no solver.

**What is exact.** :func:`queue` takes one session (a company-day) and holds everything else where it is: every
appointment on other company-days, the fixed ones (pinned, or published and under way), and published ones still
at their published time (moving them would change a published appointment). For the other requests of the session
(the *movable* ones) it returns slots with

- every rule of ``engine`` kept, the others held as they are, and
- the least waiting of the movable requests, **and** the earliest end of the last of them,

among all schedules that differ from the given one only in the slots of those requests. Waiting is ``start - end of
the visit`` summed over interviews (``validation.measures``), so the session's waiting is the sum of the slot starts
less a constant, and its HR day ends with its last interview; the candidates' days and the visits do not change.
So no such schedule is better on the engine's lexicographic objective, and none is worse than the one given.

**Why it is exact.** With the rest held, what a movable request may take is a set of slots, and what limits them
together is a count per slot, over sets of requests that nest (a candidate needs one language or none):

- the interviewers still free in the slot (all movable requests);
- the interpreters of a language still free during the slot: the number the day has, less the most of those held
  running at any moment in the slot (the requests needing that language);
- one candidate's own movable requests in the session, at most one per slot (they share the visit and the site;
  two slots of one grid do not overlap);

and a slot's requests never meet those of another slot (same grid, same length). Everything else — travel to and
from the candidate's appointments elsewhere, their unavailable times, the company's blocked times, the guided
visit — decides only which slots a request may take. Give each slot one place per interviewer still free: the
sets of places that can be filled, one request each, are the *linked* sets of a flow network (request →
candidate-slot → language-slot → slot place), i.e. the independent sets of a gammoid, which is a matroid. Greedy
on a matroid — take the earliest place that can still be linked, found by an augmenting path — gives the base
whose k-th earliest place is as early as in any other base, for every k (Gale, 1968): it minimises the sum of the
starts and the latest start at once. Every movable request gets a place (the places they hold now are a base),
so the queue is never worse than what it was given. The tests compare it with brute force on small weeks.

:func:`reorder` runs it for every session in turn, again until no session improves (at most ``ROUNDS`` passes):
each step keeps the schedule valid and never worsens the objective; when it stops because nothing improves, no
single session's queue improves the schedule (a local optimum for the given company-days, not a global one: a
candidate's interviews at two companies can hold each other's queues).
"""

from collections import defaultdict
from collections.abc import Iterable

from .board import Board, Index, Option
from .problem import CompanyDay

ROUNDS = 5  # passes over the sessions; each pass that improves nothing ends it earlier


def reorder(index: Index, chosen: Iterable[Option]) -> list[Option]:
    """Each session queued exactly (:func:`queue`), the rest held, in turn, until no session improves (at most
    ``ROUNDS`` passes)."""
    now = {o.request.id: o for o in chosen}
    stay = set(index.fixed()) | {r for r, o in now.items() if o == index.kept(r)}
    sessions = sorted({o.cd for r, o in now.items() if r not in stay}, key=lambda cd: (cd.day, cd.company_id))
    for _round in range(ROUNDS):
        improved = False
        for cd in sessions:
            queued = queue(index, now, cd, stay)
            before = _cost(now[r] for r in queued)
            if _cost(queued.values()) < before:
                now |= queued
                improved = True
        if not improved:
            break
    return list(now.values())


def _cost(options: Iterable[Option]) -> tuple[int, int]:
    """Waiting (as slot starts) and the latest end: what :func:`queue` minimises, both at once."""
    options = list(options)
    return sum(o.start for o in options), max((o.end for o in options), default=0)


def queue(index: Index, now: dict[int, Option], cd: CompanyDay, stay: set[int]) -> dict[int, Option]:
    """The movable requests of one session (on ``cd`` in ``now``, not in ``stay``) in their best slots, everything
    else held: the least waiting and the earliest last end (see the module's docstring for why it is exact)."""
    movable = sorted(r for r, o in now.items() if o.cd == cd and r not in stay)
    held = Board(index)
    for request_id, option in now.items():
        if request_id not in movable:
            held.place(option)
    network = _Network()
    slots = {}  # (request id, start) -> option
    for request_id in movable:
        for option in _open(index, held, request_id, cd):
            slots[request_id, option.start] = option
            network.link(index, held, option)
    for start in sorted({start for _r, start in slots}):
        while network.room(("slot", start)) and network.augment(("slot", start)):
            pass
    taken = network.assignment()
    if sorted(taken) != movable:  # cannot happen: the slots they hold now are one way to place them all
        return {r: now[r] for r in movable}
    return {r: slots[r, start] for r, start in taken.items()}


def _open(index: Index, held: Board, request_id: int, cd: CompanyDay) -> list[Option]:
    """The request's slots on ``cd`` that its candidate's appointments elsewhere (held) leave open."""
    candidate_id = index.requests[request_id].candidate_id
    others = held.by_candidate_day[candidate_id, cd.day]
    return [o for o in index.options[request_id] if o.cd == cd and all(index.compatible(o, other) for other in others)]


class _Network:
    """Request → (candidate, slot) → (language, slot) → slot → end, with the room each slot has left; a flow of
    one unit per request placed, grown one augmenting path at a time."""

    def __init__(self):
        self.capacity: dict[tuple, int] = {}
        self.flow: dict[tuple, int] = defaultdict(int)
        self.out: dict[tuple, list] = defaultdict(list)
        self.into: dict[tuple, list] = defaultdict(list)
        self.sink_room: dict[tuple, int] = {}
        self.free: set[tuple] = set()  # requests not yet placed

    def edge(self, tail: tuple, head: tuple, capacity: int) -> None:
        if (tail, head) not in self.capacity:
            self.out[tail].append(head)
            self.into[head].append(tail)
        self.capacity[tail, head] = capacity

    def link(self, index: Index, held: Board, option: Option) -> None:
        cd, start, request = option.cd, option.start, option.request
        candidate = index.candidates[request.candidate_id]
        slot = ("slot", start)
        self.sink_room.setdefault(slot, cd.interviewers - held.taken[cd.company_id, cd.day, start])
        step = ("candidate", candidate.id, start)
        if language := candidate.interpreter:
            free = _interpreters_free(index, held, language, option)
            if free < 1:
                return
            self.edge(step, ("language", language, start), 1)
            self.edge(("language", language, start), slot, free)
        else:
            self.edge(step, slot, 1)
        self.edge(("request", request.id), step, 1)
        self.free.add(("request", request.id))

    def room(self, slot: tuple) -> bool:
        return self.sink_room.get(slot, 0) > 0 and bool(self.free)

    def augment(self, target: tuple) -> bool:
        """One more unit from any request not yet placed to ``target``, along a shortest residual path."""
        parent = dict.fromkeys(sorted(self.free))
        frontier = list(parent)
        while frontier and target not in parent:
            following = []
            for node in frontier:
                steps = [(head, True) for head in self.out[node]] + [(tail, False) for tail in self.into[node]]
                for nxt, forward in steps:
                    residual = self.capacity[node, nxt] - self.flow[node, nxt] if forward else self.flow[nxt, node]
                    if residual > 0 and nxt not in parent:
                        parent[nxt] = (node, forward)
                        following.append(nxt)
            frontier = following
        if target not in parent:
            return False
        node = target
        while parent[node] is not None:
            previous, forward = parent[node]
            if forward:
                self.flow[previous, node] += 1
            else:
                self.flow[node, previous] -= 1
            node = previous
        self.free.discard(node)
        self.sink_room[target] -= 1
        return True

    def assignment(self) -> dict[int, int]:
        """Request id -> the start of its slot."""
        return {
            tail[1]: head[2]
            for (tail, head), units in self.flow.items()
            if units and tail[0] == "request" and head[0] == "candidate"
        }


def _interpreters_free(index: Index, held: Board, language: str, option: Option) -> int:
    """Interpreters of the language free through the whole slot: the day's number less the most of those held
    running at one moment in it (a moment an interview starts, where the count can rise)."""
    busy = held.interpreting[language, option.cd.day]
    moments = [option.start] + [o.start for o in busy if option.start <= o.start < option.end]
    running = max(sum(o.start <= moment < o.end for o in busy) for moment in moments)
    return index.problem.interpreters.get((language, option.cd.day), 0) - running
