"""The demo's dates, told in the order things happen. The services stamp every row with the moment it was written,
which for the demo is the moment it was seeded, whatever phase a campaign is in; this puts each row back on the day
the campaign's phase plans say it happened: a candidate is registered, agrees to share their profile and is enrolled
before the workshops, screened in the screening phase, proposed in the matching phase, interviewed in the project
week and placed after it. Nothing here is done by a person, so nothing goes through a service.
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from aftercare.models import CheckIn, Placement
from campaigns.models import Campaign, CampaignPhase, Enrolment, Evaluation, MatchingRun, ProjectWeek, Proposal
from candidates.models import Candidate, Screening
from workshops.models import Registration, Session

REGISTERED_BEFORE_INTAKE = timedelta(weeks=2)  # a candidate is registered a while before a campaign takes them


def at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def date_history(campaign: Campaign, candidates: list[Candidate]) -> None:
    """Date the rows the demo wrote for ``campaign`` and its ``candidates`` as the phase plans say they happened,
    never later than now. Enrolments of other candidates (one enrolled again today) keep their own date."""
    plans = {plan.phase: plan.starts_on for plan in campaign.phase_plans.all()}
    intake = plans[CampaignPhase.INTAKE]
    Campaign.objects.filter(pk=campaign.pk).update(created_at=at(intake - REGISTERED_BEFORE_INTAKE, 9))
    enrolments = Enrolment.objects.filter(campaign=campaign, candidate__in=candidates).order_by("candidate_id")
    for number, enrolment in enumerate(enrolments):
        Enrolment.objects.filter(pk=enrolment.pk).update(enrolled_at=at(intake + timedelta(days=number % 5), 10))
    date_registrations(candidates, intake)
    date_workshops(campaign)
    screening = plans[CampaignPhase.SCREENING]
    for number, row in enumerate(Screening.objects.filter(enrolment__campaign=campaign).order_by("pk")):
        screened_at = at(screening + timedelta(days=number % 5), 11)
        Screening.objects.filter(pk=row.pk).update(screened_at=screened_at, updated_at=screened_at)
    matching = plans[CampaignPhase.MATCHING]
    MatchingRun.objects.filter(campaign=campaign).update(run_at=at(matching, 9))
    proposals = Proposal.objects.filter(enrolment__campaign=campaign)
    proposals.exclude(confirmed_at=None).update(confirmed_at=at(matching + timedelta(days=2), 15))
    proposals.exclude(answered_at=None).update(answered_at=at(matching + timedelta(days=4), 10))
    week = plans[CampaignPhase.PROJECT_WEEK]
    told = min(at(week - timedelta(days=5), 14), timezone.now())
    ProjectWeek.objects.filter(campaign=campaign).exclude(generated_at=None).update(generated_at=told)
    ProjectWeek.objects.filter(campaign=campaign).exclude(published_at=None).update(published_at=told)
    for evaluation in Evaluation.objects.filter(interview__participation__campaign=campaign).select_related(
        "interview"
    ):
        filled_at = min(at(evaluation.interview.published_day, 17), timezone.now())
        Evaluation.objects.filter(pk=evaluation.pk).update(filled_at=filled_at)
        Placement.objects.filter(evaluation=evaluation).update(created_at=filled_at + timedelta(days=1))
    for check_in in CheckIn.objects.filter(placement__campaign=campaign, answered_at__isnull=False):
        answered_at = min(at(check_in.due_on + timedelta(days=2), 16), timezone.now())
        CheckIn.objects.filter(pk=check_in.pk).update(answered_at=answered_at)


def registered_on(intake: date) -> date:
    """The day a campaign's candidates were registered; they agree to share their profile the day after."""
    return intake - REGISTERED_BEFORE_INTAKE


def date_registrations(candidates: list[Candidate], intake: date) -> None:
    """The campaign's candidates were registered before its intake (their consent is dated from that day when it
    is written: the history of consents cannot be changed)."""
    Candidate.objects.filter(pk__in=[candidate.pk for candidate in candidates]).update(
        created_at=at(registered_on(intake), 9)
    )


def date_workshops(campaign: Campaign) -> None:
    """Places are booked three days before a session (or now, for one still to come), after the enrolments;
    attendance is marked when it ends."""
    for session in Session.objects.filter(workshop__campaign=campaign):
        booked = min(session.starts_at - timedelta(days=3), timezone.now())
        registrations = Registration.objects.filter(session=session)
        registrations.update(registered_at=booked)
        registrations.exclude(attended=None).update(attendance_marked_at=session.ends_at)
