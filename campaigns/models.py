"""A matchmaking campaign: its phases and planned dates, its targets, and who takes part in it."""

from datetime import datetime, time

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from candidates.models import Candidate, TargetGroup
from companies.models import Company, Vacancy
from jobroad.models import Organisation, OrganisationKind

from .choices import (
    AbsenceReason,
    Attendance,
    CandidateAnswer,
    DropOutReason,
    EvaluationWaiver,
    HrAnswer,
    Outcome,
    PairRuleKind,
    ScheduleStatus,
    StartRoute,
)
from .programmes.models import FundingProgramme


class CampaignPhase(models.TextChoices):
    DRAFT = "draft", _("Draft")
    INTAKE = "intake", _("Workshops & intake")
    SCREENING = "screening", _("Screening")
    MATCHING = "matching", _("Matching")
    PROJECT_WEEK = "project_week", _("Project week")
    AFTERCARE = "aftercare", _("Aftercare")
    CLOSED = "closed", _("Closed")


# The lifecycle of DESIGN §3, in order; campaigns.services.advance_campaign is the only way along it.
PHASE_ORDER = list(CampaignPhase)


# The kinds of organisation whose consultants screen with JobRoad: VDAB, a temp agency, an OCMW.
SCREENING_PARTNER_KINDS = [OrganisationKind.INTERMEDIARY, OrganisationKind.TEMP_AGENCY, OrganisationKind.OCMW]

PLANNED_PHASES = [CampaignPhase.INTAKE, CampaignPhase.SCREENING, CampaignPhase.MATCHING,
                  CampaignPhase.PROJECT_WEEK, CampaignPhase.AFTERCARE]  # fmt: skip


class Campaign(models.Model):
    name = models.CharField(_("name"), max_length=200)
    region = models.CharField(_("region"), max_length=100, blank=True)
    target_group = models.CharField(_("target group"), max_length=30, choices=TargetGroup.choices, blank=True)
    # The programme whose action this campaign is; its funder is the programme's.
    programme = models.ForeignKey(
        FundingProgramme,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="campaigns",
        verbose_name=_("funding programme"),
    )
    target_candidates = models.PositiveIntegerField(_("target: candidates"), null=True, blank=True)
    target_companies = models.PositiveIntegerField(_("target: companies"), null=True, blank=True)
    target_workshops = models.PositiveIntegerField(_("target: workshops"), null=True, blank=True)
    target_workshop_attendees = models.PositiveIntegerField(_("target: workshop attendees"), null=True, blank=True)
    cloned_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="clones", verbose_name=_("cloned from")
    )
    phase = models.CharField(_("phase"), max_length=20, choices=CampaignPhase.choices, default=CampaignPhase.DRAFT)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    coordinators = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="coordinated_campaigns", blank=True)
    partners = models.ManyToManyField(
        Organisation,
        related_name="partner_campaigns",
        blank=True,
        verbose_name=_("intermediaries and reception centres"),
    )
    reception_centres = models.ManyToManyField(
        Organisation,
        related_name="hosted_campaigns",
        blank=True,
        limit_choices_to={"kind": OrganisationKind.RECEPTION_CENTRE},
        verbose_name=_("reception centres"),
    )
    funder = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="funded_campaigns"
    )
    # Outside partners (a VDAB office, a temp agency) whose screeners screen this campaign's candidates.
    screening_partners = models.ManyToManyField(
        Organisation,
        related_name="screened_campaigns",
        blank=True,
        limit_choices_to={"kind__in": SCREENING_PARTNER_KINDS},
        verbose_name=_("screening partners"),
    )
    companies = models.ManyToManyField(Company, through="Participation", related_name="campaigns", blank=True)
    candidates = models.ManyToManyField(Candidate, through="Enrolment", related_name="campaigns", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-starts_on", "name"]

    def __str__(self):
        return self.name

    @property
    def next_phase(self) -> str | None:
        index = PHASE_ORDER.index(self.phase)
        return PHASE_ORDER[index + 1] if index + 1 < len(PHASE_ORDER) else None


class PhasePlan(models.Model):
    """The planned dates of one phase of a campaign."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="phase_plans")
    phase = models.CharField(_("phase"), max_length=20, choices=CampaignPhase.choices)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))

    class Meta:
        verbose_name = _("planned phase")
        verbose_name_plural = _("planned phases")
        ordering = ["starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "phase"], name="phase_planned_once"),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="phase_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.get_phase_display()} {self.starts_on}–{self.ends_on}"


class PhaseChange(models.Model):
    """Append-only history of a campaign's phase: who moved it, when, from where to where (and, for a step back,
    why)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="phase_changes")
    from_phase = models.CharField(max_length=20, choices=CampaignPhase.choices)
    to_phase = models.CharField(max_length=20, choices=CampaignPhase.choices)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    # Why a coordinator stepped the campaign back; moving on needs no reason.
    reason = models.TextField(_("reason"), blank=True)
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["changed_at", "id"]

    def __str__(self):
        return f"{self.campaign}: {self.from_phase} → {self.to_phase}"


# Clock-time defaults are functions: Django warns about a fixed time default (fields.W161) when its checks run within
# seconds of that time of day, which failed the deployment check at exactly 10:00.
def ten_o_clock() -> time:
    return time(10, 0)


def four_o_clock() -> time:
    return time(16, 0)


def half_past_eight() -> time:
    return time(8, 30)


class Participation(models.Model):
    """A company taking part in a campaign."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="participations")
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="participations")
    available_days = models.JSONField(_("available days in project week"), default=list, blank=True)
    visit_capacity = models.PositiveSmallIntegerField(_("candidates per guided visit"), default=10)
    interviewers = models.PositiveSmallIntegerField(_("interviewers"), default=1)
    slot_minutes = models.PositiveSmallIntegerField(_("minutes per interview"), default=30)
    visit_starts_at = models.TimeField(_("guided visit starts at"), default=ten_o_clock)
    visit_minutes = models.PositiveSmallIntegerField(
        _("guided visit (minutes)"), default=60, validators=[MinValueValidator(15), MaxValueValidator(240)]
    )
    interviews_until = models.TimeField(_("last interview ends by"), default=four_o_clock)
    meeting_point = models.CharField(_("meeting point"), max_length=200, blank=True)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("participating company")
        verbose_name_plural = _("participating companies")
        constraints = [models.UniqueConstraint(fields=["campaign", "company"], name="participation_once")]

    def __str__(self):
        return f"{self.company} · {self.campaign}"


class DayConfirmation(models.Model):
    """HR confirmed one of its project-week days as published. Each day is confirmed on its own; a publication
    that changes an interview on that day clears it."""

    participation = models.ForeignKey(Participation, on_delete=models.CASCADE, related_name="day_confirmations")
    day = models.DateField(_("day"))
    confirmed_at = models.DateTimeField()
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("confirmed day")
        verbose_name_plural = _("confirmed days")
        ordering = ["day"]
        constraints = [models.UniqueConstraint(fields=["participation", "day"], name="day_confirmed_once")]

    def __str__(self):
        return f"{self.participation} · {self.day}"


# A candidate can join a campaign (again) until its screening is done.
ENROLLING_PHASES = (CampaignPhase.DRAFT, CampaignPhase.INTAKE, CampaignPhase.SCREENING)


class Enrolment(models.Model):
    """A candidate registered into a campaign. A candidate who leaves the track is marked dropped out here (with
    a reason); a later campaign can enrol them again, and this enrolment stays as their history."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="enrolments")
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="enrolments")
    enrolled_at = models.DateTimeField(auto_now_add=True)
    dropped_out_on = models.DateField(_("dropped out on"), null=True, blank=True)
    drop_out_reason = models.CharField(_("reason"), max_length=20, choices=DropOutReason.choices, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "candidate"], name="enrolment_once"),
            models.CheckConstraint(
                condition=models.Q(dropped_out_on__isnull=True, drop_out_reason="")
                | models.Q(dropped_out_on__isnull=False) & ~models.Q(drop_out_reason=""),
                name="drop_out_has_a_reason",
            ),
        ]

    def __str__(self):
        return f"{self.candidate} · {self.campaign}"


class PairRule(models.Model):
    """A coordinator's word on one pair of candidate and vacancy, which every matching run respects."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="pair_rules")
    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="pair_rules")
    kind = models.CharField(max_length=10, choices=PairRuleKind.choices)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["enrolment", "vacancy"], name="pair_rule_once")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.enrolment_id} → {self.vacancy_id}"


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CONFIRMED = "confirmed", _("Confirmed")


# The only ways a proposal's status may change (campaigns.services.set_proposal_status): matching makes drafts, a
# coordinator confirms them, and a confirmed proposal — HR has seen it — stays confirmed. ``None`` is a proposal
# being made: a second-chance proposal is confirmed as it is made.
PROPOSAL_TRANSITIONS: dict[str | None, frozenset[str]] = {
    None: frozenset({ProposalStatus.DRAFT, ProposalStatus.CONFIRMED}),
    ProposalStatus.DRAFT: frozenset({ProposalStatus.CONFIRMED}),
    ProposalStatus.CONFIRMED: frozenset(),
}


class Proposal(models.Model):
    """A candidate proposed for an interview at a vacancy: a draft from matching until a coordinator confirms it;
    then HR sees the blind profile and answers before project week."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="proposals")
    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="proposals")
    fit = models.PositiveSmallIntegerField(_("fit"))
    reasons = models.JSONField(default=list, blank=True)  # the engine's reasons, as data (campaigns.matching)
    status = models.CharField(_("status"), max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    hr_answer = models.CharField(_("answer"), max_length=20, choices=HrAnswer.choices, blank=True)
    hr_comment = models.TextField(_("comment or question"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Offered after project week to an ambassador company ("second chance"): no project-week interview.
    second_chance = models.BooleanField(_("second chance"), default=False)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["enrolment_id", "-fit", "id"]
        constraints = [models.UniqueConstraint(fields=["enrolment", "vacancy"], name="proposal_once")]

    def __str__(self):
        return f"{self.enrolment.candidate} → {self.vacancy}"


class ProjectWeek(models.Model):
    """A campaign's project-week plan: what the scheduling engine needs beyond the companies' days, and the
    outcome of the last generation (requests it could not place, with why)."""

    campaign = models.OneToOneField(Campaign, on_delete=models.CASCADE, related_name="project_week")
    day_starts_at = models.TimeField(_("candidates can leave the centre at"), default=half_past_eight)
    generated_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=ScheduleStatus.choices, blank=True)
    dropped = models.JSONField(default=list, blank=True)  # [{"proposal": pk, "blockers": [{code, day, params}]}]
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("project week")
        verbose_name_plural = _("project weeks")

    def __str__(self):
        return str(self.campaign)


class Interview(models.Model):
    """A confirmed proposal in the project-week schedule: the candidate joins the company's guided visit that
    day, then meets one of its interviewers (``seat``). ``published_*`` is what people were last told; a row
    without a day is a proposal the schedule could not place (or no longer places)."""

    proposal = models.OneToOneField(Proposal, on_delete=models.CASCADE, related_name="interview")
    participation = models.ForeignKey(Participation, on_delete=models.CASCADE, related_name="interviews")
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="interviews")
    day = models.DateField(_("day"), null=True, blank=True)
    starts_at = models.TimeField(_("starts at"), null=True, blank=True)
    ends_at = models.TimeField(_("ends at"), null=True, blank=True)
    seat = models.PositiveSmallIntegerField(_("interviewer"), null=True, blank=True)
    interpreter = models.CharField(_("interpreter"), max_length=10, blank=True)
    published_day = models.DateField(null=True, blank=True)
    published_starts_at = models.TimeField(null=True, blank=True)
    # A coordinator placed it by hand: generating again keeps it there while its slot is open.
    moved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    moved_at = models.DateTimeField(null=True, blank=True)
    # The candidate's own answer on their personal page (campaigns.personal).
    candidate_answer = models.CharField(
        _("the candidate's answer"), max_length=12, choices=CandidateAnswer.choices, blank=True
    )
    candidate_absence_reason = models.CharField(
        _("why the candidate cannot come"), max_length=12, choices=AbsenceReason.choices, blank=True
    )
    candidate_answered_at = models.DateTimeField(null=True, blank=True)
    # A coordinator's "no evaluation needed" (the interview never took place), so aftercare can start without one.
    evaluation_waived_because = models.CharField(
        _("no evaluation needed because"), max_length=20, choices=EvaluationWaiver.choices, blank=True
    )
    evaluation_waived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    evaluation_waived_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")
        ordering = ["day", "starts_at", "participation_id", "seat"]
        constraints = [
            # Two coordinators editing at once still cannot put two interviews on one interviewer at one time,
            # nor one candidate in two interviews starting together (the service checks overlaps and travel).
            models.UniqueConstraint(fields=["participation", "day", "starts_at", "seat"], name="interviewer_once"),
            models.UniqueConstraint(fields=["enrolment", "day", "starts_at"], name="candidate_once"),
            models.CheckConstraint(
                condition=models.Q(day__isnull=True)
                | models.Q(starts_at__isnull=False, ends_at__gt=models.F("starts_at"), seat__gte=1),
                name="interview_has_time_and_seat",
            ),
        ]

    def __str__(self):
        return f"{self.proposal} · {self.day} {self.starts_at}"

    @property
    def changed_since_published(self) -> bool:
        return (self.day, self.starts_at) != (self.published_day, self.published_starts_at)

    @property
    def evaluation_opens_at(self) -> datetime | None:
        """HR can evaluate the interview once it has started, as published (None: not published)."""
        if self.published_day is None or self.published_starts_at is None:
            return None
        return datetime.combine(self.published_day, self.published_starts_at, tzinfo=timezone.get_current_timezone())


class Evaluation(models.Model):
    """HR's evaluation of one interview: did the candidate come, and if so, what next."""

    interview = models.OneToOneField(Interview, on_delete=models.CASCADE, related_name="evaluation")
    attendance = models.CharField(_("did the candidate come?"), max_length=10, choices=Attendance.choices)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True)
    start_route = models.CharField(_("start route"), max_length=20, choices=StartRoute.choices, blank=True)
    proposed_start = models.DateField(_("proposed start date"), null=True, blank=True)
    feedback = models.TextField(_("feedback"), blank=True)
    filled_at = models.DateTimeField()
    filled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [
            # A no-show has no outcome; an offer says how the person would start.
            models.CheckConstraint(
                condition=~models.Q(attendance="no_show") | models.Q(outcome="", start_route=""),
                name="no_show_has_no_outcome",
            ),
            models.CheckConstraint(
                condition=~models.Q(outcome="offer") | ~models.Q(start_route=""), name="offer_has_start_route"
            ),
        ]

    def __str__(self):
        return f"{self.interview} · {self.get_attendance_display()} {self.get_outcome_display()}"

    @property
    def retained(self) -> bool:
        return self.outcome in (Outcome.OFFER, Outcome.MAYBE)


# A model of this app kept in its own package (this module is near its size limit): registered from here.
from .matching.models import MatchingRun, MatchingSettings, ProposalQuestion  # noqa: E402, F401
from .projectweek.interpreters.models import Interpreter, InterpreterAvailability, InterpreterBooking  # noqa: E402, F401
from .projectweek.transport.models import TransportMode, TransportRun  # noqa: E402, F401
