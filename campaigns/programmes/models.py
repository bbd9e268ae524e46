"""A funder's contract and its targets: the programme whose actions the campaigns are."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from jobroad.models import Organisation, OrganisationKind


def percentage_validators():
    return [MinValueValidator(0), MaxValueValidator(100)]


class FundingProgramme(models.Model):
    """A funder's contract (an AMIF project, an ESF+ call): its period, budget and targets for the whole period.
    Its campaigns are its actions; the programme page sets what they did against these targets."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    funder = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="funding_programmes",
        limit_choices_to={"kind": OrganisationKind.FUNDER},
        verbose_name=_("funder"),
    )
    reference = models.CharField(_("contract reference"), max_length=100, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    own_contribution = models.DecimalField(
        _("budget: own contribution (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    grant = models.DecimalField(_("budget: grant (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True)
    target_actions_per_year = models.PositiveSmallIntegerField(_("target: actions per year"), null=True, blank=True)
    target_candidates_per_action = models.PositiveSmallIntegerField(
        _("target: candidates per action"), null=True, blank=True
    )
    target_people = models.PositiveIntegerField(_("target: people in all"), null=True, blank=True)
    target_company_workshops = models.PositiveSmallIntegerField(
        _("target: workshops for companies"), null=True, blank=True
    )
    target_resident_workshops = models.PositiveSmallIntegerField(
        _("target: workshops for residents"), null=True, blank=True
    )
    target_companies_reached = models.PositiveIntegerField(_("target: companies reached"), null=True, blank=True)
    target_residents_reached = models.PositiveIntegerField(_("target: residents reached"), null=True, blank=True)
    # Outcome shares, where the contract has them: of the people in the programme, the share placed in work or
    # training, and the share at work within a year of registering.
    target_share_placed = models.PositiveSmallIntegerField(
        _("target: % placed"), null=True, blank=True, validators=percentage_validators()
    )
    target_share_activated = models.PositiveSmallIntegerField(
        _("target: % at work within a year"), null=True, blank=True, validators=percentage_validators()
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("funding programme")
        verbose_name_plural = _("funding programmes")
        ordering = ["-starts_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="programme_ends_after_start"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def years(self) -> list[int]:
        return list(range(self.starts_on.year, self.ends_on.year + 1))
