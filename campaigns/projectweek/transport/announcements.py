"""Telling people about their pick-up: when a run's departure or passengers change, only the passengers it
concerns, their intermediaries and the escort hear it, through the outbox like the interviews' messages.

A run remembers what was last told (``TransportRun.announced``): a departure that moves concerns every
passenger; a candidate who joins or leaves the run concerns only that candidate; the escort (a new one too)
hears every change.
"""

import hashlib
from datetime import date, datetime, time

from django.utils import timezone

from candidates.selectors import candidate_recipient
from jobroad.models import Role, User
from jobroad.outbox import PlannedMessage, Recipient, schedule_message, sync_event_messages
from jobroad.selectors import members

from ...models import Campaign, Enrolment
from . import selectors
from .models import TransportRun


def announce_transport_changes(*, campaign: Campaign, now: datetime) -> int:
    """Compare every run of the campaign with what its people were last told, as the published schedule makes
    it now, and queue the messages for what changed; returns how many runs changed. Call it inside the
    publication's transaction (or after a run is changed), once the published times are saved."""
    changed = 0
    for day, views, _problems in selectors.transport_week(campaign).days:
        for view in views:
            departure = view.departure.strftime("%H:%M") if view.departure else ""
            riders = [p.key for p in view.passengers]
            changed += _announce(view.run, day, departure, riders, campaign, now)
    return changed


def _tell_former_escort(run: TransportRun, former: int, context: dict, campaign: Campaign, now: datetime) -> None:
    """An escort who was told of the run and no longer escorts it hears so, with who does now."""
    user = User.objects.filter(pk=former, is_active=True).first()
    if user is None:
        return
    recipient = Recipient.for_user(user)
    schedule_message(
        key=f"transport:{run.pk}:former-escort:{user.pk}:{now:%Y%m%dT%H%M%S%f}",
        template="transport_pickup",
        recipient=recipient,
        due_at=now,
        context={**context, "audience": "former_escort", "aboard": False, "successor": run.escort_display},
        event=f"transport:{run.pk}:former-escort:{user.pk}",
        campaign=campaign,
    )


def _event(context: dict, aboard: bool) -> dict:
    """The pick-up as a candidate's message composes it in a language without a catalogue (jobroad.phrasebook): the
    departure, the centre and the place; the "off" variant for a candidate no longer on the run."""
    if aboard:
        return {"start": context["departs_at"], "summary": context["centre"], "location": context["place"]}
    return {"start": context["departs_at"], "summary": context["centre"], "variant": "off"}


def announce_run_removed(*, run: TransportRun, now: datetime) -> None:
    """A run about to be deleted: its passengers and escort hear there is no pick-up any more."""
    _announce(run, run.day, "", [], run.project_week.campaign, now)


def _announce(run: TransportRun, day: date, departure: str, riders: list[int], campaign: Campaign, now) -> int:
    told = run.announced or {}
    current = {"departure": departure, "passengers": sorted(riders), "escort": run.escort_id}
    if told == current or (not told and not riders):
        return 0
    before = set(told.get("passengers", []))
    moved = told.get("departure", "") != departure
    # A new escort alone concerns no passenger: then only the escort hears of it, below.
    concerned = (set(riders) if moved else set(riders) - before) | (before - set(riders))
    enrolments = Enrolment.objects.filter(pk__in=concerned | set(riders)).select_related("candidate")
    names = {e.pk: e.candidate.first_name for e in enrolments}
    departs_at = datetime.combine(day, time.fromisoformat(departure or "00:00"), tzinfo=timezone.get_current_timezone())
    context = {"departs_at": departs_at.isoformat(), "place": run.place, "centre": str(run.reception_centre)}
    for enrolment in (e for e in enrolments if e.pk in concerned):
        aboard = enrolment.pk in riders
        people = {
            "candidate": [r for r in [candidate_recipient(enrolment.candidate)] if r],
            "intermediary": [
                Recipient.for_user(u) for u in members(Role.INTERMEDIARY, enrolment.candidate.registered_by_id)
            ],
        }
        planned = [
            PlannedMessage(
                key=f"transport:{run.pk}:{enrolment.pk}:{departure if aboard else 'off'}:{audience}:{r.address}",
                template="transport_pickup",
                recipient=r,
                due_at=now,
                context={
                    **context,
                    "audience": audience,
                    "candidate": names[enrolment.pk],
                    "aboard": aboard,
                    **({"event": _event(context, aboard)} if audience == "candidate" else {}),
                },
            )
            for audience, recipients in people.items()
            for r in recipients
        ]
        sync_event_messages(event=f"transport:{run.pk}:{enrolment.pk}", planned=planned, campaign=campaign)
    former = told.get("escort")
    if former and former != run.escort_id:
        _tell_former_escort(run, former, context, campaign, now)
    if run.escort_id and run.escort.is_active:
        passengers = [names[pk] for pk in riders]
        escort = Recipient.for_user(run.escort)
        riding = hashlib.sha256(",".join(map(str, sorted(riders))).encode()).hexdigest()[:12]  # a short, fixed key
        planned = PlannedMessage(
            key=f"transport:{run.pk}:escort:{departure}:{riding}:{escort.address}",
            template="transport_pickup",
            recipient=escort,
            due_at=now,
            context={**context, "audience": "escort", "passengers": passengers, "aboard": bool(riders)},
        )
        sync_event_messages(event=f"transport:{run.pk}:escort", planned=[planned], campaign=campaign)
    run.announced = current
    run.save(update_fields=["announced"])
    return 1
