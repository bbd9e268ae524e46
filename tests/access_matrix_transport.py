"""The transport part of the role matrix (tests/access_matrix.py gathers it into MATRIX): a project week's runs,
run by the campaign's coordinators only."""

from .access_roles import Case
from .campaigns.projectweek.transport.world import run_of

OWNERS_A = frozenset({"admin", "alice"})

TRANSPORT = [
    Case("project_week_transport", OWNERS_A, lambda w: {"pk": w.campaign_a.pk}),
    Case("transport_run_add", OWNERS_A, lambda w: {"pk": w.campaign_a.pk}),
    Case("transport_run_edit", OWNERS_A, lambda w: {"pk": run_of(w.campaign_a).pk}),
    Case(
        "transport_run_delete",
        OWNERS_A,
        lambda w: {"pk": run_of(w.campaign_a).pk},
        method="post",
        allowed_status=302,
    ),
]
