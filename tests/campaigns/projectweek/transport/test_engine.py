"""The transport engine: departures, passengers, stops and problems of a day's runs, with exact values."""

from datetime import date

from django.utils import translation

from campaigns.projectweek.transport import engine, text
from campaigns.projectweek.transport.engine import Passenger, Problem, Run, Stop, Visit

TUESDAY = date(2027, 4, 20)
HEIDEBLOEM, KAPELLEN = 1, 2
ACME = Visit("Acme Logistics", "Havenlaan 1, 2000 Antwerpen", 9 * 60 + 30)
BAKERY = Visit("Bakkerij Noord", "Kerkstraat 5, 2000 Antwerpen", 10 * 60)
GARAGE = Visit("Garage Zuid", "Zuidlaan 9, 2020 Antwerpen", 13 * 60)


def van(places=8, centre=HEIDEBLOEM, name="Heidebloem", mode=engine.VEHICLE) -> Run:
    return Run(key=centre, centre=centre, centre_name=name, mode=mode, places=places, travel_minutes=40,
               margin_minutes=15)  # fmt: skip


def rider(key, name, *visits, centre=HEIDEBLOEM) -> Passenger:
    return Passenger(key, name, centre, visits)


def test_departure_is_the_earliest_first_visit_less_travel_and_margin():
    riders = [rider(1, "Amal", BAKERY), rider(2, "Dawit", ACME, GARAGE)]

    plan = engine.plan_run(van(), TUESDAY, riders, day_starts=8 * 60)

    assert plan.departure == 9 * 60 + 30 - 40 - 15
    assert [p.first_name for p in plan.passengers] == ["Dawit", "Amal"]
    assert plan.problems == ()


def test_stops_follow_the_visits_in_time_order_with_who_gets_off():
    riders = [rider(1, "Amal", BAKERY, GARAGE), rider(2, "Dawit", ACME, GARAGE), rider(3, "Sara", BAKERY)]

    plan = engine.plan_run(van(), TUESDAY, riders, day_starts=8 * 60)

    assert plan.stops == (
        Stop("Acme Logistics", "Havenlaan 1, 2000 Antwerpen", 570, ("Dawit",)),
        Stop("Bakkerij Noord", "Kerkstraat 5, 2000 Antwerpen", 600, ("Amal", "Sara")),
        Stop("Garage Zuid", "Zuidlaan 9, 2020 Antwerpen", 780, ("Amal", "Dawit")),
    )


def test_only_the_centres_own_candidates_ride():
    riders = [rider(1, "Amal", ACME), rider(2, "Dawit", ACME, centre=KAPELLEN), rider(3, "Sara", ACME, centre=None)]

    plan = engine.plan_run(van(), TUESDAY, riders, day_starts=8 * 60)

    assert [p.first_name for p in plan.passengers] == ["Amal"]


def test_a_run_over_its_seats_says_so_in_words():
    riders = [rider(n, f"Person {n:02d}", ACME) for n in range(10)]

    plan = engine.plan_run(van(places=8), TUESDAY, riders, day_starts=8 * 60)

    assert plan.problems == (Problem(engine.OVER_CAPACITY, TUESDAY, "Heidebloem", engine.VEHICLE, 8, passengers=10),)
    with translation.override("en"):
        assert text.explain(plan.problems[0]) == "The vehicle from Heidebloem on Tuesday has 8 seats for 10 passengers."


def test_public_transport_counts_tickets():
    riders = [rider(n, f"Person {n}", ACME) for n in range(3)]

    plan = engine.plan_run(van(places=2, mode=engine.PUBLIC_TRANSPORT), TUESDAY, riders, day_starts=8 * 60)

    with translation.override("en"):
        assert [text.explain(p) for p in plan.problems] == [
            "The public-transport group from Heidebloem on Tuesday has 2 tickets for 3 passengers."
        ]


def test_a_departure_before_the_day_can_start_is_a_problem():
    early = Visit("Acme Logistics", "Havenlaan 1", 8 * 60 + 30)

    plan = engine.plan_run(van(), TUESDAY, [rider(1, "Amal", early)], day_starts=8 * 60)

    assert plan.departure == 7 * 60 + 35
    assert plan.problems == (Problem(engine.TOO_EARLY, TUESDAY, "Heidebloem", engine.VEHICLE, 8, at=455),)
    with translation.override("en"):
        assert text.explain(plan.problems[0]) == (
            "The vehicle from Heidebloem on Tuesday would have to leave at 7:35, "
            "before candidates can leave the centre."
        )


def test_a_candidate_whose_centre_has_no_run_that_day_has_no_way_to_get_there():
    riders = [rider(1, "Amal", ACME, centre=KAPELLEN), rider(2, "Dawit", BAKERY), rider(3, "Sara", GARAGE, centre=None)]

    day = engine.plan_day(TUESDAY, [van()], riders, day_starts=8 * 60)

    assert day.problems == (Problem(engine.NO_RUN, TUESDAY, candidate="Amal", at=570),)
    with translation.override("en"):
        assert text.explain(day.problems[0]) == "Amal has no way to get to the first visit at 9:30 on Tuesday."


def test_a_run_nobody_takes_any_more_has_no_departure():
    day = engine.plan_day(TUESDAY, [van()], [], day_starts=8 * 60)

    assert day.runs[0].departure is None
    assert [p.code for p in day.problems] == [engine.EMPTY]
