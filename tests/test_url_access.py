"""Walks every URL pattern of the project for every role.

A pattern must be covered by the role matrix (anonymous, each role, own vs other organisation's
object) or by an explicit list of public / allauth / admin URLs; a new view without coverage fails
``test_every_url_pattern_is_covered``.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time, timedelta

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from aftercare.models import CheckIn, CheckInAudience, Placement, PlacementRoute
from aftercare.services import answer_check_in, create_placement, ensure_default_plans
from campaigns.models import Enrolment, Evaluation, Interview, Proposal, ProposalStatus
from campaigns.services import evaluate_interview
from candidates.models import ConsentPurpose
from candidates.services import record_consent
from companies.models import Site, Vacancy
from jobroad.models import CapturedMail, ImportKind, Message, PendingImport
from tests.factories import CompanyFactory, VacancyFactory
from workshops.models import Audience, Registration, RegistrationStatus, Session, Workshop, WorkshopKind

ROLES = [
    "admin", "alice", "bob", "hr_a", "hr_b", "intermediary_a", "intermediary_b",
    "coach_a", "coach_b", "funder_viewer",
]  # fmt: skip
EVERYONE = frozenset(ROLES)
COORDINATORS = frozenset({"admin", "alice", "bob"})


@dataclass(frozen=True)
class Case:
    name: str
    allowed: frozenset[str]
    kwargs: Callable = lambda world: {}
    method: str = "get"
    allowed_status: int = 200
    label: str = field(default="", compare=False)

    def __str__(self):
        return f"{self.name}{'[' + self.label + ']' if self.label else ''}"


MATRIX = [
    Case("home", EVERYONE),
    Case("organisation_list", EVERYONE),
    Case("campaign_list", EVERYONE),
    Case("candidate_list", EVERYONE),
    Case("company_list", EVERYONE),
    Case("report_list", COORDINATORS | {"funder_viewer"}),
    Case("report_export", COORDINATORS | {"funder_viewer"}, lambda w: {"file_format": "xlsx"}),
    Case("report_pdf", COORDINATORS | {"funder_viewer"}),
    Case("mail_list", COORDINATORS),
    Case("mail_detail", COORDINATORS, lambda w: {"pk": CapturedMail.objects.create(subject="s", body="b").pk}),
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
        COORDINATORS,
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
    Case("campaign_edit", frozenset({"admin", "alice"}), lambda w: {"pk": w.campaign_a.pk}),
    Case("campaign_clone", frozenset({"admin", "bob"}), lambda w: {"pk": w.campaign_b.pk}),
    Case(
        "campaign_advance",
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
    Case("company_invite", COORDINATORS, lambda w: {"pk": w.company_a.pk}),
    Case("site_create", COORDINATORS | {"hr_a"}, lambda w: {"pk": w.company_a.pk}),
    Case("site_edit", COORDINATORS | {"hr_b"}, lambda w: {"pk": site_of(w.company_b).pk}),
    Case("campaign_add_company", frozenset({"admin", "alice"}), lambda w: {"pk": w.campaign_a.pk}),
    Case(
        "participation_edit",
        frozenset({"admin", "alice", "hr_a"}),
        lambda w: {"pk": w.campaign_a.participations.get(company=w.company_a).pk},
    ),
    # Screening and matching: the coordinators of the campaign only; HR answers proposals to its own vacancies.
    Case("screening_board", frozenset({"admin", "alice"}), lambda w: {"campaign_pk": w.campaign_a.pk}),
    Case("screening_calibration", frozenset({"admin", "bob"}), lambda w: {"campaign_pk": w.campaign_b.pk}),
    Case("screening_edit", frozenset({"admin", "alice"}), lambda w: {"pk": enrolment_a(w).pk, "round": 1}),
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
        "project_week_interpreters",
        frozenset({"admin", "alice"}),
        lambda w: {"pk": w.campaign_a.pk},
        method="post",
        allowed_status=302,
    ),
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
        "registration_cancel",
        frozenset({"admin", "alice", "intermediary_a"}),
        lambda w: {"pk": sessions_of(w)[0].registrations.get().pk},
        method="post",
        allowed_status=302,
    ),
    Case("message_list", COORDINATORS),
    Case("message_create", COORDINATORS),
    Case("message_detail", COORDINATORS, lambda w: {"pk": message_for(None).pk}, label="no campaign"),
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
    Case("caseload", frozenset({"coach_a", "coach_b"})),
    Case("coaching_contact_create", frozenset({"admin", "alice", "coach_a"}), lambda w: {"pk": w.candidate_a.pk}),
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


def placement_a(world) -> Placement:
    """Candidate A's placement at company A in campaign A, starting today with the default follow-up plan."""
    ensure_default_plans()
    return Placement.objects.filter(candidate=world.candidate_a).first() or create_placement(
        candidate=world.candidate_a,
        company=world.company_a,
        vacancy=world.vacancy_a,
        campaign=world.campaign_a,
        route=PlacementRoute.TEMP_WORK,
        starts_on=timezone.localdate(),
        actor=world.alice,
    )


def check_in_a(world, audience: str) -> CheckIn:
    """Placement A's first pending check-in asking ``audience``."""
    return placement_a(world).check_ins.filter(audience=audience).order_by("due_on", "pk").first()


def at_risk_check_in_a(world) -> CheckIn:
    """Placement A's candidate check-in, answered by coach A: no longer working there, so at risk."""
    return answer_check_in(
        check_in=check_in_a(world, CheckInAudience.CANDIDATE), still_working=False, actor=world.coach_a
    )


def offer_a(world) -> Evaluation:
    """HR A's offer after interview A, not yet a placement."""
    return evaluate_interview(
        interview=published_interview_a(world), attendance="attended", outcome="offer", start_route="temp_work",
        proposed_start=date(2027, 5, 3), actor=world.hr_a,
    )  # fmt: skip


def pending_import_of(owner, company=None, *, campaign=None) -> PendingImport:
    """An uploaded file waiting for its confirmation: vacancies for a company, or candidates for a campaign
    (registered by the owner's organisation)."""
    if company is not None:
        target = {"kind": ImportKind.VACANCIES, "company": company}
        columns, cells = [{"key": "title", "header": "Functie", "letter": "A"}], {"title": "Orderpicker"}
    else:
        organisation = owner.memberships.get().organisation
        target = {"kind": ImportKind.CANDIDATES, "campaign": campaign, "organisation": organisation}
        columns, cells = [{"key": "first_name", "header": "Voornaam", "letter": "A"}], {"first_name": "Amal"}
    return PendingImport.objects.create(
        owner=owner,
        filename="file.csv",
        columns=columns,
        rows=[{"number": 2, "cells": cells}],
        expires_at=timezone.now() + timedelta(hours=1),
        **target,
    )


def enrolment_a(world) -> Enrolment:
    return world.campaign_a.enrolments.get(candidate=world.candidate_a)


def confirmed_proposal(world) -> Proposal:
    """Candidate A, who consented to share the profile, proposed to company A's vacancy and confirmed."""
    record_consent(candidate=world.candidate_a, purpose=ConsentPurpose.SHARE_PROFILE, actor=world.alice, language="nl")
    return Proposal.objects.create(
        enrolment=enrolment_a(world), vacancy=world.vacancy_a, fit=50, status=ProposalStatus.CONFIRMED
    )


def interview_a(world) -> Interview:
    """Candidate A's interview at company A in campaign A, on the participation's first day."""
    participation = world.campaign_a.participations.get(company=world.company_a)
    proposal = Proposal.objects.filter(enrolment=enrolment_a(world), vacancy=world.vacancy_a).first()
    return Interview.objects.get_or_create(
        proposal=proposal or confirmed_proposal(world),
        defaults={"participation": participation, "enrolment": enrolment_a(world)},
    )[0]


def published_interview_a(world) -> Interview:
    """Interview A as published: on 20 April 2027 at 11:00, after the 10:00 guided visit."""
    interview = interview_a(world)
    day, start = date(2027, 4, 20), time(11)
    Interview.objects.filter(pk=interview.pk).update(
        day=day, starts_at=start, ends_at=time(11, 30), seat=1, published_day=day, published_starts_at=start
    )
    interview.refresh_from_db()
    return interview


def ambassador_vacancy() -> Vacancy:
    return VacancyFactory(company=CompanyFactory(is_ambassador=True), title="Magazijnier")


def site_of(company) -> Site:
    return Site.objects.get_or_create(
        company=company, name="Magazijn", defaults={"street": "Kaai 1", "postal_code": "9000", "city": "Gent"}
    )[0]


def sessions_of(world) -> tuple[Session, Session]:
    """Campaign A's labour-market session (candidate A registered) and its life-as-a-refugee session."""
    sessions = []
    for kind, audience in (
        (WorkshopKind.LABOUR_MARKET, Audience.CANDIDATES),
        (WorkshopKind.LIFE_AS_A_REFUGEE, Audience.PARTNERS),
    ):
        workshop, _ = Workshop.objects.get_or_create(campaign=world.campaign_a, kind=kind, audience=audience)
        start = timezone.now() + timedelta(days=10)
        session, _ = Session.objects.get_or_create(
            workshop=workshop, defaults={"starts_at": start, "ends_at": start + timedelta(hours=2), "place": "Centrum"}
        )
        sessions.append(session)
    Registration.objects.get_or_create(
        session=sessions[0],
        candidate=world.candidate_a,
        defaults={"status": RegistrationStatus.REGISTERED, "organisation": world.intermediary_org_a},
    )
    return sessions[0], sessions[1]


def message_for(campaign) -> Message:
    return Message.objects.create(
        key=f"test:{Message.objects.count()}",
        template="note",
        recipient_address="sara@example.org",
        campaign=campaign,
        due_at=timezone.now(),
        context={"subject": "Hallo", "text": "Tot morgen"},
    )


# Reachable without logging in; each is tested for what it must do in its own test module.
PUBLIC = {"healthz", "invitation_accept", "set_language", "check_in_link"}

# allauth's own pages (log-in, log-out, password reset, MFA set-up); sign-up is closed by our adapter.
ALLAUTH_PREFIXES = ("account_", "mfa_")

# The Django admin: staff only, walked separately below.
ADMIN_NAMESPACE = "admin:"


def all_url_names(resolver: URLResolver | None = None, namespace: str = "") -> list[tuple[str, str]]:
    """(qualified name, route) for every pattern of the project, descending into includes."""
    resolver = resolver or get_resolver()
    found = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            child_namespace = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found += all_url_names(entry, child_namespace)
        elif isinstance(entry, URLPattern):
            # An unnamed pattern keeps its namespace, so the admin's unnamed redirects count as admin.
            found.append((f"{namespace}{entry.name or ''}", str(entry.pattern)))
    return found


def is_covered(name: str) -> bool:
    if not name:
        return False
    return (
        name in {case.name for case in MATRIX}
        or name in PUBLIC
        or name.startswith(ALLAUTH_PREFIXES)
        or name.startswith(ADMIN_NAMESPACE)
    )


def test_every_url_pattern_is_covered():
    uncovered = [f"{name or '(unnamed)'} → {route}" for name, route in all_url_names() if not is_covered(name)]

    assert uncovered == []


def test_the_walk_notices_a_view_nobody_covered():
    assert not is_covered("vacancy_delete")
    assert not is_covered("")


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


@pytest.mark.parametrize("case", MATRIX, ids=str)
def test_anonymous_is_sent_to_log_in(client, world, case):
    response = getattr(client, case.method)(reverse(case.name, kwargs=case.kwargs(world)))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert security_headers(response) == SECURITY_HEADERS


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("healthz", {}),
        ("invitation_accept", {"token": "unknown"}),
        ("check_in_link", {"token": "unknown"}),
        ("account_login", {}),
        ("account_reset_password", {}),
        ("account_signup", {}),
    ],
)
def test_public_pages_answer_with_the_security_headers(client, db, name, kwargs):
    response = client.get(reverse(name, kwargs=kwargs))

    assert response.status_code in {200, 410}
    assert security_headers(response) == SECURITY_HEADERS


def test_a_page_that_does_not_exist_answers_with_the_security_headers(client_for, world):
    response = client_for(world.alice).get("/no-such-page/<script>/")

    assert response.status_code == 404
    assert security_headers(response) == SECURITY_HEADERS


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", MATRIX, ids=str)
def test_each_role_sees_only_what_it_may(client_for, world, case, role):
    client = client_for(getattr(world, role))

    response = getattr(client, case.method)(reverse(case.name, kwargs=case.kwargs(world)))

    expected = case.allowed_status if role in case.allowed else 404
    assert response.status_code == expected
    assert security_headers(response) == SECURITY_HEADERS


def admin_urls_without_arguments() -> list[str]:
    names = [
        name
        for name, route in all_url_names()
        if name.startswith(ADMIN_NAMESPACE) and not name.endswith(":") and "<" not in route
    ]
    return sorted(set(names))


@pytest.mark.parametrize("name", admin_urls_without_arguments())
def test_admin_is_for_staff_only(client_for, client, world, name):
    anonymous = client.get(reverse(name))
    assert anonymous.status_code == 302

    non_staff = client_for(world.alice).get(reverse(name), follow=True)
    assert non_staff.status_code in {403, 404}


def test_admin_pages_with_an_object_id_are_for_staff_only(client_for, world):
    url = reverse("admin:candidates_candidate_change", args=[world.candidate_a.pk])

    assert client_for(world.hr_a).get(url, follow=True).status_code == 403
    assert client_for(world.admin).get(url).status_code == 200
