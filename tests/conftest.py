"""Role fixtures: two of every kind of organisation, so a leak between them shows.

``world`` holds alice (coordinator of campaign A) and bob (coordinator of campaign B), HR of two
companies, intermediaries of two partner organisations, two coaches, a funder viewer, and two partner screeners
(a temp agency's for campaign A, a VDAB office's for campaign B).

The fixtures several test directories share are here too, so no test module imports another: the project-week
chain ``week`` → ``published`` → ``placement`` (through the services), and the reports' hand-counted ``cohort``.
Rows made directly come from the factories in tests/factories/.
"""

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime, time
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as default_policy

import pytest
from aiosmtpd.controller import Controller
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.utils import timezone, translation

from aftercare import services as aftercare_services
from aftercare.models import FollowUpStep, Placement
from campaigns.models import Campaign, CampaignPhase, Enrolment, Interview, Participation
from campaigns.projectweek import evaluations
from campaigns.projectweek import services as projectweek_services
from candidates.models import Candidate
from companies.models import Company, Vacancy
from jobroad.celery import app as celery_app
from jobroad.models import Organisation, OrganisationKind, Role, User
from jobroad.permissions import must_use_mfa

from .factories import (
    DAY,
    START,
    CampaignFactory,
    CandidateFactory,
    CompanyFactory,
    MembershipFactory,
    OrganisationFactory,
    ProposalFactory,
    UserFactory,
    VacancyFactory,
    matchable,
    set_phase,
)
from .factories.cohort import Cohort, build_cohort
from .mfa import with_totp
from .ports import free_port


@dataclass
class World:
    jobroad: Organisation
    admin: User
    alice: User
    bob: User
    hr_a: User
    hr_b: User
    intermediary_a: User
    intermediary_b: User
    coach_a: User
    coach_b: User
    funder_viewer: User
    company_a: Company
    company_b: Company
    vacancy_a: Vacancy
    vacancy_b: Vacancy
    intermediary_org_a: Organisation
    intermediary_org_b: Organisation
    funder: Organisation
    campaign_a: Campaign
    campaign_b: Campaign
    candidate_a: Candidate
    candidate_b: Candidate
    screener_a: User  # a temp agency's consultant, screening partner of campaign A only
    screener_b: User  # a VDAB consultant, screening partner of campaign B only


def member(email: str, organisation: Organisation, role: str, **extra) -> User:
    return MembershipFactory(user=UserFactory(email=email, **extra), organisation=organisation, role=role).user


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db) -> World:
    jobroad = OrganisationFactory(name="JobRoad", kind=OrganisationKind.JOBROAD)
    intermediary_org_a = OrganisationFactory(name="Werkwinkel A", kind=OrganisationKind.INTERMEDIARY)
    intermediary_org_b = OrganisationFactory(name="OCMW B", kind=OrganisationKind.INTERMEDIARY)
    funder = OrganisationFactory(name="Fund", kind=OrganisationKind.FUNDER)
    company_a = CompanyFactory(organisation__name="Company A")
    company_b = CompanyFactory(organisation__name="Company B")
    coach_a = member("coach.a@example.org", jobroad, Role.JOB_COACH)
    coach_b = member("coach.b@example.org", intermediary_org_b, Role.JOB_COACH)
    alice = member("alice@example.org", jobroad, Role.COORDINATOR)
    bob = member("bob@example.org", jobroad, Role.COORDINATOR)
    campaign_a = CampaignFactory(name="Campaign A", funder=funder)
    campaign_b = CampaignFactory(name="Campaign B")
    campaign_a.coordinators.add(alice)
    campaign_b.coordinators.add(bob)
    campaign_a.partners.add(intermediary_org_a)
    campaign_b.partners.add(intermediary_org_b)
    screening_org_a = OrganisationFactory(name="Uitzendkantoor A", kind=OrganisationKind.TEMP_AGENCY)
    screening_org_b = OrganisationFactory(name="VDAB B", kind=OrganisationKind.INTERMEDIARY)
    campaign_a.screening_partners.add(screening_org_a)
    campaign_b.screening_partners.add(screening_org_b)
    Participation.objects.create(campaign=campaign_a, company=company_a)
    Participation.objects.create(campaign=campaign_b, company=company_b)
    candidate_a = CandidateFactory(first_name="Amal", registered_by=intermediary_org_a, coach=coach_a)
    candidate_b = CandidateFactory(first_name="Yonas", registered_by=intermediary_org_b, coach=coach_b)
    Enrolment.objects.create(campaign=campaign_a, candidate=candidate_a)
    Enrolment.objects.create(campaign=campaign_b, candidate=candidate_b)
    return World(
        jobroad=jobroad,
        admin=member("admin@example.org", jobroad, Role.ADMIN, is_staff=True, is_superuser=True),
        alice=alice,
        bob=bob,
        hr_a=member("hr.a@example.org", company_a.organisation, Role.COMPANY_HR),
        hr_b=member("hr.b@example.org", company_b.organisation, Role.COMPANY_HR),
        intermediary_a=member("intermediary.a@example.org", intermediary_org_a, Role.INTERMEDIARY),
        intermediary_b=member("intermediary.b@example.org", intermediary_org_b, Role.INTERMEDIARY),
        coach_a=coach_a,
        coach_b=coach_b,
        funder_viewer=member("funder@example.org", funder, Role.FUNDER_VIEWER),
        company_a=company_a,
        company_b=company_b,
        vacancy_a=VacancyFactory(company=company_a),
        vacancy_b=VacancyFactory(company=company_b),
        intermediary_org_a=intermediary_org_a,
        intermediary_org_b=intermediary_org_b,
        funder=funder,
        campaign_a=campaign_a,
        campaign_b=campaign_b,
        candidate_a=candidate_a,
        candidate_b=candidate_b,
        screener_a=member("screener.a@example.org", screening_org_a, Role.SCREENER),
        screener_b=member("screener.b@example.org", screening_org_b, Role.SCREENER),
    )


@pytest.fixture
def shared_candidate(world) -> Candidate:
    """Samir, registered by intermediary A into alice's campaign A and later enrolled in bob's campaign B too: both
    coordinators see him, and each runs one of his two enrolments."""
    candidate = CandidateFactory(first_name="Samir", registered_by=world.intermediary_org_a)
    Enrolment.objects.create(campaign=world.campaign_a, candidate=candidate)
    Enrolment.objects.create(campaign=world.campaign_b, candidate=candidate)
    return candidate


@pytest.fixture
def client_for(client, world):
    """A logged-in test client for a user; staff get an activated TOTP so MFA does not get in the way."""

    def log_in(user: User):
        if must_use_mfa(user) and not is_mfa_enabled(user, [Authenticator.Type.TOTP]):
            with_totp(user)
        client.force_login(user)
        return client

    return log_in


# --- The project week and after: one chain of fixtures, from confirmed proposals to a placement ----------------


@pytest.fixture
def week(world):
    """Company A receives candidates on one day: visit 10:00-11:00, one interviewer, 30-minute slots until 12:00
    (two slots). Three candidates are proposed and confirmed; each consented to be contacted by e-mail. The
    campaign is in project week, where the schedule is planned and published."""
    set_phase(world.campaign_a, CampaignPhase.PROJECT_WEEK)
    participation = world.campaign_a.participations.get(company=world.company_a)
    participation.available_days = [DAY.isoformat()]
    participation.visit_starts_at, participation.visit_minutes = time(10), 60
    participation.interviews_until, participation.interviewers, participation.slot_minutes = time(12), 1, 30
    participation.meeting_point = "Onthaal, Kaai 1"
    participation.save()
    people = [world.candidate_a] + [
        CandidateFactory(first_name=name, registered_by=world.intermediary_org_a) for name in ("Sara", "Yonas")
    ]
    proposals = [
        ProposalFactory(enrolment=matchable(world, person), vacancy=world.vacancy_a, confirmed=True)
        for person in people
    ]
    return participation, proposals


@pytest.fixture
def published(world, week) -> list[Interview]:
    """The week's three interviews, scheduled (with room for all three until 12:30) and published."""
    participation, _proposals = week
    participation.interviews_until = time(12, 30)  # room for all three
    participation.save()
    projectweek_services.generate_schedule(campaign=world.campaign_a, actor=world.alice)
    projectweek_services.publish_schedule(campaign=world.campaign_a, actor=world.alice)
    return list(Interview.objects.filter(participation=participation).order_by("starts_at"))


@pytest.fixture
def placement(world, published, time_machine) -> Placement:
    """Amal's interview ended in an offer, evaluated that evening, and became a placement starting on START."""
    FollowUpStep.objects.filter(route="fixed_term").delete()  # a plan of our own, whatever the database holds
    for offset, audience in [(7, "candidate"), (30, "employer"), (30, "intermediary"), (91, "employer")]:
        FollowUpStep.objects.create(route="fixed_term", offset_days=offset, audience=audience)
    evening = datetime.combine(published[0].published_day, time(17), tzinfo=timezone.get_current_timezone())
    time_machine.move_to(evening, tick=False)
    evaluation = evaluations.evaluate_interview(
        interview=published[0], attendance="attended", outcome="offer", start_route="direct_contract",
        proposed_start=START, actor=world.hr_a,
    )  # fmt: skip
    return aftercare_services.place_from_evaluation(evaluation=evaluation, hours_per_week=30, actor=world.alice)


@pytest.fixture
def cohort(world) -> Cohort:
    """The funder reports' seven people in campaign A, counted by hand: see ``tests.factories.cohort``."""
    return build_cohort(world)


RUN = uuid.uuid4().hex[:12]


@pytest.fixture
def english():
    """Messages read in English, for tests that name a message by its (English) source text."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def isolated_cache(settings, request):
    """A cache key prefix per test and run, so rate-limit counters never leak between tests, xdist workers
    or two runs against the same Redis."""
    prefix = f"test:{RUN}:{hashlib.sha256(request.node.nodeid.encode()).hexdigest()[:16]}"
    settings.CACHES = {alias: {**config, "KEY_PREFIX": prefix} for alias, config in settings.CACHES.items()}


@pytest.fixture(autouse=True)
def tasks_run_in_process():
    """Tasks run eagerly in tests, whatever the mode; tests/jobroad/test_celery.py sends through the real broker."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@dataclass
class SmtpServer:
    messages: list[EmailMessage]


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback; Django's SMTP backend is pointed at it."""
    server = SmtpServer(messages=[])

    class Collect:
        async def handle_DATA(self, smtp, session, envelope):
            server.messages.append(message_from_bytes(envelope.content, policy=default_policy))
            return "250 OK"

    controller = Controller(Collect(), hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    yield server
    controller.stop()
