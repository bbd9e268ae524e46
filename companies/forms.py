from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.db.models import BLANK_CHOICE_DASH, Q
from django.forms.models import ModelChoiceIterator
from django.forms.renderers import TemplatesSetting
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobroad.forms import ModelMultipleChoiceField
from jobroad.models import Organisation, OrganisationKind, User
from jobroad.permissions import STAFF_ROLES

from .models import (
    ISCO_MAJOR_GROUPS,
    Company,
    CompanySource,
    Competence,
    CompetenceKind,
    ContactMethod,
    Occupation,
    PipelineStage,
    SecondChanceWillingness,
    Shift,
    Site,
    StartRoute,
    Vacancy,
    label_sort_key,
    normalise_enterprise_number,
)
from .sectors import Sector

# ---------------------------------------------------------------------------------------------------------------
# Choosing terms of the managed vocabulary (occupations, competences). Reused by the candidates' forms:
#
#     occupation = VocabularyChoiceField(Occupation.objects.all(), label=_("Occupation"), required=False)
#     competences = VocabularyMultipleChoiceField(Competence.objects.all(), label=_("Competences"), required=False)
#
# Terms are shown in the reader's language and sorted by that label, under headings (ISCO major group for
# occupations, skill/knowledge for competences). The multiple choice is a list of checkboxes in a scrolling box
# with a filter box; the page must render ``{{ form.media }}`` for the box's CSS and the filter script.
# ---------------------------------------------------------------------------------------------------------------


def vocabulary_group(term) -> tuple[str, str]:
    """(sort key, heading) of the group a term is listed under in a picker."""
    if isinstance(term, Occupation):
        digit = term.isco_code[:1]
        return (digit or "z", str(ISCO_MAJOR_GROUPS.get(digit, _("Other occupations"))))
    if isinstance(term, Competence):
        return (str(CompetenceKind.values.index(term.kind)), str(term.get_kind_display()))
    return ("", "")


class VocabularyChoiceIterator(ModelChoiceIterator):
    """The field's terms sorted by their label in the active language, grouped when the field says so."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        terms = sorted(self.queryset, key=lambda term: label_sort_key(self.field.label_from_instance(term)))
        if not self.field.grouped:
            yield from (self.choice(term) for term in terms)
            return
        groups: dict[tuple[str, str], list] = {}
        for term in terms:
            groups.setdefault(vocabulary_group(term), []).append(self.choice(term))
        for (_order, heading), choices in sorted(groups.items()):
            yield (heading, choices)


class VocabularyCheckboxes(forms.widgets.ChoiceWidget):
    """Checkboxes under their group headings in a scrolling box. ``static/js/vocabulary-filter.js`` adds a filter
    box above them; without JavaScript it is a plain list, which works too."""

    allow_multiple_selected = True
    input_type = "checkbox"
    template_name = "companies/_vocabulary_checkboxes.html"
    use_fieldset = True

    class Media:
        css = {"all": ["css/vocabulary.css"]}
        js = ["js/vocabulary-filter.js"]

    def use_required_attribute(self, initial):
        return False  # the browser would demand every box be ticked

    def value_from_datadict(self, data, files, name):
        getter = getattr(data, "getlist", None)
        return getter(name) if getter else data.get(name)

    def value_omitted_from_data(self, data, files, name):
        return False  # an unticked list sends nothing, and that means "none"

    def id_for_label(self, id_, index=None):
        return f"{id_}_{index}" if id_ and index is not None else ""

    def _render(self, template_name, context, renderer=None):
        # Our template lives in templates/, which the default form renderer does not search.
        return super()._render(template_name, context, TemplatesSetting())


class VocabularyChoiceField(forms.ModelChoiceField):
    """One term (e.g. an occupation) in a native select: phones show it as their own picker."""

    iterator = VocabularyChoiceIterator

    def __init__(self, queryset, *, grouped: bool = True, **kwargs):
        self.grouped = grouped
        super().__init__(queryset, **kwargs)


class VocabularyMultipleChoiceField(ModelMultipleChoiceField):
    """Several terms (e.g. competences) as grouped checkboxes with a filter box."""

    iterator = VocabularyChoiceIterator
    widget = VocabularyCheckboxes

    def __init__(self, queryset, *, grouped: bool = True, **kwargs):
        self.grouped = grouped
        super().__init__(queryset, **kwargs)


# ---------------------------------------------------------------------------------------------------------------


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
    sector = forms.ChoiceField(label=_("Sector"), choices=BLANK_CHOICE_DASH + Sector.choices, required=False)
    street = forms.CharField(label=_("Street and number"), max_length=200, required=False)
    postal_code = forms.CharField(label=_("Postal code"), max_length=10, required=False)
    city = forms.CharField(label=_("City"), max_length=100, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["street"].help_text = _("The address becomes the company's first site.")
        with_submit(self, _("Add company"))

    def clean_name(self):
        name = self.cleaned_data["name"]
        if Organisation.objects.filter(kind=OrganisationKind.COMPANY, name__iexact=name).exists():
            raise forms.ValidationError(_("A company with this name already exists."), code="duplicate_name")
        return name


class CompanyForm(forms.ModelForm):
    """The company's own profile. Whether it is an ambassador is the network pipeline's to say (coordinators move
    it there), not this form's."""

    enterprise_number = EnterpriseNumberField(label=_("Enterprise number"), required=False, max_length=20)

    class Meta:
        model = Company
        fields = ["enterprise_number", "sector"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        with_submit(self, _("Save"))


# The employer network (coordinators only).

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class StageForm(forms.Form):
    stage = forms.ChoiceField(label=_("Move to stage"), choices=PipelineStage.choices)
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed when the company moves back to an earlier stage."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        with_submit(self, _("Move"))


class ContactForm(forms.Form):
    contacted_on = forms.DateField(label=_("Date"), widget=DATE, initial=timezone.localdate)
    method = forms.ChoiceField(label=_("How"), choices=ContactMethod.choices)
    contact_person = forms.CharField(label=_("Who (at the company)"), max_length=150)
    summary = forms.CharField(label=_("What"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))
    next_step = forms.CharField(label=_("Next step"), max_length=300, required=False)
    next_step_on = forms.DateField(label=_("Next step by"), widget=DATE, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        with_submit(self, _("Add to the contact log"))


def account_owners():
    """Who may keep a company's relation: active coordinators and admins."""
    return (
        User.objects.filter(is_active=True)
        .filter(Q(memberships__role__in=STAFF_ROLES) | Q(is_superuser=True))
        .distinct()
        .order_by("full_name", "email")
    )


class NetworkDetailsForm(forms.Form):
    source = forms.ChoiceField(label=_("Source"), choices=BLANK_CHOICE_DASH + CompanySource.choices, required=False)
    account_owner = forms.ModelChoiceField(label=_("Account owner"), queryset=User.objects.none(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account_owner"].queryset = account_owners()
        self.fields["account_owner"].label_from_instance = lambda user: user.get_full_name() or user.email
        with_submit(self, _("Save"))


class AmbassadorProfileForm(forms.Form):
    testimony = forms.CharField(
        label=_("Testimony"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("In the company's words: why it takes part, what it found."),
    )
    hosts_workshops = forms.BooleanField(label=_("Hosts a workshop"), required=False)
    second_chance = forms.ChoiceField(
        label=_("Second-chance candidates"),
        choices=SecondChanceWillingness.choices,
        widget=forms.RadioSelect,
        help_text=_("The second-chance list proposes the companies that take them first."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        with_submit(self, _("Save profile"))


class NetworkTargetForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    companies_reached = forms.IntegerField(label=_("Companies reached (new contacts)"), min_value=0)
    companies_committed = forms.IntegerField(label=_("Companies committed"), min_value=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        with_submit(self, _("Save target"))


class HrInvitationForm(forms.Form):
    """Invite one HR person of the company; the role is always company HR."""

    full_name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("invite", _("Send invitation")))


class SiteForm(forms.ModelForm):
    class Meta:
        model = Site
        fields = ["name", "street", "postal_code", "city", "latitude", "longitude"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].help_text = _("How people call this place, e.g. Warehouse Zuid or Head office.")
        self.fields["latitude"].help_text = _("Optional, e.g. 51.054342; used to estimate travel time.")
        self.fields["longitude"].help_text = _("Optional, e.g. 3.717424.")
        for name in ("latitude", "longitude"):
            self.fields[name].widget.attrs["inputmode"] = "decimal"
        with_submit(self, _("Save site"))

    def clean_name(self):
        # The company is set by the view, not by a field, so the form checks the name's uniqueness itself.
        name = self.cleaned_data["name"]
        twins = Site.objects.filter(company=self.instance.company_id, name__iexact=name).exclude(pk=self.instance.pk)
        if twins.exists():
            raise forms.ValidationError(_("This company already has a site with this name."), code="duplicate_name")
        return name


class VacancyForm(forms.ModelForm):
    site = forms.ModelChoiceField(label=_("Site"), queryset=Site.objects.none())
    occupation = VocabularyChoiceField(
        Occupation.objects.all(),
        label=_("Occupation"),
        required=False,
        help_text=_("The occupation this job is closest to (ISCO-08); matching and reports use it."),
    )
    required_competences = VocabularyMultipleChoiceField(
        Competence.objects.all(), label=_("Required competences"), required=False
    )
    nice_competences = VocabularyMultipleChoiceField(
        Competence.objects.all(), label=_("Nice-to-have competences"), required=False
    )
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
            "title", "site", "occupation", "positions", "description", "required_competences", "nice_competences",
            "language", "language_level", "driving_licence_required", "shifts", "physical_demand", "start_routes",
            "contract_type", "is_open",
        ]  # fmt: skip
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sites = Site.objects.filter(company=self.instance.company_id)
        if sites.exists():
            self.fields["site"].queryset = sites
        else:
            del self.fields["site"]  # the page asks to add a site first
        self.fields["language"].help_text = _("The language the job needs; matching asks candidates for it.")
        with_submit(self, _("Save vacancy"))

    @property
    def needs_a_site(self) -> bool:
        return "site" not in self.fields

    def clean(self):
        cleaned = super().clean()
        given = not self.has_error("language") and not self.has_error("language_level")
        if given and bool(cleaned.get("language")) != bool(cleaned.get("language_level")):
            self.add_error("language_level", _("Give the language and its level together, or neither."))
        both = set(cleaned.get("required_competences") or []) & set(cleaned.get("nice_competences") or [])
        if both:
            terms = ", ".join(sorted(term.label for term in both))
            self.add_error(
                "nice_competences",
                forms.ValidationError(
                    _("Already required: %(terms)s."), code="already_required", params={"terms": terms}
                ),
            )
        return cleaned
