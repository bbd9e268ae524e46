"""The register's form and the booking form: field checks only (services.py writes and enforces the rules)."""

from datetime import date

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from jobroad.languages import language_name, spoken_language_choices
from jobroad.phones import normalise_phone

from ...models import Campaign, CampaignPhase, Participation
from ..inputs import project_week_days
from .models import Interpreter


def _day_choices(days) -> list[tuple[str, str]]:
    return [(d.isoformat(), date_format(d, "l j F Y")) for d in sorted(days)]


def open_project_week_days() -> set[date]:
    """The days of the project weeks still to come: those of every campaign not yet in aftercare."""
    planned = Participation.objects.exclude(
        campaign__phase__in=[CampaignPhase.AFTERCARE, CampaignPhase.CLOSED]
    ).values_list("available_days", flat=True)
    return {date.fromisoformat(iso) for days in planned for iso in days}


class InterpreterForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=spoken_language_choices, widget=forms.SelectMultiple(attrs={"size": 8})
    )
    free_days = forms.TypedMultipleChoiceField(
        label=_("Free on"), coerce=date.fromisoformat, required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "The project-week days of the campaigns under way. The schedule counts an interpreter only on these."
        ),
    )  # fmt: skip

    class Meta:
        model = Interpreter
        fields = ["name", "kind", "organisation", "languages", "phone", "email", "cost_per_day", "active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        known = set(self.instance.free_days.values_list("day", flat=True)) if self.instance.pk else set()
        self.fields["free_days"].choices = _day_choices(open_project_week_days() | known)
        self.initial["free_days"] = [d.isoformat() for d in known]
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save the interpreter")))

    def clean_phone(self):
        phone = self.cleaned_data["phone"]
        return normalise_phone(phone) if phone else ""


class BookingForm(forms.Form):
    interpreter = forms.ModelChoiceField(label=_("Interpreter"), queryset=Interpreter.objects.none())
    day = forms.TypedChoiceField(label=_("Day"), coerce=date.fromisoformat)
    language = forms.ChoiceField(label=_("Language"))
    cost = forms.DecimalField(
        label=_("Cost (€)"), required=False, min_value=0, max_digits=7, decimal_places=2,
        help_text=_("Leave empty for the interpreter's cost per day."),
    )  # fmt: skip

    def __init__(self, *args, campaign: Campaign, languages: list[str], **kwargs):
        """``languages``: those the campaign's interviews need, offered first."""
        super().__init__(*args, **kwargs)
        interpreters = Interpreter.objects.filter(active=True)
        self.fields["interpreter"].queryset = interpreters
        self.fields["interpreter"].label_from_instance = lambda i: (
            f"{i} · {', '.join(language_name(code) for code in i.languages)}"
        )
        self.fields["day"].choices = _day_choices(project_week_days(campaign))
        spoken = {code for i in interpreters for code in i.languages}
        names = dict(spoken_language_choices())
        others = sorted(spoken - set(languages), key=lambda code: names.get(code, code))
        self.fields["language"].choices = [(code, names.get(code, code)) for code in [*languages, *others]]
        self.helper = FormHelper()
        self.helper.add_input(Submit("book", _("Book")))

    def clean(self):
        cleaned = super().clean()
        if (interpreter := cleaned.get("interpreter")) and cleaned.get("cost") is None:
            cleaned["cost"] = interpreter.cost_per_day
        return cleaned
