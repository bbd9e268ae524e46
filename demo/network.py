"""Demo data of the employer network (issue 22): the demo companies spread over the pipeline, where they came from
(Voka for many), their account owners, a few contact log entries, this year's target (100 companies reached, 150
committed) and two ambassadors with their profiles. Companies, people and words are fictional.

Re-running completes what is missing and moves no company twice: a company with a stage history is left as it is."""

from datetime import timedelta

from django.utils import timezone

from companies import services
from companies.models import (
    AmbassadorProfile,
    Company,
    CompanySource,
    ContactMethod,
    NetworkTarget,
    PipelineStage,
    SecondChanceWillingness,
)
from companies.sectors import Sector
from jobroad.models import Organisation, OrganisationKind, User

# Companies the network is working on that are in no campaign yet: (name, sector, source, stage, contact person).
PROSPECTS = [
    ("Bouwbedrijf Torenhoek", Sector.CONSTRUCTION, CompanySource.VOKA, PipelineStage.LEAD, ""),
    ("Verpakking Noordkant", Sector.LOGISTICS, CompanySource.VOKA, PipelineStage.LEAD, ""),
    ("Bakkerij Korenbloem", Sector.FOOD, CompanySource.OWN_NETWORK, PipelineStage.LEAD, ""),
    ("Schrijnwerkerij Eikenhout", Sector.INDUSTRY, CompanySource.VOKA, PipelineStage.CONTACTED, "Sofie Timmermans"),
    ("Wasserij Sneeuwwit", Sector.CLEANING, CompanySource.TEMP_AGENCY, PipelineStage.CONTACTED, "Marc Zeepers"),
    ("Rusthuis Zonnedauw", Sector.CARE, CompanySource.VOKA, PipelineStage.CONTACTED, "Nadia El Amrani"),
    ("Koelhuis Frisdal", Sector.LOGISTICS, CompanySource.VOKA, PipelineStage.COMMITTED, "Pieter Vriesman"),
    ("Brasserie Het Anker", Sector.HOSPITALITY, CompanySource.PREVIOUS_CAMPAIGN, PipelineStage.COMMITTED, "Lore Kok"),
    ("Serrebouw Glashelder", Sector.AGRICULTURE, CompanySource.VOKA, PipelineStage.COMMITTED, "Tom Ruiten"),
]
# What the campaign companies (seed_demo's COMPANIES, in that order) came through.
CAMPAIGN_SOURCES = [
    CompanySource.VOKA, CompanySource.VOKA, CompanySource.OWN_NETWORK, CompanySource.VOKA,
    CompanySource.TEMP_AGENCY, CompanySource.VOKA, CompanySource.PREVIOUS_CAMPAIGN, CompanySource.VOKA,
    CompanySource.OWN_NETWORK, CompanySource.OTHER, CompanySource.VOKA, CompanySource.PREVIOUS_CAMPAIGN,
]  # fmt: skip
PROFILES = [
    ("Wie bij ons start, blijft: drie van de vier mensen uit de vorige campagne werken hier nog. Geef mensen een "
     "kans in een gesprek, niet op papier.", True),
    ("Onze keuken draait mee dankzij collega's die via JobRoad kwamen. We vertellen het graag aan andere "
     "werkgevers op de workshop.", True),
]  # fmt: skip


def seed_network(*, companies: list[Company], coordinator: User) -> None:
    """The network around ``companies`` (seed_demo's, all in a campaign) and the prospects above; the accounts are
    shared between ``coordinator`` and the demo admin."""
    today = timezone.localdate()
    admin = User.objects.get(email="admin@jobroad.example")
    NetworkTarget.objects.get_or_create(
        year=today.year, defaults={"companies_reached": 100, "companies_committed": 150}
    )
    owners = [coordinator, admin]
    for index, company in enumerate(companies):
        if not company.source:
            services.save_network_details(
                company=company, source=CAMPAIGN_SOURCES[index % len(CAMPAIGN_SOURCES)],
                account_owner=owners[index % 2], actor=coordinator,
            )  # fmt: skip
    ambassadors = [company for company in companies if company.is_ambassador]
    Company.objects.filter(pk__in=[c.pk for c in ambassadors]).update(stage=PipelineStage.AMBASSADOR)
    for company, (testimony, hosts) in zip(ambassadors, PROFILES, strict=False):
        AmbassadorProfile.objects.update_or_create(
            company=company,
            defaults={"testimony": testimony, "hosts_workshops": hosts, "second_chance": SecondChanceWillingness.YES},
        )
    for index, (name, sector, source, stage, person) in enumerate(PROSPECTS):
        prospect(index, name, sector, source, stage, person, owner=owners[index % 2], today=today)


def prospect(index: int, name: str, sector: str, source: str, stage: str, person: str, *, owner: User, today) -> None:
    organisation, _created = Organisation.objects.get_or_create(
        name=name, kind=OrganisationKind.COMPANY, defaults={"city": "Leiestad"}
    )
    company, _created = Company.objects.get_or_create(organisation=organisation, defaults={"sector": sector})
    services.save_network_details(company=company, source=source, account_owner=owner, actor=owner)
    if company.stage_changes.exists() or stage == PipelineStage.LEAD:
        return
    first_call = today - timedelta(days=20 + 3 * index)
    services.record_contact(
        company=company, actor=owner, contacted_on=first_call, method=ContactMethod.PHONE, contact_person=person,
        summary="Eerste gesprek: interesse in een matchmaking, vraagt naar de begeleiding na de start.",
        next_step="Uitnodigen voor de workshop voor werkgevers", next_step_on=today + timedelta(days=7 + index),
    )  # fmt: skip
    if stage == PipelineStage.COMMITTED:
        services.record_contact(
            company=company, actor=owner, contacted_on=first_call + timedelta(days=10), method=ContactMethod.VISIT,
            contact_person=person, summary="Bezoek op de werkvloer; engagement getekend voor de volgende campagne.",
            next_step="Vacatures laten invullen", next_step_on=today + timedelta(days=14),
        )  # fmt: skip
        services.move_company_along_pipeline(company=company, stage=PipelineStage.COMMITTED, actor=owner)
