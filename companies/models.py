"""The employer side: company details, the blind-hiring pledge and vacancies."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
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


def normalise_enterprise_number(value: str) -> str:
    """A Belgian enterprise number (KBO/BCE) as ``0123.456.789``; refuses a number whose check digits are
    wrong (the last two digits are 97 minus the first eight modulo 97)."""
    digits = re.sub(r"[\s.\-]|^BE", "", value.strip().upper())
    if len(digits) == 9:
        digits = "0" + digits  # numbers given before 2023 often drop the leading 0
    if not re.fullmatch(r"[01]\d{9}", digits) or 97 - int(digits[:8]) % 97 != int(digits[8:]):
        raise ValidationError(
            _("%(value)s is not a valid enterprise number (10 digits, e.g. 0123.456.749)."),
            code="invalid",
            params={"value": value},
        )
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"


class Shift(models.TextChoices):
    DAY = "day", _("Day")
    EARLY = "early", _("Early")
    LATE = "late", _("Late")
    NIGHT = "night", _("Night")
    WEEKEND = "weekend", _("Weekend")


class StartRoute(models.TextChoices):
    TEMP_WORK = "temp_work", _("Temporary work")
    IBO = "ibo", _("Workplace learning (IBO)")
    ARTICLE_60 = "article_60", _("Article 60")
    TRAINING = "training", _("Training or internship")
    FIXED_TERM = "fixed_term", _("Fixed-term contract")
    OPEN_ENDED = "open_ended", _("Open-ended contract")


class PhysicalDemand(models.TextChoices):
    LIGHT = "light", _("Light")
    MEDIUM = "medium", _("Medium")
    HEAVY = "heavy", _("Heavy")


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
    # The blind-hiring pledge: no CV asked. Who signed it and when is kept as evidence.
    pledge_signed_at = models.DateTimeField(_("blind-hiring pledge signed"), null=True, blank=True)
    pledge_signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

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
    description = models.TextField(_("what the job is"), blank=True)
    required_competences = models.TextField(_("required competences"), blank=True, help_text=_("One per line."))
    nice_competences = models.TextField(_("nice-to-have competences"), blank=True, help_text=_("One per line."))
    shifts = models.JSONField(_("shifts"), default=list, blank=True)
    physical_demand = models.CharField(_("physical demands"), max_length=10, choices=PhysicalDemand.choices, blank=True)
    start_routes = models.JSONField(_("possible start routes"), default=list, blank=True)
    contract_type = models.CharField(_("contract type"), max_length=20, choices=StartRoute.choices, blank=True)
    is_open = models.BooleanField(_("open"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")
        ordering = ["company__organisation__name", "title"]

    def __str__(self):
        return f"{self.title} ({self.company})"
