from datetime import date, timedelta

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.core.validators import MinValueValidator
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from jobroad.forms import ModelMultipleChoiceField, PlausibleDatesMixin
from jobroad.models import Organisation, OrganisationKind

from .models import (
    PLANNED_PHASES,
    Attendance,
    Campaign,
    CampaignPhase,
    DropOutReason,
    EvaluationWaiver,
    FundingProgramme,
    HrAnswer,
    MatchingSettings,
    Outcome,
    Participation,
    StartRoute,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CampaignForm(PlausibleDatesMixin, forms.ModelForm):
    """The campaign's details, targets and the planned dates of each phase (``<phase>_from`` / ``_until``)."""

    class Meta:
        model = Campaign
        fields = [
            "name", "region", "target_group", "partners", "reception_centres", "screening_partners", "programme",
            "funder", "target_candidates", "target_companies", "target_workshops", "target_workshop_attendees",
        ]  # fmt: skip
        widgets = {
            "partners": forms.CheckboxSelectMultiple,
            "reception_centres": forms.CheckboxSelectMultiple,
            "screening_partners": forms.CheckboxSelectMultiple,
        }
        field_classes = {
            "partners": ModelMultipleChoiceField,
            "reception_centres": ModelMultipleChoiceField,
            "screening_partners": ModelMultipleChoiceField,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partners"].queryset = Organisation.objects.filter(
            kind__in=[OrganisationKind.INTERMEDIARY, OrganisationKind.RECEPTION_CENTRE, OrganisationKind.OCMW]
        )
        self.fields["reception_centres"].queryset = Organisation.objects.filter(kind=OrganisationKind.RECEPTION_CENTRE)
        # Outside partners whose screeners screen this campaign's candidates (and, as screeners, see nothing else);
        # the model field limits them to SCREENING_PARTNER_KINDS.
        self.fields["screening_partners"].help_text = _(
            "A VDAB office, a temp agency or an OCMW whose screeners score this campaign's candidates with you. "
            "Invite a screener into the organisation from its page."
        )
        self.fields["funder"].queryset = Organisation.objects.filter(kind=OrganisationKind.FUNDER)
        self.fields["programme"].queryset = FundingProgramme.objects.select_related("funder")
        self.fields["funder"].help_text = _("A programme's action has the programme's funder; leave it empty then.")
        planned = {plan.phase: plan for plan in self.instance.phase_plans.all()} if self.instance.pk else {}
        for phase in PLANNED_PHASES:
            label = CampaignPhase(phase).label
            plan = planned.get(phase)
            self.fields[f"{phase}_from"] = forms.DateField(
                label=_("%(phase)s from") % {"phase": label}, required=False, widget=DATE,
                initial=plan and plan.starts_on,
            )  # fmt: skip
            self.fields[f"{phase}_until"] = forms.DateField(
                label=_("%(phase)s until") % {"phase": label}, required=False, widget=DATE,
                initial=plan and plan.ends_on,
            )  # fmt: skip
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save")))

    def clean(self):
        cleaned = super().clean()
        programme, funder = cleaned.get("programme"), cleaned.get("funder")
        if programme and funder and funder != programme.funder:
            self.add_error("funder", _("The programme's funder is %(funder)s.") % {"funder": programme.funder})
        elif programme:
            cleaned["funder"] = programme.funder
        previous = None
        for phase in PLANNED_PHASES:
            starts_on, ends_on = cleaned.get(f"{phase}_from"), cleaned.get(f"{phase}_until")
            if bool(starts_on) != bool(ends_on):
                self.add_error(f"{phase}_until" if starts_on else f"{phase}_from", _("Give both dates, or neither."))
            elif starts_on and ends_on < starts_on:
                self.add_error(f"{phase}_until", _("A phase cannot end before it starts."))
            elif starts_on and previous and starts_on < previous:
                self.add_error(f"{phase}_from", _("This phase starts before the phase that comes before it."))
            previous = starts_on or previous
        return cleaned

    @property
    def plans(self) -> dict:
        return {
            phase: (self.cleaned_data[f"{phase}_from"], self.cleaned_data[f"{phase}_until"])
            for phase in PLANNED_PHASES
            if self.cleaned_data.get(f"{phase}_from") and self.cleaned_data.get(f"{phase}_until")
        }

    @property
    def details(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class FundingProgrammeForm(PlausibleDatesMixin, forms.ModelForm):
    """A funder's contract: its period, budget and targets for the whole period."""

    class Meta:
        model = FundingProgramme
        fields = [
            "name", "funder", "reference", "starts_on", "ends_on", "own_contribution", "grant",
            "target_actions_per_year", "target_candidates_per_action", "target_people", "target_company_workshops",
            "target_resident_workshops", "target_companies_reached", "target_residents_reached",
            "target_share_placed", "target_share_activated",
        ]  # fmt: skip
        widgets = {"starts_on": DATE, "ends_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["funder"].queryset = Organisation.objects.filter(kind=OrganisationKind.FUNDER)
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save")))

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The programme cannot end before it starts."))
        return cleaned


class CloneCampaignForm(PlausibleDatesMixin, forms.Form):
    name = forms.CharField(label=_("Name of the new campaign"), max_length=200)
    intake_starts_on = forms.DateField(
        label=_("Intake starts on"), widget=DATE, help_text=_("Every planned phase moves by the same number of days.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("clone", _("Clone")))


class StepBackForm(forms.Form):
    """A coordinator's step back one phase: the reason goes on the record, and a tick confirms it."""

    reason = forms.CharField(
        label=_("Why does the campaign step back?"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000
    )
    confirm = forms.BooleanField(label=_("Yes, move the campaign back one phase."))


def company_choice_label(company) -> str:
    # Ambassadors take candidates who were not retained elsewhere, so the coordinator wants to see them in the list.
    return _("%(company)s (ambassador)") % {"company": company} if company.is_ambassador else str(company)


class ParticipationForm(forms.ModelForm):
    """A company's part in a campaign: which project-week days it receives candidates, and how many."""

    available_days = forms.TypedMultipleChoiceField(
        label=_("Days the company receives candidates"),
        required=False,
        coerce=str,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Participation
        fields = [
            "company",
            "available_days",
            "visit_capacity",
            "interviewers",
            "slot_minutes",
            "visit_starts_at",
            "visit_minutes",
            "interviews_until",
            "meeting_point",
        ]
        widgets = {
            "visit_starts_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "interviews_until": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def __init__(self, *args, campaign: Campaign, companies=None, **kwargs):
        super().__init__(*args, **kwargs)
        if companies is None:
            del self.fields["company"]
        else:
            # The label names the company's organisation: joined, not read once per option.
            self.fields["company"].queryset = companies.exclude(participations__campaign=campaign).select_related(
                "organisation"
            )
            self.fields["company"].label_from_instance = company_choice_label
        week = campaign.phase_plans.filter(phase=CampaignPhase.PROJECT_WEEK).first()
        days = (
            [week.starts_on + timedelta(days=n) for n in range((week.ends_on - week.starts_on).days + 1)]
            if week
            else []
        )
        self.fields["available_days"].choices = [(day.isoformat(), date_format(day, "l j F")) for day in days]
        for name in ("visit_starts_at", "visit_minutes", "interviews_until"):
            self.fields[name].required = False  # left empty: the current value (at first the usual day)
        self.fields["slot_minutes"].validators.append(MinValueValidator(10))
        self.fields["interviewers"].validators.append(MinValueValidator(1))
        self.fields["visit_capacity"].validators.append(
            MinValueValidator(1, message=_("A guided visit takes at least one candidate."))
        )
        self.fields["visit_capacity"].widget.attrs["min"] = 1
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save")))

    def clean(self):
        cleaned = super().clean()
        for name in ("visit_starts_at", "visit_minutes", "interviews_until"):
            if cleaned.get(name) is None and name not in self.errors:
                cleaned[name] = getattr(self.instance, name)
        start, length, until = (cleaned.get(f) for f in ("visit_starts_at", "visit_minutes", "interviews_until"))
        slot = cleaned.get("slot_minutes")
        if start and length and until and slot:
            visit_end = start.hour * 60 + start.minute + length
            if visit_end + slot > until.hour * 60 + until.minute:
                self.add_error(
                    "interviews_until", _("After the guided visit there is no time left for even one interview.")
                )
        return cleaned


class MoveInterviewForm(forms.Form):
    day = forms.TypedChoiceField(label=_("Day"), coerce=date.fromisoformat)
    starts_at = forms.TimeField(label=_("Interview at"), widget=forms.TimeInput(attrs={"type": "time"}))

    def __init__(self, *args, interview, **kwargs):
        super().__init__(*args, **kwargs)
        days = [date.fromisoformat(iso) for iso in sorted(interview.participation.available_days)]
        self.fields["day"].choices = [(d.isoformat(), date_format(d, "l j F")) for d in days]


class MatchingSettingsForm(forms.ModelForm):
    class Meta:
        model = MatchingSettings
        fields = ["interviews_per_candidate", "candidates_per_vacancy", "max_commute_minutes", "fairness_levels"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        levels = self.fields["fairness_levels"]
        levels.widget = forms.Select(
            choices=[("", _("All (as many interviews as allowed)")), *((n, n) for n in range(11))]
        )

    def clean(self):
        cleaned = super().clean()
        levels, most = cleaned.get("fairness_levels"), cleaned.get("interviews_per_candidate")
        if levels is not None and most and levels > most:
            self.add_error("fairness_levels", _("At most the interviews per candidate (%(count)s).") % {"count": most})
        return cleaned


class ProposalAnswerForm(forms.Form):
    answer = forms.ChoiceField(label=_("Would you like to meet this candidate?"), choices=HrAnswer.choices,
                               widget=forms.RadioSelect)  # fmt: skip
    comment = forms.CharField(
        label=_("Comment or question"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("answer") == HrAnswer.QUESTION and not cleaned.get("comment", "").strip():
            self.add_error("comment", _("Write your question, so the coordinator can answer it."))
        return cleaned


class EvaluationForm(PlausibleDatesMixin, forms.Form):
    """HR's evaluation, on a phone: big radio buttons, only what is needed; the service checks the combination."""

    attendance = forms.ChoiceField(label=_("Did the candidate come?"), choices=Attendance.choices,
                                   widget=forms.RadioSelect)  # fmt: skip
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices, required=False, widget=forms.RadioSelect)
    start_route = forms.ChoiceField(
        label=_("How would the candidate start?"), choices=[("", "—"), *StartRoute.choices], required=False
    )
    proposed_start = forms.DateField(label=_("Proposed start date"), required=False, widget=DATE)
    feedback = forms.CharField(
        label=_("Feedback for the candidate and JobRoad"), required=False, max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip


class EvaluationWaiverForm(forms.Form):
    """A coordinator's "no evaluation needed": the interview never took place, and why."""

    because = forms.ChoiceField(label=_("Why is no evaluation needed?"), choices=EvaluationWaiver.by_hand,
                                widget=forms.RadioSelect)  # fmt: skip


class ReportScopeForm(forms.Form):
    """The report's scope, read from the URL so a view can be bookmarked: one campaign or one funding programme
    (or everything the user sees), over a period the subclass asks for."""

    campaign = forms.ModelChoiceField(label=_("Campaign"), queryset=Campaign.objects.none(), required=False)
    programme = forms.ModelChoiceField(
        label=_("Funding programme"), queryset=FundingProgramme.objects.none(), required=False, empty_label=_("All")
    )
    # A whole calendar year (of a programme, say), instead of the period fields: a year nests with the quarters and
    # months a funder may choose, so it tells nothing they could not subtract already.
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, campaigns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = campaigns
        programmes = FundingProgramme.objects.filter(pk__in=campaigns.values("programme"))
        self.fields["programme"].queryset = programmes
        years = {year for programme in programmes for year in programme.years}
        self.fields["year"].choices = [("", _("Any")), *((y, y) for y in sorted(years, reverse=True))]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("campaign") and cleaned.get("programme"):
            self.add_error("programme", _("Choose a campaign or a funding programme, not both."))
        return cleaned

    def scope(self) -> dict:
        """The keyword arguments of ``reports.report_scope``; everything the user sees when the form is invalid."""
        if not self.is_valid():
            return {"campaign": None, "programme": None, "starts_on": None, "ends_on": None}
        data = self.cleaned_data
        if data.get("year"):
            bounds = {"starts_on": date(data["year"], 1, 1), "ends_on": date(data["year"], 12, 31)}
        else:
            bounds = self.period_bounds()
        return {"campaign": data["campaign"], "programme": data["programme"], **bounds}

    def period_bounds(self) -> dict:
        raise NotImplementedError


class ReportFilterForm(PlausibleDatesMixin, ReportScopeForm):
    """For those who see small counts anyway (coordinators): any period, to the day."""

    starts_on = forms.DateField(label=_("From"), required=False, widget=DATE)
    ends_on = forms.DateField(label=_("Until"), required=False, widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs["class"] = "form-control" if name in ("starts_on", "ends_on") else "form-select"

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The period ends before it starts."))
        return cleaned

    def period_bounds(self) -> dict:
        return {"starts_on": self.cleaned_data["starts_on"], "ends_on": self.cleaned_data["ends_on"]}


class FunderReportFilterForm(ReportScopeForm):
    """For those who do not see small counts (funder viewers): a period is one of ``reports.funder_periods`` —
    a choice, never days of their own choosing, since two reports a day apart tell that day's registrations."""

    period = forms.ChoiceField(label=_("Period"), required=False)

    def __init__(self, *args, periods, **kwargs):
        super().__init__(*args, **kwargs)
        self.periods = {period.key: period for period in periods}
        groups = {"quarter": _("Quarters"), "month": _("Months")}
        self.fields["period"].choices = [
            *((period.key, period.label) for period in periods if period.kind not in groups),
            *((label, [(p.key, p.label) for p in periods if p.kind == kind]) for kind, label in groups.items()),
        ]
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"

    def period_bounds(self) -> dict:
        period = self.periods[self.cleaned_data["period"]]
        return {"starts_on": period.starts_on, "ends_on": period.ends_on}


class DropOutForm(PlausibleDatesMixin, forms.Form):
    reason = forms.ChoiceField(label=_("Why?"), choices=DropOutReason.choices)
    on = forms.DateField(label=_("Since"), widget=DATE)


class EnrolAgainForm(forms.Form):
    campaign = forms.ModelChoiceField(label=_("Campaign"), queryset=None)

    def __init__(self, *args, campaigns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = campaigns
