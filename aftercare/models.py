"""Aftercare (DESIGN §1, §4): a placement after a positive evaluation, its status over time, and the follow-up
check-ins that keep the person in the job until it becomes permanent."""

from datetime import date, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign, Enrolment, Evaluation
from candidates.models import Candidate
from companies.models import Company, Vacancy
from jobroad.fields import EncryptedTextField
from jobroad.models import Organisation, OrganisationKind


class PlacementRoute(models.TextChoices):
    TEMP_WORK = "temp_work", _("Temp work")
    WORKPLACE_LEARNING = "workplace_learning", _("Workplace learning (IBO)")
    ARTICLE_60 = "article_60", _("Article 60")
    TRAINING = "training", _("Training or internship")
    FIXED_TERM = "fixed_term", _("Fixed-term contract")
    OPEN_ENDED = "open_ended", _("Open-ended contract")


# The routes whose employer of record is not the workplace, and the kind of organisation it must be. Every other
# route is employed by the workplace company itself (``Placement.employer`` empty).
EMPLOYER_KIND_BY_ROUTE = {
    PlacementRoute.TEMP_WORK: OrganisationKind.TEMP_AGENCY,
    PlacementRoute.ARTICLE_60: OrganisationKind.OCMW,
}


class PlacementStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    STARTED = "started", _("Started")
    ONGOING = "ongoing", _("Ongoing")
    ROUTE_CHANGED = "route_changed", _("Changed route")
    ENDED = "ended", _("Ended")


class Placement(models.Model):
    """A person starting (or started) at an employer. Every change goes through ``services.change_placement``,
    which keeps the history and the check-ins in step."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="placements")
    # The workplace: where the person works. For temp work the agency's client company.
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="placements")
    # The employer of record when it is not the workplace: the temp agency (temp work), the OCMW (article 60).
    # Empty means the workplace company employs — or, for a temp-work or article-60 placement recorded before this
    # field existed, that the employer is not known (``employer_unknown``).
    employer = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="employed_placements",
        verbose_name=_("employer"),
    )
    vacancy = models.ForeignKey(Vacancy, on_delete=models.SET_NULL, null=True, blank=True, related_name="placements")
    campaign = models.ForeignKey(Campaign, on_delete=models.SET_NULL, null=True, blank=True, related_name="placements")
    evaluation = models.OneToOneField(
        Evaluation, on_delete=models.SET_NULL, null=True, blank=True, related_name="placement"
    )
    route = models.CharField(_("start route"), max_length=20, choices=PlacementRoute.choices)
    starts_on = models.DateField(_("start date"))
    hours_per_week = models.PositiveSmallIntegerField(
        _("hours per week"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(60)]
    )
    status = models.CharField(
        _("status"), max_length=15, choices=PlacementStatus.choices, default=PlacementStatus.PLANNED
    )
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    end_reason = models.CharField(_("reason it ended"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        ordering = ["-starts_on", "pk"]

    def __str__(self):
        return f"{self.candidate} → {self.company} ({self.get_route_display()})"

    @property
    def employer_unknown(self) -> bool:
        """A temp-work or article-60 placement without its agency or OCMW (recorded before employers were)."""
        return self.employer_id is None and self.route in EMPLOYER_KIND_BY_ROUTE

    def has_started(self) -> bool:
        """Whether its start was recorded — a route may have changed before it did."""
        return self.changes.filter(status=PlacementStatus.STARTED).exists()


class PlacementChange(models.Model):
    """The history of a placement: its state after each change, who made it and why. Append-only."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="changes")
    status = models.CharField(max_length=15, choices=PlacementStatus.choices)
    route = models.CharField(max_length=20, choices=PlacementRoute.choices)
    # The employer of record with that route (the agency of a temp start stays known after it became a contract).
    employer = models.ForeignKey(Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    starts_on = models.DateField()
    note = models.CharField(max_length=300, blank=True)
    # From when the change counts (a route changed "as of the first of the month"); outcomes read this date,
    # never the day someone got round to recording it.
    effective_on = models.DateField()
    changed_at = models.DateTimeField(auto_now_add=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["placement_id", "changed_at", "pk"]

    def __str__(self):
        return f"{self.placement_id} · {self.get_status_display()} · {self.changed_at:%Y-%m-%d}"


class CheckInAudience(models.TextChoices):
    CANDIDATE = "candidate", _("Candidate (through the job coach)")
    EMPLOYER = "employer", _("Employer")
    INTERMEDIARY = "intermediary", _("Intermediary")


class FollowUpStep(models.Model):
    """One check-in of a route's follow-up plan, as days after the start date. Admins edit the plans; a placement
    copies its route's plan when it is created, so a later edit changes only new placements."""

    route = models.CharField(_("start route"), max_length=20, choices=PlacementRoute.choices)
    offset_days = models.PositiveSmallIntegerField(_("days after the start"))
    audience = models.CharField(_("who is asked"), max_length=15, choices=CheckInAudience.choices)

    class Meta:
        verbose_name = _("follow-up step")
        verbose_name_plural = _("follow-up plans")
        ordering = ["route", "offset_days", "audience"]
        constraints = [models.UniqueConstraint(fields=["route", "offset_days", "audience"], name="follow_up_step_once")]

    def __str__(self):
        return f"{self.get_route_display()} +{self.offset_days} · {self.get_audience_display()}"


class CheckInStatus(models.TextChoices):
    PENDING = "pending", _("To do")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class CheckInIssue(models.TextChoices):
    LANGUAGE = "language", _("Language")
    TRANSPORT = "transport", _("Transport")
    CHILDCARE = "childcare", _("Childcare")
    HOUSING = "housing", _("Housing")
    PAPERWORK = "paperwork", _("Paperwork")
    WORK = "work", _("The work itself (tasks, hours, colleagues)")


class CheckIn(models.Model):
    """One follow-up moment of a placement, copied from its route's plan. Answered once, by the person its
    audience names (an employer may answer through a link in the mail, without an account)."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="check_ins")
    offset_days = models.PositiveSmallIntegerField()
    audience = models.CharField(_("who is asked"), max_length=15, choices=CheckInAudience.choices)
    due_on = models.DateField(_("due on"))
    status = models.CharField(_("status"), max_length=10, choices=CheckInStatus.choices, default=CheckInStatus.PENDING)
    still_working = models.BooleanField(_("still working there"), null=True)
    hours_per_week = models.PositiveSmallIntegerField(
        _("hours per week"), null=True, blank=True, validators=[MaxValueValidator(60)]
    )
    satisfaction = models.PositiveSmallIntegerField(
        _("satisfaction"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    issues = models.JSONField(_("issues"), default=list, blank=True)  # CheckInIssue values
    notes = EncryptedTextField(_("notes"), blank=True)
    at_risk = models.BooleanField(_("at risk"), default=False)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_by_link = models.BooleanField(default=False)  # the employer answered from the mail, without an account
    # A coordinator who took up an "at risk" answer clears the flag from the dashboard; the answer stays.
    flag_cleared_at = models.DateTimeField(null=True, blank=True)
    flag_cleared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status=CheckInStatus.DONE) | models.Q(answered_at__isnull=False),
                name="check_in_done_when_answered",
            ),
        ]

    def __str__(self):
        return f"{self.placement} · {self.due_on} · {self.get_audience_display()}"

    @property
    def is_pending(self) -> bool:
        return self.status == CheckInStatus.PENDING

    def is_overdue(self, today: date) -> bool:
        return self.is_pending and self.due_on < today

    @property
    def opens_on(self) -> date:
        """The first day the check-in can be answered: a few days before it is due (``CHECK_IN_OPENS_DAYS_BEFORE``),
        so an answer is about the job as it is then, not months ahead."""
        return self.due_on - timedelta(days=settings.CHECK_IN_OPENS_DAYS_BEFORE)

    def is_open_on(self, today: date) -> bool:
        return today >= self.opens_on

    @property
    def issue_labels(self) -> list[str]:
        return [CheckInIssue(issue).label for issue in self.issues if issue in CheckInIssue.values]


class ContactChannel(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", _("Phone")
    MESSAGE = "message", _("Message (SMS, WhatsApp, e-mail)")
    AT_WORK = "at_work", _("Visit at the workplace")


class ContactTopic(models.TextChoices):
    JOB_SEARCH = "job_search", _("Looking for work")
    INTERVIEW = "interview", _("Preparing an interview")
    AT_WORK = "at_work", _("How work is going")
    LANGUAGE = "language", _("Language")
    TRANSPORT = "transport", _("Transport")
    PAPERWORK = "paperwork", _("Paperwork")
    HOUSING = "housing", _("Housing")
    OTHER = "other", _("Something else")


class CoachingContact(models.Model):
    """One contact a job coach had with a candidate, with what comes next. The coach's log; read by the
    coordinators, never by companies."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="coaching_contacts")
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="coaching_contacts"
    )
    happened_on = models.DateField(_("date"))
    channel = models.CharField(_("how"), max_length=15, choices=ContactChannel.choices)
    topic = models.CharField(_("topic"), max_length=15, choices=ContactTopic.choices)
    notes = EncryptedTextField(_("notes"), blank=True)
    next_action = models.CharField(_("next action"), max_length=200, blank=True)
    next_action_on = models.DateField(_("next action by"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("coaching contact")
        verbose_name_plural = _("coaching contacts")
        ordering = ["-happened_on", "-pk"]

    def __str__(self):
        return f"{self.candidate} · {self.happened_on} · {self.get_topic_display()}"


class CandidateOutcome(models.TextChoices):
    """Where a candidate stands on a day, derived from placements and enrolments (aftercare.outcomes)."""

    PERMANENT_JOB = "permanent_job", _("Permanent job")
    FIXED_TERM_JOB = "fixed_term_job", _("Fixed-term job")
    TEMP_WORK = "temp_work", _("Temp work")
    ARTICLE_60 = "article_60", _("Article 60")
    TRAINING = "training", _("Training or internship")
    STARTING = "starting", _("Placed, starts later")
    SEARCHING = "searching", _("Still searching")
    DROPPED_OUT = "dropped_out", _("Dropped out")


# --- Referrals after project week ---------------------------------------------------------------------------------

# Where a candidate with no offer may be referred: a temp agency's branch, or VDAB (an intermediary).
REFERRAL_KINDS = (OrganisationKind.TEMP_AGENCY, OrganisationKind.INTERMEDIARY)


class ReferralOutcome(models.TextChoices):
    """What the agency answers through the link. Empty: no answer yet."""

    PLACED = "placed", _("Placed: the person starts work")
    IN_PROGRESS = "in_progress", _("Invited or in progress")
    NOT_SUITABLE = "not_suitable", _("Not suitable for now")
    NO_RESPONSE = "no_response", _("The person did not respond")


class NotSuitableReason(models.TextChoices):
    LANGUAGE = "language", _("Language level")
    NO_VACANCIES = "no_vacancies", _("No fitting vacancies at the moment")
    EXPERIENCE = "experience", _("Experience or qualifications")
    MOBILITY = "mobility", _("Transport or distance")
    AVAILABILITY = "availability", _("Hours or availability")
    PAPERWORK = "paperwork", _("Work permit or paperwork")
    DECLINED = "declined", _("The person declined")
    OTHER = "other", _("Another reason")


class Referral(models.Model):
    """A candidate with no offer after project week, referred — with their consent — to a temp agency's branch or
    VDAB. The organisation sees only the blind profile, through a signed link (``aftercare.referral_links``) that
    is its only access; it answers the outcome there. Every write goes through ``aftercare.referrals``."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="referrals")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="referrals", verbose_name=_("referred to")
    )
    send_to = models.EmailField(_("e-mail address of the branch or consultant"))
    consent_at = models.DateTimeField(_("consent recorded at"))
    consent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
        verbose_name=_("consent recorded by"),
    )  # fmt: skip
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # The link: only the SHA-256 of its random key is kept, set when the mail leaves; a new mail replaces it.
    link_key_hash = models.CharField(max_length=64, blank=True)
    link_sent_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=15, choices=ReferralOutcome.choices, blank=True)
    not_suitable_reason = models.CharField(_("why not"), max_length=15, choices=NotSuitableReason.choices, blank=True)
    placed_starts_on = models.DateField(_("start date"), null=True, blank=True)
    placed_workplace = models.CharField(_("client company or workplace"), max_length=200, blank=True)
    placed_hours = models.PositiveSmallIntegerField(
        _("hours per week"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(60)]
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    answer_count = models.PositiveSmallIntegerField(default=0)
    # A coordinator took the latest answer up (it leaves their to-do list); a new answer puts it back.
    answer_seen_at = models.DateTimeField(null=True, blank=True)
    placement = models.OneToOneField(
        Placement, on_delete=models.SET_NULL, null=True, blank=True, related_name="referral"
    )

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "organisation"], name="referral_once_per_organisation"),
            models.CheckConstraint(
                condition=~models.Q(outcome="placed") | models.Q(placed_starts_on__isnull=False),
                name="referral_placed_has_start",
            ),
        ]

    def __str__(self):
        return f"{self.enrolment.candidate} → {self.organisation}"

    @property
    def is_answered(self) -> bool:
        return bool(self.outcome)

    @property
    def is_closed(self) -> bool:
        """A referral whose placement is recorded is done: its link works no more."""
        return self.placement_id is not None
