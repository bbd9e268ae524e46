"""Forms of screening that are not one round: a decision for the candidates ticked on the board."""

from django import forms
from django.utils.translation import gettext_lazy as _

from candidates.models import ScreeningDecision

MAX_IN_BULK = 200


class BulkDecisionForm(forms.Form):
    """The board's selection (``enrolment`` ids), the decision and, for "not now", the reason the intermediary tells
    the candidate. ``confirm`` is set by the page that asked first."""

    decision = forms.ChoiceField(label=_("Decision"), choices=ScreeningDecision.choices, widget=forms.RadioSelect)
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)

    @property
    def enrolment_ids(self) -> list[int]:
        values = self.data.getlist("enrolment") if hasattr(self.data, "getlist") else []
        return [int(value) for value in values if value.isdigit() and len(value) < 19][:MAX_IN_BULK]

    @property
    def decision_label(self) -> str:
        return str(ScreeningDecision(self.cleaned_data["decision"]).label)

    def clean(self):
        cleaned = super().clean()
        if not self.enrolment_ids:
            raise forms.ValidationError(_("Tick the candidates to decide on first."))
        if cleaned.get("decision") == ScreeningDecision.NOT_NOW and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Say why not now, so the intermediary can tell the candidate."))
        return cleaned
