"""The interpreter part of the role matrix (tests/access_matrix.py gathers it into MATRIX): the register is every
coordinator's; a week's bookings and day sheets are its campaign's coordinators' only."""

from .access_roles import COORDINATORS, Case
from .campaigns.projectweek.interpreters.world import booking_of, some_interpreter

OWNERS_A = frozenset({"admin", "alice"})

INTERPRETERS = [
    Case("interpreters", COORDINATORS),
    Case("interpreter_add", COORDINATORS),
    Case("interpreter_edit", COORDINATORS, lambda w: {"pk": some_interpreter(w).pk}),
    Case("project_week_interpreters", OWNERS_A, lambda w: {"pk": w.campaign_a.pk}),
    Case("interpreter_day_sheet", OWNERS_A, lambda w: {"pk": booking_of(w.campaign_a).pk}),
    Case(
        "interpreter_booking_cancel",
        OWNERS_A,
        lambda w: {"pk": booking_of(w.campaign_a).pk},
        method="post",
        allowed_status=302,
    ),
]
