"""Interpreters: the register, bookings, what the scheduler counts on, the day sheets and the problems in words."""

from datetime import time, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from campaigns.models import Interview, ProjectWeek
from campaigns.projectweek import documents
from campaigns.projectweek import services as projectweek_services
from campaigns.projectweek.inputs import schedule_input
from campaigns.projectweek.interpreters import selectors
from campaigns.projectweek.interpreters.models import Interpreter, InterpreterBooking
from campaigns.projectweek.validation import validate
from tests.factories.campaigns import DAY
from tests.language import ENGLISH
from tests.pdftext import pdf_text

from .world import book, interpreter


def needs_tigrinya(candidate):
    candidate.languages.all().delete()
    candidate.preferred_language = "ti"
    candidate.save()


@pytest.fixture
def yonas(world, week):
    participation, proposals = week
    participation.interviews_until = time(12, 30)
    participation.save()
    person = next(p.enrolment.candidate for p in proposals if p.enrolment.candidate.first_name == "Yonas")
    needs_tigrinya(person)
    return person


def generate(world):
    projectweek_services.generate_schedule(campaign=world.campaign_a, actor=world.alice)
    return Interview.objects.filter(participation__campaign=world.campaign_a)


def test_the_schedule_counts_only_a_booked_interpreter_who_is_free_that_day(world, yonas):
    busy_elsewhere = interpreter("Hiwet", ["ti"], free=[DAY + timedelta(days=1)])
    ProjectWeek.objects.get_or_create(campaign=world.campaign_a)
    book(world.campaign_a, busy_elsewhere)

    not_free = generate(world).get(enrolment__candidate=yonas)
    InterpreterBooking.objects.all().delete()
    book(world.campaign_a, interpreter("Tesfay", ["ti"]))
    booked = generate(world).get(enrolment__candidate=yonas)

    assert not_free.day is None  # dropped: nobody free to interpret
    assert (booked.day, booked.interpreter) == (DAY, "ti")


def test_a_booking_that_no_longer_holds_is_a_problem_in_words(world, yonas, english):
    person = interpreter("Hiwet", ["ti"])
    book(world.campaign_a, person)
    person.free_days.all().delete()
    other = interpreter("Selam", ["ar"])
    book(world.campaign_a, other, language="ti", day=DAY)

    problems = selectors.booking_problems(selectors.interpreting_days(world.campaign_a))

    assert any("Hiwet is booked on" in p and "is not free that day" in p for p in problems)
    assert any("Selam is booked for Tigrinya" in p and "does not speak it" in p for p in problems)
    assert selectors.interpreter_capacity(world.campaign_a.project_week) == {}


def test_each_booking_gets_the_published_interviews_it_can_cover_and_the_rest_are_reported(world, week, english):
    participation, proposals = week
    participation.interviewers, participation.interviews_until = 2, time(12, 30)
    participation.save()
    for proposal in proposals:
        needs_tigrinya(proposal.enrolment.candidate)
    first, second = book(world.campaign_a, interpreter("Hiwet")), book(world.campaign_a, interpreter("Tesfay"))
    generate(world)
    projectweek_services.publish_schedule(campaign=world.campaign_a, actor=world.alice)

    (day,) = selectors.interpreting_days(world.campaign_a)
    covered = {sheet.booking.pk: [i.enrolment.candidate.first_name for i in sheet.interviews] for sheet in day.sheets}
    booked = {first.pk, second.pk}
    second.delete()
    (after,) = selectors.interpreting_days(world.campaign_a)

    assert sorted(len(names) for names in covered.values()) == [1, 2]  # two at once, then one: two interpreters
    assert set(covered) == booked and not day.uncovered
    assert len(after.uncovered) == 1  # one interpreter cannot be in two interviews at once
    (problem,) = selectors.booking_problems([after])
    assert "1 published Tigrinya interviews" in problem


def test_the_day_sheet_tells_the_interpreter_where_when_and_whom_by_first_name(client_for, world, yonas):
    booking = book(world.campaign_a, interpreter("Hiwet", ["ti"]))
    generate(world)
    projectweek_services.publish_schedule(campaign=world.campaign_a, actor=world.alice)
    interview = Interview.objects.get(enrolment__candidate=yonas)

    response = client_for(world.alice).get(reverse("interpreter_day_sheet", args=[booking.pk]), headers=ENGLISH)
    text = pdf_text(response.content)

    assert response["Content-Type"] == "application/pdf"
    assert "Hiwet" in text and "Tigrinya" in text
    assert interview.published_starts_at.strftime("%H:%M") in text
    assert "Yonas" in text and yonas.last_name not in text
    assert str(interview.participation.company) in text


def test_the_run_sheet_names_the_language_in_the_sheets_language_whatever_the_page(world, yonas):
    book(world.campaign_a, interpreter("Hiwet", ["ti"]))
    generate(world)
    projectweek_services.publish_schedule(campaign=world.campaign_a, actor=world.alice)

    with translation.override("en"):  # the coordinator's page is in English; the pack is printed in French
        text = pdf_text(documents.pack_pdf(world.campaign_a, language="fr"))

    assert "tigrigna" in text.lower() and "Tigrinya" not in text


def test_a_booking_is_refused_in_words_and_nothing_is_saved(client_for, world, yonas):
    url = reverse("project_week_interpreters", args=[world.campaign_a.pk])
    hiwet = interpreter("Hiwet", ["ti"])
    not_free = interpreter("Tesfay", ["ti"], free=[])
    client = client_for(world.alice)

    speaks_not = client.post(url, {"interpreter": interpreter("Selam", ["ar"]).pk, "day": DAY.isoformat(),
                                   "language": "ti"}, headers=ENGLISH)  # fmt: skip
    unfree = client.post(url, {"interpreter": not_free.pk, "day": DAY.isoformat(), "language": "ti"}, headers=ENGLISH)
    booked = client.post(url, {"interpreter": hiwet.pk, "day": DAY.isoformat(), "language": "ti"})
    twice = client.post(url, {"interpreter": hiwet.pk, "day": DAY.isoformat(), "language": "ti"}, headers=ENGLISH)

    assert speaks_not.status_code == unfree.status_code == twice.status_code == 400
    assert "does not interpret that language" in speaks_not.content.decode()
    assert "is not free that day" in unfree.content.decode()
    assert "already booked that day" in twice.content.decode()
    assert booked.status_code == 302
    assert list(InterpreterBooking.objects.values_list("interpreter__name", "cost")) == [("Hiwet", Decimal("120.00"))]


def test_the_register_keeps_languages_free_days_and_a_valid_phone(client_for, world, week):
    client = client_for(world.bob)  # any coordinator keeps the register
    values = {"name": "Amina", "kind": "volunteer", "languages": ["ar", "fr"], "phone": "0470 12 34 56",
              "free_days": [DAY.isoformat()], "active": "on"}  # fmt: skip

    bad = client.post(reverse("interpreter_add"), {**values, "phone": "call me"}, headers=ENGLISH)
    good = client.post(reverse("interpreter_add"), values)

    assert bad.status_code == 400 and "not a phone number" in bad.content.decode()
    amina = Interpreter.objects.get()
    assert good.status_code == 302
    assert (amina.phone, amina.languages, [f.day for f in amina.free_days.all()]) == (
        "+32470123456",
        ["ar", "fr"],
        [DAY],
    )
    listing = client.get(reverse("interpreters"), headers=ENGLISH).content.decode()
    assert "Arabic, French" in listing


def test_the_validator_holds_a_schedule_to_the_bookings_as_they_are_now(world, week):
    participation, proposals = week
    participation.interviewers, participation.interviews_until = 2, time(12, 30)
    participation.save()
    for proposal in proposals:
        needs_tigrinya(proposal.enrolment.candidate)
    book(world.campaign_a, interpreter("Hiwet"))
    second = book(world.campaign_a, interpreter("Tesfay"))
    solution = projectweek_services.generate_schedule(campaign=world.campaign_a, actor=world.alice).solution

    assert validate(schedule_input(world.campaign_a).problem, solution) == []
    second.delete()
    (error,) = validate(schedule_input(world.campaign_a).problem, solution)
    assert error.startswith("interpreter ti on day") and "1 available" in error
