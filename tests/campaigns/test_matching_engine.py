"""The matching engine on its own: no database, plain dataclasses (campaigns.matching)."""

import itertools
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from campaigns.matching import (
    CEFR,
    CONSTRAINTS,
    REASONS,
    CandidateIn,
    Pair,
    Problem,
    Settings,
    Solution,
    VacancyIn,
    evaluate,
    exclusions,
    greedy,
    score,
    solve,
    validate,
)

ROOT = Path(__file__).resolve().parents[2]


def person(cid: int, **fields) -> CandidateIn:
    """A candidate whom no hard constraint excludes, unless ``fields`` say otherwise."""
    return CandidateIn(id=cid, **{"selected": True, "consent_to_share": True, "legal_access": True, **fields})


def job(vid: int, company_id: int | None = None, capacity: int = 2, **fields) -> VacancyIn:
    return VacancyIn(id=vid, company_id=vid if company_id is None else company_id, capacity=capacity, **fields)


def codes(pair: Pair) -> list[str]:
    return [reason.code for reason in pair.reasons]


def reason(pair: Pair, code: str):
    return next(r for r in pair.reasons if r.code == code)


def keys(solution: Solution) -> list[tuple[int, int]]:
    return [(pair.candidate_id, pair.vacancy_id) for pair in solution.proposals]


def pins_honoured(problem: Problem, solution: Solution) -> int:
    return len(problem.pinned & set(keys(solution)))


# --- Hard constraints: one test each ---------------------------------------------------------------------------


def test_allowed_pair_has_no_exclusions():
    assert exclusions(person(1), job(10)) == ()


def test_unknown_or_missing_legal_access_excludes():
    assert exclusions(person(1, legal_access=None), job(10)) == ("no_legal_access",)
    assert exclusions(person(1, legal_access=False), job(10)) == ("no_legal_access",)


def test_no_consent_to_share_excludes():
    assert exclusions(person(1, consent_to_share=False), job(10)) == ("no_consent",)


def test_not_selected_in_screening_excludes():
    assert exclusions(person(1, selected=False), job(10)) == ("not_selected",)


def test_language_below_the_required_level_excludes():
    vacancy = job(10, language="nl", language_level="B1")

    assert exclusions(person(1, languages=(("nl", "A2"),)), vacancy) == ("language_level",)
    assert exclusions(person(1, languages=(("fr", "C2"),)), vacancy) == ("language_level",)
    assert exclusions(person(1, languages=(("nl", "B1"),)), vacancy) == ()


def test_a_language_without_a_level_is_wished_not_required():
    vacancy = job(10, language="nl")

    assert exclusions(person(1), vacancy) == ()
    assert codes(score(person(1), vacancy))[2] == "language_missing"


def test_missing_driving_licence_excludes_when_required():
    assert exclusions(person(1), job(10, driving_licence_required=True)) == ("driving_licence",)
    assert exclusions(person(1, has_driving_licence=True), job(10, driving_licence_required=True)) == ()


def test_commute_over_the_limit_excludes_and_unknown_does_not():
    at_limit = person(1, commute_minutes=((10, 60),))
    over = person(1, commute_minutes=((10, 61),))

    assert exclusions(at_limit, job(10)) == ()
    assert exclusions(over, job(10)) == ("commute",)
    assert exclusions(over, job(10), Settings(max_commute_minutes=61)) == ()
    assert exclusions(person(1, commute_minutes=((11, 500),)), job(10)) == ()


def test_disjoint_shifts_exclude_and_unknown_shifts_do_not():
    night = job(10, shifts=frozenset({"night"}))

    assert exclusions(person(1, shifts=frozenset({"day", "early"})), night) == ("shift",)
    assert exclusions(person(1, shifts=frozenset({"day", "night"})), night) == ()
    assert exclusions(person(1), night) == ()


def test_forbidden_pair_is_excluded_in_evaluate():
    problem = Problem((person(1),), (job(10), job(11)), forbidden=frozenset({(1, 10)}))

    allowed, excluded = evaluate(problem)

    assert list(allowed) == [(1, 11)]
    assert excluded[1, 10].constraints == ("forbidden",)


def test_every_applicable_constraint_is_listed_in_the_fixed_order():
    nobody = CandidateIn(id=1, commute_minutes=((10, 90),), shifts=frozenset({"day"}))
    demanding = job(10, language="nl", language_level="A1", driving_licence_required=True, shifts=frozenset({"night"}))
    problem = Problem((nobody,), (demanding,), forbidden=frozenset({(1, 10)}))

    _allowed, excluded = evaluate(problem)

    assert excluded[1, 10].constraints == CONSTRAINTS


def test_excluded_candidates_are_neither_proposed_nor_counted_uncovered():
    problem = Problem((person(1, selected=False), person(2)), (job(10),))

    solution = solve(problem)

    assert keys(solution) == [(2, 10)]
    assert solution.uncovered == ()


# --- Scores and their reasons ------------------------------------------------------------------------------------


def test_language_above_the_required_level_scores_more_than_at_it():
    vacancy = job(10, language="nl", language_level="A2")

    above = score(person(1, languages=(("nl", "B1"),)), vacancy)
    at = score(person(1, languages=(("nl", "a2"), ("NL", "A1"))), vacancy)

    assert reason(above, "language_above").points == 15
    assert reason(above, "language_above").params == (("language", "nl"), ("level", "B1"), ("required", "A2"))
    assert reason(at, "language_at").points == 12
    assert above.fit - at.fit == 3


def test_occupation_scores_exact_then_minor_then_sub_major_group():
    vacancy = job(10, isco_code="9321")

    exact = score(person(1, occupations=frozenset({"9321", "5120"})), vacancy)
    minor = score(person(1, occupations=frozenset({"9329", "9322"})), vacancy)
    sub_major = score(person(1, occupations=frozenset({"9333"})), vacancy)
    other = score(person(1, occupations=frozenset({"5120"})), vacancy)

    assert exact.reasons[0] == reason(exact, "occupation_match")
    assert exact.reasons[0].points == 25
    assert minor.reasons[0].code == "occupation_same_group"
    assert (minor.reasons[0].points, minor.reasons[0].params) == (15, (("isco", "9322"), ("group", "932")))
    assert (sub_major.reasons[0].code, sub_major.reasons[0].points) == ("occupation_related", 8)
    assert (other.reasons[0].code, other.reasons[0].points, other.reasons[0].positive) == ("no_occupation", 0, False)


def test_required_competences_count_double_and_missing_ones_are_a_reason_against():
    vacancy = job(10, required_competences=frozenset({1, 2}), nice_competences=frozenset({3}))

    pair = score(person(1, competences=frozenset({1, 3})), vacancy)

    assert reason(pair, "competences").points == 12  # (2·1 + 1) / (2·2 + 1) of 20
    assert reason(pair, "competences").params == (("matched", 1), ("required", 2), ("nice_matched", 1), ("nice", 1))
    assert reason(pair, "competences_missing").params == (("missing", 1), ("required", 2))
    assert not reason(pair, "competences_missing").positive


def test_rubric_is_linear_from_one_to_five_and_unscored_gets_nothing():
    assert reason(score(person(1, rubric=5.0), job(10)), "rubric").points == 15
    assert reason(score(person(1, rubric=3.0), job(10)), "rubric").points == 8
    assert reason(score(person(1, rubric=1.0), job(10)), "rubric_low").points == 0
    assert reason(score(person(1), job(10)), "rubric_not_scored").points == 0


def test_commute_is_linear_to_the_limit_and_unknown_gets_nothing():
    def commute(minutes):
        return score(person(1, commute_minutes=((10, minutes),)), job(10)).reasons[4]

    assert (commute(0).code, commute(0).points) == ("commute", 10)
    assert (commute(30).points, commute(30).params) == (5, (("minutes", 30), ("limit", 60)))
    assert (commute(60).code, commute(60).points) == ("commute_long", 0)
    assert score(person(1), job(10)).reasons[4].code == "commute_unknown"


def test_shifts_score_the_share_of_the_vacancy_shifts_the_candidate_can_work():
    vacancy = job(10, shifts=frozenset({"day", "late"}))

    assert reason(score(person(1, shifts=frozenset({"day", "late", "night"})), vacancy), "shift_fit").points == 5
    assert reason(score(person(1, shifts=frozenset({"day"})), vacancy), "shift_partial").points == 3
    assert reason(score(person(1), vacancy), "shifts_unknown").points == 0
    assert reason(score(person(1), job(11)), "shift_any").points == 5


def test_a_wished_sector_scores_full_and_a_wished_occupation_half():
    vacancy = job(10, sector="logistics", isco_code="9321")

    assert reason(score(person(1, desired_sectors=frozenset({"logistics"})), vacancy), "wish_sector").points == 10
    assert reason(score(person(1, occupations=frozenset({"9321"})), vacancy), "wish_occupation").points == 5
    assert codes(score(person(1, desired_sectors=frozenset({"care"})), vacancy))[-1] == "no_wish"
    assert codes(score(person(1), vacancy))[-1] == "wishes_unknown"


def test_a_perfect_pair_scores_100_and_the_fit_is_the_sum_of_the_reasons():
    vacancy = job(10, isco_code="9321", sector="care", required_competences=frozenset({1}), language="nl")
    vacancy = replace(vacancy, language_level="A2", shifts=frozenset({"day"}))
    candidate = person(
        1, occupations=frozenset({"9321"}), competences=frozenset({1}), languages=(("nl", "B2"),), rubric=5.0,
        commute_minutes=((10, 0),), shifts=frozenset({"day"}), desired_sectors=frozenset({"care"}),
    )  # fmt: skip

    pair = score(candidate, vacancy)

    assert pair.fit == 100 == sum(r.points for r in pair.reasons)
    assert all(r.positive for r in pair.reasons)
    assert {r.code for r in pair.reasons} <= set(REASONS)


# --- Choosing proposals ------------------------------------------------------------------------------------------


def test_a_pin_is_proposed_even_when_a_better_candidate_wants_the_place():
    strong, weak = person(1, rubric=5.0), person(2, rubric=1.0)
    problem = Problem((strong, weak), (job(10, capacity=1),), pinned=frozenset({(2, 10)}))

    solution = solve(problem)

    assert keys(solution) == [(2, 10)]
    assert keys(greedy(problem)) == [(2, 10)]
    assert solution.problems == ()


def test_a_pin_the_hard_constraints_exclude_is_reported_not_proposed():
    problem = Problem((person(1, consent_to_share=False), person(2)), (job(10),), pinned=frozenset({(1, 10)}))

    solution = solve(problem)

    assert keys(solution) == [(2, 10)]
    assert solution.problems == (
        "Candidate 1 is pinned to vacancy 10, but cannot be proposed there: no consent to share the profile.",
    )
    assert validate(problem, solution) == []


def test_more_pins_than_places_honours_as_many_as_fit_and_says_so():
    people = tuple(person(cid) for cid in (1, 2, 3))
    problem = Problem(people, (job(10, capacity=2),), pinned=frozenset({(1, 10), (2, 10), (3, 10)}))

    solution = solve(problem)

    assert len(solution.proposals) == 2
    assert len(solution.problems) == 1
    assert "takes 2 candidate(s) and more are pinned to it" in solution.problems[0]
    assert validate(problem, solution) == []


def test_a_forbidden_pair_is_never_proposed_even_as_the_only_option():
    problem = Problem((person(1),), (job(10),), forbidden=frozenset({(1, 10)}))

    assert keys(solve(problem)) == keys(greedy(problem)) == []
    assert solve(problem).uncovered == ()


def test_a_candidate_gets_at_most_one_vacancy_per_company():
    same_company = (job(10, company_id=1, isco_code="9321"), job(11, company_id=1))
    candidate = person(1, occupations=frozenset({"9321"}))

    solution = solve(Problem((candidate,), same_company))
    elsewhere = solve(Problem((candidate,), (same_company[0], job(20, company_id=2))))

    assert keys(solution) == [(1, 10)]
    assert keys(elsewhere) == [(1, 10), (1, 20)]


def test_one_vacancy_per_company_holds_however_many_interviews_are_allowed():
    vacancies = (job(10, company_id=1), job(11, company_id=1), job(20, company_id=2))

    solution = solve(Problem((person(1),), vacancies, Settings(max_interviews=3)))

    assert len(solution.proposals) == 2
    assert keys(solution)[1] == (1, 20)


def test_a_vacancy_gets_at_most_its_capacity():
    people = tuple(person(cid, rubric=float(cid)) for cid in (1, 2, 3))

    assert keys(solve(Problem(people, (job(10, capacity=1),)))) == [(3, 10)]
    assert keys(solve(Problem(people, (job(10, capacity=0),)))) == []
    assert solve(Problem(people, (job(10, capacity=0),))).uncovered == (1, 2, 3)


def test_a_candidate_gets_at_most_m_interviews():
    vacancies = tuple(job(vid) for vid in (10, 20, 30))

    assert len(solve(Problem((person(1),), vacancies)).proposals) == 2
    assert len(solve(Problem((person(1),), vacancies, Settings(max_interviews=1))).proposals) == 1
    assert len(solve(Problem((person(1),), vacancies, Settings(max_interviews=0))).proposals) == 0


def test_empty_problems_give_empty_solutions():
    for problem in (Problem((), ()), Problem((person(1),), ()), Problem((), (job(10),))):
        for solution in (solve(problem), greedy(problem)):
            assert (solution.proposals, solution.total_fit, solution.covered) == ((), 0, frozenset())
            assert validate(problem, solution) == []


def test_the_same_problem_in_any_order_gives_the_same_solution():
    people = tuple(person(cid, rubric=3.0, occupations=frozenset({"9321"})) for cid in range(1, 7))
    vacancies = tuple(job(vid, company_id=vid // 20, capacity=2, isco_code="9321") for vid in (10, 11, 20, 21, 40))
    problem = Problem(people, vacancies)
    shuffled = Problem(people[::-1], vacancies[::-1])

    assert solve(problem) == solve(problem) == solve(shuffled)
    assert greedy(problem) == greedy(shuffled)


def two_jobs_one_strong_candidate(m: int) -> Problem:
    """Ana fits the warehouse job best and may drive; Bo fits it too but has no licence for the driving job.
    Each vacancy takes one candidate."""
    warehouse = job(10, company_id=1, capacity=1, isco_code="9321")
    driving = job(20, company_id=2, capacity=1, isco_code="8322", driving_licence_required=True)
    ana = person(1, occupations=frozenset({"9321"}), has_driving_licence=True, rubric=5.0)
    bo = person(2, occupations=frozenset({"9321"}), rubric=3.0)
    return Problem((ana, bo), (warehouse, driving), Settings(max_interviews=m))


def test_greedy_leaves_someone_out_where_the_engine_covers_everyone():
    problem = two_jobs_one_strong_candidate(m=1)
    ana, bo = problem.candidates
    warehouse, driving = problem.vacancies
    assert score(ana, warehouse).fit > score(bo, warehouse).fit > score(ana, driving).fit
    assert exclusions(bo, driving) == ("driving_licence",)

    baseline, engine = greedy(problem), solve(problem)

    assert (keys(baseline), baseline.uncovered) == ([(1, 10)], (2,))
    assert (keys(engine), engine.covered, engine.uncovered) == ([(1, 20), (2, 10)], frozenset({1, 2}), ())


def test_coverage_comes_before_fit_even_when_it_costs_fit():
    problem = two_jobs_one_strong_candidate(m=2)

    baseline, engine = greedy(problem), solve(problem)
    fit_only = solve(replace(problem, settings=replace(problem.settings, coverage_first=False)))

    assert keys(baseline) == keys(fit_only) == [(1, 10), (1, 20)]
    assert keys(engine) == [(1, 20), (2, 10)]
    assert len(engine.covered) > len(baseline.covered)
    assert engine.total_fit < baseline.total_fit == fit_only.total_fit


def test_covering_one_more_candidate_outweighs_any_loss_of_fit():
    warehouse = job(
        10, company_id=1, capacity=1, isco_code="9321", sector="care", required_competences=frozenset({1}),
        language="nl", language_level="A1", shifts=frozenset({"day"}),
    )  # fmt: skip
    driving = job(20, company_id=2, capacity=1, driving_licence_required=True)
    ana = person(
        1, occupations=frozenset({"9321"}), competences=frozenset({1}), languages=(("nl", "B2"),), rubric=5.0,
        commute_minutes=((10, 0),), shifts=frozenset({"day"}), desired_sectors=frozenset({"care"}),
        has_driving_licence=True,
    )  # fmt: skip
    bo = person(2, languages=(("nl", "A1"),))
    problem = Problem((ana, bo), (warehouse, driving))
    assert (score(ana, warehouse).fit, score(bo, warehouse).fit) == (100, 12)

    engine = solve(problem)

    assert keys(engine) == [(1, 20), (2, 10)]
    assert engine.total_fit == greedy(problem).total_fit - 88


def test_duplicate_ids_are_refused():
    try:
        solve(Problem((person(1), person(1)), (job(10),)))
    except ValueError as error:
        assert str(error) == "candidate ids appear more than once: [1]"
    else:
        raise AssertionError("duplicate candidate ids were accepted")


# --- validate() catches every kind of violation ------------------------------------------------------------------


def honest(problem: Problem, chosen, problems=()) -> Solution:
    """A solution for exactly these pairs, with every derived field computed truthfully."""
    candidates = {c.id: c for c in problem.candidates}
    vacancies = {v.id: v for v in problem.vacancies}
    proposals = tuple(score(candidates[c], vacancies[v], problem.settings) for c, v in sorted(chosen))
    covered = frozenset(pair.candidate_id for pair in proposals)
    eligible = {c for c, _v in evaluate(problem)[0]}
    return Solution(
        "test", proposals, sum(p.fit for p in proposals), covered, tuple(sorted(eligible - covered)), problems
    )


VALIDATED = Problem(
    (person(1, rubric=4.0), person(2), person(3, selected=False)),
    (job(10, company_id=1, capacity=1), job(11, company_id=1), job(20, company_id=2, capacity=1)),
)


def test_validate_accepts_an_honest_solution():
    assert validate(VALIDATED, honest(VALIDATED, [(1, 10), (1, 20), (2, 11)])) == []


def test_validate_catches_an_excluded_or_forbidden_pair():
    forbidding = replace(VALIDATED, forbidden=frozenset({(1, 20)}))

    assert validate(VALIDATED, honest(VALIDATED, [(3, 20)])) == ["pair (3, 20) is excluded: not_selected"]
    assert validate(forbidding, honest(forbidding, [(1, 20)])) == ["pair (1, 20) is forbidden"]


def test_validate_catches_broken_limits():
    one_interview = replace(VALIDATED, settings=Settings(max_interviews=1))

    assert validate(VALIDATED, honest(VALIDATED, [(1, 10), (2, 10)])) == ["vacancy 10 has 2 candidates, capacity 1"]
    assert validate(one_interview, honest(one_interview, [(1, 10), (1, 20)])) == [
        "candidate 1 has 2 interviews, at most 1"
    ]
    assert validate(VALIDATED, honest(VALIDATED, [(1, 10), (1, 11)])) == ["candidate 1 has 2 vacancies at company 1"]


def test_validate_catches_wrong_fits_and_reasons():
    solution = honest(VALIDATED, [(1, 10)])
    pair = solution.proposals[0]

    wrong_fit = replace(solution, proposals=(replace(pair, fit=pair.fit + 1),))
    wrong_reasons = replace(solution, proposals=(replace(pair, reasons=()),))

    assert validate(VALIDATED, wrong_fit) == [f"pair (1, 10) has fit {pair.fit + 1}, score() gives {pair.fit}"]
    assert validate(VALIDATED, wrong_reasons) == ["pair (1, 10) has other reasons than score() gives"]


def test_validate_catches_wrong_totals_and_coverage():
    solution = honest(VALIDATED, [(1, 10)])

    assert validate(VALIDATED, replace(solution, total_fit=solution.total_fit + 1)) == [
        f"total fit is {solution.total_fit + 1}, the proposals add up to {solution.total_fit}"
    ]
    assert validate(VALIDATED, replace(solution, covered=frozenset())) == ["covered is [], the proposals cover [1]"]
    assert validate(VALIDATED, replace(solution, uncovered=())) == ["uncovered is [], should be [2]"]


def test_validate_catches_unsorted_repeated_and_unknown_pairs():
    solution = honest(VALIDATED, [(1, 10), (2, 20)])
    stranger = Pair(9, 11, 0, ())

    unsorted = replace(solution, proposals=solution.proposals[::-1])
    repeated = replace(solution, proposals=(solution.proposals[0], *solution.proposals))
    unknown = replace(solution, proposals=(*solution.proposals, stranger), covered=frozenset({1, 2, 9}))

    assert validate(VALIDATED, unsorted) == ["proposals are not sorted by (candidate, vacancy)"]
    assert validate(VALIDATED, repeated) == ["pair (1, 10) is proposed twice"]
    assert validate(VALIDATED, unknown) == ["pair (9, 11) names an unknown candidate or vacancy"]


def test_validate_catches_a_pin_left_out_silently_or_without_cause():
    pinning = replace(VALIDATED, pinned=frozenset({(2, 20)}))
    note = "Candidate 2 is pinned to vacancy 20, but something went wrong."

    assert validate(pinning, honest(pinning, [(1, 10)])) == [
        "pin (2, 20) is not honoured and problems do not say so",
        "pin (2, 20) is not honoured though the other pins leave room for it",
    ]
    assert validate(pinning, honest(pinning, [(1, 10)], problems=(note,))) == [
        "pin (2, 20) is not honoured though the other pins leave room for it"
    ]


# --- Properties on random small problems -------------------------------------------------------------------------

SHIFTS = st.just(frozenset()) | st.frozensets(st.sampled_from(("day", "night", "weekend")), min_size=1, max_size=2)
SECTORS = st.sampled_from(("", "logistics", "care"))


def often(tenths: int):
    """True in about ``tenths`` out of ten draws: random problems must keep most pairs allowed to be interesting."""
    return st.integers(0, 9).map(lambda n: n < tenths)


@st.composite
def problems(draw, max_candidates: int = 5, max_vacancies: int = 4) -> Problem:
    """Small problems where candidates compete for few places (capacity 0-3, two or three companies)."""
    vacancies = tuple(
        job(
            10 + index,
            company_id=draw(st.integers(1, 3)),
            capacity=draw(st.sampled_from((0, 1, 1, 2, 2, 3))),
            isco_code=draw(st.sampled_from(("", "9321", "9329", "9333", "8322"))),
            sector=draw(SECTORS),
            required_competences=draw(st.frozensets(st.integers(1, 4), max_size=2)),
            nice_competences=draw(st.frozensets(st.integers(1, 4), max_size=2)),
            language=draw(st.sampled_from(("", "", "nl", "nl", "fr"))),
            language_level=draw(st.sampled_from(("", "A1", "A2"))),
            driving_licence_required=draw(often(2)),
            shifts=draw(SHIFTS),
        )
        for index in range(draw(st.integers(1, max_vacancies)))
    )
    minutes = st.none() | st.integers(0, 40)
    candidates = tuple(
        CandidateIn(
            id=1 + index,
            occupations=draw(st.frozensets(st.sampled_from(("9321", "9322", "9333", "8322", "5120")), max_size=2)),
            competences=draw(st.frozensets(st.integers(1, 4), max_size=3)),
            languages=(
                ("nl", draw(st.sampled_from(CEFR))),
                *draw(st.lists(st.tuples(st.just("fr"), st.sampled_from(CEFR)), max_size=1)),
            ),
            has_driving_licence=draw(often(5)),
            shifts=draw(SHIFTS),
            desired_sectors=draw(st.frozensets(SECTORS, max_size=1)),
            rubric=draw(st.none() | st.floats(1, 5)),
            selected=draw(often(9)),
            consent_to_share=draw(often(9)),
            legal_access=draw(st.sampled_from((True,) * 8 + (False, None))),
            commute_minutes=tuple((v.id, m) for v in vacancies if (m := draw(minutes)) is not None),
        )
        for index in range(draw(st.integers(1, max_candidates)))
    )
    pairs = sorted((c.id, v.id) for c in candidates for v in vacancies)
    some_pairs = st.frozensets(st.sampled_from(pairs), max_size=3) if pairs else st.just(frozenset())
    limits = Settings(
        max_interviews=draw(st.sampled_from((0, 1, 2, 2, 3))),
        max_commute_minutes=draw(st.sampled_from((30, 60))),
        coverage_first=draw(often(7)),
    )
    return Problem(candidates, vacancies, limits, pinned=draw(some_pairs), forbidden=draw(some_pairs))


@st.composite
def contests(draw, most: int = 3) -> Problem:
    """Everyone may work, places are few and a driving licence splits the options: where covering everyone, the
    best fit, pins and one-vacancy-per-company pull apart."""
    vacancies = tuple(
        job(
            10 + index,
            company_id=draw(st.integers(1, most)),
            capacity=draw(st.sampled_from((1, 1, 2, 0))),
            isco_code=draw(st.sampled_from(("9321", "8322"))),
            driving_licence_required=draw(st.booleans()),
        )
        for index in range(draw(st.integers(1, most)))
    )
    candidates = tuple(
        person(
            1 + index,
            occupations=draw(st.frozensets(st.sampled_from(("9321", "8322")), max_size=1)),
            rubric=draw(st.floats(1, 5)),
            has_driving_licence=draw(st.booleans()),
        )
        for index in range(draw(st.integers(1, most)))
    )
    pairs = st.sampled_from(sorted((c.id, v.id) for c in candidates for v in vacancies))
    limits = Settings(max_interviews=draw(st.sampled_from((2, 2, 1))), coverage_first=draw(often(7)))
    pinned, forbidden = draw(st.frozensets(pairs, max_size=2)), draw(st.frozensets(pairs, max_size=1))
    return Problem(candidates, vacancies, limits, pinned=pinned, forbidden=forbidden)


def objective(problem: Problem, solution: Solution) -> tuple[int, int, int]:
    covered = len(solution.covered) if problem.settings.coverage_first else 0
    return pins_honoured(problem, solution), covered, solution.total_fit


def brute_force_optimum(problem: Problem) -> tuple[int, int, int]:
    """The best (pins, covered, fit) over every subset of allowed pairs that keeps the limits."""
    allowed, _excluded = evaluate(problem)
    vacancies = {v.id: v for v in problem.vacancies}
    pairs = list(allowed.values())
    best = (0, 0, 0)
    for chosen in itertools.product((False, True), repeat=len(pairs)):
        taken = [pair for pair, take in zip(pairs, chosen, strict=True) if take]
        per_vacancy = [p.vacancy_id for p in taken]
        per_candidate = [p.candidate_id for p in taken]
        per_company = [(p.candidate_id, vacancies[p.vacancy_id].company_id) for p in taken]
        if any(per_vacancy.count(v) > vacancies[v].capacity for v in per_vacancy):
            continue
        if any(per_candidate.count(c) > problem.settings.max_interviews for c in per_candidate):
            continue
        if len(set(per_company)) < len(per_company):
            continue
        pins = len(problem.pinned & {(p.candidate_id, p.vacancy_id) for p in taken})
        covered = len(set(per_candidate)) if problem.settings.coverage_first else 0
        best = max(best, (pins, covered, sum(p.fit for p in taken)))
    return best


@settings(max_examples=150, deadline=None, database=None)
@given(problems() | contests(most=5))
def test_every_solution_of_either_method_is_valid(problem):
    assert validate(problem, solve(problem)) == []
    assert validate(problem, greedy(problem)) == []


@settings(max_examples=150, deadline=None, database=None)
@given(problems() | contests(most=5))
def test_the_engine_is_never_behind_greedy(problem):
    assert objective(problem, solve(problem)) >= objective(problem, greedy(problem))


@settings(max_examples=150, deadline=None, database=None)
@given(problems(max_candidates=3, max_vacancies=3) | contests(most=3))
def test_the_engine_reaches_the_brute_force_optimum(problem):
    assert objective(problem, solve(problem)) == brute_force_optimum(problem)


@settings(max_examples=150, deadline=None, database=None)
@given(problems())
def test_every_reason_is_documented_and_the_fit_is_the_sum_of_its_points(problem):
    for candidate in problem.candidates:
        for vacancy in problem.vacancies:
            pair = score(candidate, vacancy, problem.settings)

            assert pair.fit == min(sum(r.points for r in pair.reasons), 100)
            for r in pair.reasons:
                assert tuple(name for name, _value in r.params) == REASONS[r.code]
                assert r.positive or r.points == 0


# --- Purity ------------------------------------------------------------------------------------------------------


def test_the_engine_imports_no_django():
    code = "import sys, campaigns.matching; print(sorted(m for m in sys.modules if m.startswith('django')))"

    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)

    assert result.stdout.strip() == "[]"
