"""The employer side: company details and vacancies (refined in the phase 1 capability)."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from jobroad.models import Organisation, OrganisationKind


class CefrLevel(models.TextChoices):
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"
    C1 = "C1", "C1"
    C2 = "C2", "C2"


class Company(models.Model):
    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.CASCADE,
        related_name="company",
        limit_choices_to={"kind": OrganisationKind.COMPANY},
    )
    enterprise_number = models.CharField(_("enterprise number"), max_length=12, blank=True)
    sector = models.CharField(_("sector"), max_length=120, blank=True)
    is_ambassador = models.BooleanField(_("ambassador company"), default=False)

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ["organisation__name"]

    def __str__(self):
        return self.organisation.name


class Vacancy(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="vacancies")
    title = models.CharField(_("title"), max_length=200)
    positions = models.PositiveSmallIntegerField(_("positions"), default=1, validators=[MinValueValidator(1)])
    language = models.CharField(_("required language"), max_length=10, blank=True)
    language_level = models.CharField(_("required level"), max_length=2, choices=CefrLevel.choices, blank=True)
    driving_licence_required = models.BooleanField(_("driving licence required"), default=False)
    is_open = models.BooleanField(_("open"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")
        ordering = ["company__organisation__name", "title"]

    def __str__(self):
        return f"{self.title} ({self.company})"
