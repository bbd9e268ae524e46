"""The role matrix: every URL pattern of the project, opened by every role, with the objects of campaign A (alice's)
and of campaign B (bob's). ``allowed`` names the roles that get the page; every other role gets a 404.

tests/test_url_access.py walks it; other tests read it to find every page a role may open. The roles and ``Case`` are
in tests/access_roles.py, the aftercare cases in tests/access_matrix_aftercare.py.
"""

from jobroad.models import CapturedMail

from .access_matrix_aftercare import AFTERCARE
from .access_matrix_interpreters import INTERPRETERS
from .access_matrix_lists import LISTS
from .access_matrix_transport import TRANSPORT
from .access_objects import (
    ambassador_vacancy,
    captured_mail_of_campaign_a,
    confirmed_proposal,
    enrolment_a,
    interview_a,
    message_for,
    pending_import_of,
    programme_a,
    programme_of_another_funder,
    published_interview_a,
    question_a,
    screened_by,
    sessions_of,
    site_of,
)
from .access_roles import COORDINATORS, EVERYONE, Case
from .access_roles import ROLES as ROLES  # for the tests that walk the matrix role by role

MATRIX = [
    Case("home", EVERYONE),
    Case("floor", EVERYONE),  # make loadtest's logged-in floor: the base layout and nothing of its own
    Case("organisation_list", EVERYONE),
    Case("campaign_list", EVERYONE),
    Case("candidate_list", EVERYONE),
    Case("company_list", EVERYONE),
    Case("report_list", COORDINATORS | {"funder_viewer"}),
    Case("report_export", COORDINATORS | {"funder_viewer"}, lambda w: {"file_format": "xlsx"}),
    Case("report_pdf", COORDINATORS | {"funder_viewer"}),
    Case("mail_list", COORDINATORS),
    Case("mail_detail", {"admin", "alice"}, lambda w: {"pk": captured_mail_of_campaign_a(w).pk}),
    Case(
        "mail_detail",
        {"admin"},
        lambda w: {"pk": CapturedMail.objects.create(subject="s", body="b").pk},
        label="no campaign",
    ),
    Case(
        "organisation_detail",
        COORDINATORS | {"intermediary_a"},
        lambda w: {"pk": w.intermediary_org_a.pk},
        label="intermediary",
    ),
    Case(
        "organisation_detail",
        COORDINATORS | {"hr_a"},
        lambda w: {"pk": w.company_a.organisation.pk},
        label="company",
    ),
    Case(
        "organisation_detail",
        COORDINATORS | {"coach_a"},
        lambda w: {"pk": w.jobroad.pk},
        label="jobroad",
    ),
    Case(
        "organisation_invite",
        frozenset({"admin", "alice"}),  # only into organisations of the campaigns one runs
        lambda w: {"pk": w.intermediary_org_a.pk},
        method="post",
        allowed_status=400,
    ),
    Case(
        "campaign_detail",
        frozenset({"admin", "alice", "hr_a", "intermediary_a", "coach_a", "funder_viewer"}),
        lambda w: {"pk": w.campaign_a.pk},
    ),
    Case(
        "candidate_detail",
        frozenset({"admin", "alice", "intermediary_a", "coach_a"}),
        lambda w: {"pk": w.candidate_a.pk},
    ),
    Case(
        "candidate_register",
        frozenset({"admin", "alice", "intermediary_a"}),
        lambda w: {"campaign_pk": w.campaign_a.pk},
    ),
    Case(
        "candidate_register",
        frozenset({"admin", "bob", "intermediary_b"}),
        lambda w: {"campaign_pk": w.campaign_b.pk},
        label="B",
    ),
    Case("candidate_edit", frozenset({"admin", "alice", "intermediary_a"}), lambda w: {"pk": w.candidate_a.pk}),
    Case("candidate_audit", frozenset({"admin", "alice"}), lambda w: {"pk": w.candidate_a.pk}),
    Case(
        "candidate_different_person",
        frozenset({"admin", "alice", "intermediary_a"}),
        lambda w: {"pk": w.candidate_a.pk},
        method="post",
        allowed_status=302,
    ),
    # Subject rights: the candidate's coordinators, and only after typing their password again (a redirect to it).
    Case(
        "candidate_subject_export",
        frozenset({"admin", "alice"}),
        lambda w: {"pk": w.candidate_a.pk},
        allowed_status=302,
    ),
    Case("candidate_erase", frozenset({"admin", "bob"}), lambda w: {"pk": w.candidate_b.pk}, allowed_status=302),
    Case("candidate_consent", frozenset({"admin", "bob", "intermediary_b"}), lambda w: {"pk": w.candidate_b.pk}),
    Case(
        "candidate_consent",
        frozenset({"admin", "alice", "intermediary_a"}),
        lambda w: {"pk": w.candidate_a.pk},
        method="post",
        allowed_status=400,
        label="post",
    ),
    Case(
        "candidate_consent_form",
        frozenset({"admin", "alice", "intermediary_a", "coach_a"}),
        lambda w: {"pk": w.candidate_a.pk},
    ),
    Case("consent_form_blank", COORDINATORS | {"intermediary_a", "intermediary_b"}),
    Case("company_detail", COORDINATORS | {"hr_a"}, lambda w: {"pk": w.company_a.pk}),
    Case("campaign_create", COORDINATORS),
    Case("programme_list", COORDINATORS | {"funder_viewer"}),
    Case("programme_create", COORDINATORS),
    Case("programme_detail", COORDINATORS | {"funder_viewer"}, lambda w: {"pk": programme_a(w).pk}),
    Case(
        "programme_detail",
        COORDINATORS,
        lambda w: {"pk": programme_of_another_funder(w).pk},
        label="another funder's",
    ),
    Case("programme_edit", COORDINATORS, lambda w: {"pk": programme_a(w).pk}),
    Case("campaign_edit", frozenset({"admin", "alice"}), lambda w: {"pk": w.campaign_a.pk}),
    Case("campaign_clone", frozenset({"admin", "bob"}), lambda w: {"pk": w.campaign_b.pk}),
    Case(
        "campaign_advance",
        frozenset({"admin", "alice"}),
        lambda w: {"pk": w.campaign_a.pk},
        method="post",
        allowed_status=302,
    ),
    Case(
        "campaign_step_back",
        frozenset({"admin", "alice"}),
        lambda w: {"pk": w.campaign_a.pk},
        method="post",
        allowed_status=302,
    ),
    Case("company_create", COORDINATORS),
    Case("company_edit", COORDINATORS | {"hr_a"}, lambda w: {"pk": w.company_a.pk}),
    Case(
        "company_pledge", COORDINATORS | {"hr_b"}, lambda w: {"pk": w.company_b.pk}, method="post", allowed_status=302
    ),
    Case("vacancy_create", COORDINATORS | {"hr_a"}, lambda w: {"pk": w.company_a.pk}),
    Case("vacancy_edit", COORDINATORS | {"hr_b"}, lambda w: {"pk": w.vacancy_b.pk}),
    Case("company_invite", frozenset({"admin", "alice"}), lambda w: {"pk": w.company_a.pk}),
    Case("site_create", COORDINATORS | {"hr_a"}, lambda w: {"pk": w.company_a.pk}),
    Case("site_edit", COORDINATORS | {"hr_b"}, lambda w: {"pk": site_of(w.company_b).pk}),
    # The employer network: coordinators only, never the company's own HR.
    Case("network_pipeline", COORDINATORS),
    Case("network_target", COORDINATORS),
    Case("company_stage", COORDINATORS, lambda w: {"pk": w.company_a.pk}),
    Case("company_contact", COORDINATORS, lambda w: {"pk": w.company_a.pk}),
    Case("company_network_edit", COORDINATORS, lambda w: {"pk": w.company_a.pk}),
    Case("company_ambassador", COORDINATORS, lambda w: {"pk": w.company_a.pk}),
    Case("campaign_add_company", frozenset({"admin", "alice"}), lambda w: {"pk": w.campaign_a.pk}),
    Case(
        "participation_edit",
        frozenset({"admin", "alice", "hr_a"}),
        lambda w: {"pk": w.campaign_a.participations.get(company=w.company_a).pk},
    ),
    # Screening: the coordinators of the campaign and its screening partner's screeners, who open only a round
    # nobody did yet or they did themselves; calibration compares screeners, for coordinators only. Matching: the
    # coordinators of the campaign only; HR answers proposals to its own vacancies.
    Case("screening_board", frozenset({"admin", "alice", "screener_a"}), lambda w: {"campaign_pk": w.campaign_a.pk}),
    Case("screening_calibration", frozenset({"admin", "bob"}), lambda w: {"campaign_pk": w.campaign_b.pk}),
    Case(
        "screening_decide",
        frozenset({"admin", "alice", "screener_a"}),
        lambda w: {"campaign_pk": w.campaign_a.pk},
        method="post",
        allowed_status=302,
    ),
    Case(
        "screening_edit", frozenset({"admin", "alice", "screener_a"}), lambda w: {"pk": enrolment_a(w).pk, "round": 1}
    ),
    Case(
        "screening_edit",
        frozenset({"admin", "alice"}),
        lambda w: {"pk": screened_by(enrolment_a(w), w.alice).enrolment_id, "round": 1},
        label="someone else's round",
    ),
    Case(
        "vacancy_briefing",
        frozenset({"admin", "alice", "intermediary_a"}),
        lambda w: {"campaign_pk": w.campaign_a.pk},
    ),
    Case("campaign_matching", frozenset({"admin", "alice"}), lambda w: {"pk": w.campaign_a.pk}),
    Case("matching_scores", frozenset({"admin", "bob"}), lambda w: {"pk": w.campaign_b.pk}),
    Case(
        "matching_confirm",
        frozenset({"admin", "alice"}),
        lambda w: {"pk": w.campaign_a.pk},
        method="post",
        allowed_status=302,
    ),
    Case("matching_candidate", frozenset({"admin", "alice"}), lambda w: {"pk": enrolment_a(w).pk}),
    Case(
        "matching_pair_rule",
        frozenset({"admin", "alice"}),
        lambda w: {"pk": enrolment_a(w).pk, "vacancy_pk": w.vacancy_a.pk},
        method="post",
        allowed_status=302,
    ),
    Case("project_week", frozenset({"admin", "alice"}), lambda w: {"pk": w.campaign_a.pk}),
    Case(
        "project_week_generate",
        frozenset({"admin", "bob"}),
        lambda w: {"pk": w.campaign_b.pk},
        method="post",
        allowed_status=302,
    ),
    Case(
        "project_week_publish",
        frozenset({"admin", "alice"}),
        lambda w: {"pk": w.campaign_a.pk},
        method="post",
        allowed_status=302,
    ),
    Case("interview_move", frozenset({"admin", "alice"}), lambda w: {"pk": interview_a(w).pk}),
    Case("interview_move_check", frozenset({"admin", "alice"}), lambda w: {"pk": interview_a(w).pk}),
    Case(
        "project_week_pack",
        frozenset({"admin", "alice"}),
        lambda w: {"pk": published_interview_a(w).participation.campaign_id},
    ),
    Case("candidate_schedule", frozenset({"admin", "alice"}), lambda w: {"pk": published_interview_a(w).enrolment_id}),
    Case(
        "company_day_sheet",
        frozenset({"admin", "alice", "hr_a"}),
        lambda w: {"pk": published_interview_a(w).participation_id},
    ),
    Case(
        "participation_confirm_day",
        frozenset({"hr_a"}),
        lambda w: {"pk": published_interview_a(w).participation_id},
        method="post",
        allowed_status=302,
    ),
    Case("interview_list", COORDINATORS | {"hr_a", "hr_b"}),
    Case("interview_evaluation", frozenset({"admin", "alice", "hr_a"}), lambda w: {"pk": published_interview_a(w).pk}),
    Case(
        "interview_evaluation_waive",
        frozenset({"admin", "alice"}),
        lambda w: {"pk": published_interview_a(w).pk},
        method="post",
        allowed_status=302,
    ),
    Case("second_chance", frozenset({"admin", "alice"}), lambda w: {"pk": w.campaign_a.pk}),
    Case(
        "second_chance_propose",
        frozenset({"admin", "alice"}),
        lambda w: {"pk": enrolment_a(w).pk, "vacancy_pk": ambassador_vacancy().pk},
        method="post",
        allowed_status=302,
    ),
    Case("proposal_list", COORDINATORS | {"hr_a", "hr_b"}),
    Case(
        "proposal_answer",
        frozenset({"hr_a"}),
        lambda w: {"pk": confirmed_proposal(w).pk},
        method="post",
        allowed_status=302,
    ),
    Case("proposal_question", frozenset({"admin", "alice"}), lambda w: {"pk": question_a(w).pk}),
    Case(
        "workshop_list",
        frozenset({"admin", "alice", "intermediary_a", "hr_a"}),
        lambda w: {"campaign_pk": sessions_of(w)[0].workshop.campaign_id},
    ),
    Case("workshop_create", frozenset({"admin", "alice"}), lambda w: {"campaign_pk": w.campaign_a.pk}),
    Case("session_create", frozenset({"admin", "alice"}), lambda w: {"workshop_pk": sessions_of(w)[0].workshop_id}),
    Case(
        "session_detail",
        frozenset({"admin", "alice", "intermediary_a"}),
        lambda w: {"pk": sessions_of(w)[0].pk},
        label="candidates",
    ),
    Case(
        "session_detail",
        frozenset({"admin", "alice", "intermediary_a", "hr_a"}),
        lambda w: {"pk": sessions_of(w)[1].pk},
        label="partners",
    ),
    Case("session_edit", frozenset({"admin", "alice"}), lambda w: {"pk": sessions_of(w)[0].pk}),
    Case(
        "session_cancel",
        frozenset({"admin", "alice"}),
        lambda w: {"pk": sessions_of(w)[0].pk},
        method="post",
        allowed_status=302,
    ),
    Case(
        "session_register",
        frozenset({"admin", "alice", "intermediary_a"}),
        lambda w: {"pk": sessions_of(w)[0].pk},
        method="post",
        allowed_status=302,
    ),
    Case("session_attendance", frozenset({"admin", "alice"}), lambda w: {"pk": sessions_of(w)[0].pk}),
    Case("attendance_sheet", frozenset({"admin", "alice"}), lambda w: {"pk": sessions_of(w)[0].pk}),
    Case(
        "session_headcount",
        frozenset({"admin", "alice"}),
        lambda w: {"pk": sessions_of(w)[0].pk},
        method="post",
        allowed_status=302,
    ),
    Case(
        "registration_cancel",
        frozenset({"admin", "alice", "intermediary_a"}),
        lambda w: {"pk": sessions_of(w)[0].registrations.get().pk},
        method="post",
        allowed_status=302,
    ),
    Case("message_list", COORDINATORS),
    Case("message_languages", COORDINATORS),
    Case("message_create", COORDINATORS),
    Case("message_detail", frozenset({"admin"}), lambda w: {"pk": message_for(None).pk}, label="no campaign"),
    Case("message_detail", frozenset({"admin", "alice"}), lambda w: {"pk": message_for(w.campaign_a).pk}),
    Case(
        "message_cancel",
        frozenset({"admin", "bob"}),
        lambda w: {"pk": message_for(w.campaign_b).pk},
        method="post",
        allowed_status=302,
    ),
    Case(
        "message_resend",
        frozenset({"admin", "alice"}),
        lambda w: {"pk": message_for(w.campaign_a).pk},
        method="post",
        allowed_status=302,
    ),
    Case("message_resend_failed", COORDINATORS, method="post", allowed_status=302),
    # Spreadsheets: imports (a pending import is its uploader's alone) and exports.
    Case("candidate_import", COORDINATORS | {"intermediary_a", "intermediary_b"}),
    Case("vacancy_import", COORDINATORS | {"hr_a"}, lambda w: {"pk": w.company_a.pk}),
    Case("import_preview", frozenset({"hr_a"}), lambda w: {"pk": pending_import_of(w.hr_a, w.company_a).pk}),
    Case(
        "import_preview",
        frozenset({"intermediary_a"}),
        lambda w: {"pk": pending_import_of(w.intermediary_a, campaign=w.campaign_a).pk},
        label="candidates",
    ),
    Case(
        "import_confirm",
        frozenset({"hr_b"}),
        lambda w: {"pk": pending_import_of(w.hr_b, w.company_b).pk},
        method="post",
        allowed_status=302,
    ),
    Case(
        "import_partial",
        frozenset({"intermediary_a"}),
        lambda w: {"pk": pending_import_of(w.intermediary_a, campaign=w.campaign_a).pk},
        allowed_status=302,
    ),
    Case(
        "import_rejected",
        frozenset({"hr_a"}),
        lambda w: {"pk": pending_import_of(w.hr_a, w.company_a).pk, "file_format": "csv"},
    ),
    Case(
        "import_discard",
        frozenset({"alice"}),
        lambda w: {"pk": pending_import_of(w.alice, w.company_b).pk},
        method="post",
        allowed_status=302,
    ),
    Case(
        "import_template",
        COORDINATORS | {"intermediary_a", "intermediary_b"},
        lambda w: {"kind": "candidates", "file_format": "xlsx"},
    ),
    Case(
        "import_template",
        COORDINATORS | {"hr_a", "hr_b"},
        lambda w: {"kind": "vacancies", "file_format": "csv"},
        label="vacancies",
    ),
    # Personal data in a file: only after typing the password again (a redirect to it).
    Case(
        "candidate_export",
        COORDINATORS | {"intermediary_a", "intermediary_b", "coach_a", "coach_b"},
        lambda w: {"file_format": "csv"},
        allowed_status=302,
    ),
    Case("vacancy_export", COORDINATORS | {"hr_a", "hr_b"}, lambda w: {"file_format": "xlsx"}),
    Case("company_export", COORDINATORS | {"hr_a", "hr_b"}, lambda w: {"file_format": "csv"}),
    *AFTERCARE,  # tests/access_matrix_aftercare.py
    *TRANSPORT,  # tests/access_matrix_transport.py
    *INTERPRETERS,  # tests/access_matrix_interpreters.py
    *LISTS,  # tests/access_matrix_lists.py
    Case(
        "candidate_enrol_again",
        frozenset({"admin", "alice", "intermediary_a"}),
        lambda w: {"pk": w.candidate_a.pk},
        method="post",
        allowed_status=302,
    ),
    Case(
        "enrolment_drop_out",
        frozenset({"admin", "bob", "intermediary_b"}),
        lambda w: {"pk": w.campaign_b.enrolments.get(candidate=w.candidate_b).pk},
        method="post",
        allowed_status=302,
    ),
]


# Reachable without logging in; each is tested for what it must do in its own test module.
PUBLIC = {
    "healthz", "readyz", "invitation_accept", "set_language", "check_in_link", "sms_status_callback",
    "referral_link",  # an agency's signed link to one referral: tests/aftercare/test_referrals.py
    "personal_page", "personal_answer", "personal_calendar",  # a candidate's signed link: tests/campaigns/personal
}  # fmt: skip

# allauth's own pages (log-in, log-out, password reset, MFA set-up); sign-up is closed by our adapter.
ALLAUTH_PREFIXES = ("account_", "mfa_")

# The Django admin: staff only, walked separately below.
ADMIN_NAMESPACE = "admin:"


# What every response carries, whatever it is (page, redirect, 404, PDF, spreadsheet): no framing, no sniffing, no
# referrer to other sites, no shared browsing context, no inline script, none of the browser's sensors.
SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "frame-ancestors": "'none'",
    "script-src": "'self'",
    "camera": "()",
    "geolocation": "()",
}


def security_headers(response) -> dict[str, str]:
    """The headers of SECURITY_HEADERS as the response has them (CSP and Permissions-Policy by directive)."""
    csp = dict(part.strip().split(" ", 1) for part in response.get("Content-Security-Policy", "").split(";") if part)
    permissions = dict(part.strip().split("=", 1) for part in response.get("Permissions-Policy", "").split(",") if part)
    found = {name: response.get(name) for name in SECURITY_HEADERS if name[0].isupper()}
    found |= {name: csp.get(name) for name in ("frame-ancestors", "script-src")}
    return found | {name: permissions.get(name) for name in ("camera", "geolocation")}
