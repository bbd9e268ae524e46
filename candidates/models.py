"""The jobseeker side: candidates, the languages they speak, and their consent history."""

import re
import unicodedata
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from companies.models import CefrLevel, Competence, Occupation, Shift
from companies.sectors import Sector
from jobroad.fields import EncryptedTextField
from jobroad.models import Organisation, OrganisationKind
from jobroad.phones import PhoneField

from . import eligibility, names
from .choices import (
    DietaryNeed,
    country_name,
    document_language_choices,
    is_nationality,
    language_name,
    nationality_choices,
    spoken_language_choices,
)


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    OTHER = "other", _("Other / not given")


class EducationLevel(models.TextChoices):
    LOW = "low", _("Low (ISCED 0–2)")
    MEDIUM = "medium", _("Medium (ISCED 3–4)")
    HIGH = "high", _("High (ISCED 5–8)")


class ResidenceStatus(models.TextChoices):
    ASYLUM_APPLICANT = "asylum_applicant", _("Asylum applicant")
    RECOGNISED_REFUGEE = "recognised_refugee", _("Recognised refugee")
    SUBSIDIARY_PROTECTION = "subsidiary_protection", _("Subsidiary protection")
    OTHER_PERMIT = "other_permit", _("Other residence permit")
    TEMPORARY_PROTECTION = "temporary_protection", _("Temporary protection (Ukraine)")
    EU_CITIZEN = "eu_citizen", _("EU citizen")
    BELGIAN = "belgian", _("Belgian")


class DiplomaRecognition(models.TextChoices):
    """Where the recognition of a foreign diploma by NARIC-Vlaanderen stands. NARIC decides either on the level
    (bachelor, master: enough to apply for most jobs) or on the equivalence with one specific Flemish diploma
    (needed for a regulated profession or a protected title); it may also refuse."""

    NOT_APPLICABLE = "not_applicable", _("Not applicable (no foreign diploma to recognise)")
    NOT_STARTED = "not_started", _("Not applied for yet")
    APPLIED = "applied", _("Applied, waiting for the decision")
    SPECIFIC = "specific", _("Equivalent to a specific Flemish diploma (full equivalence)")
    LEVEL = "level", _("Equivalent in level (e.g. bachelor, master)")
    REFUSED = "refused", _("Refused")

    @classmethod
    def decisions(cls) -> set[str]:
        return {cls.SPECIFIC, cls.LEVEL, cls.REFUSED}


class TargetGroup(models.TextChoices):
    ASYLUM_APPLICANTS = "asylum_applicants", _("Asylum applicants")
    REFUGEES = "refugees", _("Recognised refugees")
    EX_DETAINEES = "ex_detainees", _("Ex-detainees")
    OVER_55 = "over_55", _("55-plus")
    NEET = "neet", _("NEET youth")


def name_key(first_name: str, last_name: str) -> str:
    """A name as the duplicate check compares it: case, accents, punctuation and the order of its parts do
    not count ("Amal Haddad", "HADDAD, Amàl"), nor the zero-width (non-)joiners a name may keep (jobroad.text)."""
    text = unicodedata.normalize("NFKD", f"{first_name} {last_name}").replace("\u200c", "").replace("\u200d", "")
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    return " ".join(sorted(re.findall(r"\w+", text)))


def reference_key(reference_number: str) -> str:
    """A reference number without its spaces, dots and dashes: "OC-2026/0042" and "oc 2026 0042" are one."""
    return re.sub(r"[\W_]+", "", reference_number).upper()


def validate_birth_year(value: int) -> None:
    last = date.today().year - 14
    if not 1920 <= value <= last:
        raise ValidationError(
            _("Give a birth year between %(first)s and %(last)s."),
            code="out_of_range",
            params={"first": 1920, "last": last},
        )


def validate_nationality(value: str) -> None:
    if value and not is_nationality(value):
        raise ValidationError(_("%(value)s is not a country code."), code="invalid", params={"value": value})


class Candidate(models.Model):
    # Identity: as little as the work needs.
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    reference_number = models.CharField(
        _("reference number"),
        max_length=50,
        blank=True,
        help_text=_("The number the reception centre, VDAB or OCMW knows the candidate by, if any."),
    )
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, default=Gender.OTHER)
    birth_year = models.PositiveSmallIntegerField(
        _("birth year"), null=True, blank=True, validators=[validate_birth_year]
    )
    nationality = models.CharField(
        _("nationality"), max_length=2, blank=True, choices=nationality_choices, validators=[validate_nationality]
    )
    # What the candidate brings and wants.
    education_level = models.CharField(_("education level"), max_length=10, choices=EducationLevel.choices)
    experience_summary = models.TextField(
        _("work experience"),
        blank=True,
        help_text=_("Jobs done before, here or in the country of origin, and for how long."),
    )
    competences = models.ManyToManyField(
        Competence, blank=True, related_name="candidates", verbose_name=_("competences")
    )
    desired_occupations = models.ManyToManyField(
        Occupation, blank=True, related_name="candidates", verbose_name=_("desired occupations")
    )
    desired_sectors = models.JSONField(_("desired sectors"), default=list, blank=True)
    diploma_recognition = models.CharField(
        _("diploma recognition (NARIC)"),
        max_length=20,
        choices=DiplomaRecognition.choices,
        default=DiplomaRecognition.NOT_APPLICABLE,
        help_text=_("Where the recognition of a foreign diploma by NARIC-Vlaanderen stands."),
    )
    diploma_recognition_on = models.DateField(
        _("NARIC decision of"), null=True, blank=True, help_text=_("The date of NARIC's decision, once there is one.")
    )
    has_driving_licence = models.BooleanField(_("driving licence"), default=False)
    available_from = models.DateField(_("available from"), null=True, blank=True)
    available_shifts = models.JSONField(_("can work"), default=list, blank=True)
    availability_note = models.CharField(
        _("availability notes"),
        max_length=200,
        blank=True,
        help_text=_("e.g. not on Friday afternoons; school run until 9:00"),
    )
    # Special-category data (a diet can tell a religion): only if the candidate wants it known, stored encrypted,
    # counted for the project week's lunches (campaigns.projectweek.lunch), never shown to companies nor exported.
    dietary_need = EncryptedTextField(_("food at lunch"), blank=True, choices=DietaryNeed.choices)
    # Legal access is derived from these by candidates.eligibility, never typed in.
    residence_status = models.CharField(_("residence status"), max_length=30, choices=ResidenceStatus.choices)
    asylum_application_date = models.DateField(_("asylum application date"), null=True, blank=True)
    asylum_negative_decision_on = models.DateField(
        _("negative decision of the CGRS on"),
        null=True,
        blank=True,
        help_text=_("Only if the CGRS refused the application; leave empty while no decision was taken."),
    )
    temporary_protection_on = models.DateField(
        _("temporary protection document of"),
        null=True,
        blank=True,
        help_text=_("The date of the annex 15 or the A card (temporary protection): access to work starts then."),
    )
    # Where the candidate lives: a reception centre, or an address.
    reception_centre = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="residents",
        limit_choices_to={"kind": OrganisationKind.RECEPTION_CENTRE},
        verbose_name=_("reception centre"),
    )
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    # How to reach the candidate: documents in their language; reminders only with consent and a number.
    preferred_language = models.CharField(
        _("language for documents and messages"), max_length=5, choices=document_language_choices, default="nl"
    )
    phone = PhoneField(_("mobile phone"), blank=True)  # E.164
    email = models.EmailField(_("e-mail address"), blank=True)
    # Who follows the candidate.
    target_group = models.CharField(_("target group"), max_length=30, choices=TargetGroup.choices)
    registered_by = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="registered_candidates", verbose_name=_("registered by")
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="coachees",
        verbose_name=_("job coach"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when the record was erased on the person's request (jobroad.privacy): what identified them is gone, the
    # categories the reports count remain.
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True, editable=False)
    # Normalised copies the duplicate check searches on (see name_key and reference_key).
    name_key = models.CharField(max_length=200, editable=False, db_index=True, default="")
    reference_key = models.CharField(max_length=50, editable=False, blank=True, db_index=True, default="")
    # The first letters of the name parts as candidates.names spells them: the search for spelling variants
    # compares only candidates that share one (see selectors.possible_variants).
    name_initials = models.CharField(max_length=20, editable=False, blank=True, default="")

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        ordering = ["last_name", "first_name", "id"]

    def __str__(self):
        return f"{self.first_name} {self.last_name}"

    def save(self, *args, **kwargs):
        # The search keys are derived from the row's own fields, so every way a candidate is saved (form,
        # import, admin, demo data) keeps them right; nothing else happens here.
        self.name_key = name_key(self.first_name, self.last_name)
        self.reference_key = reference_key(self.reference_number)
        self.name_initials = names.name_forms(self.first_name, self.last_name).initials[:20]
        if "update_fields" in kwargs and kwargs["update_fields"] is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "name_key", "reference_key", "name_initials"}
        super().save(*args, **kwargs)

    @property
    def legal_access(self) -> eligibility.LegalAccess:
        return eligibility.legal_access(
            self.residence_status,
            applied_on=self.asylum_application_date,
            negative_decision_on=self.asylum_negative_decision_on,
            protection_document_on=self.temporary_protection_on,
        )

    @property
    def eligible_from(self) -> date | None:
        """The first day the candidate may work: ``date.min`` without restriction, None when there is no
        access or it must be checked on the permit (see ``legal_access``)."""
        return self.legal_access.eligible_from

    def eligible_on(self, day: date) -> bool | None:
        """True or False, or None when only the residence document can tell."""
        return self.legal_access.on(day)

    @property
    def nationality_name(self) -> str:
        return country_name(self.nationality) if self.nationality else ""

    @property
    def address(self) -> str:
        return ", ".join(part for part in (self.street, f"{self.postal_code} {self.city}".strip()) if part)

    @property
    def desired_sector_labels(self) -> list[str]:
        return [Sector(value).label for value in self.desired_sectors if value in Sector.values]

    @property
    def available_shift_labels(self) -> list[str]:
        return [Shift(value).label for value in self.available_shifts if value in Shift.values]

    def consent_action(self, purpose: str) -> str:
        """The latest consent action for ``purpose`` ("given", "withdrawn" or "" when never asked); lists
        annotate it (candidates.selectors.with_progress) so that a page of candidates costs one query."""
        annotated = f"{purpose}_consent"
        if hasattr(self, annotated):
            return getattr(self, annotated) or ""
        latest = self.consents.filter(purpose=purpose).order_by("-recorded_at", "-id").first()
        return latest.action if latest else ""

    @property
    def may_share_with_companies(self) -> bool:
        """Whether the profile may be shown to companies now; the latest entry decides, so a withdrawal
        stops sharing at once."""
        return self.consent_action(ConsentPurpose.SHARE_PROFILE) == ConsentAction.GIVEN

    @property
    def may_be_contacted(self) -> bool:
        """Reminders by e-mail or SMS only with consent and an address or number to send them to."""
        return self.consent_action(ConsentPurpose.CONTACT) == ConsentAction.GIVEN and bool(self.phone or self.email)


class DifferentPeople(models.Model):
    """Two candidates a person checked and found to be different people, though their names may be one name in two
    spellings: their pages stop saying "possibly the same person" about each other. ``first`` is the lower id."""

    first = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="+")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("different people")
        verbose_name_plural = _("different people")
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="different_people_once"),
            models.CheckConstraint(condition=models.Q(first__lt=models.F("second")), name="different_people_ordered"),
        ]

    def __str__(self):
        return f"{self.first_id} ≠ {self.second_id}"


class CandidateLanguage(models.Model):
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("language"), max_length=10, choices=spoken_language_choices)
    level = models.CharField(_("level"), max_length=2, choices=CefrLevel.choices)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["language"]
        constraints = [models.UniqueConstraint(fields=["candidate", "language"], name="candidate_language_once")]

    def __str__(self):
        return f"{language_name(self.language)} {self.level}"


class ConsentPurpose(models.TextChoices):
    SHARE_PROFILE = "share_profile", _("Share the profile with companies")
    CONTACT = "contact", _("Contact by e-mail or SMS")


class ConsentAction(models.TextChoices):
    GIVEN = "given", _("Given")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Each version of the consent text is a folder templates/candidates/consent/<version>/ with one file per
# language; a new wording is a new folder and a new entry here, and every consent records the version shown.
CONSENT_TEXT_VERSIONS = ("2026-1",)
CURRENT_CONSENT_VERSION = CONSENT_TEXT_VERSIONS[-1]


class AppendOnlyError(Exception):
    """Consent history is evidence: it only grows. Giving or withdrawing consent adds an entry."""


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("consent history cannot be updated")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AppendOnlyError("consent history cannot be updated")

    def delete(self):
        raise AppendOnlyError("consent history cannot be deleted")


class Consent(models.Model):
    """One entry of a candidate's consent history: given or withdrawn, for one purpose, with the version and
    language of the text shown and who recorded it. Append-only (also in the database: see migration 0002)."""

    candidate = models.ForeignKey(Candidate, on_delete=models.PROTECT, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=20, choices=ConsentPurpose.choices)
    action = models.CharField(_("consent"), max_length=10, choices=ConsentAction.choices)
    text_version = models.CharField(_("version of the text"), max_length=20)
    language = models.CharField(_("language of the text"), max_length=5, choices=document_language_choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("at"), default=timezone.now, editable=False)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consent history")
        ordering = ["-recorded_at", "-id"]
        indexes = [models.Index(fields=["candidate", "purpose", "-recorded_at"], name="consent_latest")]

    def __str__(self):
        return f"{self.candidate} · {self.get_purpose_display()} · {self.get_action_display()}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("consent history cannot be updated")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("consent history cannot be deleted")


# --- Screening (phase 2) ---------------------------------------------------------------------------------------


class ScreeningDecision(models.TextChoices):
    SELECTED = "selected", _("Selected")
    RESERVE = "reserve", _("Reserve")
    NOT_NOW = "not_now", _("Not now")


class DocumentType(models.TextChoices):
    """The residence document seen at screening: its type only, never a copy."""

    ORANGE_CARD = "orange_card", _("Orange card (asylum applicant, with work annotation)")
    A_CARD = "a_card", _("A card (limited stay)")
    B_CARD = "b_card", _("B card (unlimited stay)")
    F_CARD = "f_card", _("F / F+ card (family of an EU citizen)")
    SINGLE_PERMIT = "single_permit", _("Single permit (A card with work authorisation)")
    EU_ID = "eu_id", _("Belgian or EU identity card")
    OTHER = "other", _("Other document allowing work")
    NO_WORK = "no_work", _("Document without access to work")


class ScreeningRound(models.IntegerChoices):
    FIRST = 1, _("Screening")
    SECOND = 2, _("Second opinion")


def validate_rubric(value: int) -> None:
    if not 1 <= value <= 5:
        raise ValidationError(_("A score goes from 1 to 5."), code="out_of_range")


class Screening(models.Model):
    """One screener's view of a candidate in a campaign: rubric scores, tests, the residence document seen and —
    in the first round — the decision. A second round by another screener is a second opinion for calibration."""

    RUBRIC = ("motivation", "learning_ability", "experience", "competences", "communication")

    enrolment = models.ForeignKey("campaigns.Enrolment", on_delete=models.CASCADE, related_name="screenings")
    round = models.PositiveSmallIntegerField(_("round"), choices=ScreeningRound.choices, default=ScreeningRound.FIRST)
    screener = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("screener")
    )
    motivation = models.PositiveSmallIntegerField(_("motivation"), null=True, blank=True, validators=[validate_rubric])
    learning_ability = models.PositiveSmallIntegerField(
        _("learning ability"), null=True, blank=True, validators=[validate_rubric]
    )
    experience = models.PositiveSmallIntegerField(
        _("relevant experience"), null=True, blank=True, validators=[validate_rubric]
    )
    competences = models.PositiveSmallIntegerField(
        _("competences"), null=True, blank=True, validators=[validate_rubric]
    )
    communication = models.PositiveSmallIntegerField(
        _("communication"), null=True, blank=True, validators=[validate_rubric]
    )
    notes = EncryptedTextField(
        _("notes"), blank=True, help_text=_("For JobRoad only; never shown to companies. Stored encrypted.")
    )
    test_results = models.TextField(_("test results"), blank=True, help_text=_("e.g. Dutch A2 test, numeracy 7/10"))
    document_type = models.CharField(
        _("residence document seen"), max_length=20, choices=DocumentType.choices, blank=True
    )
    document_expires_on = models.DateField(_("valid until"), null=True, blank=True)
    decision = models.CharField(_("decision"), max_length=10, choices=ScreeningDecision.choices, blank=True)
    decision_reason = models.CharField(_("reason"), max_length=300, blank=True)
    screened_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("screening")
        verbose_name_plural = _("screenings")
        ordering = ["enrolment_id", "round"]
        constraints = [models.UniqueConstraint(fields=["enrolment", "round"], name="screening_round_once")]

    def __str__(self):
        return f"{self.enrolment} · {self.get_round_display()}"

    @property
    def scores(self) -> list[int | None]:
        return [getattr(self, name) for name in self.RUBRIC]

    @property
    def rubric_mean(self) -> float | None:
        filled = [score for score in self.scores if score is not None]
        return sum(filled) / len(filled) if filled else None

    def legal_access_on(self, day: date) -> bool | None:
        """The document seen wins over the derivation from status and dates: a document that allows work and is
        valid on ``day`` says yes, an expired one or one without access says no; none seen, the derivation."""
        if self.document_type == DocumentType.NO_WORK:
            return False
        if self.document_type:
            return self.document_expires_on is None or self.document_expires_on >= day
        return self.enrolment.candidate.eligible_on(day)
