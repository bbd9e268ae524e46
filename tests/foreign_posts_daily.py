"""Foreign posts of issue 25's daily-work pages (the valid rows of an import, a decision for a selection on the
screening board), kept apart so tests/foreign_posts_table.py stays under the module limit."""

from .access_objects import pending_import_of, shared_enrolment_b
from .foreign_posts_table import B_SIDE, ForeignPost

DAILY_POSTS = [
    ForeignPost("import_partial", frozenset({"hr_b"}), lambda w: {"pk": pending_import_of(w.hr_b, w.company_b).pk}),
    ForeignPost(
        "screening_decide",
        B_SIDE | {"screener_b"},
        lambda w: {"campaign_pk": w.campaign_b.pk},
        lambda w: {"enrolment": [shared_enrolment_b(w).pk], "decision": "reserve", "confirm": "on"},
    ),
]
