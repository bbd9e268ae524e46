"""The aftercare part of the role matrix (tests/access_matrix.py gathers it into MATRIX): placements and their
check-ins, referrals after project week, and the coaches' caseload and contacts."""

from aftercare.models import CheckInAudience

from .access_objects import at_risk_check_in_a, check_in_a, offer_a, placement_a
from .access_roles import COORDINATORS, EVERYONE, Case
from .aftercare.referral_objects import referable_enrolment_a, referral_a

AFTERCARE = [
    # Aftercare: a placement's file is read by those who follow its candidate (never the employer); coordinators
    # record and change placements; each check-in is answered by the one it asks (HR for the employer's).
    Case("placement_list", COORDINATORS | {"intermediary_a", "intermediary_b", "coach_a", "coach_b"}),
    Case("placement_from_offer", frozenset({"admin", "alice"}), lambda w: {"pk": offer_a(w).pk}),
    Case(
        "placement_detail",
        frozenset({"admin", "alice", "intermediary_a", "coach_a"}),
        lambda w: {"pk": placement_a(w).pk},
    ),
    Case(
        "placement_change",
        frozenset({"admin", "alice"}),
        lambda w: {"pk": placement_a(w).pk, "action": "start"},
        method="post",
        allowed_status=302,
    ),
    Case("check_in_list", EVERYONE),
    Case(
        "check_in_answer",
        frozenset({"admin", "alice", "intermediary_a", "coach_a"}),
        lambda w: {"pk": check_in_a(w, CheckInAudience.CANDIDATE).pk},
        label="candidate",
    ),
    Case(
        "check_in_answer",
        frozenset({"admin", "alice", "intermediary_a", "coach_a", "hr_a"}),
        lambda w: {"pk": check_in_a(w, CheckInAudience.EMPLOYER).pk},
        label="employer",
    ),
    Case(
        "check_in_answer",
        frozenset({"admin", "alice", "intermediary_a", "coach_a"}),
        lambda w: {"pk": check_in_a(w, CheckInAudience.INTERMEDIARY).pk},
        label="intermediary",
    ),
    Case(
        "check_in_clear_flag",
        frozenset({"admin", "alice"}),
        lambda w: {"pk": at_risk_check_in_a(w).pk},
        method="post",
        allowed_status=302,
    ),
    # Referrals after project week: the coordinators who run the campaign; the agency answers through its link.
    Case("referral_list", COORDINATORS),
    Case("referral_create", frozenset({"admin", "alice"}), lambda w: {"pk": referable_enrolment_a(w).pk}),
    Case("referral_detail", frozenset({"admin", "alice"}), lambda w: {"pk": referral_a(w).pk}),
    Case(
        "referral_take_up",
        frozenset({"admin", "alice"}),
        lambda w: {"pk": referral_a(w, placed=True).pk},
        method="post",
        allowed_status=302,
    ),
    Case("referral_place", frozenset({"admin", "alice"}), lambda w: {"pk": referral_a(w, placed=True).pk}),
    Case("caseload", frozenset({"coach_a", "coach_b"})),
    Case("coaching_contact_create", frozenset({"admin", "alice", "coach_a"}), lambda w: {"pk": w.candidate_a.pk}),
    Case(
        "coach_assign",
        frozenset({"admin", "alice", "intermediary_a"}),
        lambda w: {"pk": w.candidate_a.pk},
        method="post",
        allowed_status=302,
    ),
]
