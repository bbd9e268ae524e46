"""Random small matching problems for the engine's properties (hypothesis strategies)."""

from hypothesis import strategies as st

from campaigns.matching.engine import CandidateIn, Problem, Settings
from campaigns.matching.scoring import CEFR

from .builders import job, person

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
