"""A no-show's interview slot offered to a reserve: which reserves fit it, best first, and the one write that
gives it to one of them.

A reserve is a candidate of the campaign whose (first-round) screening decision is "reserve". They fit a slot when
the matching engine's hard rules allow the pair with the slot's vacancy (``matching.scoring.exclusions``, but for
"not selected": being a reserve is what puts them on this list) and the scheduler's rules let them take the slot
with the rest of the schedule as it stands (``projectweek.board.blockers_at``: free at that time, able to travel,
an interpreter if they need one). The fit orders them."""

from dataclasses import dataclass, replace

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from candidates.models import ScreeningDecision
from candidates.selectors import candidate_recipient
from companies.models import Vacancy
from jobroad.models import Role, User
from jobroad.outbox import PlannedMessage, Recipient, cancel_event_messages, dispatch_soon, sync_event_messages
from jobroad.selectors import members

from ...choices import EvaluationWaiver
from ...lifecycle import PhaseRefused, require_phase
from ...matching.inputs import matching_input
from ...matching.scoring import exclusions, score
from ...matching.services import reasons_as_data, set_proposal_status
from ...models import Campaign, Enrolment, Interview, ProjectWeek, Proposal, ProposalStatus, ScheduleStatus
from .. import engine as scheduling
from ..board import blockers_at
from ..inputs import clock, interpreter_language, minutes, schedule_input
from ..services import interview_event, plan_evaluation_requests  # one interview published outside a publication
from .models import TransportRun

SHOWN = 3  # reserves shown on the day page per freed slot; the offer page lists them all


class OfferRefused(Exception):
    """The slot cannot go to this reserve (any more); the reason is shown as is."""


class OfferPhaseRefused(PhaseRefused, OfferRefused):
    pass


@dataclass(frozen=True)
class ReserveOption:
    enrolment: Enrolment
    fit: int
    pair: object  # the matching engine's Pair, its reasons kept with the proposal

    @property
    def display_name(self) -> str:
        """First name and the initial of the last: enough to tell two reserves apart on an escort's phone."""
        candidate = self.enrolment.candidate
        return (
            f"{candidate.first_name} {candidate.last_name[:1]}.".strip()
            if candidate.last_name
            else candidate.first_name
        )


def reserve_enrolments(campaign: Campaign):
    return campaign.enrolments.filter(
        screenings__round=1,
        screenings__decision=ScreeningDecision.RESERVE,
        dropped_out_on__isnull=True,
        candidate__erased_at__isnull=True,
    ).select_related("candidate__reception_centre", "candidate__registered_by")


def reserve_options(interview: Interview) -> list[ReserveOption]:
    """The reserves who may take ``interview``'s published slot, best fit first (then by name)."""
    campaign = interview.participation.campaign
    reserves = {e.candidate_id: e for e in reserve_enrolments(campaign).exclude(pk=interview.enrolment_id)}
    if not reserves or interview.published_day is None:
        return []
    loaded = matching_input(campaign, vacancies=Vacancy.objects.filter(pk=interview.proposal.vacancy_id))
    vacancy = next(iter(loaded.problem.vacancies))
    settings = loaded.problem.settings
    options = []
    for candidate in loaded.problem.candidates:
        if candidate.id not in reserves:
            continue
        candidate = replace(candidate, selected=True)  # a reserve's decision is what puts them here
        if exclusions(candidate, vacancy, settings) or _blockers(interview, reserves[candidate.id]):
            continue
        pair = score(candidate, vacancy, settings)
        options.append(ReserveOption(reserves[candidate.id], pair.fit, pair))
    return sorted(options, key=lambda o: (-o.fit, o.enrolment.candidate.first_name, o.enrolment.pk))


def _blockers(interview: Interview, reserve: Enrolment) -> tuple:
    """What keeps ``reserve`` from the interview's published slot with the rest of the schedule as it stands (the
    interview itself gone): the scheduler's own check, on a request made up for the reserve."""
    data = schedule_input(interview.participation.campaign)
    problem = data.problem
    request_id = -reserve.pk  # no proposal has a negative pk
    candidate = reserve.candidate
    known = {c.id for c in problem.candidates}
    candidates = problem.candidates
    if reserve.pk not in known:
        home = -(candidate.reception_centre_id or 10**9 + candidate.pk)
        candidates = (
            *candidates,
            scheduling.CandidateIn(reserve.pk, home, interpreter=interpreter_language(candidate)),
        )
    request = scheduling.Request(request_id, reserve.pk, interview.participation.company_id)
    problem = replace(problem, candidates=candidates, requests=(*problem.requests, request))
    others = [
        scheduling.Appointment(i.proposal_id, i.day.toordinal(), minutes(i.starts_at))
        for i in Interview.objects.filter(
            participation__campaign=interview.participation.campaign_id, day__isnull=False
        )
        .exclude(pk=interview.pk)
        .only("proposal_id", "day", "starts_at")
    ]
    return blockers_at(
        problem, others, request_id, interview.published_day.toordinal(), minutes(interview.published_starts_at)
    )


@dataclass(frozen=True)
class OfferPreview:
    """What offering the slot sends, to whom: the confirmation page says it before anything happens."""

    reserve: Recipient | None  # None: no consent to be contacted, or no address
    intermediaries: list[Recipient]
    hr: list[Recipient]


def offer_preview(interview: Interview, reserve: Enrolment) -> OfferPreview:
    candidate = reserve.candidate
    return OfferPreview(
        reserve=candidate_recipient(candidate),
        intermediaries=[Recipient.for_user(u) for u in members(Role.INTERMEDIARY, candidate.registered_by_id)],
        hr=[Recipient.for_user(u) for u in members(Role.COMPANY_HR, interview.participation.company.organisation_id)],
    )


def offer_slot_to_reserve(*, run: TransportRun, interview: Interview, reserve: Enrolment, actor: User) -> Interview:
    """Give a no-show's published interview slot to a reserve: the no-show's interview leaves the schedule (its
    reminders and evaluation requests are cancelled, it needs no evaluation, and generating again does not plan it
    anew: the person who offered the slot decided), the reserve gets a
    confirmed proposal for the vacancy (HR hears of it as of any confirmed proposal) and an interview in that very
    slot, published at once, placed by hand so that generating again keeps it. The reserve is told by SMS or mail
    in their own language, and their intermediary and the company's HR hear who comes instead. Refused, in words,
    when the candidate was not marked absent at the pick-up or the reserve no longer fits."""
    campaign = run.project_week.campaign
    require_phase(campaign, "publish_schedule", OfferPhaseRefused)
    with transaction.atomic():
        Campaign.objects.select_for_update().get(pk=campaign.pk)
        interview.refresh_from_db()
        if (
            interview.published_day != run.day
            or not run.presences.filter(
                enrolment=interview.enrolment_id, participation__isnull=True, present=False
            ).exists()
        ):
            raise OfferRefused(_("This interview is not a no-show's on this run (any more)."))
        option = next((o for o in reserve_options(interview) if o.enrolment.pk == reserve.pk), None)
        if option is None:
            raise OfferRefused(_("This reserve cannot take the slot (any more): they are busy then or do not fit."))
        day, starts_at, participation = interview.published_day, interview.published_starts_at, interview.participation
        _free_slot(interview, actor)
        taken = set(
            Interview.objects.filter(participation=participation, day=day, starts_at=starts_at).values_list(
                "seat", flat=True
            )
        )
        seat = min(set(range(1, participation.interviewers + 1)) - taken, default=None)
        if seat is None:
            raise OfferRefused(_("Every interviewer of the company is busy at that time."))
        proposal = _reserve_proposal(campaign, option, interview.proposal.vacancy, actor)
        placed, _created = Interview.objects.update_or_create(
            proposal=proposal,
            defaults={
                "participation": participation, "enrolment": reserve, "day": day, "starts_at": starts_at,
                "ends_at": clock(minutes(starts_at) + participation.slot_minutes), "seat": seat,
                "interpreter": interpreter_language(reserve.candidate), "published_day": day,
                "published_starts_at": starts_at, "moved_by": actor, "moved_at": timezone.now(),
            },
        )  # fmt: skip
        ProjectWeek.objects.filter(campaign=campaign).update(status=ScheduleStatus.EDITED)
        _announce_reserve(placed, campaign, actor)
    dispatch_soon()
    return placed


def given_to_reserves(campaign: Campaign):
    """The interviews of no-shows whose slot went to a reserve: off the schedule until a coordinator plans one again."""
    return Interview.objects.filter(
        participation__campaign=campaign, evaluation_waived_because=EvaluationWaiver.NO_SHOW, day__isnull=True
    ).select_related("enrolment__candidate", "participation__company")


def plan_again(*, interview: Interview, actor: User) -> Interview:
    """Undo the "no show" of a slot given to a reserve: the next generation plans the interview anew (nothing is
    sent until the schedule is published, which asks first)."""
    require_phase(interview.participation.campaign, "plan_schedule", OfferPhaseRefused)
    with transaction.atomic():
        updated = (
            given_to_reserves(interview.participation.campaign)
            .filter(pk=interview.pk)
            .update(evaluation_waived_because="", evaluation_waived_by=None, evaluation_waived_at=None)
        )
    if not updated:
        raise OfferRefused(_("This interview is not one whose slot went to a reserve (any more)."))
    interview.refresh_from_db()
    return interview


def _free_slot(interview: Interview, actor: User) -> None:
    cancel_event_messages(event=f"interview:{interview.pk}")
    cancel_event_messages(event=f"evaluation:{interview.pk}")
    interview.day = interview.starts_at = interview.ends_at = interview.seat = None
    interview.published_day = interview.published_starts_at = None
    interview.evaluation_waived_because = EvaluationWaiver.NO_SHOW
    interview.evaluation_waived_by, interview.evaluation_waived_at = actor, timezone.now()
    interview.save(
        update_fields=[
            "day", "starts_at", "ends_at", "seat", "published_day", "published_starts_at",
            "evaluation_waived_because", "evaluation_waived_by", "evaluation_waived_at",
        ]
    )  # fmt: skip


def _reserve_proposal(campaign: Campaign, option: ReserveOption, vacancy, actor: User) -> Proposal:
    proposal = Proposal.objects.filter(enrolment=option.enrolment, vacancy=vacancy).first()
    if proposal is not None and Interview.objects.filter(proposal=proposal, day__isnull=False).exists():
        raise OfferRefused(_("This reserve already has an interview for this vacancy."))
    if proposal is None:
        proposal = Proposal(
            enrolment=option.enrolment, vacancy=vacancy, fit=option.fit, reasons=reasons_as_data(option.pair)
        )
    if proposal.status != ProposalStatus.CONFIRMED or proposal.pk is None:
        set_proposal_status(campaign=campaign, proposals=[proposal], to=ProposalStatus.CONFIRMED, actor=actor)
    return proposal


def _announce_reserve(interview: Interview, campaign: Campaign, actor: User) -> None:
    preview = offer_preview(interview, interview.enrolment)
    event = interview_event(interview)
    now = timezone.now()
    people = {"candidate": [preview.reserve] if preview.reserve else [], "intermediary": preview.intermediaries,
              "hr": preview.hr}  # fmt: skip
    planned = [
        PlannedMessage(
            key=f"interview:{interview.pk}:reserve:{event['interview']}:{audience}:{recipient.address}",
            template="reserve_offer",
            recipient=recipient,
            due_at=now,
            context={"event": event, "audience": audience},
        )
        for audience, recipients in people.items()
        for recipient in recipients
    ]
    sync_event_messages(event=f"interview:{interview.pk}", planned=planned, campaign=campaign)
    plan_evaluation_requests(interview, campaign, now, preview.hr)
