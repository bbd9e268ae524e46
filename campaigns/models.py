"""A matchmaking campaign and who takes part in it (phases are refined in the phase 1 capability)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from candidates.models import Candidate
from companies.models import Company
from jobroad.models import Organisation


class CampaignPhase(models.TextChoices):
    DRAFT = "draft", _("Draft")
    INTAKE = "intake", _("Workshops & intake")
    SCREENING = "screening", _("Screening")
    MATCHING = "matching", _("Matching")
    PROJECT_WEEK = "project_week", _("Project week")
    AFTERCARE = "aftercare", _("Aftercare")
    CLOSED = "closed", _("Closed")


class Campaign(models.Model):
    name = models.CharField(_("name"), max_length=200)
    region = models.CharField(_("region"), max_length=100, blank=True)
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
    funder = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="funded_campaigns"
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


class Participation(models.Model):
    """A company taking part in a campaign."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="participations")
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="participations")
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("participating company")
        verbose_name_plural = _("participating companies")
        constraints = [models.UniqueConstraint(fields=["campaign", "company"], name="participation_once")]

    def __str__(self):
        return f"{self.company} · {self.campaign}"


class Enrolment(models.Model):
    """A candidate registered into a campaign."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="enrolments")
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="enrolments")
    enrolled_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [models.UniqueConstraint(fields=["campaign", "candidate"], name="enrolment_once")]

    def __str__(self):
        return f"{self.candidate} · {self.campaign}"
