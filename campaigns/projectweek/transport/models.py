"""A transport run: the pick-up of one reception centre's candidates on one project-week day. Its passengers are
never stored: they are the centre's candidates with a published interview that day (selectors.py), so a change
in the schedule changes them."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import engine


class TransportMode(models.TextChoices):
    VEHICLE = engine.VEHICLE, _("Vehicle with seats")
    PUBLIC_TRANSPORT = engine.PUBLIC_TRANSPORT, _("Public transport with tickets")


def thirty() -> int:
    return 30


def fifteen() -> int:
    return 15


class TransportRun(models.Model):
    project_week = models.ForeignKey("campaigns.ProjectWeek", on_delete=models.CASCADE, related_name="transport_runs")
    day = models.DateField(_("day"))
    reception_centre = models.ForeignKey(
        "jobroad.Organisation", on_delete=models.CASCADE, related_name="transport_runs",
        verbose_name=_("reception centre"),
    )  # fmt: skip
    mode = models.CharField(_("transport"), max_length=10, choices=TransportMode.choices, default=TransportMode.VEHICLE)
    places = models.PositiveSmallIntegerField(
        _("seats or tickets"), validators=[MinValueValidator(1), MaxValueValidator(99)]
    )
    vehicle = models.CharField(_("vehicle"), max_length=80, blank=True)
    escort = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("escort"),
    )  # fmt: skip
    escort_name = models.CharField(_("volunteer escort"), max_length=120, blank=True)
    pick_up_place = models.CharField(_("pick-up place"), max_length=200, blank=True)
    travel_minutes = models.PositiveSmallIntegerField(
        _("travel to the first stop (minutes)"), default=thirty, validators=[MaxValueValidator(240)]
    )
    margin_minutes = models.PositiveSmallIntegerField(
        _("margin (minutes)"), default=fifteen, validators=[MaxValueValidator(120)]
    )
    returns_at = models.TimeField(_("back at the centre at"), null=True, blank=True)
    # What the passengers and the escort were last told: {"departure": "HH:MM", "passengers": [enrolment pks],
    # "escort": user pk}.
    announced = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("transport run")
        verbose_name_plural = _("transport runs")
        ordering = ["day", "reception_centre__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["project_week", "day", "reception_centre"], name="transport_run_once")
        ]

    def __str__(self):
        return f"{self.reception_centre} · {self.day}"

    @property
    def place(self) -> str:
        """Where the candidates are picked up: the place given, else the centre's address."""
        return self.pick_up_place or self.reception_centre.address

    @property
    def escort_display(self) -> str:
        return self.escort.get_full_name() if self.escort else self.escort_name

    def as_engine_run(self) -> engine.Run:
        return engine.Run(
            key=self.pk, centre=self.reception_centre_id, centre_name=str(self.reception_centre), mode=self.mode,
            places=self.places, travel_minutes=self.travel_minutes, margin_minutes=self.margin_minutes,
        )  # fmt: skip


class StopPresence(models.Model):
    """Whether a passenger was there at one stop of a run, as the escort (or a coordinator) marked it on the day:
    at the pick-up (``participation`` empty) or at a company's stop. One row per passenger and stop; a mark sent
    again is the same mark, and of two marks the one made later on the phone (``marked_at``, the phone's clock)
    wins, whatever order they arrive in."""

    run = models.ForeignKey(TransportRun, on_delete=models.CASCADE, related_name="presences")
    enrolment = models.ForeignKey("campaigns.Enrolment", on_delete=models.CASCADE, related_name="stop_presences")
    participation = models.ForeignKey(
        "campaigns.Participation", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )  # None: the pick-up
    present = models.BooleanField(_("present"))
    marked_at = models.DateTimeField(_("marked at"))
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("marked by")
    )
    received_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("presence at a stop")
        verbose_name_plural = _("presences at stops")
        constraints = [
            models.UniqueConstraint(
                fields=["run", "enrolment"], condition=models.Q(participation__isnull=True), name="pickup_marked_once"
            ),
            models.UniqueConstraint(
                fields=["run", "enrolment", "participation"],
                condition=models.Q(participation__isnull=False),
                name="stop_marked_once",
            ),
        ]

    def __str__(self):
        return f"{self.run} · {self.enrolment_id} · {self.participation_id or 'pick-up'}: {self.present}"

    @property
    def at_pickup(self) -> bool:
        return self.participation_id is None
