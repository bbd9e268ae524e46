"""A fictional but realistic demo world. Safe to run twice: everything is looked up before it is made."""

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from aftercare import services as aftercare_services
from aftercare.models import CheckIn
from campaigns.intake import services as intake_services
from campaigns.matching import services as matching_services
from campaigns.models import (
    PLANNED_PHASES,
    Campaign,
    CampaignPhase,
    Enrolment,
    Evaluation,
    HrAnswer,
    Interview,
    Participation,
    Proposal,
)
from campaigns.projectweek import evaluations
from campaigns.projectweek import services as projectweek_services
from campaigns.services import save_phase_plans
from candidates.choices import DOCUMENT_LANGUAGES
from candidates.models import (
    CURRENT_CONSENT_VERSION,
    Candidate,
    CandidateLanguage,
    Consent,
    ConsentAction,
    ConsentPurpose,
    EducationLevel,
    Gender,
    ResidenceStatus,
    Screening,
    ScreeningDecision,
    TargetGroup,
)
from companies.models import Company, Competence, Occupation, Site, Vacancy
from companies.sectors import Sector
from companies.vocabulary import seed_curated_vocabulary
from demo.employers import employer_of_record, seed_employers
from demo.history import date_history, registered_on
from demo.interpreters import book_demo_interpreters
from demo.lunch import seed_dietary_needs
from demo.network import seed_network
from demo.outreach import seed_outreach
from demo.partners import seed_partners
from demo.production import refuse_in_production
from demo.programme import seed_programme
from demo.registration_details import seed_registration_details
from demo.transport import seed_transport
from jobroad.models import Membership, Organisation, OrganisationKind, Role, User
from jobroad.selectors import members
from workshops import services as workshop_services
from workshops.models import Audience, RegistrationStatus, Session, Workshop, WorkshopKind

DEMO_PASSWORD = "jobroad-demo-2026"

RECEPTION_CENTRES = [("Opvangcentrum Heidebloem", "Heidedorp"), ("Opvangcentrum Scheldezicht", "Scheldemonde")]
INTERMEDIARIES = [
    ("Werkwinkel Leiedal", "Leiestad"),
    ("OCMW Heidedorp", "Heidedorp"),
    ("Trajectpunt Noordkant", "Noordkant"),
]
COMPANIES = [
    ("Logistiek Scheldeland", Sector.LOGISTICS, ["Orderpicker", "Heftruckchauffeur", "Magazijnmedewerker"]),
    ("Groentekwekerij De Polder", Sector.AGRICULTURE, ["Seizoensarbeider serre", "Teeltmedewerker"]),
    ("Metaalwerken Leievallei", Sector.INDUSTRY, ["Lasser", "Productiemedewerker", "CNC-operator"]),
    ("Schoonmaak Helder", Sector.CLEANING, ["Schoonmaker kantoren", "Schoonmaker industrie"]),
    ("Hotel Zeezicht", Sector.HOSPITALITY, ["Afwasser", "Kamermeisje/-knecht", "Hulpkok"]),
    ("Kempenbouw", Sector.CONSTRUCTION, ["Hulparbeider bouw", "Metser", "Dakwerker"]),
    ("Zorgcentrum Lindehof", Sector.CARE, ["Logistiek assistent zorg", "Zorgkundige in opleiding"]),
    ("Voeding Vlaskouter", Sector.FOOD, ["Productiemedewerker voeding", "Inpakker", "Bakkershulp"]),
    ("Textiel Lieve", Sector.INDUSTRY, ["Naaister/naaier", "Machineoperator"]),
    ("Garage Snelweg", Sector.CARS, ["Bandenmonteur", "Carwashmedewerker"]),
    ("Drukkerij Inkt & Co", Sector.INDUSTRY, ["Drukkerijmedewerker", "Afwerker"]),
    ("Tuinaanleg Groenvinger", Sector.GREEN, ["Tuinarbeider", "Hovenier"]),
]
# Fictional sites, one per company (in COMPANIES order); the first two companies have a second one.
COMPANY_SITES = [
    ("Havenweg", "9180", "Scheldemonde"), ("Polderdijk", "8690", "Polder"), ("Smidsestraat", "8500", "Leiestad"),
    ("Zuiverweg", "9000", "Leiestad"), ("Duinenlaan", "8400", "Zeezicht"), ("Steenbakkerij", "2440", "Kempen"),
    ("Lindedreef", "9100", "Heidedorp"), ("Vlasweg", "8560", "Vlaskouter"), ("Spinnerijkaai", "8500", "Leiestad"),
    ("Snelwegstraat", "2030", "Noordkant"), ("Papierstraat", "9000", "Leiestad"), ("Groenweg", "9100", "Heidedorp"),
]  # fmt: skip
SECOND_SITES = {
    0: ("Depot Noord", "Industrieweg", "2030", "Noordkant"),
    1: ("Serre Oost", "Kasseiweg", "8690", "Polder"),
}
# Demo vacancy titles → the curated occupation (by English label) they are.
VACANCY_OCCUPATIONS = {
    "Orderpicker": "order picker", "Heftruckchauffeur": "forklift operator", "Magazijnmedewerker": "warehouse worker",
    "Seizoensarbeider serre": "greenhouse worker", "Teeltmedewerker": "harvest worker", "Lasser": "welder",
    "Productiemedewerker": "production worker", "CNC-operator": "CNC machine operator",
    "Schoonmaker kantoren": "office cleaner", "Schoonmaker industrie": "industrial cleaner",
    "Afwasser": "dishwasher", "Kamermeisje/-knecht": "room attendant", "Hulpkok": "kitchen assistant",
    "Hulparbeider bouw": "construction labourer", "Metser": "bricklayer", "Dakwerker": "roofer",
    "Logistiek assistent zorg": "warehouse worker", "Zorgkundige in opleiding": "nursing assistant",
    "Productiemedewerker voeding": "food production machine operator",
    "Inpakker": "hand packer", "Bakkershulp": "baker", "Naaister/naaier": "sewing machinist",
    "Machineoperator": "production worker", "Bandenmonteur": "car mechanic", "Carwashmedewerker": "car wash attendant",
    "Drukkerijmedewerker": "production worker", "Afwerker": "production worker", "Tuinarbeider": "garden labourer",
    "Hovenier": "landscape gardener",
}  # fmt: skip
# Company → (required, nice-to-have) curated competences by English label.
COMPANY_COMPETENCES = {
    "Logistiek Scheldeland": (["pick orders", "use a handheld scanner"], ["operate a pallet truck", "work in shifts"]),
    "Groentekwekerij De Polder": (["harvest crops", "tend plants"], ["plants and crops", "work in a team"]),
    "Metaalwerken Leievallei": (
        ["read technical drawings", "workplace safety rules"], ["types of metal", "use measuring instruments"]
    ),
    "Schoonmaak Helder": (
        ["clean offices", "cleaning products and methods"], ["operate cleaning machines", "be punctual"]
    ),
    "Hotel Zeezicht": (["wash dishes", "food hygiene (HACCP)"], ["prepare vegetables", "work in a team"]),
    "Kempenbouw": (["use hand tools", "VCA basic safety"], ["work at height", "construction materials"]),
    "Zorgcentrum Lindehof": (
        ["hygiene in care", "assist with personal care"], ["help residents to eat", "be punctual"]
    ),
    "Voeding Vlaskouter": (["operate a production line", "food hygiene (HACCP)"], ["pack goods", "work in shifts"]),
    "Textiel Lieve": (["operate a sewing machine", "work accurately"], ["check product quality"]),
    "Garage Snelweg": (["use power tools", "follow instructions"], ["deal with customers politely"]),
    "Drukkerij Inkt & Co": (["operate a production line", "work accurately"], ["check product quality"]),
    "Tuinaanleg Groenvinger": (["maintain gardens", "use power tools"], ["plants and crops", "work in a team"]),
}  # fmt: skip
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
        refuse_in_production("seed_demo")
        with transaction.atomic():
            world = self.build_world(random.Random(2026))
        self.stdout.write(self.style.SUCCESS("Demo data ready. Log in at http://127.0.0.1:8000 with:"))
        for email, role in world["logins"]:
            self.stdout.write(f"  {email:<38} {Role(role).label!s:<16} password: {DEMO_PASSWORD}")

    def build_world(self, rng: random.Random) -> dict:
        jobroad = organisation("JobRoad", OrganisationKind.JOBROAD, "Brussel")
        Organisation.objects.filter(pk=jobroad.pk, phone="").update(phone="+3290000000")  # fictional: 09 000 00 00
        centres = [organisation(name, OrganisationKind.RECEPTION_CENTRE, city) for name, city in RECEPTION_CENTRES]
        intermediaries = [organisation(name, OrganisationKind.INTERMEDIARY, city) for name, city in INTERMEDIARIES]
        funder = organisation("Fonds Integratie door Werk", OrganisationKind.FUNDER, "Brussel")
        seed_curated_vocabulary(Occupation, Competence)  # normally there from migration 0004; completed if not
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
        starts = [campaign_start(phase, place) for phase, place in zip(PHASES, CAMPAIGN_PLACES, strict=True)]
        candidates = [
            candidate(
                rng, index, registrars[index % len(registrars)], centres[index % 2], coach if index % 7 == 0 else None,
                registered=candidate_registered(index, starts),
            )
            for index in range(60)
        ]  # fmt: skip
        # One campaign per phase, each in that phase today: the closed one is the oldest, the draft one the newest.
        for index, (phase, place, starts_on) in enumerate(zip(PHASES, CAMPAIGN_PLACES, starts, strict=True)):
            campaign, _ = Campaign.objects.get_or_create(
                name=f"Matchmaking {place} {starts_on.year}",
                defaults={
                    "region": place,
                    "phase": phase,
                    "target_group": TargetGroup.ASYLUM_APPLICANTS if index % 2 else TargetGroup.REFUGEES,
                    "funder": funder if index % 2 == 0 else None,
                    "target_candidates": 25,
                    "target_companies": 8,
                    "target_workshops": 4,
                    "target_workshop_attendees": 60,
                },
            )
            enter_phase(campaign, CampaignPhase.DRAFT)  # a demo run again builds from the start, stage by stage
            save_phase_plans(campaign=campaign, plans=phase_plans(starts_on))
            campaign.coordinators.add(coordinator)
            campaign.partners.add(centres[index % 2], *intermediaries)
            campaign.reception_centres.add(centres[index % 2])
            for company_ in companies[index % 3 :: 3] if phase != CampaignPhase.DRAFT else []:
                Participation.objects.get_or_create(campaign=campaign, company=company_)
            for candidate_ in candidates[index * 8 : index * 8 + 8] if phase != CampaignPhase.DRAFT else []:
                Enrolment.objects.get_or_create(campaign=campaign, candidate=candidate_)
            # Each stage happens in its own phase, as the lifecycle wants (campaigns.lifecycle), then the campaign
            # is left in the phase it shows.
            if phase != CampaignPhase.DRAFT:
                enter_phase(campaign, CampaignPhase.INTAKE)
                demo_workshops(
                    campaign, coordinator, candidates[index * 8 : index * 8 + 8], upcoming=phase == CampaignPhase.INTAKE
                )
            if PHASES.index(phase) >= PHASES.index(CampaignPhase.SCREENING):
                enter_phase(campaign, CampaignPhase.SCREENING)
                demo_screening(campaign, coordinator, second_screener=User.objects.get(email="admin@jobroad.example"))
            if PHASES.index(phase) >= PHASES.index(CampaignPhase.MATCHING):
                enter_phase(campaign, CampaignPhase.MATCHING)
                demo_matching(campaign, coordinator, confirm=phase != CampaignPhase.MATCHING)
            if PHASES.index(phase) >= PHASES.index(CampaignPhase.PROJECT_WEEK):
                enter_phase(campaign, CampaignPhase.PROJECT_WEEK)
                demo_project_week(campaign, coordinator, publish=phase == CampaignPhase.PROJECT_WEEK)
            if phase != CampaignPhase.DRAFT:
                date_history(campaign, candidates[index * 8 : index * 8 + 8])
            enter_phase(campaign, phase)
        logins += seed_programme(coordinator=coordinator, companies=companies, registrars=registrars, centres=centres)
        seed_network(companies=companies, coordinator=coordinator)
        seed_transport(coordinator=coordinator)
        seed_dietary_needs()
        seed_registration_details(registrar=intermediaries[0], centre=centres[0])
        seed_employers(coordinator=coordinator, companies=companies)
        logins += seed_partners()
        seed_outreach()  # last: a headcount for every held session the lines above made
        return {"logins": logins}


# Weeks from the demo's Monday back to each campaign's intake (PHASE_WEEKS after it: intake 6, screening 2,
# matching 2, project week 1, aftercare 26), so that each campaign is in its phase today; the draft one starts later.
INTAKE_WEEKS_AGO = {
    CampaignPhase.DRAFT: -4, CampaignPhase.INTAKE: 3, CampaignPhase.SCREENING: 7, CampaignPhase.MATCHING: 9,
    CampaignPhase.PROJECT_WEEK: 10, CampaignPhase.AFTERCARE: 20, CampaignPhase.CLOSED: 45,
}  # fmt: skip


def campaign_start(phase: str, place: str) -> date:
    """The first day of the campaign's intake, counted back from this week's Monday (next week's at the weekend,
    so the project week is still ahead). A demo seeded before keeps its dates: its history was built on them."""
    seeded = Campaign.objects.filter(region=place, name__startswith=f"Matchmaking {place} ").first()
    plan = seeded and seeded.phase_plans.filter(phase=CampaignPhase.INTAKE).first()
    if plan:
        return plan.starts_on
    today = timezone.localdate()
    monday = today - timedelta(days=today.weekday()) if today.weekday() < 5 else today + timedelta(7 - today.weekday())
    return monday - timedelta(weeks=INTAKE_WEEKS_AGO[phase])


def candidate_registered(index: int, starts: list[date]) -> date:
    """Candidates come eight to a campaign (none to the draft one): registered before its intake; the others a
    month or two ago."""
    campaign = index // 8
    if 0 < campaign < len(starts):
        return registered_on(starts[campaign])
    return timezone.localdate() - timedelta(days=30 + index)


def enter_phase(campaign: Campaign, phase: str) -> None:
    """Put a demo campaign straight into ``phase``: the demo builds history, it does not replay the coordinator's
    moves (``advance_campaign`` and its preconditions are the journey's and the tests' business)."""
    Campaign.objects.filter(pk=campaign.pk).update(phase=phase)
    campaign.phase = phase


def demo_workshops(campaign: Campaign, coordinator: User, candidates: list[Candidate], *, upcoming: bool) -> None:
    """Two workshops per campaign: "life as a refugee" for its companies' HR and the intermediaries, the
    labour-market workshop for its candidates (six places, so two wait). The campaign in intake has its sessions
    next week; earlier campaigns' sessions are over, with attendance marked."""
    intake = campaign.phase_plans.get(phase=CampaignPhase.INTAKE).starts_on
    day = timezone.localdate() + timedelta(days=7) if upcoming else intake + timedelta(days=8)
    people = User.objects.filter(
        memberships__organisation__in=[*campaign.partners.all(), *(c.organisation for c in campaign.companies.all())],
        memberships__role__in=[Role.COMPANY_HR, Role.INTERMEDIARY],
    ).distinct()
    plans = [
        (WorkshopKind.LIFE_AS_A_REFUGEE, Audience.PARTNERS, day, 20, "Stadhuis, Raadzaal", list(people)),
        (WorkshopKind.LABOUR_MARKET, Audience.CANDIDATES, day + timedelta(days=2), 6, "Opvangcentrum, Leslokaal 2",
         candidates),
    ]  # fmt: skip
    for kind, audience, on, places, place, attendees in plans:
        workshop, _ = Workshop.objects.get_or_create(campaign=campaign, kind=kind, defaults={"audience": audience})
        starts_at = timezone.make_aware(datetime.combine(on, time(9, 30)))
        session, created = Session.objects.get_or_create(
            workshop=workshop,
            place=place,
            defaults={"starts_at": starts_at, "ends_at": starts_at + timedelta(hours=3), "capacity": places,
                      "facilitator": "Lotte Peeters", "language": "nl", "interpreter": "Arabisch — Samira"},
        )  # fmt: skip
        if not created:
            continue
        for attendee in attendees:
            if isinstance(attendee, Candidate):
                workshop_services.register(session=session, actor=coordinator, candidate=attendee)
            else:
                workshop_services.register(session=session, actor=coordinator, person=attendee)
        if not upcoming:
            for number, registration in enumerate(session.registrations.filter(status=RegistrationStatus.REGISTERED)):
                workshop_services.mark_attendance(
                    registration=registration, attended=number % 5 != 4, actor=coordinator
                )


DEMO_DECISIONS = [ScreeningDecision.SELECTED] * 5 + [ScreeningDecision.RESERVE, ScreeningDecision.NOT_NOW, ""]


def demo_screening(campaign: Campaign, coordinator: User, second_screener: User) -> None:
    """Every candidate screened: five selected, one reserve, one not now, one without a decision yet; two have
    a second opinion, one of which differs by two points (for the calibration view)."""
    for number, enrolment in enumerate(campaign.enrolments.order_by("candidate_id")):
        if enrolment.screenings.exists():
            continue
        decision = DEMO_DECISIONS[number % len(DEMO_DECISIONS)]
        scores = {name: 2 + (number + offset) % 4 for offset, name in enumerate(Screening.RUBRIC)}
        intake_services.save_screening(
            enrolment=enrolment, round=1, screener=coordinator, decision=decision,
            decision_reason="Eerst Nederlands tot A2" if decision == ScreeningDecision.NOT_NOW else "",
            test_results="Nederlands A1, rekenen 7/10", **scores,
        )  # fmt: skip
        if number in (0, 3):
            motivation = scores["motivation"]
            apart = (motivation + 2 if motivation <= 3 else motivation - 2) if number == 0 else motivation
            second = {**scores, "motivation": apart}
            intake_services.save_screening(enrolment=enrolment, round=2, screener=second_screener, **second)


def demo_matching(campaign: Campaign, coordinator: User, *, confirm: bool) -> None:
    """A matching run; campaigns past matching have their proposals confirmed and some answered by HR."""
    if campaign.matching_runs.exists():
        return
    matching_services.run_matching(campaign=campaign, actor=coordinator)
    if not confirm:
        return
    matching_services.confirm_proposals(campaign=campaign, actor=coordinator)
    answers = [HrAnswer.INTERESTED, HrAnswer.INTERESTED, HrAnswer.QUESTION, HrAnswer.NOT_INTERESTED, ""]
    for number, proposal in enumerate(Proposal.objects.filter(enrolment__campaign=campaign).select_related("vacancy")):
        answer = answers[number % len(answers)]
        hr = User.objects.filter(memberships__organisation=proposal.vacancy.company.organisation_id).first()
        if answer and hr:
            matching_services.answer_proposal(
                proposal=proposal, answer=answer, actor=hr,
                comment="Kan de kandidaat om 6 uur beginnen?" if answer == HrAnswer.QUESTION else "",
            )  # fmt: skip


def demo_project_week(campaign: Campaign, coordinator: User, *, publish: bool) -> None:
    """Each company receives candidates on one or two project-week days, visits staggered through the morning;
    Arabic, Tigrinya and Dari interpreters booked on the first days. The campaign in project week publishes its schedule
    (messages go to the captured mail); earlier campaigns' schedules count as told long ago."""
    if Interview.objects.filter(participation__campaign=campaign).exists():
        return
    plan = campaign.phase_plans.get(phase=CampaignPhase.PROJECT_WEEK)
    days = [plan.starts_on + timedelta(days=n) for n in range(3)]
    for number, participation in enumerate(campaign.participations.order_by("pk")):
        participation.available_days = [d.isoformat() for d in days[number % 3 : number % 3 + 1 + number % 2]]
        participation.visit_starts_at = time(9 + number % 3, 30 * (number % 2))
        participation.interviews_until = time(13 + number % 3)
        participation.interviewers = 1 + number % 2
        participation.meeting_point = "Onthaal"
        participation.save()
    book_demo_interpreters(campaign, days, coordinator)
    try:
        projectweek_services.generate_schedule(campaign=campaign, actor=coordinator)
    except projectweek_services.ScheduleRefused:
        return  # nothing confirmed to schedule in this campaign
    if publish:
        projectweek_services.publish_schedule(campaign=campaign, actor=coordinator)
        first = campaign.participations.filter(interviews__published_day__isnull=False).order_by("pk").first()
        hr = first and User.objects.filter(memberships__organisation=first.company.organisation_id).first()
        if hr:  # HR confirms its first day; a second day, if it has one, waits for its own confirmation
            day = first.interviews.exclude(published_day=None).order_by("published_day").values("published_day")[:1]
            projectweek_services.confirm_day(participation=first, day=day.get()["published_day"], actor=hr)
    else:
        Interview.objects.filter(participation__campaign=campaign).update(
            published_day=F("day"), published_starts_at=F("starts_at")
        )
        demo_evaluations(campaign, coordinator)


# Evaluations of a past project week, in turn: (attendance, outcome, start route).
EVALUATIONS = [
    ("attended", "offer", "temp_work"),
    ("attended", "no", ""),
    ("attended", "maybe", ""),
    ("attended", "offer", "workplace_learning"),
    ("no_show", "", ""),
    ("attended", "no", ""),
    ("attended", "offer", "article_60"),  # employed by the OCMW (demo.employers)
]


def demo_evaluations(campaign: Campaign, coordinator: User) -> None:
    """Every interview of a past project week is evaluated (some offers, maybes, refusals and a no-show), so the
    second-chance list has candidates."""
    interviews = Interview.objects.filter(participation__campaign=campaign, published_day__isnull=False)
    for number, interview in enumerate(interviews.order_by("pk")):
        attendance, outcome, route = EVALUATIONS[number % len(EVALUATIONS)]
        evaluations.evaluate_interview(
            interview=interview,
            attendance=attendance,
            outcome=outcome,
            start_route=route,
            proposed_start=interview.published_day + timedelta(weeks=3) if outcome == "offer" else None,
            feedback="Gemotiveerd; Nederlands nog oefenen." if attendance == "attended" else "",
            actor=coordinator,
        )
    demo_placements(campaign, coordinator)


def demo_placements(campaign: Campaign, coordinator: User) -> None:
    """Every offer of a past project week became a placement; they stand at different stages since."""
    aftercare_services.ensure_default_plans()
    offers = Evaluation.objects.filter(interview__participation__campaign=campaign, outcome="offer").order_by("pk")
    for number, evaluation in enumerate(offers):
        placement = aftercare_services.place_from_evaluation(
            evaluation=evaluation, hours_per_week=(19, 30, 38)[number % 3], actor=coordinator,
            employer=employer_of_record(evaluation.start_route, number),
        )  # fmt: skip
        stage = number % 4
        # Each change on its own day after the start, never later than today.
        later = min(placement.starts_on + timedelta(weeks=4), timezone.localdate())
        if stage >= 1:
            aftercare_services.change_placement(
                placement=placement, status="started", on=placement.starts_on, actor=coordinator
            )
        if stage == 2:
            aftercare_services.change_placement(
                placement=placement, route="open_ended", note="Vast contract na de proefperiode.", on=later,
                actor=coordinator,
            )  # fmt: skip
        if stage == 3:
            aftercare_services.change_placement(
                placement=placement, status="ended", end_reason="Verhuisd naar een andere provincie.", on=later,
                actor=coordinator,
            )  # fmt: skip
    demo_aftercare(campaign, coordinator)


# A check-in's answers in the demo, in turn: (still working, hours, satisfaction, issues, note, at risk).
CHECK_IN_ANSWERS = [
    (True, 30, 4, [], "Goed ingewerkt, collega's helpen.", False),
    (True, 24, 2, ["transport"], "Eerste bus komt te laat voor de vroege shift.", True),
    (True, 38, 5, ["language"], "Volgt avondles Nederlands.", False),
]


def demo_aftercare(campaign: Campaign, coordinator: User) -> None:
    """Aftercare alive after `make run`: the placed candidates have the demo coach, check-ins older than two weeks
    are answered (one at risk) and the latest stay open or overdue, the coach logged contacts, one candidate
    without an offer dropped out and one joined the campaign in intake again."""
    coach = User.objects.get(email="coach@jobroad.example")
    today = timezone.localdate()
    placements = campaign.placements.select_related("candidate").order_by("pk")
    Candidate.objects.filter(placements__in=placements, coach__isnull=True).update(coach=coach)
    answers = 0
    for number, placement in enumerate(placements):
        due = list(placement.check_ins.filter(status="pending", due_on__lte=today - timedelta(weeks=2)))
        for check_in in due[:-1] if number == 0 else due:  # the first placement's latest stays overdue
            still, hours, satisfaction, issues, notes, at_risk = CHECK_IN_ANSWERS[answers % len(CHECK_IN_ANSWERS)]
            answers += 1
            aftercare_services.answer_check_in(
                check_in=check_in, still_working=still, hours_per_week=hours, satisfaction=satisfaction,
                issues=issues, notes=notes, at_risk=at_risk, actor=check_in_answerer(check_in, coach),
            )  # fmt: skip
        aftercare_services.log_coaching_contact(
            candidate=placement.candidate, coach=coach, happened_on=placement.starts_on + timedelta(days=3),
            channel="phone", topic="at_work", notes="Eerste dagen goed verlopen; uurrooster nog onduidelijk.",
            next_action="Samen het uurrooster bekijken", next_action_on=today + timedelta(days=4),
        )  # fmt: skip
    flagged = CheckIn.objects.filter(placement__in=placements, at_risk=True).order_by("-answered_at", "-pk")
    for check_in in flagged[1:]:  # taken up long ago; the latest worry is still open
        aftercare_services.clear_risk_flag(check_in=check_in, actor=coordinator)
    without_offer = Enrolment.objects.filter(campaign=campaign, candidate__placements__isnull=True).order_by("pk")
    first, second = without_offer[:2] if without_offer.count() >= 2 else (None, None)
    if first:
        intake_services.record_drop_out(enrolment=first, reason="moved", actor=coordinator)
        intake = Campaign.objects.filter(phase=CampaignPhase.INTAKE).first()
        if intake and not intake.enrolments.filter(candidate=second.candidate_id).exists():
            intake_services.enrol_again(candidate=second.candidate, campaign=intake, actor=coordinator)


def check_in_answerer(check_in, coach: User) -> User | None:
    """Employers answer through the link (no account); the intermediary and the coach in the platform."""
    if check_in.audience == "employer":
        return None
    if check_in.audience == "intermediary":
        return members(Role.INTERMEDIARY, check_in.placement.candidate.registered_by_id).first()
    return coach


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
    sites = company_sites(company_, index)
    required, nice = COMPANY_COMPETENCES.get(name, ([], []))
    for position, title in enumerate(titles):
        vacancy, created = Vacancy.objects.get_or_create(
            company=company_,
            title=title,
            defaults={
                "positions": 1 + position % 3,
                "language": "nl",
                "language_level": LEVELS[position % 3],
                "driving_licence_required": "chauffeur" in title.lower(),
            },
        )
        if vacancy.site_id is None or vacancy.occupation_id is None:  # also completes demo data seeded before
            vacancy.site = vacancy.site or sites[position % len(sites)]
            vacancy.occupation = vacancy.occupation or curated_term(Occupation, VACANCY_OCCUPATIONS.get(title))
            vacancy.save(update_fields=["site", "occupation"])
        if created or not vacancy.required_competences.exists():
            extra = ["operate a forklift"] if "heftruck" in title.lower() else []
            vacancy.required_competences.set(curated_terms(Competence, [*required, *extra]))
            vacancy.nice_competences.set(curated_terms(Competence, nice))
    return company_


def company_sites(company_: Company, index: int) -> list[Site]:
    street, postal_code, city = COMPANY_SITES[index % len(COMPANY_SITES)]
    places = [(city, f"{street} {10 + index * 7}", postal_code, city)]
    if index in SECOND_SITES:
        name, street, postal_code, city = SECOND_SITES[index]
        places.append((name, f"{street} {3 + index}", postal_code, city))
    sites = []
    for number, (name, street, postal_code, city) in enumerate(places):
        site, _ = Site.objects.get_or_create(
            company=company_,
            name=name,
            defaults={
                "street": street,
                "postal_code": postal_code,
                "city": city,
                # fictional coordinates, inside Flanders
                "latitude": Decimal("50.90") + Decimal(index * 3 + number) / 100,
                "longitude": Decimal("3.20") + Decimal(index * 7 + number) / 100,
            },
        )
        sites.append(site)
    return sites


def curated_term(model, english: str | None):
    return model.objects.filter(esco_uri="", labels__en=english).first() if english else None


def curated_terms(model, english_labels: list[str]) -> list:
    return list(model.objects.filter(esco_uri="", labels__en__in=english_labels)) if english_labels else []


def candidate(
    rng: random.Random, index: int, registrar: Organisation, centre: Organisation, coach, *, registered: date
) -> Candidate:
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
    complete_candidate(candidate_, index, home_language)
    consent_history(candidate_, index, registered)
    return candidate_


EXPERIENCE = [
    "Tailor in a small workshop for six years.",
    "Farm work at home: vegetables and sheep.",
    "Cleaner in a hotel for two years.",
    "Helped in the family bakery.",
    "Construction worker: concrete and tiling.",
    "Warehouse worker and driver's mate for three years.",
    "Cook in a restaurant.",
    "No paid work yet; looked after the family.",
]
REFERENCE_PREFIX = {"Werkwinkel Leiedal": "WL", "OCMW Heidedorp": "OH", "Trajectpunt Noordkant": "TN"}


def complete_candidate(candidate_: Candidate, index: int, home_language: str) -> None:
    """The profile fields of the candidates' phase 1 capability; filled once, also on an older demo database."""
    if candidate_.reference_number:
        return
    prefix = REFERENCE_PREFIX.get(candidate_.registered_by.name, "HB")
    candidate_.reference_number = f"{prefix}-2026-{index + 1:04d}"
    candidate_.preferred_language = home_language if home_language in DOCUMENT_LANGUAGES else "nl"
    candidate_.phone = f"+3247000{index // 10:02d}{index % 10:02d}" if index % 2 == 0 else ""  # E.164, fictional
    candidate_.experience_summary = EXPERIENCE[index % len(EXPERIENCE)]
    sectors = Sector.values
    candidate_.desired_sectors = list(
        dict.fromkeys([sectors[index % len(sectors)], sectors[(index * 5 + 1) % len(sectors)]])
    )
    candidate_.available_shifts = ["day", "early"] if index % 3 else ["day", "late", "weekend"]
    candidate_.available_from = date(2026, 9, 1) + timedelta(weeks=index % 8)
    if index % 5 == 4:  # moved out of the centre into a flat
        candidate_.reception_centre, candidate_.street = None, f"Kerkstraat {index}"
        candidate_.postal_code, candidate_.city = "9100", "Heidedorp"
    candidate_.save()
    competences = list(Competence.objects.order_by("id")[:40])
    occupations = list(Occupation.objects.order_by("id")[:30])
    if competences:
        candidate_.competences.set(competences[index % len(competences) :: 13][:3])
    if occupations:
        candidate_.desired_occupations.set([occupations[index % len(occupations)]])


def consent_history(candidate_: Candidate, index: int, registered: date) -> None:
    """Most candidates agreed to share their profile the day after they were registered; some withdrew; a few were
    not asked yet. The history is append-only, so it is written once."""
    if candidate_.consents.exists() or index % 10 == 9:
        return
    recorded_by = (
        User.objects.filter(memberships__organisation=candidate_.registered_by, memberships__role=Role.INTERMEDIARY)
        .order_by("pk")
        .first()
    ) or User.objects.get(email="coordinator@jobroad.example")
    given_at = timezone.make_aware(datetime.combine(registered + timedelta(days=1), time(10)))
    entries = [(ConsentPurpose.SHARE_PROFILE, ConsentAction.GIVEN, given_at)]
    if candidate_.phone:
        entries.append((ConsentPurpose.CONTACT, ConsentAction.GIVEN, given_at))
    if index % 7 == 3:
        entries.append((ConsentPurpose.SHARE_PROFILE, ConsentAction.WITHDRAWN, timezone.now() - timedelta(days=3)))
    for purpose, action, at in entries:
        Consent.objects.create(
            candidate=candidate_, purpose=purpose, action=action, text_version=CURRENT_CONSENT_VERSION,
            language=candidate_.preferred_language, recorded_by=recorded_by, recorded_at=at,
        )  # fmt: skip
