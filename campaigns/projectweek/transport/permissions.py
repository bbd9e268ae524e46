"""Who works a transport run on the day: its escort (a staff member with an account, logged in) and the
campaign's coordinators. Written once here; the escort's day page, its marks and the reserve offer use it.

A volunteer escort without an account (``TransportRun.escort_name``) has no page: there is no anonymous link, a
coordinator marks for them."""

from django.db.models import Q, QuerySet

from campaigns.permissions import managed_campaigns

from .models import TransportRun


def escorted_runs(user) -> QuerySet[TransportRun]:
    """The runs ``user`` works on the day: those they escort (while their account is active) and every run of the
    campaigns they run. Any other run is a 404."""
    if not user.is_authenticated or not user.is_active:
        return TransportRun.objects.none()
    return TransportRun.objects.filter(Q(escort=user) | Q(project_week__campaign__in=managed_campaigns(user)))


def can_work_run(user, run: TransportRun) -> bool:
    return escorted_runs(user).filter(pk=run.pk).exists()


def escorts_on(user, day) -> QuerySet[TransportRun]:
    """The runs ``user`` escorts on ``day`` (the home page's link to the day page): their own, not every run of a
    campaign they coordinate."""
    if not user.is_authenticated:
        return TransportRun.objects.none()
    return TransportRun.objects.filter(escort=user, day=day, project_week__published_at__isnull=False)
