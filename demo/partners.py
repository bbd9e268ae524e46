"""Demo data of the partner screeners (issue 22, item 5): a temp agency's branch screens, with the coordinator, the
candidates of the campaigns in screening and in intake, and has a screener whose home page lists who is to do.
(The vacancy briefing, item 6, needs no data of its own: the demo's forklift vacancy asks a driving licence.)
The organisation and person are fictional. Re-running finds the same rows and changes nothing."""

from campaigns.models import Campaign, CampaignPhase
from jobroad.models import Organisation, OrganisationKind, Role


def seed_partners() -> list[tuple[str, str]]:
    """The screening partner and its screener; returns the log-in, for the command to print."""
    from demo.management.commands.seed_demo import member  # the command imports this module

    agency, _ = Organisation.objects.get_or_create(
        kind=OrganisationKind.TEMP_AGENCY, name="Uitzendkantoor Werkkracht", branch="Heidedorp",
        defaults={"city": "Heidedorp"},
    )  # fmt: skip
    for campaign in Campaign.objects.filter(phase__in=[CampaignPhase.SCREENING, CampaignPhase.INTAKE]):
        campaign.screening_partners.add(agency)
    return [member("screener@werkkracht.example", "Sofie Selectie", agency, Role.SCREENER)]
