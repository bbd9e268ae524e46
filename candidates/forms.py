from dataclasses import dataclass
from datetime import date

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row, Submit
from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from companies.forms import VocabularyMultipleChoiceField
from companies.models import Competence, Occupation, Shift
from companies.sectors import Sector
from jobroad.forms import PlausibleDatesMixin
from jobroad.models import Organisation, OrganisationKind

from .choices import document_language_choices
from .models import (
    Candidate,
    CandidateLanguage,
    ConsentAction,
    ConsentPurpose,
    DiplomaRecognition,
    ResidenceStatus,
    Screening,
    ScreeningDecision,
    ScreeningRound,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


@dataclass(frozen=True)
class Section:
    """A fieldset of a long form that folds away (``<details>``): its bound fields and its error count."""

    slug: str
    legend: str
    fields: list
    errors: int
    open: bool


def error_summary(*forms_and_formsets) -> list[tuple[str, str, str]]:
    """Every error of the forms and formsets of one page as (link target, field label, message), in the page's
    order, for the summary at the top (the GOV.UK pattern); an error of a whole form links to its first field."""
    summary = []
    for form in forms_and_formsets:
        if isinstance(form, forms.BaseFormSet):
            first = form.forms[0] if form.forms else None
            for error in form.non_form_errors():
                summary.append((f"#{first[next(iter(first.fields))].id_for_label}" if first else "", "", error))
            summary.extend(error_summary(*form.forms))
            continue
        if not form.is_bound:
            continue
        first = next((field for field in form if not field.is_hidden), None)
        summary.extend((f"#{first.id_for_label}" if first else "", "", error) for error in form.non_field_errors())
        for field in form:
            summary.extend((f"#{field.id_for_label}", str(field.label), error) for error in field.errors)
    return summary


# The fields the duplicate check compares (candidates.selectors.likely_duplicates).
IDENTITY = ("first_name", "last_name", "birth_year", "nationality", "reference_number")


class CandidateForm(PlausibleDatesMixin, forms.ModelForm):
    """A candidate's details. The same form registers a candidate, edits one, and checks one row of an
    import: pass ``registering_organisations`` to ask who registers (registration only) and ``coaches`` to
    offer a job coach. Field and cross-field checks only; the duplicate check is a selector."""

    competences = VocabularyMultipleChoiceField(Competence.objects.all(), label=_("Competences"), required=False)
    desired_occupations = VocabularyMultipleChoiceField(
        Occupation.objects.all(), label=_("Desired occupations"), required=False
    )
    desired_sectors = forms.MultipleChoiceField(
        label=_("Desired sectors"), choices=Sector.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    available_shifts = forms.MultipleChoiceField(
        label=_("Can work"), choices=Shift.choices, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Candidate
        fields = [
            "first_name", "last_name", "reference_number", "gender", "birth_year", "nationality",
            "residence_status", "asylum_application_date", "asylum_negative_decision_on", "temporary_protection_on",
            "reception_centre", "street", "postal_code", "city", "preferred_language", "phone", "email",
            "education_level", "diploma_recognition", "diploma_recognition_on", "experience_summary", "competences",
            "desired_occupations", "desired_sectors",
            "has_driving_licence", "available_from", "available_shifts", "availability_note", "dietary_need",
            "target_group", "registered_by", "coach",
        ]  # fmt: skip
        widgets = {
            "experience_summary": forms.Textarea(attrs={"rows": 3}),
            "asylum_application_date": DATE,
            "asylum_negative_decision_on": DATE,
            "temporary_protection_on": DATE,
            "diploma_recognition_on": DATE,
            "available_from": DATE,
        }

    def __init__(self, *args, registering_organisations=None, coaches=None, **kwargs):
        super().__init__(*args, **kwargs)
        if registering_organisations is None:
            del self.fields["registered_by"]
        else:
            self.fields["registered_by"].queryset = registering_organisations
            self.fields["registered_by"].empty_label = None
            only = list(registering_organisations[:2])
            if len(only) == 1:  # an intermediary of one organisation: nothing to choose
                self.fields["registered_by"].initial = only[0]
                self.fields["registered_by"].widget = forms.HiddenInput()
        if coaches is None:
            del self.fields["coach"]
        else:
            self.fields["coach"].queryset = coaches
        self.fields["reception_centre"].queryset = Organisation.objects.filter(kind=OrganisationKind.RECEPTION_CENTRE)
        self.fields["birth_year"].widget.attrs.update({"inputmode": "numeric", "min": 1920, "max": date.today().year})
        self.fields["diploma_recognition"].required = False  # not given: not applicable
        self.fields["phone"].help_text = _("Only for reminders the candidate agreed to.")
        self.fields["preferred_language"].help_text = _("Printed documents and messages use this language.")
        self.fields["dietary_need"].help_text = _(
            "Only if the candidate wants it known, for lunch in the project week. Counted, never shown to "
            "companies, never exported."
        )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(*self.fieldsets())

    # The form's sections, in order: (slug, legend, fields). A section folds away on a phone once it is right.
    GROUPS = (
        (
            "identity",
            _("Identity"),
            ("first_name", "last_name", "reference_number", "gender", "birth_year", "nationality"),
        ),
        (
            "legal",
            _("Legal access to work"),
            ("residence_status", "asylum_application_date", "asylum_negative_decision_on", "temporary_protection_on"),
        ),
        (
            "residence",
            _("Residence and contact"),
            ("reception_centre", "street", "postal_code", "city", "preferred_language", "phone", "email"),
        ),
        (
            "skills",
            _("Skills and wishes"),
            (
                "education_level",
                "diploma_recognition",
                "diploma_recognition_on",
                "experience_summary",
                "competences",
                "desired_occupations",
                "desired_sectors",
                "has_driving_licence",
                "available_from",
                "available_shifts",
                "availability_note",
            ),
        ),
        ("project_week", _("Project week"), ("dietary_need",)),
        ("follow_up", _("Follow-up"), ("target_group", "registered_by", "coach")),
    )

    def fieldsets(self) -> list[Fieldset]:
        return [
            Fieldset(legend, *[name for name in names if name in self.fields], css_class="mb-3")
            for _slug, legend, names in self.GROUPS
        ]

    @property
    def sections(self) -> list["Section"]:
        """The sections with their bound fields and how many errors each has. After a failed submit only the
        sections with an error are open; otherwise all are, so nothing to fill in is hidden."""
        failed = self.is_bound and bool(self.errors)
        sections = []
        for slug, legend, names in self.GROUPS:
            fields = [self[name] for name in names if name in self.fields]
            errors = sum(len(field.errors) for field in fields)
            sections.append(Section(slug, legend, fields, errors, open=not failed or errors > 0))
        return sections

    def clean(self):
        cleaned = super().clean()
        applied_on, refused_on = cleaned.get("asylum_application_date"), cleaned.get("asylum_negative_decision_on")
        if cleaned.get("residence_status") == ResidenceStatus.ASYLUM_APPLICANT and not applied_on:
            self.add_error(
                "asylum_application_date",
                _("Give the date of the asylum application (annex 26 or orange card): access to work follows from it."),
            )
        if cleaned.get("residence_status") == ResidenceStatus.TEMPORARY_PROTECTION and not cleaned.get(
            "temporary_protection_on"
        ):
            self.add_error(
                "temporary_protection_on",
                _("Give the date of the annex 15 or the A card: access to work starts on that day."),
            )
        for name in ("asylum_application_date", "asylum_negative_decision_on", "diploma_recognition_on"):
            if cleaned.get(name) and cleaned[name] > date.today():
                self.add_error(name, _("This date is in the future."))
        self.clean_diploma_recognition_date(cleaned)
        if applied_on and refused_on and refused_on < applied_on:
            self.add_error("asylum_negative_decision_on", _("A decision cannot come before the application."))
        if not cleaned.get("reception_centre") and not (cleaned.get("postal_code") and cleaned.get("city")):
            self.add_error("reception_centre", _("Give the reception centre where the candidate lives, or an address."))
        return cleaned

    def clean_diploma_recognition(self) -> str:
        return self.cleaned_data.get("diploma_recognition") or DiplomaRecognition.NOT_APPLICABLE

    def clean_diploma_recognition_date(self, cleaned: dict) -> None:
        """Only a NARIC decision has a date (it may not be known: a partner's file often lacks it)."""
        recognition, decided_on = cleaned.get("diploma_recognition"), cleaned.get("diploma_recognition_on")
        if recognition and recognition not in DiplomaRecognition.decisions() and decided_on:
            self.add_error(
                "diploma_recognition_on",
                _("Only a decision of NARIC has a date: leave it empty, or choose the decision."),
            )

    @property
    def identity(self) -> dict:
        """What the duplicate check needs, from the cleaned data."""
        return {name: self.cleaned_data.get(name) or ("" if name != "birth_year" else None) for name in IDENTITY}

    @property
    def identity_changed(self) -> bool:
        return any(name in self.changed_data for name in IDENTITY)

    @property
    def details(self) -> dict:
        """The cleaned values of the candidate's fields, as candidates.services takes them."""
        return {name: self.cleaned_data[name] for name in self.fields}


class LanguageForm(forms.ModelForm):
    class Meta:
        model = CandidateLanguage
        fields = ["language", "level"]


class BaseLanguageFormSet(forms.BaseInlineFormSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Row(Column("language", css_class="col-7 col-sm-6"), Column("level", css_class="col-5 col-sm-3"),
                Column("DELETE", css_class="col-12 col-sm-3 pt-sm-4")),
        )  # fmt: skip

    @property
    def pairs(self) -> list[tuple[str, str]]:
        """(language, level) of the rows filled in and not marked for removal."""
        return [
            (form.cleaned_data["language"], form.cleaned_data["level"])
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]


LanguageFormSet = inlineformset_factory(
    Candidate, CandidateLanguage, form=LanguageForm, formset=BaseLanguageFormSet, extra=3, max_num=12,
    can_delete=True, validate_max=True,
)  # fmt: skip


class RegistrationOptionsForm(forms.Form):
    """What is decided while registering, beside the candidate's details: the consents the candidate gave
    (on the printed form) and, once likely duplicates were shown, the confirmation to register anyway."""

    share_profile = forms.BooleanField(
        label=_(
            "The candidate agrees that companies in the campaign see their profile "
            "(first name, languages, competences, experience, availability)."
        ),
        required=False,
    )
    contact = forms.BooleanField(label=_("The candidate agrees to get reminders by e-mail or SMS."), required=False)
    consent_language = forms.ChoiceField(
        label=_("Language of the consent text the candidate read"),
        choices=[],
        required=False,
        help_text=_("Leave empty if it is the candidate's own language for documents."),
    )
    register_anyway = forms.BooleanField(
        label=_("I checked: this is a different person. Register anyway."), required=False
    )

    def __init__(self, *args, duplicates_shown: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent_language"].choices = [("", "—"), *document_language_choices()]
        if not duplicates_shown:
            self.fields["register_anyway"].widget = forms.HiddenInput()
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Fieldset(_("Consent"), "share_profile", "contact", "consent_language", css_class="mb-3"),
            "register_anyway",
        )

    @property
    def consents(self) -> list[str]:
        return [purpose for purpose in ConsentPurpose.values if self.cleaned_data.get(purpose)]


class DuplicateConfirmationForm(forms.Form):
    register_anyway = forms.BooleanField(label=_("I checked: this is a different person. Save anyway."), required=False)

    def __init__(self, *args, duplicates_shown: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not duplicates_shown:
            self.fields["register_anyway"].widget = forms.HiddenInput()
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class ConsentForm(forms.Form):
    """Record that a candidate gave or withdrew consent for one purpose."""

    purpose = forms.ChoiceField(label=_("Purpose"), choices=ConsentPurpose.choices)
    action = forms.ChoiceField(
        label=_("Consent"), choices=ConsentAction.choices, widget=forms.RadioSelect, initial=ConsentAction.GIVEN
    )
    language = forms.ChoiceField(label=_("Language of the text the candidate read"), choices=[])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = document_language_choices()
        self.helper = FormHelper()
        self.helper.add_input(Submit("record", _("Record")))


class ConsentFormLanguageForm(forms.Form):
    """Which language to print the consent form in (a GET form next to the button)."""

    language = forms.ChoiceField(
        label=_("Language"), choices=[], widget=forms.Select(attrs={"class": "form-select form-select-sm"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = document_language_choices()


class ScreeningForm(PlausibleDatesMixin, forms.ModelForm):
    """One round of screening, on a tablet: 1 to 5 buttons per criterion, the document seen, and (first round only)
    the decision."""

    class Meta:
        model = Screening
        fields = [*Screening.RUBRIC, "test_results", "notes", "document_type", "document_expires_on", "decision",
                  "decision_reason"]  # fmt: skip
        widgets = {
            **{name: forms.RadioSelect(choices=[(n, str(n)) for n in range(1, 6)]) for name in Screening.RUBRIC},
            "document_expires_on": DATE,
            "decision": forms.RadioSelect,
            "notes": forms.Textarea(attrs={"rows": 3}),
            "test_results": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "motivation": _("1 = not motivated, 5 = very motivated"),
            "learning_ability": _("1 = learns with difficulty, 5 = learns fast"),
            "experience": _("1 = none, 5 = years in a similar job"),
            "competences": _("1 = few, 5 = most that the jobs ask"),
            "communication": _("1 = hard to understand each other, 5 = easy"),
        }

    def __init__(self, *args, round: int, **kwargs):
        super().__init__(*args, **kwargs)
        for name in Screening.RUBRIC:
            self.fields[name].widget.attrs["class"] = "rubric"
        if round == ScreeningRound.SECOND:
            del self.fields["decision"], self.fields["decision_reason"]
        else:
            self.fields["decision"].choices = ScreeningDecision.choices
            self.fields["decision"].required = False
        self.helper = FormHelper()
        self.helper.form_tag = False
