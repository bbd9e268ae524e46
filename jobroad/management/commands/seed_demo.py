"""A fictional but realistic demo world. Safe to run twice: everything is looked up before it is made."""

import random
from datetime import date, timedelta

from django.core.management.base import BaseCommand
from django.db import transaction

from campaigns.models import PLANNED_PHASES, Campaign, CampaignPhase, Enrolment, Participation
from campaigns.services import save_phase_plans
from candidates.models import Candidate, CandidateLanguage, EducationLevel, Gender, ResidenceStatus, TargetGroup
from companies.models import Company, Vacancy
from jobroad.models import Membership, Organisation, OrganisationKind, Role, User

DEMO_PASSWORD = "jobroad-demo-2026"

RECEPTION_CENTRES = [("Opvangcentrum Heidebloem", "Heidedorp"), ("Opvangcentrum Scheldezicht", "Scheldemonde")]
INTERMEDIARIES = [
    ("Werkwinkel Leiedal", "Leiestad"),
    ("OCMW Heidedorp", "Heidedorp"),
    ("Trajectpunt Noordkant", "Noordkant"),
]
COMPANIES = [
    ("Logistiek Scheldeland", "Transport en logistiek", ["Orderpicker", "Heftruckchauffeur", "Magazijnmedewerker"]),
    ("Groentekwekerij De Polder", "Land- en tuinbouw", ["Seizoensarbeider serre", "Teeltmedewerker"]),
    ("Metaalwerken Leievallei", "Metaal", ["Lasser", "Productiemedewerker", "CNC-operator"]),
    ("Schoonmaak Helder", "Schoonmaak", ["Schoonmaker kantoren", "Schoonmaker industrie"]),
    ("Hotel Zeezicht", "Horeca", ["Afwasser", "Kamermeisje/-knecht", "Hulpkok"]),
    ("Kempenbouw", "Bouw", ["Hulparbeider bouw", "Metser", "Dakwerker"]),
    ("Zorgcentrum Lindehof", "Zorg", ["Logistiek assistent zorg", "Zorgkundige in opleiding"]),
    ("Voeding Vlaskouter", "Voeding", ["Productiemedewerker voeding", "Inpakker", "Bakkershulp"]),
    ("Textiel Lieve", "Textiel", ["Naaister/naaier", "Machineoperator"]),
    ("Garage Snelweg", "Automobiel", ["Bandenmonteur", "Carwashmedewerker"]),
    ("Drukkerij Inkt & Co", "Grafische sector", ["Drukkerijmedewerker", "Afwerker"]),
    ("Tuinaanleg Groenvinger", "Groenvoorziening", ["Tuinarbeider", "Hovenier"]),
]
FIRST_NAMES = [
    ("Amal", Gender.WOMAN),
    ("Yonas", Gender.MAN),
    ("Farid", Gender.MAN),
    ("Hodan", Gender.WOMAN),
    ("Samir", Gender.MAN),
    ("Olena", Gender.WOMAN),
    ("Ahmad", Gender.MAN),
    ("Mariam", Gender.WOMAN),
    ("Tesfay", Gender.MAN),
    ("Zainab", Gender.WOMAN),
    ("Bilal", Gender.MAN),
    ("Nadia", Gender.WOMAN),
    ("Jamshid", Gender.MAN),
    ("Ayan", Gender.WOMAN),
    ("Dawit", Gender.MAN),
    ("Leyla", Gender.WOMAN),
    ("Omid", Gender.MAN),
    ("Iryna", Gender.WOMAN),
    ("Karim", Gender.MAN),
    ("Selam", Gender.WOMAN),
]
LAST_NAMES = [
    "Haddad",
    "Tesfamariam",
    "Rahimi",
    "Warsame",
    "Khalil",
    "Kovalenko",
    "Noori",
    "Hassan",
    "Gebremedhin",
    "Sultani",
    "Yilmaz",
    "Ahmadi",
    "Abdi",
    "Petrenko",
    "Mansour",
]
# (nationality, home language) pairs; Dutch and French are learnt here.
ORIGINS = [
    ("SY", "ar"),
    ("AF", "prs"),
    ("AF", "ps"),
    ("ER", "ti"),
    ("SO", "so"),
    ("UA", "uk"),
    ("IQ", "ar"),
    ("IR", "fa"),
    ("TR", "tr"),
    ("PS", "ar"),
]
LEVELS = ["A1", "A2", "B1", "B2"]
PHASES = list(CampaignPhase)
CAMPAIGN_PLACES = ["Heidedorp", "Scheldemonde", "Leiestad", "Noordkant", "Kempen", "Polder", "Vlaskouter"]


class Command(BaseCommand):
    help = "Load (or complete) the fictional demo data: organisations, people, companies, candidates, campaigns."

    def handle(self, *args, **options):
        with transaction.atomic():
            world = self.build_world(random.Random(2026))
        self.stdout.write(self.style.SUCCESS("Demo data ready. Log in at http://127.0.0.1:8000 with:"))
        for email, role in world["logins"]:
            self.stdout.write(f"  {email:<38} {Role(role).label!s:<16} password: {DEMO_PASSWORD}")

    def build_world(self, rng: random.Random) -> dict:
        jobroad = organisation("JobRoad", OrganisationKind.JOBROAD, "Brussel")
        centres = [organisation(name, OrganisationKind.RECEPTION_CENTRE, city) for name, city in RECEPTION_CENTRES]
        intermediaries = [organisation(name, OrganisationKind.INTERMEDIARY, city) for name, city in INTERMEDIARIES]
        funder = organisation("Fonds Integratie door Werk", OrganisationKind.FUNDER, "Brussel")
        companies = [company(name, sector, titles, index) for index, (name, sector, titles) in enumerate(COMPANIES)]

        logins = [
            member("admin@jobroad.example", "Anja Admin", jobroad, Role.ADMIN, staff=True),
            member("coordinator@jobroad.example", "Koen Coördinator", jobroad, Role.COORDINATOR),
            member("coach@jobroad.example", "Vera Vrijwilliger", jobroad, Role.JOB_COACH),
            member("hr@scheldeland.example", "Hilde Personeel", companies[0].organisation, Role.COMPANY_HR),
            member("hr@polder.example", "Hamid Personeel", companies[1].organisation, Role.COMPANY_HR),
            member("intermediary@leiedal.example", "Ilse Trajectbegeleider", intermediaries[0], Role.INTERMEDIARY),
            member(
                "intermediary@heidedorp.example", "Ivo Maatschappelijk Werker", intermediaries[1], Role.INTERMEDIARY
            ),
            member("staff@heidebloem.example", "Rania Centrummedewerker", centres[0], Role.INTERMEDIARY),
            member("funder@fonds.example", "Frank Financier", funder, Role.FUNDER_VIEWER),
        ]
        coordinator = User.objects.get(email="coordinator@jobroad.example")
        coach = User.objects.get(email="coach@jobroad.example")

        registrars = intermediaries + centres[:1]
        candidates = [
            candidate(
                rng, index, registrars[index % len(registrars)], centres[index % 2], coach if index % 7 == 0 else None
            )
            for index in range(60)
        ]
        # One campaign per phase: the closed one is the oldest, the draft one the newest.
        for index, (phase, place) in enumerate(zip(PHASES, CAMPAIGN_PLACES, strict=True)):
            starts_on = date(2026, 10, 5) - timedelta(weeks=9 * index)
            campaign, _ = Campaign.objects.get_or_create(
                name=f"Matchmaking {place} {starts_on.year}",
                defaults={
                    "region": place,
                    "phase": phase,
                    "target_group": TargetGroup.ASYLUM_APPLICANTS if index % 2 else TargetGroup.REFUGEES,
                    "funder": funder if index % 2 == 0 else None,
                    "funding_programme": "AMIF 2021-2027" if index % 2 == 0 else "",
                    "target_candidates": 25,
                    "target_companies": 8,
                    "target_workshops": 4,
                    "target_workshop_attendees": 60,
                },
            )
            save_phase_plans(campaign=campaign, plans=phase_plans(starts_on))
            campaign.coordinators.add(coordinator)
            campaign.partners.add(centres[index % 2], *intermediaries)
            campaign.reception_centres.add(centres[index % 2])
            for company_ in companies[index % 3 :: 3] if phase != CampaignPhase.DRAFT else []:
                Participation.objects.get_or_create(campaign=campaign, company=company_)
            for candidate_ in candidates[index * 8 : index * 8 + 8] if phase != CampaignPhase.DRAFT else []:
                Enrolment.objects.get_or_create(campaign=campaign, candidate=candidate_)
        return {"logins": logins}


# Weeks per planned phase, in order: intake, screening, matching, project week, aftercare.
PHASE_WEEKS = [6, 2, 2, 1, 26]


def phase_plans(starts_on: date) -> dict[str, tuple[date, date]]:
    plans, day = {}, starts_on
    for phase, weeks in zip(PLANNED_PHASES, PHASE_WEEKS, strict=True):
        plans[phase] = (day, day + timedelta(weeks=weeks, days=-3))  # Monday to Friday
        day += timedelta(weeks=weeks)
    return plans


def organisation(name: str, kind: str, city: str) -> Organisation:
    organisation_, _ = Organisation.objects.get_or_create(name=name, kind=kind, defaults={"city": city})
    return organisation_


def member(email: str, full_name: str, organisation_: Organisation, role: str, staff: bool = False) -> tuple[str, str]:
    user, created = User.objects.get_or_create(
        email=email, defaults={"full_name": full_name, "is_staff": staff, "is_superuser": staff}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    Membership.objects.get_or_create(user=user, organisation=organisation_, role=role)
    return email, role


def company(name: str, sector: str, titles: list[str], index: int) -> Company:
    company_, _ = Company.objects.get_or_create(
        organisation=organisation(name, OrganisationKind.COMPANY, ""),
        defaults={
            "sector": sector,
            "enterprise_number": f"0{700000000 + index * 1234567}",
            "is_ambassador": index % 4 == 0,
        },
    )
    for position, title in enumerate(titles):
        Vacancy.objects.get_or_create(
            company=company_,
            title=title,
            defaults={
                "positions": 1 + position % 3,
                "language": "nl",
                "language_level": LEVELS[position % 3],
                "driving_licence_required": "chauffeur" in title.lower(),
            },
        )
    return company_


def candidate(rng: random.Random, index: int, registrar: Organisation, centre: Organisation, coach) -> Candidate:
    first_name, gender = FIRST_NAMES[index % len(FIRST_NAMES)]
    last_name = LAST_NAMES[(index * 7) % len(LAST_NAMES)]
    nationality, home_language = ORIGINS[index % len(ORIGINS)]
    status = [
        ResidenceStatus.ASYLUM_APPLICANT,
        ResidenceStatus.RECOGNISED_REFUGEE,
        ResidenceStatus.SUBSIDIARY_PROTECTION,
    ][index % 3]
    candidate_, created = Candidate.objects.get_or_create(
        first_name=first_name,
        last_name=last_name,
        registered_by=registrar,
        defaults={
            "gender": gender,
            "birth_year": 1975 + rng.randrange(30),
            "nationality": nationality,
            "education_level": rng.choice(
                [EducationLevel.LOW, EducationLevel.LOW, EducationLevel.MEDIUM, EducationLevel.HIGH]
            ),
            "residence_status": status,
            "asylum_application_date": date(2025, 1 + index % 12, 1 + index % 28)
            if status == ResidenceStatus.ASYLUM_APPLICANT
            else None,
            "target_group": TargetGroup.ASYLUM_APPLICANTS
            if status == ResidenceStatus.ASYLUM_APPLICANT
            else TargetGroup.REFUGEES,
            "has_driving_licence": index % 4 == 0,
            "reception_centre": centre,
            "coach": coach,
        },
    )
    if created:
        CandidateLanguage.objects.create(candidate=candidate_, language=home_language, level="C2")
        CandidateLanguage.objects.create(candidate=candidate_, language="nl", level=rng.choice(LEVELS))
        if index % 3 == 0:
            CandidateLanguage.objects.create(candidate=candidate_, language="en", level=rng.choice(LEVELS))
    return candidate_
