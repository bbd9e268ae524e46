"""What the bookings mean for the schedule: how many interpreters of a language the scheduler may count on each day,
which published interviews each booking covers (its day sheet), and what is wrong with the bookings, in words."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Prefetch, QuerySet
from django.utils import formats
from django.utils.translation import gettext as _

from jobroad.languages import language_name

from ...models import Campaign, Interview, ProjectWeek
from .models import InterpreterAvailability, InterpreterBooking


def bookings(week: ProjectWeek) -> QuerySet[InterpreterBooking]:
    free = Prefetch("interpreter__free_days", queryset=InterpreterAvailability.objects.order_by("day"))
    return week.interpreter_bookings.select_related("interpreter").prefetch_related(free)


def is_free(booking: InterpreterBooking) -> bool:
    """The interpreter still speaks the language, is active and said they are free that day."""
    interpreter = booking.interpreter
    return (
        interpreter.active
        and interpreter.speaks(booking.language)
        and any(free.day == booking.day for free in interpreter.free_days.all())
    )


def interpreter_capacity(week: ProjectWeek) -> dict[tuple[str, int], int]:
    """(language, day as ordinal) -> how many booked interpreters the scheduler may count on: a booking counts
    only when its interpreter is free that day."""
    capacity = defaultdict(int)
    for booking in bookings(week):
        if is_free(booking):
            capacity[booking.language, booking.day.toordinal()] += 1
    return dict(capacity)


@dataclass
class DaySheet:
    booking: InterpreterBooking
    interviews: list = field(default_factory=list)  # published interviews, by start


@dataclass
class InterpretingDay:
    """One language on one day: the bookings and the published interviews none of them can cover."""

    day: date
    language: str
    sheets: list = field(default_factory=list)
    uncovered: list = field(default_factory=list)

    @property
    def language_name(self) -> str:
        return language_name(self.language)


def _end(interview: Interview) -> time:
    start = datetime.combine(interview.published_day, interview.published_starts_at)
    return (start + timedelta(minutes=interview.participation.slot_minutes)).time()


def interpreting_days(campaign: Campaign) -> list[InterpretingDay]:
    """Each day and language with a booking or a published interview that needs an interpreter. The interviews
    go to the booked interpreters who are free, first come first served by start time: an interval partition, which
    needs no more interpreters than the most interviews running at once (what the scheduler keeps to)."""
    week = getattr(campaign, "project_week", None)
    interviews = (
        Interview.objects.filter(participation__campaign=campaign, published_day__isnull=False)
        .exclude(interpreter="")
        .select_related("participation__company__organisation", "enrolment__candidate")
        .order_by("published_day", "published_starts_at", "pk")
    )
    days: dict[tuple[date, str], InterpretingDay] = {}
    for booking in bookings(week) if week else []:
        key = booking.day, booking.language
        days.setdefault(key, InterpretingDay(*key)).sheets.append(DaySheet(booking))
    for interview in interviews:
        key = interview.published_day, interview.interpreter
        days.setdefault(key, InterpretingDay(*key))
    busy_until: dict[int, time] = {}
    for interview in interviews:
        day = days[interview.published_day, interview.interpreter]
        free = [s for s in day.sheets if is_free(s.booking)]
        sheet = next((s for s in free if busy_until.get(s.booking.pk, time.min) <= interview.published_starts_at), None)
        if sheet is None:
            day.uncovered.append(interview)
            continue
        sheet.interviews.append(interview)
        busy_until[sheet.booking.pk] = _end(interview)
    return [days[key] for key in sorted(days)]


def booking_problems(days: list[InterpretingDay]) -> list[str]:
    """What is wrong with the bookings, in words a coordinator acts on."""
    problems = []
    for day in days:
        when = formats.date_format(day.day, "l j F")
        for sheet in day.sheets:
            booking = sheet.booking
            values = {"name": booking.interpreter, "language": day.language_name, "day": when}
            if not booking.interpreter.active:
                problems.append(_("%(name)s is booked on %(day)s but no longer active in the register.") % values)
            elif not booking.interpreter.speaks(booking.language):
                problems.append(_("%(name)s is booked for %(language)s on %(day)s but does not speak it.") % values)
            elif not is_free(booking):
                problems.append(_("%(name)s is booked on %(day)s but is not free that day.") % values)
        if day.uncovered:
            problems.append(
                _("%(count)s published %(language)s interviews on %(day)s have no interpreter free to cover them.")
                % {"count": len(day.uncovered), "language": day.language_name, "day": when}
            )
    return problems
