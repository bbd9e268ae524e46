from django.db.models import Count, Q, QuerySet

from campaigns.models import Campaign

from . import permissions
from .models import RegistrationStatus, Session


def sessions_of_campaign(user, campaign: Campaign) -> QuerySet[Session]:
    """The campaign's sessions the user may see, with their registration counts, in time order."""
    return (
        permissions.visible_sessions(user)
        .filter(workshop__campaign=campaign)
        .select_related("workshop")
        .annotate(
            registered=Count("registrations", filter=Q(registrations__status=RegistrationStatus.REGISTERED)),
            waiting=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)),
            attended=Count("registrations", filter=Q(registrations__attended=True)),
        )
        .order_by("starts_at", "id")
    )
