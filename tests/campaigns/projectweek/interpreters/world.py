"""Interpreters over the project week of tests/conftest.py (company A receives candidates on DAY)."""

from decimal import Decimal

from campaigns.models import ProjectWeek
from campaigns.projectweek.interpreters.models import (
    Interpreter,
    InterpreterAvailability,
    InterpreterBooking,
    InterpreterKind,
)
from tests.factories.campaigns import DAY


def interpreter(name: str = "Hiwet", languages=("ti",), *, free=(DAY,), cost: str | None = "120.00") -> Interpreter:
    person = Interpreter.objects.create(
        name=name, kind=InterpreterKind.SERVICE, organisation="Sociaal Tolken (fictief)", languages=list(languages),
        phone="+32470000001", cost_per_day=Decimal(cost) if cost else None,
    )  # fmt: skip
    InterpreterAvailability.objects.bulk_create(InterpreterAvailability(interpreter=person, day=day) for day in free)
    return person


def book(campaign, person: Interpreter, language: str = "ti", day=DAY, cost: str | None = "120.00"):
    week, _ = ProjectWeek.objects.get_or_create(campaign=campaign)
    return InterpreterBooking.objects.create(
        project_week=week, interpreter=person, day=day, language=language, cost=Decimal(cost) if cost else None
    )


def booking_of(campaign) -> InterpreterBooking:
    """The campaign's one booking, made on first use (for the access walks)."""
    booking = InterpreterBooking.objects.filter(project_week__campaign=campaign).first()
    return booking or book(campaign, interpreter(f"Tolk {campaign.pk}"))


def some_interpreter(world) -> Interpreter:
    return Interpreter.objects.first() or interpreter()
