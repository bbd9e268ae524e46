from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from candidates.choices import spoken_language_choices
from candidates.models import Gender
from jobroad.forms import PlausibleDatesMixin

from .models import DEFAULT_AUDIENCE, Session, Workshop

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class WorkshopForm(forms.ModelForm):
    class Meta:
        model = Workshop
        fields = ["kind", "title", "audience", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, name in settings.LANGUAGES:
            self.fields[f"title_{code}"] = forms.CharField(
                label=_("Title in %(language)s") % {"language": name},
                max_length=200,
                required=False,
                initial=self.instance.translated_titles.get(code, ""),
                help_text=_("Leave empty to show the title above."),
            )
        self.fields["audience"].required = False
        self.fields["audience"].help_text = _("Leave empty: life as a refugee is for companies and intermediaries, "
                                              "the labour-market workshop for candidates.")  # fmt: skip
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save")))

    def clean_audience(self):
        return self.cleaned_data["audience"] or DEFAULT_AUDIENCE.get(self.cleaned_data.get("kind"), "")

    def clean(self):
        cleaned = super().clean()
        self.instance.translated_titles = {
            code: title for code, _name in settings.LANGUAGES if (title := cleaned.get(f"title_{code}", "").strip())
        }
        return cleaned


class SessionForm(PlausibleDatesMixin, forms.ModelForm):
    class Meta:
        model = Session
        fields = ["starts_at", "ends_at", "place", "address", "language", "interpreter", "capacity", "facilitator"]
        widgets = {"starts_at": DATETIME, "ends_at": DATETIME, "language": forms.Select}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].widget.choices = spoken_language_choices()
        self.fields["capacity"].min_value = 1
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save")))

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("The session must end after it starts."))
        return cleaned


class RegistrationForm(forms.Form):
    """Who to register: one of the candidates or people the user may register, or (coordinators) a name."""

    candidate = forms.ModelChoiceField(label=_("Candidate"), queryset=None, required=False)
    person = forms.ModelChoiceField(label=_("Person"), queryset=None, required=False)
    name = forms.CharField(
        label=_("Or a name"), max_length=200, required=False, help_text=_("Someone without an account.")
    )

    def __init__(self, *args, candidates, people, allow_name: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["candidate"].queryset = candidates
        self.fields["person"].queryset = people
        for field, keep in (("candidate", candidates.exists()), ("person", people.exists()), ("name", allow_name)):
            if not keep:
                del self.fields[field]
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean(self):
        cleaned = super().clean()
        chosen = [name for name in ("candidate", "person", "name") if cleaned.get(name)]
        if len(chosen) != 1:
            raise forms.ValidationError(_("Choose one person to register."))
        return cleaned


class HeadcountForm(forms.Form):
    """The people who came to a held session without a name on its list. A session for candidates counts residents
    by reception centre (the campaign's, and "another or not known") and gender; a session for companies the people
    counted without a name. An empty box is zero. ``rows`` lays the boxes out: (centre, [(gender, field)])."""

    def __init__(self, *args, session: Session, centres, **kwargs):
        super().__init__(*args, **kwargs)
        current = {(row.reception_centre_id, row.gender): row.people for row in session.headcounts.all()}
        self.total = sum(current.values())
        if session.workshop.for_candidates:
            centre_rows = [(centre.pk, str(centre)) for centre in centres] + [(None, _("Another centre or not known"))]
            self.columns = list(Gender.choices)
        else:
            centre_rows, self.columns = [(None, "")], [(Gender.OTHER, _("People counted without a name"))]
        self.keys: dict[str, tuple[int | None, str]] = {}
        self.rows = []
        for centre, centre_name in centre_rows:
            cells = []
            for gender, gender_name in self.columns:
                name = f"people_{centre or 'none'}_{gender}"
                self.fields[name] = forms.IntegerField(
                    label=f"{centre_name} · {gender_name}" if centre_name else gender_name,
                    min_value=0, max_value=9999, required=False, initial=current.get((centre, gender)),
                )  # fmt: skip
                self.fields[name].widget.attrs["inputmode"] = "numeric"
                self.keys[name] = (centre, gender)
                cells.append((gender_name, self[name]))
            self.rows.append((centre_name, cells))

    def people(self) -> dict[tuple[int | None, str], int]:
        return {key: self.cleaned_data.get(name) or 0 for name, key in self.keys.items()}
