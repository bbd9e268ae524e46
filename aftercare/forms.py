from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from campaigns.forms import DATE
from jobroad.forms import PlausibleDatesMixin

from .models import CheckInIssue, CoachingContact, PlacementRoute

YES_NO = [("yes", _("Yes")), ("no", _("No"))]
SATISFACTION = [(str(score), str(score)) for score in range(1, 6)]


def _helper(label) -> FormHelper:
    helper = FormHelper()
    helper.add_input(Submit("save", label))
    return helper


class PlacementFromOfferForm(PlausibleDatesMixin, forms.Form):
    starts_on = forms.DateField(label=_("Start date"), widget=DATE)
    hours_per_week = forms.IntegerField(label=_("Hours per week"), min_value=1, max_value=60, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Record the placement"))


class StartForm(forms.Form):
    """Nothing to fill in: the placement has started (today, as the history records)."""

    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class RouteForm(PlausibleDatesMixin, forms.Form):
    route = forms.ChoiceField(label=_("New route"), choices=PlacementRoute.choices)
    on = forms.DateField(label=_("From"), widget=DATE)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class MoveForm(PlausibleDatesMixin, forms.Form):
    starts_on = forms.DateField(label=_("New start date"), widget=DATE)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class EndForm(PlausibleDatesMixin, forms.Form):
    on = forms.DateField(label=_("Ended on"), widget=DATE)
    end_reason = forms.CharField(label=_("Why did it end?"), max_length=200)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


# The changes a coordinator can make on a placement's page, each with its own small form.
CHANGE_FORMS = {"start": StartForm, "route": RouteForm, "move": MoveForm, "end": EndForm}


class CheckInForm(forms.Form):
    """The check-in's questions, short enough for a phone."""

    still_working = forms.TypedChoiceField(
        label=_("Is the person still working there?"),
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    hours_per_week = forms.IntegerField(label=_("Hours per week"), min_value=0, max_value=60, required=False)
    satisfaction = forms.TypedChoiceField(
        label=_("How is it going? (1 = badly, 5 = very well)"),
        choices=SATISFACTION,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    issues = forms.MultipleChoiceField(
        label=_("Is anything getting in the way?"),
        choices=CheckInIssue.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    notes = forms.CharField(label=_("Anything else?"), max_length=4000, required=False,
                            widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip
    at_risk = forms.BooleanField(label=_("I am worried: JobRoad should get in touch"), required=False)


class CoachingContactForm(PlausibleDatesMixin, forms.ModelForm):
    class Meta:
        model = CoachingContact
        fields = ["happened_on", "channel", "topic", "notes", "next_action", "next_action_on"]
        widgets = {"happened_on": DATE, "next_action_on": DATE, "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Save the contact"))

    def clean(self):
        cleaned = super().clean()
        on, next_on = cleaned.get("happened_on"), cleaned.get("next_action_on")
        if on and next_on and next_on < on:
            self.add_error("next_action_on", _("The next action comes after the contact."))
        return cleaned
