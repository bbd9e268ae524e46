"""The report's interpreting table: the interpreter days booked for the scope's project weeks, the interviews held
with an interpreter, and what the bookings cost. No breakdown by language: a language points at a nationality.

For funder viewers the two counts go through ``tables.Cells`` like every other count; the cost is shown only when
the interpreter days are (a cost beside a hidden count would let one work it out from a day rate)."""

from decimal import Decimal

from django.db.models import Sum
from django.utils.translation import gettext as _

from jobroad.disclosure import HIDDEN

from ..models import Interview
from ..projectweek.interpreters.models import InterpreterBooking
from .reports import Scope
from .tables import Cells, Table


def interpreting_table(scope: Scope, cells: Cells) -> Table:
    bookings = InterpreterBooking.objects.filter(project_week__campaign__in=scope.campaigns, day__lte=scope.ends_on)
    interviews = Interview.objects.filter(
        participation__campaign__in=scope.campaigns, published_day__lte=scope.ends_on
    ).exclude(interpreter="")
    if scope.starts_on:
        bookings = bookings.filter(day__gte=scope.starts_on)
        interviews = interviews.filter(published_day__gte=scope.starts_on)
    days = cells.people(bookings.count())
    cost = bookings.aggregate(total=Sum("cost"))["total"] or Decimal(0)
    return Table(
        key="interpreting",
        title=_("Interpreting"),
        headers=[_("Measure"), _("Value")],
        rows=[
            [_("Interpreter days booked"), days],
            [_("Interviews with an interpreter"), cells.people(interviews.count())],
            [_("Cost of interpreting (€)"), HIDDEN if days == HIDDEN else f"{cost:.2f}"],
        ],
        note=_("Bookings on project-week days in the period; the cost is the sum of the bookings' costs."),
        row_keys=["days", "interviews", "cost"],
        column_keys=["value"],
    )
