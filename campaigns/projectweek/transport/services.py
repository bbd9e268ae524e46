"""Writes of the transport runs. Passengers are never written: they follow the published schedule."""

from django.db import transaction
from django.utils import timezone

from jobroad.models import User

from ...models import Campaign, ProjectWeek
from .announcements import announce_run_removed, announce_transport_changes
from .models import TransportRun

FIELDS = (
    "day", "reception_centre", "mode", "places", "vehicle", "escort", "escort_name", "pick_up_place",
    "travel_minutes", "margin_minutes", "returns_at",
)  # fmt: skip


def save_transport_run(
    *, campaign: Campaign, values: dict, actor: User, run: TransportRun | None = None
) -> TransportRun:
    """Create or change one run of the campaign's project week (made if the week has no row yet). An empty
    pick-up place becomes the centre's address, so the printed sheets say where. Once the schedule is
    published, a change of departure or passengers tells the people concerned (announcements.py)."""
    with transaction.atomic():
        Campaign.objects.select_for_update().get(pk=campaign.pk)
        week, _created = ProjectWeek.objects.get_or_create(campaign=campaign)
        run = run or TransportRun(project_week=week)
        if run.project_week_id != week.pk:
            raise ValueError("a run of another campaign")
        for name in FIELDS:
            setattr(run, name, values[name])
        if not run.pick_up_place:
            run.pick_up_place = run.reception_centre.address
        run.full_clean(exclude=["announced"])
        run.save(update_fields=FIELDS if run.pk else None)  # what was announced is announcements.py's to write
        if week.published_at:
            announce_transport_changes(campaign=campaign, now=timezone.now())
    return run


def delete_transport_run(*, run: TransportRun, actor: User) -> None:
    """Remove a run; its candidates then show as having no way to get to their first visit. Those already told
    their pick-up, and the escort, hear it is off."""
    with transaction.atomic():
        if run.announced:
            announce_run_removed(run=run, now=timezone.now())
        run.delete()
