"""factory_boy factories, one module per app, and the states a candidate goes through on the way to work:

- selected: ``ScreeningFactory(selected=True)``; ``matchable(world, candidate)`` also enrols and records consent
- confirmed: ``ProposalFactory(confirmed=True)``
- published: ``InterviewFactory(published=True)`` (on ``DAY`` at 11:00)
- offer: ``EvaluationFactory(offer=True)``
- placed: ``PlacementFactory(...)``, through the service, so its check-ins exist

Everything but the funder reports' cohort (``tests.factories.cohort``) is importable from ``tests.factories``.
The fixtures that take these states through the services instead are in tests/conftest.py.
"""

from .aftercare import START, PlacementFactory, employer_check_in_of
from .campaigns import (
    DAY,
    CampaignFactory,
    EnrolmentFactory,
    EvaluationFactory,
    FundingProgrammeFactory,
    InterviewFactory,
    ProposalFactory,
    matchable,
    set_phase,
)
from .candidates import CandidateFactory, ScreeningFactory
from .companies import CompanyFactory, VacancyFactory
from .jobroad import PASSWORD, MembershipFactory, OrganisationFactory, UserFactory, invitation_token

__all__ = [
    "DAY",
    "PASSWORD",
    "START",
    "CampaignFactory",
    "CandidateFactory",
    "CompanyFactory",
    "EnrolmentFactory",
    "EvaluationFactory",
    "FundingProgrammeFactory",
    "InterviewFactory",
    "MembershipFactory",
    "OrganisationFactory",
    "PlacementFactory",
    "ProposalFactory",
    "ScreeningFactory",
    "UserFactory",
    "VacancyFactory",
    "employer_check_in_of",
    "invitation_token",
    "matchable",
    "set_phase",
]
