"""A national-scale, fictional data set for load tests and benchmarks: 50,000 candidates, 3,000 companies, 8,000
vacancies and 200 campaigns with their workshops, published schedules, evaluations, placements with check-ins, and
messages. Written with bulk inserts (minutes, not hours); ``--factor 0.01`` makes a small copy for tests.

It refuses to run twice into one database; every scale row is named "Scale …" so it never mixes with the demo."""

import random
from datetime import date, datetime, time, timedelta

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from aftercare.models import CheckIn, CheckInStatus, Placement, PlacementChange, PlacementStatus
from aftercare.services import DEFAULT_PLAN
from campaigns.models import (
    Campaign,
    CampaignPhase,
    Enrolment,
    Evaluation,
    FundingProgramme,
    Interview,
    Participation,
    ProjectWeek,
    Proposal,
    ProposalStatus,
)
from candidates.models import Candidate, CandidateLanguage, EducationLevel, Gender, ResidenceStatus, TargetGroup
from candidates.models import name_key as candidate_name_key
from candidates.names import name_forms
from companies.models import Company, Site, Vacancy
from companies.sectors import Sector
from demo.production import refuse_in_production
from jobroad.models import Membership, Message, MessageStatus, Organisation, OrganisationKind, Role, User
from workshops.models import Audience, Registration, RegistrationStatus, Session, Workshop, WorkshopKind

from .seed_demo import DEMO_PASSWORD

SIZES = {"candidates": 50_000, "companies": 3_000, "vacancies": 8_000, "campaigns": 200}
BATCH = 2_000
FIRST = ["Amal", "Yonas", "Sara", "Hamid", "Olena", "Abdi", "Farida", "Bilal", "Mariam", "Tesfay", "Nadia", "Omar"]
LAST = ["Haddad", "Tesfaye", "Rahimi", "Kovalenko", "Warsame", "Nouri", "Abebe", "Karimi", "Yilmaz", "Ivanova"]
SECTORS = Sector.values
TITLES = ["Orderpicker", "Magazijnier", "Schoonmaker", "Afwasser", "Productiemedewerker", "Hulpkok", "Lasser"]
NATIONALITIES = ["SY", "ER", "AF", "UA", "SO", "IQ", "TR", "PS", "GN", "CD"]
# The 200 campaigns over the last four years, in phases as real ones would be: most are done.
PHASES = [CampaignPhase.CLOSED] * 10 + [CampaignPhase.AFTERCARE] * 5 + [
    CampaignPhase.PROJECT_WEEK, CampaignPhase.MATCHING, CampaignPhase.SCREENING, CampaignPhase.INTAKE,
    CampaignPhase.DRAFT,
]  # fmt: skip


def slot(round_: int, minutes: int = 0) -> time:
    """The project-week interview slots: 10:00, 10:30 … one company sees one candidate per slot."""
    start = 10 * 60 + 30 * round_ + minutes
    return time(start // 60, start % 60)


class Command(BaseCommand):
    help = "Create the national-scale data set (50,000 candidates, 200 campaigns …) for load tests and benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--factor", type=float, default=1.0, help="Scale every size by this (0.01 for tests).")

    def handle(self, *args, factor: float, **options):
        refuse_in_production("seed_scale")
        if Organisation.objects.filter(name="Scale JobRoad").exists():
            raise CommandError("The scale data set is already in this database.")
        sizes = {name: max(1, round(size * factor)) for name, size in SIZES.items()}
        with transaction.atomic():
            counts = Seeder(sizes, random.Random(9)).run()
        for name, count in counts.items():
            self.stdout.write(f"{name:<16} {count:>9,}")


class Seeder:
    def __init__(self, sizes: dict[str, int], rng: random.Random):
        self.sizes, self.rng = sizes, rng
        self.password = make_password(DEMO_PASSWORD)
        self.today = timezone.localdate()

    def run(self) -> dict[str, int]:
        self.people()
        self.companies()
        self.candidates()
        self.campaigns()
        return {
            model.__name__: model.objects.count()
            for model in (
                Candidate,
                Company,
                Vacancy,
                Campaign,
                Enrolment,
                Session,
                Registration,
                Interview,
                Evaluation,
                Placement,
                CheckIn,
                Message,
            )
        }

    def bulk(self, model, rows: list) -> list:
        return model.objects.bulk_create(rows, batch_size=BATCH)

    def users(self, emails: list[str], organisation_of, role: str) -> list[User]:
        users = self.bulk(User, [User(email=email, full_name=email.split("@")[0], password=self.password)
                                 for email in emails])  # fmt: skip
        self.bulk(Membership, [Membership(user=user, organisation=organisation_of(n), role=role)
                               for n, user in enumerate(users)])  # fmt: skip
        return users

    def people(self) -> None:
        campaigns = self.sizes["campaigns"]
        self.jobroad = Organisation.objects.create(name="Scale JobRoad", kind=OrganisationKind.JOBROAD)
        self.intermediaries = self.bulk(Organisation, [
            Organisation(name=f"Scale trajectpunt {n:03}", kind=OrganisationKind.INTERMEDIARY, city="Gent")
            for n in range(max(2, campaigns // 3))
        ])  # fmt: skip
        self.centres = self.bulk(Organisation, [
            Organisation(name=f"Scale opvangcentrum {n:03}", kind=OrganisationKind.RECEPTION_CENTRE, city="Brussel")
            for n in range(max(2, campaigns // 5))
        ])  # fmt: skip
        self.funders = self.bulk(Organisation, [
            Organisation(name=f"Scale fonds {n}", kind=OrganisationKind.FUNDER) for n in range(5)
        ])  # fmt: skip
        self.coordinators = self.users(
            [f"scale-coordinator-{n:03}@jobroad.example" for n in range(max(2, campaigns // 5))],
            lambda n: self.jobroad, Role.COORDINATOR,
        )  # fmt: skip
        self.coaches = self.users(
            [f"scale-coach-{n:03}@jobroad.example" for n in range(max(2, campaigns))], lambda n: self.jobroad,
            Role.JOB_COACH,
        )  # fmt: skip
        self.users([f"scale-intermediary-{n:03}@jobroad.example" for n in range(len(self.intermediaries))],
                   lambda n: self.intermediaries[n], Role.INTERMEDIARY)  # fmt: skip
        self.users(["scale-funder@jobroad.example"], lambda n: self.funders[0], Role.FUNDER_VIEWER)

    def companies(self) -> None:
        count = self.sizes["companies"]
        organisations = self.bulk(Organisation, [
            Organisation(name=f"Scale bedrijf {n:05}", kind=OrganisationKind.COMPANY, city="Antwerpen")
            for n in range(count)
        ])  # fmt: skip
        self.company_rows = self.bulk(Company, [
            Company(organisation=organisation, sector=SECTORS[n % len(SECTORS)], is_ambassador=n % 10 == 0,
                    enterprise_number=f"0{800000000 + n}")
            for n, organisation in enumerate(organisations)
        ])  # fmt: skip
        sites = self.bulk(Site, [
            Site(company=company, name="Hoofdzetel", street=f"Industrieweg {n % 200 + 1}", postal_code="2000",
                 city="Antwerpen")
            for n, company in enumerate(self.company_rows)
        ])  # fmt: skip
        self.vacancies = self.bulk(Vacancy, [
            Vacancy(company=self.company_rows[n % count], site=sites[n % count], title=TITLES[n % len(TITLES)],
                    positions=1 + n % 3, language="nl", language_level=("A1", "A2", "B1")[n % 3])
            for n in range(self.sizes["vacancies"])
        ])  # fmt: skip
        self.users([f"scale-hr-{n:05}@jobroad.example" for n in range(count)], lambda n: organisations[n],
                   Role.COMPANY_HR)  # fmt: skip

    def candidates(self) -> None:
        rows = []
        for n in range(self.sizes["candidates"]):
            first, last = FIRST[n % len(FIRST)], f"{LAST[n % len(LAST)]}-{n:05}"
            rows.append(Candidate(
                first_name=first, last_name=last, name_key=candidate_name_key(first, last),
                name_initials=name_forms(first, last).initials,
                gender=(Gender.MAN, Gender.MAN, Gender.WOMAN, Gender.OTHER)[n % 4],
                birth_year=1970 + n % 35, nationality=NATIONALITIES[n % len(NATIONALITIES)],
                education_level=EducationLevel.values[n % 3],
                residence_status=(ResidenceStatus.ASYLUM_APPLICANT, ResidenceStatus.RECOGNISED_REFUGEE,
                                  ResidenceStatus.SUBSIDIARY_PROTECTION)[n % 3],
                asylum_application_date=date(2023, 1, 1) + timedelta(days=n % 700),
                target_group=(TargetGroup.REFUGEES, TargetGroup.ASYLUM_APPLICANTS)[n % 2],
                registered_by=self.intermediaries[n % len(self.intermediaries)],
                reception_centre=self.centres[n % len(self.centres)],
                coach=self.coaches[n % len(self.coaches)] if n % 3 == 0 else None,
                experience_summary="Magazijnwerk en schoonmaak.",
            ))  # fmt: skip
        self.candidate_rows = self.bulk(Candidate, rows)
        self.bulk(CandidateLanguage, [CandidateLanguage(candidate=c, language="nl", level=("A1", "A2", "B1")[n % 3])
                                      for n, c in enumerate(self.candidate_rows)])  # fmt: skip

    def campaigns(self) -> None:
        count = self.sizes["campaigns"]
        per_campaign = max(1, len(self.candidate_rows) // count)
        companies_per = max(1, len(self.company_rows) // count)
        # A programme per funder and start year, its campaigns' funder its own.
        keys = [(f, y) for f in range(len(self.funders)) for y in range(3)]
        rows = self.bulk(FundingProgramme, [
            FundingProgramme(name=f"AMIF {2023 + y} ({self.funders[f].name})", funder=self.funders[f],
                             starts_on=date(2023 + y, 1, 1), ends_on=date(2025 + y, 12, 31),
                             target_actions_per_year=4, target_candidates_per_action=45)
            for f, y in keys
        ])  # fmt: skip
        programmes = dict(zip(keys, rows, strict=True))
        campaigns = self.bulk(Campaign, [
            Campaign(name=f"Scale campagne {n:03}", region="Vlaanderen", phase=PHASES[n % len(PHASES)],
                     funder=self.funders[n % len(self.funders)],
                     programme=programmes[(n % len(self.funders), n % 3)],
                     target_candidates=per_campaign, target_companies=companies_per, target_workshops=4,
                     target_workshop_attendees=60,
                     starts_on=self.today - timedelta(weeks=4 * 52 * (count - n) // count))
            for n in range(count)
        ])  # fmt: skip
        Campaign.coordinators.through.objects.bulk_create([
            Campaign.coordinators.through(campaign=campaign, user=self.coordinators[n % len(self.coordinators)])
            for n, campaign in enumerate(campaigns)
        ], batch_size=BATCH)  # fmt: skip
        Campaign.partners.through.objects.bulk_create([
            Campaign.partners.through(campaign=campaign, organisation=partner)
            for n, campaign in enumerate(campaigns)
            for partner in {self.intermediaries[(n + k) % len(self.intermediaries)] for k in range(3)}
        ], batch_size=BATCH, ignore_conflicts=True)  # fmt: skip
        for n, campaign in enumerate(campaigns):
            companies = self.company_rows[n * companies_per : (n + 1) * companies_per]
            candidates = self.candidate_rows[n * per_campaign : (n + 1) * per_campaign]
            participations = self.bulk(Participation, [Participation(campaign=campaign, company=c) for c in companies])
            enrolments = self.bulk(Enrolment, [Enrolment(campaign=campaign, candidate=c) for c in candidates])
            self.workshops(campaign, enrolments)
            if campaign.phase in (CampaignPhase.PROJECT_WEEK, CampaignPhase.AFTERCARE, CampaignPhase.CLOSED):
                self.project_week(campaign, participations, enrolments[: min(45, 12 * len(participations))])

    def workshops(self, campaign: Campaign, enrolments: list[Enrolment]) -> None:
        starts = datetime.combine(campaign.starts_on, time(9, 30), tzinfo=timezone.get_current_timezone())
        workshops = self.bulk(Workshop, [
            Workshop(campaign=campaign, kind=WorkshopKind.LABOUR_MARKET, audience=Audience.CANDIDATES),
            Workshop(campaign=campaign, kind=WorkshopKind.LIFE_AS_A_REFUGEE, audience=Audience.PARTNERS),
        ])  # fmt: skip
        sessions = self.bulk(Session, [
            Session(workshop=workshop, starts_at=starts + timedelta(days=7 * k + w),
                    ends_at=starts + timedelta(days=7 * k + w, hours=3), place="Scale zaal", capacity=20)
            for w, workshop in enumerate(workshops) for k in range(2)
        ])  # fmt: skip
        past = campaign.phase not in (CampaignPhase.DRAFT, CampaignPhase.INTAKE)
        self.bulk(Registration, [
            Registration(session=sessions[k], candidate=enrolment.candidate, status=RegistrationStatus.REGISTERED,
                         organisation=enrolment.candidate.registered_by, attended=(i % 5 != 0) if past else None)
            for k in range(2) for i, enrolment in enumerate(enrolments[k * 15:(k + 1) * 15])
        ])  # fmt: skip

    def project_week(self, campaign: Campaign, participations: list, enrolments: list[Enrolment]) -> None:
        """One published day: candidate i meets company i mod n at 10:00, 10:30 or 11:00 — no double bookings."""
        day = campaign.starts_on + timedelta(weeks=11)
        ProjectWeek.objects.create(campaign=campaign, published_at=timezone.now(), version=1)
        companies = len(participations)
        proposals = self.bulk(Proposal, [
            Proposal(enrolment=enrolment, vacancy=self.vacancies[(campaign.pk * 7 + i) % len(self.vacancies)],
                     fit=50 + i % 50, status=ProposalStatus.CONFIRMED, confirmed_at=timezone.now())
            for i, enrolment in enumerate(enrolments)
        ])  # fmt: skip
        interviews = self.bulk(Interview, [
            Interview(proposal=proposal, participation=participations[i % companies], enrolment=enrolments[i],
                      day=day, starts_at=slot(i // companies), ends_at=slot(i // companies, minutes=25), seat=1,
                      published_day=day, published_starts_at=slot(i // companies))
            for i, proposal in enumerate(proposals)
        ])  # fmt: skip
        self.messages(campaign, interviews, day)
        if campaign.phase == CampaignPhase.PROJECT_WEEK:
            return
        evaluations = self.bulk(Evaluation, [
            Evaluation(interview=interview, attendance="attended", outcome=("offer", "no", "maybe")[i % 3],
                       start_route="temp_work" if i % 3 == 0 else "", filled_at=timezone.now())
            for i, interview in enumerate(interviews)
        ])  # fmt: skip
        self.placements(campaign, [e for e in evaluations if e.outcome == "offer"], day)

    def placements(self, campaign: Campaign, offers: list[Evaluation], day: date) -> None:
        starts_on = day + timedelta(weeks=3)
        placements = self.bulk(Placement, [
            Placement(candidate=offer.interview.enrolment.candidate, company=offer.interview.participation.company,
                      vacancy=offer.interview.proposal.vacancy, campaign=campaign, evaluation=offer,
                      route="temp_work", starts_on=starts_on, hours_per_week=30,
                      status=PlacementStatus.STARTED if starts_on <= self.today else PlacementStatus.PLANNED)
            for offer in offers
        ])  # fmt: skip
        self.bulk(PlacementChange, [
            PlacementChange(placement=p, status=p.status, route=p.route, starts_on=p.starts_on, effective_on=starts_on)
            for p in placements
        ])  # fmt: skip
        self.bulk(CheckIn, [
            CheckIn(placement=p, offset_days=offset, audience=audience, due_on=starts_on + timedelta(days=offset),
                    **({"status": CheckInStatus.DONE, "still_working": True, "answered_at": timezone.now()}
                       if starts_on + timedelta(days=offset) < self.today else {}))
            for p in placements for offset, audience in DEFAULT_PLAN
        ])  # fmt: skip

    def messages(self, campaign: Campaign, interviews: list[Interview], day: date) -> None:
        """A day-before reminder per interview, to the candidate's intermediary: sent if the day has passed."""
        due = datetime.combine(day - timedelta(days=1), time(10), tzinfo=timezone.get_current_timezone())
        sent = due < timezone.now()
        self.bulk(Message, [
            Message(key=f"scale:{interview.pk}:reminder", event=f"interview:{interview.pk}",
                    template="interview_reminder", recipient_name="Scale trajectbegeleider",
                    recipient_address=f"scale-intermediary-{interview.pk % 50:03}@jobroad.example",
                    campaign=campaign, due_at=due, status=MessageStatus.SENT if sent else MessageStatus.PENDING,
                    sent_at=due if sent else None, subject="Herinnering: sollicitatiegesprek" if sent else "")
            for interview in interviews
        ])  # fmt: skip
