"""The matching engine's scoring on its own: the hard constraints that exclude a pair, and the points and
reasons of the pairs that are allowed (campaigns.matching.scoring)."""

from dataclasses import replace

from campaigns.matching.engine import (
    CandidateIn,
    Problem,
    Settings,
    solve,
)
from campaigns.matching.scoring import CONSTRAINTS, REASONS, evaluate, exclusions, score

from .builders import codes, job, keys, person, reason

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
