"""Demo interpreters (issue 23, item 2): a small register (a social interpreting service, a volunteer, an in-house
interpreter) free on each project-week day, and bookings for Arabic, Tigrinya and Dari on the first two days of a
campaign's week, made before its schedule is generated so the schedule plans with them.

All fictional. Seeding twice changes nothing: the register is found by name, a day already free or booked is kept."""

from datetime import date
from decimal import Decimal

from campaigns.models import Campaign
from campaigns.projectweek.interpreters.models import Interpreter, InterpreterAvailability, InterpreterKind
from campaigns.projectweek.interpreters.services import BookingRefused, book_interpreter
from jobroad.models import User

REGISTER = [
    ("Hiwet Tesfay", InterpreterKind.SERVICE, "Sociaal Tolken Antwerpen (fictief)", ["ti", "am"], "95.00", "ti"),
    ("Samira El Idrissi", InterpreterKind.VOLUNTEER, "", ["ar", "fr"], None, "ar"),
    ("Farid Ahmadi", InterpreterKind.IN_HOUSE, "JobRoad", ["prs", "fa", "ps"], "60.00", "prs"),
]


def book_demo_interpreters(campaign: Campaign, days: list[date], coordinator: User) -> None:
    for name, kind, organisation, languages, cost, booked_for in REGISTER:
        interpreter, _created = Interpreter.objects.get_or_create(
            name=name,
            defaults={
                "kind": kind, "organisation": organisation, "languages": languages,
                "phone": f"+3247000{len(name):04d}", "cost_per_day": Decimal(cost) if cost else None,
            },
        )  # fmt: skip
        for day in days:
            InterpreterAvailability.objects.get_or_create(interpreter=interpreter, day=day)
        for day in days[:2]:
            try:
                book_interpreter(campaign=campaign, interpreter=interpreter, day=day, language=booked_for,
                                 cost=interpreter.cost_per_day, actor=coordinator)  # fmt: skip
            except BookingRefused:
                continue  # already booked that day (seeding again, or another campaign's week)
