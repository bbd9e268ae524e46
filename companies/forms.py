from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Company, Shift, StartRoute, Vacancy, normalise_enterprise_number


class EnterpriseNumberField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        return normalise_enterprise_number(value) if value else value


def with_submit(form: forms.BaseForm, label) -> None:
    form.helper = FormHelper()
    form.helper.add_input(Submit("save", label))


class NewCompanyForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    enterprise_number = EnterpriseNumberField(label=_("Enterprise number"), required=False, max_length=20)
    sector = forms.CharField(label=_("Sector"), max_length=120, required=False)
    street = forms.CharField(label=_("Street and number"), max_length=200, required=False)
    postal_code = forms.CharField(label=_("Postal code"), max_length=10, required=False)
    city = forms.CharField(label=_("City"), max_length=100, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        with_submit(self, _("Add company"))


class CompanyForm(forms.ModelForm):
    enterprise_number = EnterpriseNumberField(label=_("Enterprise number"), required=False, max_length=20)

    class Meta:
        model = Company
        fields = ["enterprise_number", "sector", "is_ambassador"]

    def __init__(self, *args, may_mark_ambassador: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_mark_ambassador:
            del self.fields["is_ambassador"]
        with_submit(self, _("Save"))


class VacancyForm(forms.ModelForm):
    shifts = forms.MultipleChoiceField(
        label=_("Shifts"), choices=Shift.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    start_routes = forms.MultipleChoiceField(
        label=_("Possible start routes"),
        choices=StartRoute.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Vacancy
        fields = [
            "title", "positions", "description", "required_competences", "nice_competences", "language",
            "language_level", "driving_licence_required", "shifts", "physical_demand", "start_routes",
            "contract_type", "is_open",
        ]  # fmt: skip
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "required_competences": forms.Textarea(attrs={"rows": 3}),
            "nice_competences": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].help_text = _("ISO code, e.g. nl, fr, en")
        with_submit(self, _("Save vacancy"))

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("language")) != bool(cleaned.get("language_level")):
            self.add_error("language_level", _("Give the language and its level together, or neither."))
        return cleaned
