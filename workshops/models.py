"""Phase 1 activities: workshops, their sessions, and who registered and came.

"Life as a refugee" is for companies and intermediaries; "Belgian labour market and work culture" for
candidates. Signed attendance sheets are the funder's evidence, so attendance keeps who marked it and when.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from campaigns.choices import AbsenceReason, CandidateAnswer
from campaigns.models import Campaign
from candidates.choices import language_name
from candidates.models import Candidate, Gender
from jobroad.models import Organisation, OrganisationKind


class WorkshopKind(models.TextChoices):
    LIFE_AS_A_REFUGEE = "life_as_a_refugee", _("Life as a refugee")
    LABOUR_MARKET = "labour_market", _("Belgian labour market and work culture")
    INFO_SESSION = "info_session", _("Information session")
    CUSTOM = "custom", _("Other workshop")


class Audience(models.TextChoices):
    CANDIDATES = "candidates", _("Candidates")
    PARTNERS = "partners", _("Companies and intermediaries")


# Who a workshop kind is for, unless the coordinator says otherwise.
DEFAULT_AUDIENCE = {
    WorkshopKind.LIFE_AS_A_REFUGEE: Audience.PARTNERS,
    WorkshopKind.LABOUR_MARKET: Audience.CANDIDATES,
    WorkshopKind.INFO_SESSION: Audience.PARTNERS,
    WorkshopKind.CUSTOM: Audience.CANDIDATES,
}


class Workshop(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="workshops")
    kind = models.CharField(_("kind"), max_length=20, choices=WorkshopKind.choices)
    title = models.CharField(_("title"), max_length=200, blank=True, help_text=_("Leave empty to use the kind."))
    audience = models.CharField(_("for"), max_length=12, choices=Audience.choices)
    description = models.TextField(_("description"), blank=True)
    # The title in other interface languages ({"fr": …, "en": …}); a language without one shows ``title``.
    translated_titles = models.JSONField(_("title in other languages"), default=dict, blank=True)

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        ordering = ["campaign", "kind", "id"]

    def __str__(self):
        language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        return self.translated_titles.get(language) or self.title or self.get_kind_display()

    @property
    def for_candidates(self) -> bool:
        return self.audience == Audience.CANDIDATES


class Session(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)
    language = models.CharField(_("language"), max_length=10, default="nl")
    interpreter = models.CharField(
        _("interpreter"), max_length=200, blank=True, help_text=_("Language and name, e.g. Arabic — Samira")
    )
    capacity = models.PositiveSmallIntegerField(_("places"), default=15)
    facilitator = models.CharField(_("facilitator"), max_length=200, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start"),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="session_has_places"),
        ]

    def __str__(self):
        return f"{self.workshop} · {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def language_name(self) -> str:
        return language_name(self.language)

    @property
    def event_key(self) -> str:
        return f"workshop_session:{self.pk}"

    @property
    def is_held(self) -> bool:
        """Not cancelled and already begun: what counts as held (``selectors.sessions_held``, ``outreach``)."""
        return self.cancelled_at is None and self.starts_at <= timezone.now()


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITING = "waiting", _("Waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class Registration(models.Model):
    """One person in a session: a candidate, or someone from a company or intermediary (with or without an
    account). The waiting list is the waiting registrations in the order they came."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="registrations")
    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, null=True, blank=True, related_name="workshop_registrations"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    organisation = models.ForeignKey(Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    attendance_marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    attendance_marked_at = models.DateTimeField(null=True, blank=True)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    registered_at = models.DateTimeField(auto_now_add=True)
    # The candidate's own answer on their personal page (campaigns.personal).
    candidate_answer = models.CharField(
        _("the candidate's answer"), max_length=12, choices=CandidateAnswer.choices, blank=True
    )
    candidate_absence_reason = models.CharField(
        _("why the candidate cannot come"), max_length=12, choices=AbsenceReason.choices, blank=True
    )
    candidate_answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["registered_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "candidate"], condition=Q(candidate__isnull=False), name="candidate_once_per_session"
            ),
            models.UniqueConstraint(
                fields=["session", "person"], condition=Q(person__isnull=False), name="person_once_per_session"
            ),
            models.CheckConstraint(
                condition=Q(candidate__isnull=False) | Q(person__isnull=False) | ~Q(name=""),
                name="registration_names_someone",
            ),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.candidate_id:
            return str(self.candidate)
        if self.person_id:
            return self.person.full_name or self.person.email
        return self.name


class Headcount(models.Model):
    """People who came to a held session without a name on its list: residents of one reception centre who are
    not registered candidates, by gender where known; or, at a session for companies, people counted without a
    name (no centre). Beside the named attendance, never instead of it: ``selectors.outreach`` adds the two."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="headcounts")
    reception_centre = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        limit_choices_to={"kind": OrganisationKind.RECEPTION_CENTRE}, verbose_name=_("reception centre"),
    )  # fmt: skip
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, default=Gender.OTHER)
    people = models.PositiveSmallIntegerField(_("people"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("headcount")
        verbose_name_plural = _("headcounts")
        ordering = ["session", "reception_centre", "gender", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "reception_centre", "gender"],
                condition=Q(reception_centre__isnull=False),
                name="headcount_once_per_centre_and_gender",
            ),
            models.UniqueConstraint(
                fields=["session", "gender"],
                condition=Q(reception_centre__isnull=True),
                name="headcount_once_per_gender_without_centre",
            ),
            models.CheckConstraint(condition=Q(people__gte=1), name="headcount_counts_someone"),
        ]

    def __str__(self):
        return f"{self.session_id} · {self.reception_centre_id or '-'} · {self.gender} · {self.people}"


class HeadcountChange(models.Model):
    """The audit trail of a session's headcount: who changed it when, and the total before and after. Append-only,
    like the attendance marks' who-and-when; it names no one who was counted (nobody was)."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="headcount_changes")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    people_before = models.PositiveIntegerField()
    people_after = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("headcount change")
        verbose_name_plural = _("headcount changes")
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.session_id} · {self.at:%Y-%m-%d %H:%M} · {self.people_before} → {self.people_after}"
