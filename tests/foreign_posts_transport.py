"""Foreign posts of the day itself (issue 23, item 4: an escort's marks, a reserve offered a freed slot, a no-show
planned again), kept apart so tests/foreign_posts_table.py stays under the module limit."""

from .access_objects import published_interview_a, published_interview_b
from .campaigns.projectweek.transport.world import freed_slot, given_to_reserve
from .foreign_posts_table import B_SIDE, NOBODY, ForeignPost


def offer_kwargs(slot, reserve=None) -> dict:
    """The reserve offer's URL for a freed slot (tests/campaigns/projectweek/transport/world.py), with its own reserve
    or ``reserve``."""
    run, interview, own = slot
    return {"pk": run.pk, "interview_pk": interview.pk, "enrolment_pk": (reserve or own).pk}


DAY_POSTS = [
    ForeignPost(
        "transport_run_mark",
        B_SIDE,
        lambda w: {"pk": freed_slot(w, published_interview_b(w))[0].pk},
        lambda w: {"enrolment": published_interview_b(w).enrolment_id, "stop": "pickup", "present": "1"},
    ),
    ForeignPost(
        "transport_run_mark",
        NOBODY,
        lambda w: {"pk": freed_slot(w, published_interview_a(w))[0].pk},
        lambda w: {"enrolment": published_interview_b(w).enrolment_id, "stop": "pickup", "present": "1"},
        label="a passenger of another campaign",
    ),
    ForeignPost(
        "transport_reserve_offer",
        B_SIDE,
        lambda w: offer_kwargs(freed_slot(w, published_interview_b(w))),
        lambda w: {"confirm": "1"},
    ),
    ForeignPost(
        "transport_reserve_offer",
        NOBODY,
        lambda w: offer_kwargs(freed_slot(w, published_interview_a(w)), freed_slot(w, published_interview_b(w))[2]),
        lambda w: {"confirm": "1"},
        label="a reserve of another campaign",
    ),
    ForeignPost("interview_plan_again", B_SIDE, lambda w: {"pk": given_to_reserve(published_interview_b(w)).pk}),
]
