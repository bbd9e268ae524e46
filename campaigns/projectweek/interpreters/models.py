"""The interpreter register and the bookings of a project week. An interpreter's contact details are for the
coordinators only; candidates and companies learn no more than "an interpreter will be there"."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from jobroad.languages import language_name, spoken_language_choices


class InterpreterKind(models.TextChoices):
    IN_HOUSE = "in_house", _("In-house")
    VOLUNTEER = "volunteer", _("Volunteer")
    SERVICE = "service", _("Social interpreting service")


class Interpreter(models.Model):
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=10, choices=InterpreterKind.choices)
    organisation = models.CharField(
        _("organisation"), max_length=120, blank=True, help_text=_("The interpreting service or employer, if any.")
    )
    languages = models.JSONField(_("languages"), default=list)  # codes of spoken_language_choices
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    cost_per_day = models.DecimalField(
        _("cost per day (€)"), max_digits=7, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0)], help_text=_("Proposed for each new booking; a volunteer may cost nothing."),
    )  # fmt: skip
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("interpreter")
        verbose_name_plural = _("interpreters")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    def speaks(self, language: str) -> bool:
        return language in self.languages

    @property
    def language_names(self) -> str:
        return ", ".join(language_name(code) for code in self.languages)


class InterpreterAvailability(models.Model):
    """A day the interpreter said they are free."""

    interpreter = models.ForeignKey(Interpreter, on_delete=models.CASCADE, related_name="free_days")
    day = models.DateField(_("day"))

    class Meta:
        ordering = ["day"]
        constraints = [models.UniqueConstraint(fields=["interpreter", "day"], name="interpreter_free_once_a_day")]

    def __str__(self):
        return f"{self.interpreter} · {self.day}"


class InterpreterBooking(models.Model):
    """An interpreter booked for one language on one day of a project week. One booking a day per interpreter,
    across campaigns: nobody interprets in two places at once."""

    project_week = models.ForeignKey(
        "campaigns.ProjectWeek", on_delete=models.CASCADE, related_name="interpreter_bookings"
    )
    interpreter = models.ForeignKey(
        Interpreter, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("interpreter")
    )
    day = models.DateField(_("day"))
    language = models.CharField(_("language"), max_length=10, choices=spoken_language_choices)
    cost = models.DecimalField(
        _("cost (€)"), max_digits=7, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    booked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("interpreter booking")
        verbose_name_plural = _("interpreter bookings")
        ordering = ["day", "language", "interpreter__name", "pk"]
        constraints = [models.UniqueConstraint(fields=["interpreter", "day"], name="interpreter_booked_once_a_day")]

    def __str__(self):
        return f"{self.interpreter} · {self.language} · {self.day}"
