"""The demo's funding programme: the Refugees2work AMIF project with its real targets (01/2023 to 12/2025, 4 actions a
year, 45 candidates per action, 540 people, 12 workshops "life as a refugee" for companies and 12 labour-market
workshops for residents, 60 companies and 840 residents reached), under a fictional funder with a fictional budget.

Its actions are the demo's campaigns that started in the period (none, once the demo's rolling dates have moved past
2025) and four past actions, two in 2024 and two in 2025, each with its candidates, companies and two workshop
sessions held, so that the programme page has two years of figures to set against the targets.
"""

import random
from datetime import date
from decimal import Decimal

from campaigns.models import Campaign, CampaignPhase, Enrolment, FundingProgramme, Participation
from candidates.models import Candidate, TargetGroup
from companies.models import Company
from demo.history import date_history, registered_on
from jobroad.models import Organisation, OrganisationKind, Role, User

PROGRAMME = "Refugees2work (AMIF)"
# (place, first day of intake) of the past actions; each runs the demo's usual 37 weeks of phases.
PAST_ACTIONS = [
    ("Heidedorp", date(2024, 2, 5)),
    ("Scheldemonde", date(2024, 9, 2)),
    ("Leiestad", date(2025, 2, 3)),
    ("Noordkant", date(2025, 9, 1)),
]
PEOPLE_PER_ACTION = 6
FIRST_PAST_CANDIDATE = 60  # the demo's own candidates are 0 to 59


def seed_programme(
    *, coordinator: User, companies: list[Company], registrars: list[Organisation], centres: list[Organisation]
) -> list[tuple[str, str]]:
    """The programme, its funder and the funder's viewer, and its actions; returns the viewer's log-in."""
    from demo.management.commands.seed_demo import member, organisation  # the command imports this module

    funder = organisation("AMIF — Agentschap Integratiefonds (fictief)", OrganisationKind.FUNDER, "Brussel")
    login = member("funder@amif.example", "Anouk Fondsbeheerder", funder, Role.FUNDER_VIEWER)
    programme, _ = FundingProgramme.objects.update_or_create(
        name=PROGRAMME,
        defaults={
            "funder": funder, "reference": "AMIF/2022/R2W-0042 (fictief)",
            "starts_on": date(2023, 1, 1), "ends_on": date(2025, 12, 31),
            "grant": Decimal("1200000.00"), "own_contribution": Decimal("400000.00"),
            "target_actions_per_year": 4, "target_candidates_per_action": 45, "target_people": 540,
            "target_company_workshops": 12, "target_resident_workshops": 12,
            "target_companies_reached": 60, "target_residents_reached": 840,
        },
    )  # fmt: skip
    in_period = Campaign.objects.filter(starts_on__range=(programme.starts_on, programme.ends_on), programme=None)
    in_period.update(programme=programme, funder=funder)
    rng = random.Random(2024)
    for number, (place, intake) in enumerate(PAST_ACTIONS):
        past_action(programme, number, place, intake, rng, coordinator, companies, registrars, centres)
    return [login]


def past_action(
    programme: FundingProgramme,
    number: int,
    place: str,
    intake: date,
    rng: random.Random,
    coordinator: User,
    companies: list[Company],
    registrars: list[Organisation],
    centres: list[Organisation],
) -> None:
    """A closed action of the programme: its candidates enrolled, three companies taking part, a workshop for
    companies and one for residents held with attendance marked, all dated when the phase plans say."""
    from demo.management.commands.seed_demo import candidate, demo_workshops, enter_phase, phase_plans

    campaign, created = Campaign.objects.get_or_create(
        name=f"Refugees2work {place} {intake:%Y-%m}",
        defaults={
            "region": place, "programme": programme, "funder": programme.funder, "phase": CampaignPhase.DRAFT,
            "target_group": TargetGroup.REFUGEES, "target_candidates": 45, "target_workshops": 2,
        },
    )  # fmt: skip
    if not created:
        return
    from campaigns.services import save_phase_plans

    save_phase_plans(campaign=campaign, plans=phase_plans(intake))
    campaign.coordinators.add(coordinator)
    centre = centres[number % len(centres)]
    campaign.partners.add(centre, *registrars[:-1])
    campaign.reception_centres.add(centre)
    for company in companies[number * 3 : number * 3 + 3]:
        Participation.objects.get_or_create(campaign=campaign, company=company)
    people: list[Candidate] = []
    for offset in range(PEOPLE_PER_ACTION):
        index = FIRST_PAST_CANDIDATE + number * PEOPLE_PER_ACTION + offset
        # Another registrar than the demo candidate of the same name has (names repeat every 60).
        registrar = registrars[(index + 1) % len(registrars)]
        people.append(candidate(rng, index, registrar, centre, None, registered=registered_on(intake)))
    for person in people:
        Enrolment.objects.get_or_create(campaign=campaign, candidate=person)
    enter_phase(campaign, CampaignPhase.INTAKE)
    demo_workshops(campaign, coordinator, people, upcoming=False)
    date_history(campaign, people)
    enter_phase(campaign, CampaignPhase.CLOSED)
