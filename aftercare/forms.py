from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from campaigns.forms import DATE
from jobroad.forms import PlausibleDatesMixin

from .models import CheckInIssue, CoachingContact, NotSuitableReason, PlacementRoute, ReferralOutcome
from .selectors import employer_organisations, referral_organisations
from .services import employer_objection

YES_NO = [("yes", _("Yes")), ("no", _("No"))]
SATISFACTION = [(str(score), str(score)) for score in range(1, 6)]


def _helper(label) -> FormHelper:
    helper = FormHelper()
    helper.add_input(Submit("save", label))
    return helper


EMPLOYER_HELP = _(
    "Temp work: the temp agency's branch (the company is the workplace). Article 60: the OCMW. "
    "Leave empty when the company itself employs the person."
)


def employer_field() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=_("Employer of record"), queryset=employer_organisations(), required=False, help_text=EMPLOYER_HELP
    )


class EmployerFitsRouteMixin:
    """The employer must fit the route (``services.employer_objection``); ``self.route`` or the form's ``route``."""

    def clean(self):
        cleaned = super().clean()
        route = cleaned.get("route", getattr(self, "route", None))
        objection = employer_objection(route, cleaned.get("employer")) if route else ""
        if objection and "employer" not in self.errors:
            self.add_error("employer", objection)
        return cleaned


class PlacementFromOfferForm(EmployerFitsRouteMixin, PlausibleDatesMixin, forms.Form):
    """``route`` is the offer's: the employer asked for depends on it."""

    starts_on = forms.DateField(label=_("Start date"), widget=DATE)
    hours_per_week = forms.IntegerField(label=_("Hours per week"), min_value=1, max_value=60, required=False)

    def __init__(self, *args, route: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.route = route
        self.fields["employer"] = employer_field()
        self.helper = _helper(_("Record the placement"))


class StartForm(forms.Form):
    """Nothing to fill in: the placement has started (today, as the history records)."""

    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class RouteForm(EmployerFitsRouteMixin, PlausibleDatesMixin, forms.Form):
    route = forms.ChoiceField(label=_("New route"), choices=PlacementRoute.choices)
    on = forms.DateField(label=_("From"), widget=DATE)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employer"] = employer_field()


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


# --- Referrals --------------------------------------------------------------------------------------------------

CONSENT_REFUSAL = _("Ask the candidate first: a referral shares their profile and needs their consent.")


class ReferralForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Refer to (a temp agency's branch or VDAB)"), queryset=referral_organisations()
    )
    send_to = forms.EmailField(
        label=_("E-mail address of the branch or consultant"),
        help_text=_("One e-mail goes there, with the blind profile's link; nothing else is shared."),
    )
    consent = forms.BooleanField(
        label=_("The candidate agrees to be referred, and to their blind profile being shared with this organisation"),
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("consent"):
            self.add_error("consent", CONSENT_REFUSAL)
        return cleaned


class ReferralAnswerForm(PlausibleDatesMixin, forms.Form):
    """The organisation's answer through the link, short enough for a phone."""

    outcome = forms.ChoiceField(label=_("What came of it?"), choices=ReferralOutcome.choices, widget=forms.RadioSelect)
    placed_starts_on = forms.DateField(label=_("Start date (if placed)"), widget=DATE, required=False)
    placed_workplace = forms.CharField(
        label=_("Client company or workplace (if placed)"), max_length=200, required=False
    )
    placed_hours = forms.IntegerField(label=_("Hours per week (if placed)"), min_value=1, max_value=60, required=False)
    not_suitable_reason = forms.ChoiceField(
        label=_("Why not (if not suitable)"), choices=[("", "—"), *NotSuitableReason.choices], required=False
    )

    def clean(self):
        cleaned = super().clean()
        outcome = cleaned.get("outcome")
        if outcome == ReferralOutcome.PLACED:
            if not cleaned.get("placed_starts_on") and "placed_starts_on" not in self.errors:
                self.add_error("placed_starts_on", _("Give the start date."))
            if not cleaned.get("placed_workplace", "").strip():
                self.add_error("placed_workplace", _("Give the client company or workplace."))
        if outcome == ReferralOutcome.NOT_SUITABLE and not cleaned.get("not_suitable_reason"):
            self.add_error("not_suitable_reason", _("Choose a reason."))
        return cleaned


class ReferralPlacementForm(PlausibleDatesMixin, forms.Form):
    """The coordinator confirms a "placed" answer: the workplace must be a company JobRoad knows."""

    company = forms.ModelChoiceField(label=_("Workplace (the client company)"), queryset=None)
    route = forms.ChoiceField(label=_("Route"), choices=PlacementRoute.choices, initial=PlacementRoute.TEMP_WORK)
    starts_on = forms.DateField(label=_("Start date"), widget=DATE)
    hours_per_week = forms.IntegerField(label=_("Hours per week"), min_value=1, max_value=60, required=False)

    def __init__(self, *args, companies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = companies
        self.helper = _helper(_("Record the placement"))


class AssignCoachForm(forms.Form):
    """The candidate's job coach, on the candidate's page: one field, not the whole record."""

    coach = forms.ModelChoiceField(label=_("Job coach"), queryset=None, required=False, empty_label=_("no coach"),
                                   widget=forms.Select(attrs={"class": "form-select form-select-sm"}))  # fmt: skip

    def __init__(self, *args, coaches, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coach"].queryset = coaches
