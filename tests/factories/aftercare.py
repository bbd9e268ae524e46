"""Placements: the ``placed`` state, made through the service so the follow-up plan's check-ins exist."""

from datetime import date, timedelta

import factory
from django.utils import timezone

from aftercare.models import EMPLOYER_KIND_BY_ROUTE, CheckIn, CheckInAudience, Placement, PlacementRoute
from aftercare.services import create_placement, ensure_default_plans
from jobroad.models import Organisation, OrganisationKind

from .candidates import CandidateFactory
from .companies import CompanyFactory
from .jobroad import UserFactory

START = date(2027, 5, 10)  # when the ``placement`` fixture's placement starts


def employer_for(route: str) -> Organisation | None:
    """The employer of record a placement on ``route`` needs: a (fictional) temp agency branch for temp work, an
    OCMW for article 60, none (the company itself) otherwise."""
    kind = EMPLOYER_KIND_BY_ROUTE.get(route)
    if kind is None:
        return None
    name, branch = ("Flexwerk Interim", "Teststad") if kind == OrganisationKind.TEMP_AGENCY else ("OCMW Teststad", "")
    return Organisation.objects.get_or_create(kind=kind, name=name, branch=branch)[0]


class PlacementFactory(factory.django.DjangoModelFactory):
    """A placement in temp work (employed by a temp agency) that started a month ago, with the default follow-up
    plan copied into check-ins (its first ones are due). ``actor`` is who records it; it is not a field of the
    placement."""

    class Meta:
        model = Placement

    candidate = factory.SubFactory(CandidateFactory)
    company = factory.SubFactory(CompanyFactory)
    route = PlacementRoute.TEMP_WORK
    employer = factory.LazyAttribute(lambda placement: employer_for(placement.route))
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))
    actor = factory.SubFactory(UserFactory)

    @classmethod
    def _create(cls, model_class, *, actor, **fields):
        ensure_default_plans()
        return create_placement(actor=actor, **fields)


def employer_check_in_of(placement, offset_days: int | None = None) -> CheckIn:
    """The placement's first check-in asking the employer (or the one ``offset_days`` after the start)."""
    check_ins = placement.check_ins.filter(audience=CheckInAudience.EMPLOYER)
    if offset_days is not None:
        return check_ins.get(offset_days=offset_days)
    return check_ins.order_by("due_on", "pk").first()
