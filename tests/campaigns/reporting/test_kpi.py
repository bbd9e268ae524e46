"""The KPI engine on a data set small enough to count by hand, and the invariants it keeps on any data set."""

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from campaigns.reporting import kpi

ALL_STAGES = frozenset(kpi.STAGES)


def person(candidate_id: int, registered_on: date, *stages: str, **facts) -> kpi.Person:
    return kpi.Person(
        candidate_id=candidate_id, registered_on=registered_on, stages=frozenset({"registered", *stages}), **facts
    )


# Seven people in eight rows: candidate 2 was enrolled in an earlier campaign too (row 2a).
#
# id  registered  gender edu    nat target            centre    stages reached            first start  outcome
# 1   2025-01-06  woman  low    SY  refugees          Kapellen  all, up to placed         2025-02-05   permanent
# 2a  2024-11-04  man    medium SY  refugees          Kapellen  screened..interviewed     —            temp_work
# 2b  2025-01-06  man    medium SY  refugees          Kapellen  proposed..placed          2025-03-07   temp_work
# 3   2025-01-06  man    low    AF  asylum_applicants Kapellen  up to offer               —            searching
# 4   2025-02-01  man    low    AF  asylum_applicants Broechem  up to proposed, placed    2026-02-11   training
# 5   2025-02-01  woman  high   ER  refugees          —         screened                  —            out: moved
# 6   2025-02-01  man    low    SY  refugees          Broechem  —                         —            out: unreachable
# 7   2025-03-01  man    medium AF  refugees          —         all, up to placed         2025-03-01   out: health
ROWS = [
    person(
        1, date(2025, 1, 6), *kpi.STAGES, gender="woman", education_level="low", nationality="SY",
        target_group="refugees", reception_centre="Kapellen", first_start=date(2025, 2, 5), outcome="permanent_job",
    ),
    person(
        2, date(2024, 11, 4), "screened", "selected", "proposed", "interviewed", gender="man",
        education_level="medium", nationality="SY", target_group="refugees", reception_centre="Kapellen",
        outcome="temp_work",
    ),
    person(
        2, date(2025, 1, 6), "proposed", "interviewed", "offer", "placed", gender="man", education_level="medium",
        nationality="SY", target_group="refugees", reception_centre="Kapellen", first_start=date(2025, 3, 7),
        outcome="temp_work",
    ),
    person(
        3, date(2025, 1, 6), "screened", "selected", "proposed", "interviewed", "offer", gender="man",
        education_level="low", nationality="AF", target_group="asylum_applicants", reception_centre="Kapellen",
        outcome="searching",
    ),
    person(
        4, date(2025, 2, 1), "screened", "selected", "proposed", "placed", gender="man", education_level="low",
        nationality="AF", target_group="asylum_applicants", reception_centre="Broechem",
        first_start=date(2026, 2, 11), outcome="training",
    ),
    person(
        5, date(2025, 2, 1), "screened", gender="woman", education_level="high", nationality="ER",
        target_group="refugees", outcome="dropped_out", drop_out_reason="moved",
    ),
    person(
        6, date(2025, 2, 1), gender="man", education_level="low", nationality="SY", target_group="refugees",
        reception_centre="Broechem", outcome="dropped_out", drop_out_reason="unreachable",
    ),
    person(
        7, date(2025, 3, 1), *kpi.STAGES, gender="man", education_level="medium", nationality="AF",
        target_group="refugees", first_start=date(2025, 3, 1), outcome="dropped_out",
        drop_out_reason="health_or_family",
    ),
]  # fmt: skip


def test_the_report_matches_the_figures_counted_by_hand():
    figures = kpi.report(ROWS)

    # Seven people: candidate 2 counts once, with the stages of both enrolments (screened comes from 2a).
    assert figures.people == 7
    assert figures.funnel == [
        ("registered", 7),  # 1-7
        ("screened", 6),  # all but 6
        ("selected", 5),  # 1, 2, 3, 4, 7
        ("proposed", 5),  # 1, 2, 3, 4, 7
        ("interviewed", 4),  # 1, 2, 3, 7
        ("offer", 4),  # 1, 2, 3, 7
        ("placed", 4),  # 1, 2, 4, 7
    ]
    # Of the four placed: 1 permanent, 2 temp work, 4 in training, 7 dropped out after the job ended.
    assert figures.outcomes == [
        ("permanent_job", 1),
        ("fixed_term_job", 0),
        ("temp_work", 1),
        ("training", 1),
        ("article_60", 0),
        ("starting", 0),
        ("searching", 0),  # 3 is searching, but was never placed
        ("dropped_out", 1),
    ]
    # (group, registered, placed), the largest group first, then by code.
    assert figures.breakdowns == {
        "gender": [("man", 5, 3), ("woman", 2, 1)],  # men 2, 3, 4, 6, 7 (placed 2, 4, 7); women 1, 5 (placed 1)
        "education_level": [("low", 4, 2), ("medium", 2, 2), ("high", 1, 0)],  # low 1, 3, 4, 6; medium 2, 7
        "nationality": [("AF", 3, 2), ("SY", 3, 2), ("ER", 1, 0)],  # AF 3, 4, 7; SY 1, 2, 6
        "target_group": [("refugees", 5, 3), ("asylum_applicants", 2, 1)],  # asylum applicants 3, 4
        "reception_centre": [("Kapellen", 3, 2), ("", 2, 1), ("Broechem", 2, 1)],  # none: 5, 7; Broechem 4, 6
    }
    # Days from (the earliest) registration to the first start: 1 → 30, 2 → 123 (from 4 November 2024),
    # 4 → 375, 7 → 0. Within a year: 1, 2 and 7. Median of 0, 30, 123, 375: (30 + 123) / 2.
    assert (figures.activated, figures.activated_within_year, figures.median_days_to_activation) == (4, 3, 76.5)
    assert figures.activation_share == 3 / 7
    # Dropped out at the report's end: 5 (moved), 6 (unreachable), 7 (health or family); ties by code.
    assert figures.drop_out_reasons == [("health_or_family", 1), ("moved", 1), ("unreachable", 1)]


def test_a_person_enrolled_twice_is_one_row_with_both_enrolments_stages_and_the_earliest_registration():
    earlier, later = ROWS[1], ROWS[2]

    merged = kpi.merge([later, earlier])

    assert merged == [replace(later, registered_on=date(2024, 11, 4), stages=ALL_STAGES)]
    assert kpi.report([earlier, later]).funnel == [(stage, 1) for stage in kpi.STAGES]


def test_the_earliest_first_start_of_two_enrolments_counts():
    first = person(9, date(2025, 1, 6), "placed", first_start=date(2025, 6, 2), outcome="temp_work")
    second = person(9, date(2025, 3, 3), "placed", first_start=date(2025, 4, 1), outcome="temp_work")

    figures = kpi.report([first, second])

    assert (figures.people, figures.activated, figures.median_days_to_activation) == (1, 1, 85)  # 6 Jan → 1 Apr


def test_a_start_before_the_registration_is_no_activation():
    worked_before = person(9, date(2025, 3, 3), first_start=date(2024, 6, 3), outcome="searching")

    figures = kpi.report([worked_before])

    assert (figures.activated, figures.activated_within_year, figures.median_days_to_activation) == (0, 0, None)
    assert figures.activation_share == 0


def test_a_person_placed_before_their_registration_date_is_at_work_and_flagged_not_dropped():
    typed_in_late = person(9, date(2025, 6, 2), "placed", dates_contradict=True, outcome="temp_work")
    in_order = person(10, date(2025, 1, 6), "placed", first_start=date(2025, 2, 5), outcome="temp_work")

    figures = kpi.report([typed_in_late, in_order])

    assert (figures.activated, figures.dates_contradict) == (2, [9])
    # Their wait is unknown: it is left out of the days to the first start and of the share within a year.
    assert (figures.activated_within_year, figures.median_days_to_activation) == (1, 30)


def test_nobody_to_count_gives_zeros_and_no_shares():
    figures = kpi.report([])

    assert figures.people == 0
    assert figures.funnel == [(stage, 0) for stage in kpi.STAGES]
    assert figures.outcomes == [(outcome, 0) for outcome in kpi.PLACED_OUTCOMES]
    assert figures.breakdowns == {dimension: [] for dimension in kpi.BREAKDOWNS}
    assert (figures.activated, figures.median_days_to_activation, figures.activation_share) == (0, None, None)
    assert figures.drop_out_reasons == []


START = date(2024, 1, 1)


@st.composite
def people(draw) -> list[kpi.Person]:
    """Enrolments of a few candidates (so some are enrolled twice). As from the database, every row has an
    outcome, and a candidate's outcome is the same in each of their rows (it is read per candidate)."""
    outcome_of = draw(st.dictionaries(st.integers(1, 6), st.sampled_from(kpi.PLACED_OUTCOMES), min_size=6))
    rows = []
    for candidate_id in draw(st.lists(st.integers(1, 6), max_size=12)):
        registered_on = START + timedelta(days=draw(st.integers(0, 800)))
        start = draw(st.none() | st.integers(-100, 800))
        rows.append(
            person(
                candidate_id,
                registered_on,
                *draw(st.sets(st.sampled_from(kpi.STAGES[1:]))),
                gender=draw(st.sampled_from(["man", "woman", "other"])),
                nationality=draw(st.sampled_from(["SY", "AF", ""])),
                first_start=None if start is None else registered_on + timedelta(days=start),
                outcome=outcome_of[candidate_id],
                drop_out_reason=draw(st.sampled_from(["", "moved", "other"])),
            )
        )
    return rows


@settings(max_examples=300, deadline=None, database=None)
@given(people())
def test_no_stage_counts_more_people_than_registered_and_outcomes_add_up_to_those_placed(rows):
    figures = kpi.report(rows)

    counts = dict(figures.funnel)
    assert counts["registered"] == figures.people == len({row.candidate_id for row in rows})
    assert all(count <= counts["registered"] for count in counts.values())
    assert sum(count for _outcome, count in figures.outcomes) == counts["placed"]
    assert figures.activated_within_year <= figures.activated <= figures.people
    for groups in figures.breakdowns.values():
        assert sum(registered for _group, registered, _placed in groups) == figures.people
        assert sum(placed for _group, _registered, placed in groups) == counts["placed"]
