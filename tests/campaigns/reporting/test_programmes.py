"""The programme page's arithmetic, counted by hand without a database: the Refugees2work contract (2023 to 2025, 4
actions a year, 45 candidates per action, 540 people, 12 + 12 workshops, 60 companies, 840 residents)."""

from datetime import date

from django.utils import translation

from campaigns.reporting.programmes import (
    BEHIND,
    NOT_STARTED,
    ON_TRACK,
    REACHED,
    UNKNOWN,
    Actuals,
    Span,
    Targets,
    progress,
    span_targets,
    spans,
)

CONTRACT = Targets(
    actions_per_year=4, candidates_per_action=45, people=540, company_workshops=12, resident_workshops=12,
    companies=60, residents=840, share_placed=50, share_activated=40,
)  # fmt: skip
PERIOD = Span("all", date(2023, 1, 1), date(2025, 12, 31))
YEAR_2024 = Span("2024", date(2024, 1, 1), date(2024, 12, 31))


def by_key(result) -> dict:
    return {line.key: (line.actual, line.target, line.projected, line.status) for line in result.lines}


def test_a_three_year_programme_has_each_calendar_year_and_the_whole_period():
    assert [(span.key, span.starts_on, span.ends_on) for span in spans(date(2023, 7, 1), date(2025, 6, 30))] == [
        ("2023", date(2023, 7, 1), date(2023, 12, 31)),
        ("2024", date(2024, 1, 1), date(2024, 12, 31)),
        ("2025", date(2025, 1, 1), date(2025, 6, 30)),
        ("all", date(2023, 7, 1), date(2025, 6, 30)),
    ]


def test_the_whole_periods_targets_are_a_third_each_year_and_actions_come_four_a_year():
    assert span_targets(CONTRACT, YEAR_2024, PERIOD) == {
        "actions": 4, "candidates_per_action": 45, "people": 180, "company_workshops": 4, "resident_workshops": 4,
        "companies": 20, "residents": 280, "share_placed": 50, "share_activated": 40,
    }  # fmt: skip
    assert span_targets(CONTRACT, PERIOD, PERIOD) == {
        "actions": 12, "candidates_per_action": 45, "people": 540, "company_workshops": 12, "resident_workshops": 12,
        "companies": 60, "residents": 840, "share_placed": 50, "share_activated": 40,
    }  # fmt: skip


def test_a_half_year_gets_half_a_years_targets():
    half = Span("2023", date(2023, 7, 1), date(2023, 12, 31))
    period = Span("all", date(2023, 7, 1), date(2025, 6, 30))

    targets = span_targets(CONTRACT, half, period)

    assert (targets["actions"], targets["residents"], targets["company_workshops"]) == (2, 212, 3)


def test_without_a_total_the_people_are_the_actions_times_the_candidates_per_action():
    targets = Targets(actions_per_year=4, candidates_per_action=45)

    assert span_targets(targets, PERIOD, PERIOD)["people"] == 540
    assert span_targets(targets, YEAR_2024, PERIOD)["people"] == 180


def test_halfway_through_a_year_a_count_is_projected_to_its_end_and_judged_on_the_projection():
    halfway = date(2024, 7, 1)  # day 183 of 366
    actuals = Actuals(actions=2, people=90, company_workshops=1, resident_workshops=3, companies=10, residents=100)

    lines = by_key(progress(CONTRACT, YEAR_2024, PERIOD, actuals, today=halfway))

    assert lines["actions"] == (2, 4, 4, ON_TRACK)
    assert lines["people"] == (90, 180, 180, ON_TRACK)
    assert lines["company_workshops"] == (1, 4, 2, BEHIND)
    assert lines["resident_workshops"] == (3, 4, 6, ON_TRACK)
    assert lines["companies"] == (10, 20, 20, ON_TRACK)
    assert lines["residents"] == (100, 280, 200, BEHIND)
    assert lines["candidates_per_action"] == (45, 45, None, ON_TRACK)


def test_a_year_that_is_over_is_judged_on_what_it_did_without_a_projection():
    actuals = Actuals(actions=4, people=150, company_workshops=4, resident_workshops=2, companies=25, residents=280)

    lines = by_key(progress(CONTRACT, YEAR_2024, PERIOD, actuals, today=date(2025, 3, 1)))

    assert lines["actions"] == (4, 4, None, REACHED)
    assert lines["people"] == (150, 180, None, BEHIND)
    assert lines["resident_workshops"] == (2, 4, None, BEHIND)
    assert lines["companies"] == (25, 20, None, REACHED)
    assert lines["candidates_per_action"] == (38, 45, None, BEHIND)


def test_the_whole_period_projects_what_was_done_so_far_to_its_end_date():
    a_third_in = date(2023, 12, 31)  # 365 of 1096 days
    actuals = Actuals(actions=4, people=170, residents=300)

    lines = by_key(progress(CONTRACT, PERIOD, PERIOD, actuals, today=a_third_in))

    assert lines["actions"] == (4, 12, 12, ON_TRACK)
    assert lines["people"] == (170, 540, 510, BEHIND)
    assert lines["residents"] == (300, 840, 901, ON_TRACK)


def test_a_year_not_begun_is_not_started_and_says_nothing_of_its_averages():
    lines = by_key(progress(CONTRACT, Span("2025", date(2025, 1, 1), date(2025, 12, 31)), PERIOD, Actuals(),
                            today=date(2024, 7, 1)))  # fmt: skip

    assert lines["actions"] == (0, 4, None, NOT_STARTED)
    assert lines["candidates_per_action"] == ("—", None, None, "")
    assert lines["share_placed"] == ("—", 50, None, NOT_STARTED)


def test_shares_are_of_the_people_as_shown_and_judged_against_the_contracts_share():
    actuals = Actuals(actions=4, people=180, placed=95, activated=70)

    lines = by_key(progress(CONTRACT, YEAR_2024, PERIOD, actuals, today=date(2025, 1, 15)))

    assert lines["share_placed"] == ("53 %", 50, None, ON_TRACK)
    assert lines["share_activated"] == ("39 %", 40, None, BEHIND)


def test_a_hidden_count_is_shown_hidden_and_cannot_be_judged_nor_projected():
    actuals = Actuals(actions=1, people="x", residents="x", placed="x", activated=0)

    lines = by_key(progress(CONTRACT, YEAR_2024, PERIOD, actuals, today=date(2024, 7, 1)))

    assert lines["people"] == ("x", 180, None, UNKNOWN)
    assert lines["residents"] == ("x", 280, None, UNKNOWN)
    assert lines["candidates_per_action"] == ("—", 45, None, UNKNOWN)
    assert lines["share_placed"] == ("—", 50, None, UNKNOWN)


def test_the_lines_behind_are_named():
    actuals = Actuals(
        actions=4, people=180, company_workshops=1, resident_workshops=4, companies=20, residents=100, placed=90,
        activated=72,
    )  # fmt: skip

    result = progress(CONTRACT, YEAR_2024, PERIOD, actuals, today=date(2025, 1, 2))

    with translation.override("en"):
        assert [line.label for line in result.behind] == ["Workshops for companies", "Residents reached"]
