"""Aftercare (DESIGN §1, §4): a placement after a positive evaluation, its status over time, and the follow-up
check-ins that keep the person in the job until it becomes permanent."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign, Evaluation
from candidates.models import Candidate
from companies.models import Company, Vacancy


class PlacementRoute(models.TextChoices):
    TEMP_WORK = "temp_work", _("Temp work")
    WORKPLACE_LEARNING = "workplace_learning", _("Workplace learning (IBO)")
    ARTICLE_60 = "article_60", _("Article 60")
    TRAINING = "training", _("Training or internship")
    FIXED_TERM = "fixed_term", _("Fixed-term contract")
    OPEN_ENDED = "open_ended", _("Open-ended contract")


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
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="placements")
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


class PlacementChange(models.Model):
    """The history of a placement: its state after each change, who made it and why. Append-only."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="changes")
    status = models.CharField(max_length=15, choices=PlacementStatus.choices)
    route = models.CharField(max_length=20, choices=PlacementRoute.choices)
    starts_on = models.DateField()
    note = models.CharField(max_length=300, blank=True)
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


class CheckIn(models.Model):
    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="check_ins")
    offset_days = models.PositiveSmallIntegerField()
    audience = models.CharField(max_length=15, choices=CheckInAudience.choices)
    due_on = models.DateField(_("due on"))
    status = models.CharField(max_length=10, choices=CheckInStatus.choices, default=CheckInStatus.PENDING)
    answers = models.JSONField(default=dict, blank=True)
    at_risk = models.BooleanField(_("at risk"), default=False)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        ordering = ["due_on", "pk"]

    def __str__(self):
        return f"{self.placement} · {self.due_on} · {self.get_audience_display()}"
