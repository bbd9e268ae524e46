"""The matching's own models, registered from ``campaigns.models``: the coordinator's settings, what each run found,
and HR's question on a proposal before it decides (a short thread: HR asks, the campaign's coordinators get a to-do
and a mail, one of them answers, and HR reads the answer beside the blind profile)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class MatchingSettings(models.Model):
    """The limits a coordinator sets for a campaign's matching: kept with the campaign so a re-run uses them."""

    campaign = models.OneToOneField("campaigns.Campaign", on_delete=models.CASCADE, related_name="matching_settings")
    interviews_per_candidate = models.PositiveSmallIntegerField(
        _("interviews per candidate, at most"), default=2, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    candidates_per_vacancy = models.PositiveSmallIntegerField(
        _("candidates per vacancy, at most"), default=3, validators=[MinValueValidator(1), MaxValueValidator(30)]
    )
    max_commute_minutes = models.PositiveSmallIntegerField(
        _("longest commute (minutes)"), default=75, validators=[MinValueValidator(10), MaxValueValidator(240)]
    )
    # Empty: every level, up to the interviews per candidate (matching.engine: fairness in levels).
    fairness_levels = models.PositiveSmallIntegerField(
        _("fairness levels"), null=True, blank=True, validators=[MaxValueValidator(10)],
        help_text=_(
            "First as many candidates as possible get one interview, then as many as possible a second, and so on "
            "for this many levels; then the best fit. 0: the best fit only. Empty: every level."
        ),
    )  # fmt: skip

    class Meta:
        verbose_name = _("matching settings")
        verbose_name_plural = _("matching settings")

    def __str__(self):
        return f"{self.campaign}: matching settings"


class MatchingRun(models.Model):
    """What one run of the matching found, next to the greedy baseline on the same input."""

    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.CASCADE, related_name="matching_runs")
    run_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    run_at = models.DateTimeField(auto_now_add=True)
    eligible = models.PositiveIntegerField(_("eligible candidates"))
    covered = models.PositiveIntegerField(_("candidates with an interview"))
    total_fit = models.PositiveIntegerField(_("total fit"))
    best_fit = models.PositiveIntegerField(_("highest total fit, leaving people out"))
    greedy_covered = models.PositiveIntegerField()
    greedy_fit = models.PositiveIntegerField()
    problems = models.JSONField(default=list, blank=True)
    # Per number of fairness levels: its total fit, its price against one level fewer, the candidates with 0, 1, …
    # interviews (services.fairness_rows).
    levels = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-run_at", "-id"]
        get_latest_by = ["run_at", "id"]

    def __str__(self):
        return f"{self.campaign} · {self.run_at:%Y-%m-%d %H:%M}"

    @property
    def uncovered(self) -> int:
        return self.eligible - self.covered

    @property
    def price_of_fairness(self) -> int:
        """Fit given up so that nobody who could have an interview is left without one."""
        return self.best_fit - self.total_fit


class ProposalQuestion(models.Model):
    proposal = models.ForeignKey("campaigns.Proposal", on_delete=models.CASCADE, related_name="questions")
    question = models.TextField(_("question"))
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    asked_at = models.DateTimeField(_("asked at"))
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("question on a proposal")
        verbose_name_plural = _("questions on proposals")
        ordering = ["asked_at", "id"]

    def __str__(self):
        return self.question[:60]

    @property
    def is_open(self) -> bool:
        return not self.answered_at
