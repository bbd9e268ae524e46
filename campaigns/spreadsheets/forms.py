"""Forms of the spreadsheet import pages: the upload (with where the rows go) and the confirmation."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from jobroad.imports import too_large_message
from jobroad.models import Organisation

from ..models import CampaignPhase
from ..permissions import registering_organisations, registrable_campaigns

ACCEPT = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class UploadForm(forms.Form):
    file = forms.FileField(label=_("File (CSV or XLSX)"), widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}))

    def __init__(self, *args, too_large: int | None = None, submit_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.too_large = too_large
        if too_large:
            self.fields["file"].required = False  # the upload was stopped; say why instead of "required"
        self.helper = FormHelper()
        self.helper.add_input(Submit("upload", submit_label or _("Check the file")))

    def clean_file(self):
        if self.too_large:
            raise ValidationError(too_large_message(self.too_large))
        return self.cleaned_data["file"]


class CandidateUploadForm(UploadForm):
    """Candidates go into a campaign, registered by an organisation: the same choices as registering one."""

    campaign = forms.ModelChoiceField(label=_("Campaign"), queryset=None, empty_label=None)
    organisation = forms.ModelChoiceField(label=_("Registered by"), queryset=None, empty_label=None)
    field_order = ["campaign", "organisation", "file"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        campaigns = registrable_campaigns(user).exclude(phase=CampaignPhase.CLOSED)
        self.fields["campaign"].queryset = campaigns
        organisations = set()
        for campaign in campaigns:
            organisations.update(registering_organisations(user, campaign).values_list("pk", flat=True))
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=organisations)
        self.only_organisation = next(iter(organisations)) if len(organisations) == 1 else None
        if self.only_organisation:
            del self.fields["organisation"]  # an intermediary of one organisation registers for it

    def clean(self):
        cleaned = super().clean()
        if self.only_organisation:
            cleaned["organisation"] = Organisation.objects.get(pk=self.only_organisation)
        campaign, organisation = cleaned.get("campaign"), cleaned.get("organisation")
        registering = registering_organisations(self.user, campaign) if campaign else None
        if organisation and registering is not None and not registering.filter(pk=organisation.pk).exists():
            self.add_error(
                "organisation",
                _("%(organisation)s does not take part in %(campaign)s.")
                % {"organisation": organisation, "campaign": campaign},
            )
        return cleaned


class ConfirmImportForm(forms.Form):
    """The confirmation; when rows are flagged as likely duplicates the person chooses what to do with them."""

    SKIP, IMPORT = "skip", "import"
    flagged = forms.ChoiceField(
        label=_("Rows flagged as likely duplicates"),
        choices=[
            (SKIP, _("Skip them: import only the other rows")),
            (IMPORT, _("Import them too: I checked they are different")),
        ],
        widget=forms.RadioSelect,
        required=False,
    )

    def __init__(self, *args, has_flags: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if has_flags:
            self.fields["flagged"].required = True
        else:
            del self.fields["flagged"]
        self.helper = FormHelper()
        self.helper.add_input(Submit("confirm", _("Import")))

    @property
    def include_flagged(self) -> bool | None:
        if "flagged" not in self.fields:
            return False
        choice = self.cleaned_data.get("flagged")
        return {self.SKIP: False, self.IMPORT: True}.get(choice)


class PartialImportForm(ConfirmImportForm):
    """The confirmation to import the valid rows and leave out the rows with errors: the counts the person saw
    come back, so a file that changed meanwhile imports nothing."""

    valid = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    left_out = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, valid: int, left_out: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["valid"].initial, self.fields["left_out"].initial = valid, left_out
        self.helper.inputs.clear()
        label = _("Import %(valid)s rows, leave out %(left_out)s") % {"valid": valid, "left_out": left_out}
        self.helper.add_input(Submit("confirm", label))
