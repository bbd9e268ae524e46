"""The list part of the role matrix (tests/access_matrix.py gathers it into MATRIX): a saved filter is its owner's
only; saving one needs a list's name in the form (none here: a 404 for all). The bulk actions are for who registers
candidates; with nothing ticked they send back to the list. Messages to a selection (of candidates, of placements) and
the outbox's bulk actions are for who manages messages; a selection of placements is downloaded by who sees them,
after typing the password again."""

from .access_roles import COORDINATORS, Case
from .list_objects import saved_filter_of

REGISTERING = COORDINATORS | {"intermediary_a", "intermediary_b"}

LISTS = [
    Case("saved_filter_create", frozenset(), method="post"),
    Case("saved_filter_open", frozenset({"alice"}), lambda w: {"pk": saved_filter_of(w.alice).pk}, allowed_status=302),
    Case(
        "saved_filter_delete",
        frozenset({"alice"}),
        lambda w: {"pk": saved_filter_of(w.alice).pk},
        method="post",
        allowed_status=302,
    ),
    Case("candidate_bulk_enrol", REGISTERING, allowed_status=302),
    Case("session_bulk_register", REGISTERING, allowed_status=302),
    Case("candidate_bulk_message", COORDINATORS, allowed_status=302),
    Case("message_bulk_cancel", COORDINATORS, allowed_status=302),
    Case("message_bulk_resend", COORDINATORS, allowed_status=302),
    Case("placement_bulk_message", COORDINATORS, allowed_status=302),
    Case(
        "placement_export",
        COORDINATORS | {"intermediary_a", "intermediary_b", "coach_a", "coach_b"},
        lambda w: {"file_format": "xlsx"},
        allowed_status=302,
    ),
]
