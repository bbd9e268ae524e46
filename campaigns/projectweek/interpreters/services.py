"""Writes of the interpreter register and of a week's bookings. A booking changes what the scheduler may count on
from the next generation or hand move; the interviews already placed stay where they are."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from jobroad.models import User

from ...lifecycle import PhaseRefused, require_phase
from ...models import Campaign, ProjectWeek
from .models import Interpreter, InterpreterAvailability, InterpreterBooking

REGISTER_FIELDS = ("name", "kind", "organisation", "languages", "phone", "email", "cost_per_day", "active")


class BookingRefused(Exception):
    """A booking that cannot be made; the reason is shown to the coordinator as is."""


class BookingPhaseRefused(PhaseRefused, BookingRefused):
    pass


def save_interpreter(*, values: dict, free_days, actor: User, interpreter: Interpreter | None = None) -> Interpreter:
    """Create or change an interpreter and the days they are free (``free_days`` replaces the list)."""
    interpreter = interpreter or Interpreter()
    for name in REGISTER_FIELDS:
        setattr(interpreter, name, values[name])
    interpreter.full_clean()
    with transaction.atomic():
        interpreter.save()
        interpreter.free_days.exclude(day__in=free_days).delete()
        known = set(interpreter.free_days.values_list("day", flat=True))
        InterpreterAvailability.objects.bulk_create(
            InterpreterAvailability(interpreter=interpreter, day=day) for day in sorted(set(free_days) - known)
        )
    return interpreter


def book_interpreter(*, campaign: Campaign, interpreter: Interpreter, day, language: str, cost, actor: User):
    """Book ``interpreter`` for ``language`` on a day of the campaign's project week. They must speak it and be
    free that day, and nobody is booked twice on one day, in any campaign."""
    require_phase(campaign, "plan_schedule", BookingPhaseRefused)
    if not interpreter.active:
        raise BookingRefused(_("%(name)s is not active in the register.") % {"name": interpreter})
    if not interpreter.speaks(language):
        raise BookingRefused(_("%(name)s does not interpret that language.") % {"name": interpreter})
    if not interpreter.free_days.filter(day=day).exists():
        message = _("%(name)s is not free that day. Record the day in the register first if they are.")
        raise BookingRefused(message % {"name": interpreter})
    try:
        with transaction.atomic():
            Campaign.objects.select_for_update().get(pk=campaign.pk)
            week, _created = ProjectWeek.objects.get_or_create(campaign=campaign)
            return InterpreterBooking.objects.create(
                project_week=week, interpreter=interpreter, day=day, language=language, cost=cost, booked_by=actor
            )
    except IntegrityError:
        raise BookingRefused(_("%(name)s is already booked that day.") % {"name": interpreter}) from None


def cancel_booking(*, booking: InterpreterBooking, actor: User) -> None:
    require_phase(booking.project_week.campaign, "plan_schedule", BookingPhaseRefused)
    booking.delete()
