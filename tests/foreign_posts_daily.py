"""Foreign posts of issue 25's daily-work pages (the valid rows of an import, a decision for a selection on the
screening board, bulk actions on a list's selection), kept apart so tests/foreign_posts_table.py stays under the module
limit."""

from .access_objects import failed_message_for, message_for, pending_import_of, sessions_b, shared_enrolment_b
from .access_roles import EVERYONE as ROLES_SET
from .foreign_posts_table import B_SIDE, ForeignPost
from .list_objects import placement_of_candidate_b, saved_filter_of

# A confirmed message to a selection, as its confirmation page posts it.
CONFIRMED_MESSAGE = {
    "text_choice": "bring_documents",
    "confirm": "yes",
    "batch": "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
}

# Who sees campaign B (campaigns.permissions.visible_campaigns), so may filter the candidate list on it.
SEES_CAMPAIGN_B = frozenset({"admin", "bob", "coach_b", "hr_b", "intermediary_b"})
NOT_SEEING_CAMPAIGN_B = ROLES_SET - SEES_CAMPAIGN_B

DAILY_POSTS = [
    ForeignPost("import_partial", frozenset({"hr_b"}), lambda w: {"pk": pending_import_of(w.hr_b, w.company_b).pk}),
    ForeignPost(
        "screening_decide",
        B_SIDE | {"screener_b"},
        lambda w: {"campaign_pk": w.campaign_b.pk},
        lambda w: {"enrolment": [shared_enrolment_b(w).pk], "decision": "reserve", "confirm": "on"},
    ),
    # Saving a filter on campaign B: those who do not see it are sent back to the list with an error, nothing saved.
    ForeignPost(
        "saved_filter_create",
        SEES_CAMPAIGN_B,
        data=lambda w: {"page": "candidate_list", "name": "B", "campaign": w.campaign_b.pk},
        refusals=dict.fromkeys(NOT_SEEING_CAMPAIGN_B, 302),
    ),
    ForeignPost("saved_filter_delete", frozenset({"bob"}), lambda w: {"pk": saved_filter_of(w.bob).pk}),
    # Bulk actions on a selection holding campaign B's candidate: a 404 for anyone who may not act on him.
    ForeignPost(
        "candidate_bulk_enrol",
        frozenset({"admin", "bob", "intermediary_b"}),
        data=lambda w: {"candidate": [w.candidate_b.pk], "campaign": w.campaign_b.pk, "confirmed": [w.candidate_b.pk]},
    ),
    ForeignPost(
        "session_bulk_register",
        frozenset({"admin", "bob", "intermediary_b"}),
        data=lambda w: {
            "candidate": [w.candidate_b.pk],
            "session": sessions_b(w)[0].pk,
            "confirmed": [w.candidate_b.pk],
        },
    ),
    # Messages to a selection, and the outbox's bulk actions: a 404 for anyone who may not message campaign B's.
    ForeignPost(
        "candidate_bulk_message",
        B_SIDE,
        data=lambda w: {"candidate": [w.candidate_b.pk], "confirmed": [w.candidate_b.pk], **CONFIRMED_MESSAGE},
    ),
    ForeignPost(
        "placement_bulk_message",
        B_SIDE,
        data=lambda w: {
            "placement": [placement_of_candidate_b(w).pk],
            "confirmed": [w.candidate_b.pk],
            **CONFIRMED_MESSAGE,
        },
    ),
    ForeignPost(
        "message_bulk_cancel",
        B_SIDE,
        data=lambda w: {"message": [(pk := message_for(w.campaign_b).pk)], "confirmed": [pk]},
    ),
    ForeignPost(
        "message_bulk_resend",
        B_SIDE,
        data=lambda w: {"message": [(pk := failed_message_for(w.campaign_b).pk)], "confirmed": [pk]},
    ),
]
