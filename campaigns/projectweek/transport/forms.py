"""The coordinator's form for one transport run: field and cross-field checks only (services.py writes)."""

from datetime import date

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from jobroad.models import Organisation, OrganisationKind, User

from ...models import Campaign
from ..inputs import project_week_days
from .models import TransportRun


def escorts(centres):
    """Who can escort a run: the active staff of JobRoad and of the campaign's candidates' reception centres."""
    staff = Q(memberships__organisation__kind=OrganisationKind.JOBROAD) | Q(memberships__organisation__in=centres)
    return User.objects.filter(staff, is_active=True).distinct()


class TransportRunForm(forms.ModelForm):
    day = forms.TypedChoiceField(label=_("Day"), coerce=date.fromisoformat)

    class Meta:
        model = TransportRun
        fields = [
            "day", "reception_centre", "mode", "places", "vehicle", "escort", "escort_name", "pick_up_place",
            "travel_minutes", "margin_minutes", "returns_at",
        ]  # fmt: skip
        widgets = {"returns_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M")}
        help_texts = {
            "places": _("The vehicle's seats for candidates, or the number of tickets."),
            "escort_name": _("A volunteer without an account; leave empty when a staff member escorts."),
            "pick_up_place": _("Leave empty for the reception centre's address."),
            "margin_minutes": _("Extra time before the first visit, for a late bus or a long walk."),
        }

    def __init__(self, *args, campaign: Campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        self.fields["day"].choices = [(d.isoformat(), date_format(d, "l j F")) for d in project_week_days(campaign)]
        if self.instance.pk:
            self.initial["day"] = self.instance.day.isoformat()
        self.fields["reception_centre"].queryset = Organisation.objects.filter(
            kind=OrganisationKind.RECEPTION_CENTRE, residents__enrolments__campaign=campaign
        ).distinct()
        self.fields["escort"].queryset = escorts(self.fields["reception_centre"].queryset)
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save the run")))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("escort") and cleaned.get("escort_name"):
            self.add_error("escort_name", _("Choose a staff member or give a volunteer's name, not both."))
        day, centre = cleaned.get("day"), cleaned.get("reception_centre")
        if day and centre:
            others = TransportRun.objects.filter(project_week__campaign=self.campaign, day=day, reception_centre=centre)
            if others.exclude(pk=self.instance.pk).exists():
                self.add_error(
                    "reception_centre", _("This centre already has a run that day: change that run instead.")
                )
        return cleaned
