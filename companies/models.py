"""The employer side: company details, the blind-hiring pledge and vacancies."""

import re
import unicodedata
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from jobroad.languages import language_name, spoken_language_choices
from jobroad.models import Organisation, OrganisationKind

from .sectors import Sector


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


class Vocabulary(models.Model):
    """A term of the managed vocabulary: curated, or loaded from the ESCO download by ``import_esco``.

    Labels are kept per language (``{"nl": …, "fr": …, "en": …}``) because ESCO ships one file per
    language and a term is shown in the reader's language, falling back to Dutch, then English.
    """

    esco_uri = models.CharField(_("ESCO URI"), max_length=255, blank=True)
    labels = models.JSONField(_("labels"), default=dict)

    class Meta:
        abstract = True
        constraints = [
            models.UniqueConstraint(
                fields=["esco_uri"], condition=~models.Q(esco_uri=""), name="%(class)s_esco_uri_once"
            )
        ]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        return self.label_in(get_language() or settings.LANGUAGE_CODE)

    def label_in(self, language: str) -> str:
        """The label in ``language`` (``nl-be`` reads as ``nl``), else Dutch, else English, else any."""
        labels = self.labels or {}
        language = language.lower().split("-")[0]
        return labels.get(language) or labels.get("nl") or labels.get("en") or next(iter(labels.values()), "")


def label_sort_key(label: str) -> str:
    """Sorts labels the way a reader expects: ignoring case and accents (``élagueur`` next to ``elektricien``)."""
    decomposed = unicodedata.normalize("NFKD", label)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


class Occupation(Vocabulary):
    """An occupation, with its ISCO-08 unit group (4 digits) so reports and matching can group by it."""

    isco_code = models.CharField(_("ISCO-08 code"), max_length=4, blank=True, db_index=True)

    class Meta(Vocabulary.Meta):
        verbose_name = _("occupation")
        verbose_name_plural = _("occupations")
        ordering = ["isco_code", "id"]


# ISCO-08 major groups, the first digit of a code: pickers group occupations by them.
ISCO_MAJOR_GROUPS = {
    "0": _("Armed forces occupations"),
    "1": _("Managers"),
    "2": _("Professionals"),
    "3": _("Technicians and associate professionals"),
    "4": _("Clerical support workers"),
    "5": _("Service and sales workers"),
    "6": _("Skilled agricultural, forestry and fishery workers"),
    "7": _("Craft and related trades workers"),
    "8": _("Plant and machine operators and assemblers"),
    "9": _("Elementary occupations"),
}


class CompetenceKind(models.TextChoices):
    SKILL = "skill", _("Skill")
    KNOWLEDGE = "knowledge", _("Knowledge")


class Competence(Vocabulary):
    kind = models.CharField(_("kind"), max_length=10, choices=CompetenceKind.choices, default=CompetenceKind.SKILL)

    class Meta(Vocabulary.Meta):
        verbose_name = _("competence")
        verbose_name_plural = _("competences")
        ordering = ["id"]


class PipelineStage(models.TextChoices):
    """Where a company stands in the employer network, in order: each stage is further than the one before."""

    LEAD = "lead", _("Lead")
    CONTACTED = "contacted", _("Contacted")
    COMMITTED = "committed", _("Committed (pledge)")
    TAKING_PART = "taking_part", _("Taking part")
    AMBASSADOR = "ambassador", _("Ambassador")

    @classmethod
    def rank(cls, stage: str) -> int:
        return cls.values.index(stage)

    @classmethod
    def at_least(cls, stage: str) -> list[str]:
        """The stage and every stage after it."""
        return cls.values[cls.rank(stage) :]


class CompanySource(models.TextChoices):
    VOKA = "voka", _("Voka")
    OWN_NETWORK = "own_network", _("Own network")
    TEMP_AGENCY = "temp_agency", _("A temp agency")
    PREVIOUS_CAMPAIGN = "previous_campaign", _("A previous campaign")
    OTHER = "other", _("Other")


class Company(models.Model):
    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.CASCADE,
        related_name="company",
        limit_choices_to={"kind": OrganisationKind.COMPANY},
    )
    enterprise_number = models.CharField(_("enterprise number"), max_length=12, blank=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, blank=True)
    is_ambassador = models.BooleanField(_("ambassador company"), default=False)
    # The blind-hiring pledge: no CV asked. Who signed it and when is kept as evidence.
    pledge_signed_at = models.DateTimeField(_("blind-hiring pledge signed"), null=True, blank=True)
    pledge_signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The employer network (coordinators only). The stage is written by ``services.move_company_along_pipeline``
    # alone, which keeps ``is_ambassador`` equal to "the stage is ambassador"; a company in a campaign is shown as
    # at least taking part, whatever was recorded (``shown_stage``).
    stage = models.CharField(_("stage"), max_length=12, choices=PipelineStage.choices, default=PipelineStage.LEAD)
    source = models.CharField(_("source"), max_length=20, choices=CompanySource.choices, blank=True)
    account_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_companies",
        verbose_name=_("account owner"),
    )

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ["organisation__name"]

    def __str__(self):
        return self.organisation.name

    def shown_stage(self, *, takes_part: bool) -> str:
        """The stage the network shows: the recorded one, raised to ambassador for a company marked as one and
        to taking part for a company in a campaign (``takes_part``) — reality wins over a stale record."""
        return shown_stage(self.stage, is_ambassador=self.is_ambassador, takes_part=takes_part)


def shown_stage(stage: str, *, is_ambassador: bool, takes_part: bool) -> str:
    floor = PipelineStage.AMBASSADOR if is_ambassador else PipelineStage.TAKING_PART if takes_part else stage
    return max(stage, floor, key=PipelineStage.rank)


class StageChange(models.Model):
    """Append-only history of a company's pipeline stage: who moved it, when, from where to where, and why
    when it moved back."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(max_length=12, choices=PipelineStage.choices)
    to_stage = models.CharField(max_length=12, choices=PipelineStage.choices)
    reason = models.TextField(_("reason"), blank=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    changed_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")
        ordering = ["changed_at", "id"]

    def __str__(self):
        return f"{self.company_id}: {self.from_stage} → {self.to_stage}"

    @property
    def is_step_back(self) -> bool:
        return PipelineStage.rank(self.to_stage) < PipelineStage.rank(self.from_stage)


class ContactMethod(models.TextChoices):
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("E-mail")
    VISIT = "visit", _("Visit")
    EVENT = "event", _("Event")
    OTHER = "other", _("Other")


class ContactLogEntry(models.Model):
    """One contact with a company, kept by the network's coordinators (never shown to the company's HR)."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="contact_log")
    contacted_on = models.DateField(_("date"))
    method = models.CharField(_("how"), max_length=10, choices=ContactMethod.choices)
    contact_person = models.CharField(_("who (at the company)"), max_length=150)
    summary = models.TextField(_("what"))
    next_step = models.CharField(_("next step"), max_length=300, blank=True)
    next_step_on = models.DateField(_("next step by"), null=True, blank=True)
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    written_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("contact log entry")
        verbose_name_plural = _("contact log")
        ordering = ["-contacted_on", "-id"]

    def __str__(self):
        return f"{self.company_id} · {self.contacted_on} · {self.method}"


class NetworkTarget(models.Model):
    """What the network aims for in a year (Voka: "100 companies a year, 150 committed")."""

    year = models.PositiveSmallIntegerField(
        _("year"), unique=True, validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    companies_reached = models.PositiveIntegerField(_("companies reached"))
    companies_committed = models.PositiveIntegerField(_("companies committed"))

    class Meta:
        verbose_name = _("network target")
        verbose_name_plural = _("network targets")
        ordering = ["-year"]

    def __str__(self):
        return str(self.year)


class SecondChanceWillingness(models.TextChoices):
    YES = "yes", _("Takes second-chance candidates")
    ASK = "ask", _("Ask first")
    NO = "no", _("Does not take second-chance candidates")


class AmbassadorProfile(models.Model):
    """What an ambassador company does for the network; the second-chance list reads ``second_chance``."""

    company = models.OneToOneField(Company, on_delete=models.CASCADE, related_name="ambassador_profile")
    testimony = models.TextField(_("testimony"), blank=True)
    hosts_workshops = models.BooleanField(_("hosts a workshop"), default=False)
    second_chance = models.CharField(
        _("second-chance candidates"),
        max_length=3,
        choices=SecondChanceWillingness.choices,
        default=SecondChanceWillingness.ASK,
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("ambassador profile")
        verbose_name_plural = _("ambassador profiles")

    def __str__(self):
        return str(self.company_id)


class Site(models.Model):
    """A place where a company's people work; a vacancy is at one of them, and candidates travel there."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="sites")
    name = models.CharField(_("name"), max_length=120)
    street = models.CharField(_("street and number"), max_length=200)
    postal_code = models.CharField(_("postal code"), max_length=10)
    city = models.CharField(_("city"), max_length=100)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))],
    )

    class Meta:
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        ordering = ["name", "id"]
        constraints = [models.UniqueConstraint(fields=["company", "name"], name="site_unique_name_per_company")]

    def __str__(self):
        return f"{self.name} ({self.city})" if self.city and self.city != self.name else self.name

    @property
    def address(self) -> str:
        return ", ".join(part for part in (self.street, f"{self.postal_code} {self.city}".strip()) if part)

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def clean(self):
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            raise ValidationError({missing: _("Give both coordinates (latitude and longitude), or neither.")})


class Vacancy(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="vacancies")
    site = models.ForeignKey(
        Site, on_delete=models.PROTECT, null=True, blank=True, related_name="vacancies", verbose_name=_("site")
    )
    title = models.CharField(_("title"), max_length=200)
    occupation = models.ForeignKey(
        Occupation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vacancies",
        verbose_name=_("occupation"),
    )
    positions = models.PositiveSmallIntegerField(_("positions"), default=1, validators=[MinValueValidator(1)])
    # A code of the platform's languages: matching compares it with the candidates' languages.
    language = models.CharField(_("required language"), max_length=10, choices=spoken_language_choices, blank=True)
    language_level = models.CharField(_("required level"), max_length=2, choices=CefrLevel.choices, blank=True)
    driving_licence_required = models.BooleanField(_("driving licence required"), default=False)
    description = models.TextField(_("what the job is"), blank=True)
    required_competences = models.ManyToManyField(
        Competence, blank=True, related_name="required_by", verbose_name=_("required competences")
    )
    nice_competences = models.ManyToManyField(
        Competence, blank=True, related_name="nice_for", verbose_name=_("nice-to-have competences")
    )
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

    @property
    def language_requirement(self) -> str:
        """``Dutch A2`` in the reader's language; empty when no language is asked."""
        if not self.language:
            return ""
        return f"{language_name(self.language)} {self.language_level}".strip()

    def clean(self):
        if self.site_id is not None and self.company_id is not None and self.site.company_id != self.company_id:
            raise ValidationError({"site": _("This site belongs to another company.")})
