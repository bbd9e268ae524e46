"""The transport part of the role matrix (tests/access_matrix.py gathers it into MATRIX): a project week's runs,
run by the campaign's coordinators only; a run's day page by its escort too (tests/campaigns/projectweek/transport/
test_day.py: none of the matrix's roles escorts these runs)."""

from .access_objects import published_interview_a
from .access_roles import Case
from .campaigns.projectweek.transport.world import freed_slot, given_to_reserve, run_of


def _freed(world) -> dict:
    run, interview, _reserve = freed_slot(world, published_interview_a(world))
    return {"pk": run.pk, "interview_pk": interview.pk}


def _offer(world) -> dict:
    run, interview, reserve = freed_slot(world, published_interview_a(world))
    return {"pk": run.pk, "interview_pk": interview.pk, "enrolment_pk": reserve.pk}


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
    Case("transport_run_day", OWNERS_A, lambda w: {"pk": run_of(w.campaign_a).pk}),
    # An empty mark is a bad request, for whoever may mark on the run at all.
    Case("transport_run_mark", OWNERS_A, lambda w: {"pk": run_of(w.campaign_a).pk}, method="post", allowed_status=400),
    Case("transport_reserves", OWNERS_A, _freed),
    Case("transport_reserve_offer", OWNERS_A, _offer),
    Case(
        "interview_plan_again",
        OWNERS_A,
        lambda w: {"pk": given_to_reserve(published_interview_a(w)).pk},
        method="post",
        allowed_status=302,
    ),
]
