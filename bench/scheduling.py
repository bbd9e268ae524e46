"""The scheduling engine on realistic project weeks: the greedy baseline against CP-SAT.

Each instance is seeded: candidates x companies over a four-day week; every company has one or two days with a
guided visit (60-90 minutes, starting between 10:00 and 14:00) and interviews after it for two to four hours,
one to three interviewers, slots of 20, 30 or 45 minutes. Candidates start from one of three reception centres
(their transport group), one in five needs an interpreter (three languages, one or two interpreters a day), and
each has one to three confirmed proposals at different companies — about as many as a company has slots
(85 %), as matching would propose. Travel is 10 minutes plus 1.5 a kilometre.

For each method: interviews scheduled and dropped, waiting per interview (end of visit to interview), candidate
days, mean HR span per company-day, the queue bound (the least waiting per interview any schedule with the same
interviews per company-day could have), the validator's violations (must be 0), status and seconds. CP-SAT gets
10 seconds; the run fails if any schedule is invalid or CP-SAT is behind greedy on its lexicographic objective.

Alone: ``.venv/bin/python bench/scheduling.py``; ``make bench`` runs it after the matching benchmark.
Writes ``bench/scheduling.json``, one record per instance and method.
"""

import json
import math
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from campaigns.projectweek import engine as scheduling  # noqa: E402
from campaigns.projectweek.validation import validate  # noqa: E402

SIZES = [(45, 15), (150, 20), (300, 30)]
SEEDS = (1, 2, 3)
DAYS = (1, 2, 3, 4)
LANGUAGES = ("ar", "prs", "ti")
OUTPUT = Path(__file__).with_name("scheduling.json")
REGION_KM = 40
CENTRES = {1: (5.0, 5.0), 2: (20.0, 30.0), 3: (35.0, 10.0)}  # reception centres, also sites 1-3


def instance(candidates: int, companies: int, seed: int, time_limit: float = 10.0) -> scheduling.Problem:
    rng = random.Random(seed)
    places = dict(CENTRES)
    company_days = []
    for company in range(1, companies + 1):
        site = 100 + company
        places[site] = (rng.uniform(0, REGION_KM), rng.uniform(0, REGION_KM))
        slot = rng.choice((20, 30, 30, 45))
        for day in sorted(rng.sample(DAYS, rng.choice((1, 1, 2)))):
            visit_start = rng.choice(range(10 * 60, 14 * 60 + 1, 30))
            visit_minutes = rng.choice((60, 75, 90))
            window = rng.choice((120, 180, 240))
            company_days.append(
                scheduling.CompanyDay(
                    company_id=company,
                    day=day,
                    site=site,
                    visit_start=visit_start,
                    visit_minutes=visit_minutes,
                    interviews_from=visit_start + visit_minutes,
                    interviews_until=visit_start + visit_minutes + window,
                    interviewers=rng.choice((1, 2, 2, 3)),
                    slot_minutes=slot,
                )
            )
    # matching proposes about as many candidates as a company can interview: 85 % of its slots
    room = Counter()
    for cd in company_days:
        room[cd.company_id] += len(cd.slots()) * cd.interviewers
    room = Counter({company: int(0.85 * places) for company, places in room.items()})
    people, requests = [], []
    for cid in range(1, candidates + 1):
        home = rng.choice(sorted(CENTRES))
        people.append(
            scheduling.CandidateIn(
                id=cid,
                home=home,
                group=f"centre {home}",
                interpreter=rng.choice(LANGUAGES) if rng.random() < 0.2 else "",
            )
        )
        open_places = [c for c in sorted(room) if room[c] > 0]
        for company in rng.sample(open_places, min(len(open_places), rng.choice((1, 2, 2, 3)))):
            requests.append(scheduling.Request(len(requests) + 1, cid, company))
            room[company] -= 1
    travel = {(a, b): round(10 + 1.5 * math.dist(places[a], places[b])) for a in places for b in places if a < b}
    interpreters = {(language, day): rng.choice((1, 2)) for language in LANGUAGES for day in DAYS}
    return scheduling.Problem(
        company_days=tuple(company_days),
        candidates=tuple(people),
        requests=tuple(requests),
        travel=travel,
        interpreters=interpreters,
        settings=scheduling.Settings(time_limit=time_limit),
    )


def queue_bound(problem: scheduling.Problem, solution: scheduling.Solution) -> int:
    """The least total waiting for the same number of interviews per company-day: the i-th interview there
    cannot start before slot i // interviewers after the visit, whoever the candidates are."""
    requests = {r.id: r for r in problem.requests}
    per_day = Counter((requests[a.request_id].company_id, a.day) for a in solution.appointments)
    total = 0
    for cd in problem.company_days:
        slots = cd.slots()
        for i in range(per_day[cd.company_id, cd.day]):
            total += slots[i // cd.interviewers] - cd.visit_end
    return total


def objective(problem: scheduling.Problem, solution: scheduling.Solution) -> tuple[int, int, int]:
    """What both methods minimise, in order: dropped, waiting plus the cost of candidate days, HR span."""
    waiting = solution.wait + problem.settings.day_cost * solution.candidate_days
    return len(solution.dropped), waiting, solution.hr_span


def run_instance(candidates: int, companies: int, seed: int) -> list[dict]:
    problem = instance(candidates, companies, seed)
    records = []
    for method in (scheduling.greedy, scheduling.solve):
        started = time.perf_counter()
        solution = method(problem)
        seconds = time.perf_counter() - started
        interviews = len(solution.appointments)
        used_days = len(_company_days(problem, solution))
        records.append(
            {
                "candidates": candidates,
                "companies": companies,
                "seed": seed,
                "method": solution.method,
                "interviews": interviews,
                "dropped": len(solution.dropped),
                "wait_per_interview": round(solution.wait / interviews, 1) if interviews else 0.0,
                "candidate_days": solution.candidate_days,
                "hr_span": round(solution.hr_span / used_days, 1) if used_days else 0.0,
                "queue_bound": round(queue_bound(problem, solution) / interviews, 1) if interviews else 0.0,
                "violations": len(validate(problem, solution)),
                "status": solution.status,
                "seconds": round(seconds, 3),
                "objective": objective(problem, solution),
            }
        )
    return records


def _company_days(problem: scheduling.Problem, solution: scheduling.Solution) -> set[tuple[int, int]]:
    requests = {r.id: r for r in problem.requests}
    return {(requests[a.request_id].company_id, a.day) for a in solution.appointments}


def main() -> None:
    print(
        "\nScheduling: greedy baseline vs CP-SAT (10 s), four-day project week; wait and queue bound in minutes per\n"
        "interview, HR span in minutes per company-day with interviews; violations found by the validator\n"
    )
    header = (
        f"{'size':>8} | {'seed':>4} | {'method':>6} | {'requests':>8} | {'dropped':>7} | {'wait':>6} | "
        f"{'queue bound':>11} | {'cand. days':>10} | {'HR span':>7} | {'violations':>10} | {'status':>10} | "
        f"{'seconds':>7}"
    )
    print(header)
    print("-+-".join("-" * len(column) for column in header.split(" | ")))
    records, failures = [], []
    for candidates, companies in SIZES:
        for seed in SEEDS:
            pair = run_instance(candidates, companies, seed)
            for r in pair:
                print(
                    f"{candidates}×{companies:<4} | {seed:>4} | {r['method']:>6} | "
                    f"{r['interviews'] + r['dropped']:>8} | {r['dropped']:>7} | {r['wait_per_interview']:>6.1f} | "
                    f"{r['queue_bound']:>11.1f} | {r['candidate_days']:>10} | {r['hr_span']:>7.1f} | "
                    f"{r['violations']:>10} | {r['status']:>10} | {r['seconds']:>7.2f}"
                )
                if r["violations"]:
                    failures.append(f"{candidates}×{companies} seed {seed} {r['method']}: {r['violations']} violations")
            greedy, exact = pair
            if exact["objective"] > greedy["objective"]:
                failures.append(f"{candidates}×{companies} seed {seed}: CP-SAT behind greedy")
            records += pair
    OUTPUT.write_text(json.dumps(records, indent=2) + "\n")
    if failures:
        print("\n".join(["", *failures]))
        sys.exit(1)
    print(f"\nNo violations; CP-SAT at least as good as greedy everywhere. Records: {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
