"""The jobseeker side: candidates and their languages (refined in the phase 1 capability)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from companies.models import CefrLevel
from jobroad.models import Organisation


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
    EU_CITIZEN = "eu_citizen", _("EU citizen")
    BELGIAN = "belgian", _("Belgian")


class TargetGroup(models.TextChoices):
    ASYLUM_APPLICANTS = "asylum_applicants", _("Asylum applicants")
    REFUGEES = "refugees", _("Recognised refugees")
    EX_DETAINEES = "ex_detainees", _("Ex-detainees")
    OVER_55 = "over_55", _("55-plus")
    NEET = "neet", _("NEET youth")


class Candidate(models.Model):
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, default=Gender.OTHER)
    birth_year = models.PositiveSmallIntegerField(_("birth year"), null=True, blank=True)
    nationality = models.CharField(_("nationality"), max_length=2, blank=True, help_text=_("ISO country code"))
    education_level = models.CharField(_("education level"), max_length=10, choices=EducationLevel.choices)
    residence_status = models.CharField(_("residence status"), max_length=30, choices=ResidenceStatus.choices)
    asylum_application_date = models.DateField(_("asylum application date"), null=True, blank=True)
    target_group = models.CharField(_("target group"), max_length=30, choices=TargetGroup.choices)
    has_driving_licence = models.BooleanField(_("driving licence"), default=False)
    reception_centre = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="residents"
    )
    registered_by = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="registered_candidates")
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="coachees"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        ordering = ["last_name", "first_name", "id"]

    def __str__(self):
        return f"{self.first_name} {self.last_name}"


class CandidateLanguage(models.Model):
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("language"), max_length=10, help_text=_("ISO 639 code"))
    level = models.CharField(_("level"), max_length=2, choices=CefrLevel.choices)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["language"]
        constraints = [models.UniqueConstraint(fields=["candidate", "language"], name="candidate_language_once")]

    def __str__(self):
        return f"{self.language} {self.level}"
