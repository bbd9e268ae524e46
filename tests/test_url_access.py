"""Walks every URL pattern of the project for every role.

A pattern must be covered by the role matrix (anonymous, each role, own vs other organisation's
object) or by an explicit list of public / allauth / admin URLs; a new view without coverage fails
``test_every_url_pattern_is_covered``.
"""

import ast
import inspect
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from aftercare.models import CheckIn, CheckInAudience, Placement, PlacementRoute
from aftercare.services import answer_check_in, create_placement, ensure_default_plans
from campaigns.models import CampaignPhase, Enrolment, Evaluation, Interview, Proposal, ProposalStatus
from campaigns.services import evaluate_interview
from candidates.models import Candidate, ConsentPurpose, Screening
from candidates.services import record_consent
from companies.models import Site, Vacancy
from jobroad.models import AuditEntry, CapturedMail, ImportKind, Message, MessageStatus, PendingImport
from tests.factories import CompanyFactory, VacancyFactory, set_phase
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


def captured_mail_of_campaign_a(world) -> CapturedMail:
    return CapturedMail.objects.create(message=message_for(world.campaign_a), subject="s", body="b")


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
    """Candidate A's placement at company A in campaign A with the default follow-up plan, started a month ago: its
    first check-ins can be answered (the employer's and the intermediary's are due today)."""
    ensure_default_plans()
    return Placement.objects.filter(candidate=world.candidate_a).first() or create_placement(
        candidate=world.candidate_a,
        company=world.company_a,
        vacancy=world.vacancy_a,
        campaign=world.campaign_a,
        route=PlacementRoute.TEMP_WORK,
        starts_on=timezone.localdate() - timedelta(days=30),
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


def after_the_interview(interview: Interview):
    """The clock at five in the afternoon of the interview's day: HR evaluates an interview once it has started."""
    evening = datetime.combine(interview.published_day, time(17), tzinfo=timezone.get_current_timezone())
    return time_machine.travel(evening, tick=False)


def offer_a(world) -> Evaluation:
    """HR A's offer after interview A, not yet a placement; campaign A is in aftercare, where offers become
    placements."""
    set_phase(world.campaign_a, CampaignPhase.AFTERCARE)
    interview = published_interview_a(world)
    with after_the_interview(interview):
        return evaluate_interview(
            interview=interview, attendance="attended", outcome="offer", start_route="temp_work",
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
    return sessions_in(world.campaign_a, world.candidate_a, world.intermediary_org_a)


def sessions_in(campaign, candidate, organisation) -> tuple[Session, Session]:
    """The campaign's labour-market session (the candidate registered by the organisation) and its session for
    partners."""
    sessions = []
    for kind, audience in (
        (WorkshopKind.LABOUR_MARKET, Audience.CANDIDATES),
        (WorkshopKind.LIFE_AS_A_REFUGEE, Audience.PARTNERS),
    ):
        workshop, _ = Workshop.objects.get_or_create(campaign=campaign, kind=kind, audience=audience)
        start = timezone.now() + timedelta(days=10)
        session, _ = Session.objects.get_or_create(
            workshop=workshop, defaults={"starts_at": start, "ends_at": start + timedelta(hours=2), "place": "Centrum"}
        )
        sessions.append(session)
    Registration.objects.get_or_create(
        session=sessions[0],
        candidate=candidate,
        defaults={"status": RegistrationStatus.REGISTERED, "organisation": organisation},
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


# --- Writes with another campaign's or organisation's objects ---------------------------------------------------
#
# Every view that takes a POST is posted to, by every role, with the objects of a campaign or organisation that
# is not the role's own: another campaign's enrolment of a candidate both campaigns share, an id in the body that
# belongs elsewhere, a child looked up under a parent the role does have. The answer is a 404 (or the refusal the
# design gives: a form's "not a valid choice", a read-only page) and not one row changes. A new view that takes a
# POST and is missing here fails ``test_every_view_that_takes_a_post_is_walked_with_another_campaigns_objects``.


@dataclass(frozen=True)
class ForeignPost:
    name: str
    owners: frozenset[str]  # whose own objects these are: what they may do is the MATRIX's and each app's tests'
    kwargs: Callable = lambda world: {}
    data: Callable = lambda world: {}
    refusals: dict = field(default_factory=dict, compare=False, hash=False)  # role → a refusal other than a 404
    label: str = field(default="", compare=False)

    def __str__(self):
        return f"{self.name}{'[' + self.label + ']' if self.label else ''}"


B_SIDE = frozenset({"admin", "bob"})
HR_B = COORDINATORS | {"hr_b"}
NOBODY = frozenset()


def shared_candidate_of(world) -> Candidate:
    """The candidate enrolled in both campaigns (the ``shared_candidate`` fixture): alice and bob both see him."""
    return Candidate.objects.filter(campaigns=world.campaign_a).get(campaigns=world.campaign_b)


def shared_enrolment_b(world) -> Enrolment:
    return world.campaign_b.enrolments.get(candidate=shared_candidate_of(world))


def proposal_b(world) -> Proposal:
    """The shared candidate, who consented to share the profile, proposed to company B's vacancy and confirmed."""
    enrolment = shared_enrolment_b(world)
    proposal = Proposal.objects.filter(enrolment=enrolment, vacancy=world.vacancy_b).first()
    if proposal is None:
        record_consent(candidate=enrolment.candidate, purpose=ConsentPurpose.SHARE_PROFILE, actor=world.bob,
                       language="nl")  # fmt: skip
        proposal = Proposal.objects.create(
            enrolment=enrolment, vacancy=world.vacancy_b, fit=50, status=ProposalStatus.CONFIRMED
        )
    return proposal


def published_interview_b(world) -> Interview:
    """The shared candidate's published interview at company B in campaign B (his proposal confirmed)."""
    enrolment, proposal = shared_enrolment_b(world), proposal_b(world)
    participation = world.campaign_b.participations.get(company=world.company_b)
    interview = Interview.objects.get_or_create(
        proposal=proposal, defaults={"participation": participation, "enrolment": enrolment}
    )[0]
    day, start = date(2027, 4, 20), time(11)
    Interview.objects.filter(pk=interview.pk).update(
        day=day, starts_at=start, ends_at=time(11, 30), seat=1, published_day=day, published_starts_at=start
    )
    interview.refresh_from_db()
    return interview


def offer_b(world) -> Evaluation:
    """HR B's offer in campaign B, which is in aftercare: a refusal is then about access, never the phase."""
    set_phase(world.campaign_b, CampaignPhase.AFTERCARE)
    interview = published_interview_b(world)
    with after_the_interview(interview):
        return evaluate_interview(
            interview=interview, attendance="attended", outcome="offer", start_route="temp_work",
            proposed_start=date(2027, 5, 3), actor=world.hr_b,
        )  # fmt: skip


def placement_b(world) -> Placement:
    """The shared candidate placed at company B through campaign B: alice sees it (she sees him), bob runs it."""
    ensure_default_plans()
    return Placement.objects.filter(campaign=world.campaign_b).first() or create_placement(
        candidate=shared_candidate_of(world), company=world.company_b, vacancy=world.vacancy_b,
        campaign=world.campaign_b, route=PlacementRoute.TEMP_WORK, starts_on=timezone.localdate(), actor=world.bob,
    )  # fmt: skip


def check_in_b(world, audience: str) -> CheckIn:
    return placement_b(world).check_ins.filter(audience=audience).order_by("due_on", "pk").first()


def at_risk_check_in_b(world) -> CheckIn:
    return answer_check_in(check_in=check_in_b(world, CheckInAudience.CANDIDATE), still_working=False, actor=world.bob)


def sessions_b(world) -> tuple[Session, Session]:
    """Campaign B's labour-market session (candidate B registered by intermediary B) and a session for partners."""
    return sessions_in(world.campaign_b, world.candidate_b, world.intermediary_org_b)


def registration_b(world) -> Registration:
    return sessions_b(world)[0].registrations.get()


def failed_message_for(campaign) -> Message:
    message = message_for(campaign)
    Message.objects.filter(pk=message.pk).update(status=MessageStatus.FAILED)
    return message


def ambassador_vacancy_once() -> Vacancy:
    return Vacancy.objects.filter(company__is_ambassador=True).first() or ambassador_vacancy()


def candidate_file() -> SimpleUploadedFile:
    rows = "Voornaam;Achternaam;Geboortejaar;Nationaliteit;Opleidingsniveau;Talen\nDawit;Tesfay;1990;ER;medium;ti C2\n"
    return SimpleUploadedFile("kandidaten.csv", rows.encode(), content_type="text/csv")


def vacancy_file() -> SimpleUploadedFile:
    return SimpleUploadedFile("vacatures.csv", b"Functie\nHeftruckchauffeur\n", content_type="text/csv")


def registration_data(organisation, **extra) -> dict:
    """A candidate's registration as the form takes it, registered by ``organisation``."""
    return {
        "first_name": "Samira", "last_name": "Ahmadi", "gender": "woman", "birth_year": "1994", "nationality": "AF",
        "residence_status": "recognised_refugee", "postal_code": "9000", "city": "Gent", "preferred_language": "nl",
        "education_level": "low", "target_group": "refugees", "registered_by": str(organisation.pk),
        "languages-TOTAL_FORMS": "1", "languages-INITIAL_FORMS": "0", "languages-MIN_NUM_FORMS": "0",
        "languages-MAX_NUM_FORMS": "12", "languages-0-language": "prs", "languages-0-level": "C2", **extra,
    }  # fmt: skip


def vacancy_data(site) -> dict:
    return {"title": "Heftruckchauffeur", "site": str(site.pk), "positions": "1", "is_open": "on"}


def vacancy_at_another_companys_site(world) -> dict:
    """A vacancy of company A (which has a site of its own, so the form asks for one) at company B's site."""
    site_of(world.company_a)
    return vacancy_data(site_of(world.company_b))


def participation_data() -> dict:
    return {"visit_capacity": "3", "interviewers": "4", "slot_minutes": "20", "meeting_point": "Poort 9"}


FOREIGN_POSTS = [
    # The outbox and invitations.
    ForeignPost(
        "organisation_invite",
        B_SIDE,
        lambda w: {"pk": w.intermediary_org_b.pk},
        lambda w: {"full_name": "Nora", "email": "nora@example.org", "role": "intermediary"},
    ),
    ForeignPost(
        "message_create", COORDINATORS, data=lambda w: {"recipient": w.hr_b.pk, "channel": "email", "text": "Hallo"}
    ),
    ForeignPost("message_cancel", B_SIDE, lambda w: {"pk": message_for(w.campaign_b).pk}),
    ForeignPost("message_resend", B_SIDE, lambda w: {"pk": failed_message_for(w.campaign_b).pk}),
    # Spreadsheets: a campaign or company of someone else's, or someone else's upload.
    ForeignPost(
        "candidate_import",
        frozenset({"admin", "bob", "intermediary_b"}),
        data=lambda w: {"campaign": w.campaign_b.pk, "organisation": w.intermediary_org_b.pk, "file": candidate_file()},
        refusals={"alice": 400, "intermediary_a": 400},
    ),
    ForeignPost("vacancy_import", HR_B, lambda w: {"pk": w.company_b.pk}, lambda w: {"file": vacancy_file()}),
    ForeignPost(
        "import_preview",
        frozenset({"hr_b"}),
        lambda w: {"pk": pending_import_of(w.hr_b, w.company_b).pk},
        lambda w: {"file": vacancy_file()},
    ),
    ForeignPost("import_confirm", frozenset({"hr_b"}), lambda w: {"pk": pending_import_of(w.hr_b, w.company_b).pk}),
    ForeignPost("import_discard", frozenset({"hr_b"}), lambda w: {"pk": pending_import_of(w.hr_b, w.company_b).pk}),
    # Aftercare: the shared candidate's placement and enrolment in campaign B are bob's, though alice sees him.
    ForeignPost("placement_from_offer", B_SIDE, lambda w: {"pk": offer_b(w).pk}, lambda w: {"starts_on": "2027-05-03"}),
    ForeignPost(
        "placement_change", B_SIDE, lambda w: {"pk": placement_b(w).pk, "action": "start"}, lambda w: {"note": "x"}
    ),
    ForeignPost(
        "check_in_answer",
        B_SIDE | {"hr_b"},
        lambda w: {"pk": check_in_b(w, CheckInAudience.EMPLOYER).pk},
        lambda w: {"still_working": "yes", "notes": "Alles goed."},
        refusals={"alice": 200, "intermediary_a": 200},  # they see the placement: the check-in, read only
    ),
    ForeignPost("check_in_clear_flag", B_SIDE, lambda w: {"pk": at_risk_check_in_b(w).pk}),
    ForeignPost(
        "coaching_contact_create",
        B_SIDE | {"coach_b"},
        lambda w: {"pk": w.candidate_b.pk},
        lambda w: {"happened_on": "2027-05-03", "channel": "phone", "topic": "job_search"},
    ),
    ForeignPost(
        "candidate_enrol_again",
        B_SIDE | {"intermediary_b"},
        lambda w: {"pk": w.candidate_b.pk},
        lambda w: {"campaign": w.campaign_a.pk},
    ),
    ForeignPost(
        "candidate_enrol_again",
        frozenset({"admin"}),
        lambda w: {"pk": w.candidate_a.pk},
        lambda w: {"campaign": w.campaign_b.pk},
        refusals={"alice": 302, "intermediary_a": 302},
        label="campaign",
    ),
    ForeignPost(
        "enrolment_drop_out",
        B_SIDE,
        lambda w: {"pk": shared_enrolment_b(w).pk},
        lambda w: {"reason": "moved", "on": "2027-06-01"},
    ),
    # Campaigns, matching, project week, HR's answers: campaign B's.
    ForeignPost("campaign_create", COORDINATORS, data=lambda w: {"name": "Campaign C"}),
    ForeignPost("campaign_edit", B_SIDE, lambda w: {"pk": w.campaign_b.pk}, lambda w: {"name": "Campaign X"}),
    ForeignPost("campaign_advance", B_SIDE, lambda w: {"pk": w.campaign_b.pk}, lambda w: {"phase": "screening"}),
    ForeignPost(
        "campaign_step_back", B_SIDE, lambda w: {"pk": w.campaign_b.pk}, lambda w: {"reason": "X", "confirm": "on"}
    ),
    ForeignPost(
        "campaign_clone",
        B_SIDE,
        lambda w: {"pk": w.campaign_b.pk},
        lambda w: {"name": "Campaign X", "intake_starts_on": "2027-09-01"},
    ),
    ForeignPost(
        "campaign_add_company",
        B_SIDE,
        lambda w: {"pk": w.campaign_b.pk},
        lambda w: {"company": w.company_a.pk, **participation_data()},
    ),
    ForeignPost(
        "participation_edit",
        B_SIDE | {"hr_b"},
        lambda w: {"pk": w.campaign_b.participations.get(company=w.company_b).pk},
        lambda w: participation_data(),
    ),
    ForeignPost(
        "campaign_matching",
        B_SIDE,
        lambda w: {"pk": w.campaign_b.pk},
        lambda w: {"interviews_per_candidate": "2", "candidates_per_vacancy": "3", "max_commute_minutes": "60"},
    ),
    ForeignPost("matching_confirm", B_SIDE, lambda w: {"pk": w.campaign_b.pk}),
    ForeignPost(
        "matching_pair_rule",
        B_SIDE,
        lambda w: {"pk": shared_enrolment_b(w).pk, "vacancy_pk": w.vacancy_b.pk},
        lambda w: {"kind": "forbid"},
    ),
    ForeignPost(
        "matching_pair_rule",
        NOBODY,
        lambda w: {"pk": enrolment_a(w).pk, "vacancy_pk": w.vacancy_b.pk},
        lambda w: {"kind": "pin"},
        label="vacancy of a company outside the campaign",
    ),
    ForeignPost("project_week_generate", B_SIDE, lambda w: {"pk": w.campaign_b.pk}),
    ForeignPost("project_week_publish", B_SIDE, lambda w: {"pk": w.campaign_b.pk}),
    ForeignPost("project_week_interpreters", B_SIDE, lambda w: {"pk": w.campaign_b.pk}),
    ForeignPost(
        "interview_move",
        B_SIDE,
        lambda w: {"pk": published_interview_b(w).pk},
        lambda w: {"day": "2027-04-20", "starts_at": "14:00"},
    ),
    ForeignPost(
        "second_chance_propose",
        B_SIDE,
        lambda w: {"pk": shared_enrolment_b(w).pk, "vacancy_pk": ambassador_vacancy_once().pk},
    ),
    ForeignPost(
        "participation_confirm_day", frozenset({"hr_b"}), lambda w: {"pk": published_interview_b(w).participation_id}
    ),
    ForeignPost(
        "interview_evaluation",
        B_SIDE | {"hr_b"},
        lambda w: {"pk": published_interview_b(w).pk},
        lambda w: {
            "attendance": "attended",
            "outcome": "offer",
            "start_route": "temp_work",
            "proposed_start": "2027-05-03",
        },
    ),
    ForeignPost(
        "proposal_answer",
        frozenset({"hr_b"}),
        lambda w: {"pk": published_interview_b(w).proposal_id},
        lambda w: {f"p{published_interview_b(w).proposal_id}-answer": "interested"},
    ),
    # Candidates: candidate B's record, campaign B's enrolment, and ids of another organisation in the form.
    ForeignPost(
        "candidate_register",
        B_SIDE | {"intermediary_b"},
        lambda w: {"campaign_pk": w.campaign_b.pk},
        lambda w: registration_data(w.intermediary_org_b),
    ),
    ForeignPost(
        "candidate_register",
        NOBODY,
        lambda w: {"campaign_pk": w.campaign_a.pk},
        lambda w: registration_data(w.intermediary_org_b),
        refusals={"admin": 400, "alice": 400, "intermediary_a": 400},
        label="registered by another organisation",
    ),
    ForeignPost(
        "candidate_register",
        frozenset({"admin", "alice"}),
        lambda w: {"campaign_pk": w.campaign_a.pk},
        lambda w: registration_data(w.intermediary_org_a, coach=str(w.coach_b.pk)),
        refusals={"intermediary_a": 400},
        label="coach of another organisation",
    ),
    ForeignPost(
        "candidate_edit",
        B_SIDE | {"intermediary_b"},
        lambda w: {"pk": w.candidate_b.pk},
        lambda w: registration_data(w.intermediary_org_b),
    ),
    ForeignPost("candidate_erase", B_SIDE, lambda w: {"pk": w.candidate_b.pk}),
    ForeignPost(
        "candidate_consent",
        B_SIDE | {"intermediary_b"},
        lambda w: {"pk": w.candidate_b.pk},
        lambda w: {"purpose": "share_profile", "action": "given", "language": "nl"},
    ),
    ForeignPost(
        "screening_edit",
        B_SIDE,
        lambda w: {"pk": shared_enrolment_b(w).pk, "round": 1},
        lambda w: dict.fromkeys(Screening.RUBRIC, "4"),
    ),
    # Companies: company B's profile, sites and vacancies; a site of company B for a vacancy of company A.
    ForeignPost("company_create", COORDINATORS, data=lambda w: {"name": "Company C"}),
    ForeignPost("company_edit", HR_B, lambda w: {"pk": w.company_b.pk}, lambda w: {"sector": "Bouw"}),
    ForeignPost(
        "company_invite",
        B_SIDE,
        lambda w: {"pk": w.company_b.pk},
        lambda w: {"full_name": "Nora", "email": "nora@example.org"},
    ),
    ForeignPost("company_pledge", HR_B, lambda w: {"pk": w.company_b.pk}),
    ForeignPost(
        "site_create",
        HR_B,
        lambda w: {"pk": w.company_b.pk},
        lambda w: {"name": "Depot", "street": "Kaai 2", "postal_code": "9000", "city": "Gent"},
    ),
    ForeignPost(
        "site_edit",
        HR_B,
        lambda w: {"pk": site_of(w.company_b).pk},
        lambda w: {"name": "Depot", "street": "Kaai 2", "postal_code": "9000", "city": "Gent"},
    ),
    ForeignPost("vacancy_create", HR_B, lambda w: {"pk": w.company_b.pk}, lambda w: vacancy_data(site_of(w.company_b))),
    ForeignPost(
        "vacancy_create",
        NOBODY,
        lambda w: {"pk": w.company_a.pk},
        vacancy_at_another_companys_site,
        refusals=dict.fromkeys(COORDINATORS | {"hr_a"}, 400),
        label="site of another company",
    ),
    ForeignPost("vacancy_edit", HR_B, lambda w: {"pk": w.vacancy_b.pk}, lambda w: vacancy_data(site_of(w.company_b))),
    ForeignPost(
        "vacancy_edit",
        NOBODY,
        lambda w: {"pk": w.vacancy_a.pk},
        vacancy_at_another_companys_site,
        refusals=dict.fromkeys(COORDINATORS | {"hr_a"}, 400),
        label="site of another company",
    ),
    # Workshops: campaign B's; a candidate or person of another organisation in a session one may register for; a
    # registration of another session under one's own session.
    ForeignPost(
        "workshop_create",
        B_SIDE,
        lambda w: {"campaign_pk": w.campaign_b.pk},
        lambda w: {"kind": "info_session", "title": "Info"},
    ),
    ForeignPost(
        "session_create",
        B_SIDE,
        lambda w: {"workshop_pk": sessions_b(w)[0].workshop_id},
        lambda w: {"starts_at": "2027-03-01T10:00", "ends_at": "2027-03-01T12:00", "place": "Centrum", "capacity": "5"},
    ),
    ForeignPost(
        "session_edit",
        B_SIDE,
        lambda w: {"pk": sessions_b(w)[0].pk},
        lambda w: {"starts_at": "2027-03-01T10:00", "ends_at": "2027-03-01T12:00", "place": "Elders", "capacity": "5"},
    ),
    ForeignPost("session_cancel", B_SIDE, lambda w: {"pk": sessions_b(w)[0].pk}),
    ForeignPost(
        "session_register",
        B_SIDE | {"intermediary_b"},
        lambda w: {"pk": sessions_b(w)[0].pk},
        lambda w: {"name": "Walk-in"},
    ),
    ForeignPost(
        "session_register",
        NOBODY,
        lambda w: {"pk": sessions_of(w)[0].pk},
        lambda w: {"candidate": w.candidate_b.pk},
        refusals={"admin": 302, "alice": 302, "intermediary_a": 302},
        label="candidate of another campaign",
    ),
    ForeignPost(
        "session_register",
        NOBODY,
        lambda w: {"pk": sessions_of(w)[1].pk},
        lambda w: {"person": w.hr_b.pk},
        refusals={"admin": 302, "alice": 302, "intermediary_a": 302, "hr_a": 302},
        label="person of another organisation",
    ),
    ForeignPost(
        "session_attendance",
        B_SIDE,
        lambda w: {"pk": sessions_b(w)[0].pk},
        lambda w: {"registration": registration_b(w).pk, "attended": "yes"},
    ),
    ForeignPost(
        "session_attendance",
        NOBODY,
        lambda w: {"pk": sessions_of(w)[0].pk},
        lambda w: {"registration": registration_b(w).pk, "attended": "yes"},
        label="registration of another session",
    ),
    ForeignPost("registration_cancel", B_SIDE | {"intermediary_b"}, lambda w: {"pk": registration_b(w).pk}),
]


# Nothing may reach the database but the audit trail (a read-only answer records the reading): every statement that
# would insert, update or delete a row is caught — in any table, whatever it touches — and cheaper than comparing
# every table before and after.
WRITE = re.compile(r"\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)
AUDIT_TABLE = f'"{AuditEntry._meta.db_table}'  # with its own link tables


def writes(queries: CaptureQueriesContext) -> list[str]:
    return [query["sql"] for query in queries if WRITE.match(query["sql"]) and AUDIT_TABLE not in query["sql"]]


OUTSIDERS = [(case, role) for case in FOREIGN_POSTS for role in ROLES if role not in case.owners]


@pytest.mark.parametrize(("case", "role"), OUTSIDERS, ids=str)
def test_a_post_with_another_campaigns_objects_is_refused_and_changes_nothing(
    client_for, world, shared_candidate, case, role
):
    url = reverse(case.name, kwargs=case.kwargs(world))
    data = case.data(world)
    client = client_for(getattr(world, role))

    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, data)

    assert response.status_code == case.refusals.get(role, 404)
    assert writes(queries) == []


def url_views(resolver: URLResolver | None = None, namespace: str = "") -> dict[str, Callable]:
    """The view of every named pattern of the project, by qualified name."""
    resolver = resolver or get_resolver()
    found = {}
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            found |= url_views(entry, f"{namespace}{entry.namespace}:" if entry.namespace else namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            found[f"{namespace}{entry.name}"] = entry.callback
    return found


PROJECT_PACKAGES = {"jobroad", "campaigns", "candidates", "companies", "workshops", "aftercare"}


def takes_post(view: Callable) -> bool:
    """Whether a view reads a POST: behind ``require_POST``, or with ``request.POST`` or a ``request.method == "POST"``
    branch in its own code, in a function of its module it calls, or in a function its decorators wrap."""
    todo, seen = [view], set()
    while todo:
        function = todo.pop()
        if function in seen:
            continue
        seen.add(function)
        closure = [cell.cell_contents for cell in getattr(function, "__closure__", None) or ()]
        if any(isinstance(value, list | tuple | set) and "POST" in value for value in closure):
            return True  # require_POST: require_http_methods(["POST"])
        todo += [value for value in [*closure, getattr(function, "__wrapped__", None)] if inspect.isfunction(value)]
        module = inspect.getmodule(function)
        if module is None or module.__name__.split(".")[0] not in PROJECT_PACKAGES:
            continue  # Django's and allauth's decorators: their own code is not the view's
        source = textwrap.dedent(inspect.getsource(function))
        if "POST" in source:
            return True
        called = {node.func.id for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Call)
                  and isinstance(node.func, ast.Name)}  # fmt: skip
        todo += [getattr(module, name) for name in called if inspect.isfunction(getattr(module, name, None))
                 and getattr(module, name).__module__ == module.__name__]  # fmt: skip
    return False


def test_every_view_that_takes_a_post_is_walked_with_another_campaigns_objects():
    own = {name: view for name, view in url_views().items() if name not in PUBLIC}
    posting = {name for name, view in own.items() if not name.startswith((*ALLAUTH_PREFIXES, ADMIN_NAMESPACE))
               and takes_post(view)}  # fmt: skip
    walked = {case.name for case in FOREIGN_POSTS}

    assert (sorted(posting - walked), sorted(walked - posting)) == ([], [])


def test_the_post_walk_notices_a_post_read_in_a_helper_or_behind_a_decorator():
    views = url_views()

    found = [takes_post(views[name]) for name in ("candidate_erase", "candidate_import", "session_create",
                                                  "candidate_detail", "attendance_sheet")]  # fmt: skip

    assert found == [True, True, True, False, False]
