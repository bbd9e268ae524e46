"""Placements: the ``placed`` state, made through the service so the follow-up plan's check-ins exist."""

from datetime import date, timedelta

import factory
from django.utils import timezone

from aftercare.models import CheckIn, CheckInAudience, Placement, PlacementRoute
from aftercare.services import create_placement, ensure_default_plans

from .candidates import CandidateFactory
from .companies import CompanyFactory
from .jobroad import UserFactory

START = date(2027, 5, 10)  # when the ``placement`` fixture's placement starts


class PlacementFactory(factory.django.DjangoModelFactory):
    """A placement in temp work that started a month ago, with the default follow-up plan copied into check-ins
    (its first ones are due). ``actor`` is who records it; it is not a field of the placement."""

    class Meta:
        model = Placement

    candidate = factory.SubFactory(CandidateFactory)
    company = factory.SubFactory(CompanyFactory)
    route = PlacementRoute.TEMP_WORK
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
