"""The candidate list's filters (django-filter): GET parameters, so a filtered list can be bookmarked or saved.

Every choice offered is one the user may see: campaigns come from the app above (``campaigns`` registers
``candidate_filters`` on ``jobroad.pages``, with ``visible_campaigns``), reception centres are those of candidates
the user sees. A value outside the choices (another organisation's campaign or centre) makes the filter invalid,
and an invalid filter lists nobody: a filter only ever narrows ``visible_candidates``.

Campaign, status, centre, language and consent are database conditions. Eligibility (``candidates.eligibility``)
and the outcome (``aftercare.outcomes``) are derived in Python: they are computed for every candidate left after the
database conditions (not only the page shown), and the list is narrowed to those ids, so paging stays right."""

from collections.abc import Callable

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobroad.models import Organisation
from jobroad.pages import page_additions
from jobroad.selectors import search_query

from . import eligibility
from .choices import spoken_language_choices
from .models import Candidate, ConsentAction, ScreeningDecision
from .selectors import candidates_found

# The names a saved filter may keep (jobroad.SavedFilter): nothing else of a query string is stored.
FILTER_FIELDS = ("q", "campaign", "status", "reception_centre", "language", "outcome", "eligibility", "consent")

STATUS_CHOICES = [
    ("active", _("Enrolled, still in the track")),
    ("dropped_out", _("Dropped out")),
    ("unscreened", _("Not screened yet")),
    ("selected", ScreeningDecision.SELECTED.label),
    ("reserve", ScreeningDecision.RESERVE.label),
    ("not_now", ScreeningDecision.NOT_NOW.label),
]
ELIGIBILITY_CHOICES = [
    ("now", _("May work today")),
    ("later", _("May work from a later date")),
    ("no", _("No access to work")),
    ("check", _("Check the permit")),
]
CONSENT_CHOICES = [
    ("share_given", _("Shares the profile with companies")),
    ("share_missing", _("Does not share the profile")),
    ("contact_given", _("May be sent reminders")),
    ("contact_missing", _("No reminders")),
]


def eligibility_code(access: eligibility.LegalAccess, today) -> str:
    on = access.on(today)
    if on is None:
        return "check"
    if on:
        return "now"
    return "later" if access.eligible_from is not None and access.eligible_from > today else "no"


class CandidateFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name or reference number"), method="by_words")
    campaign = django_filters.ModelChoiceFilter(
        label=_("Campaign"), queryset=Candidate.objects.none(), method="by_campaign", empty_label=_("All")
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=STATUS_CHOICES, method="by_status")
    reception_centre = django_filters.ModelChoiceFilter(
        label=_("Reception centre"), queryset=Organisation.objects.none(), empty_label=_("All")
    )
    language = django_filters.ChoiceFilter(
        label=_("Speaks"), choices=spoken_language_choices, field_name="languages__language", distinct=True
    )
    outcome = django_filters.ChoiceFilter(label=_("Outcome"), method="by_outcome")
    eligibility = django_filters.ChoiceFilter(
        label=_("Legal access"), choices=ELIGIBILITY_CHOICES, method="by_eligibility"
    )
    consent = django_filters.ChoiceFilter(label=_("Consent"), choices=CONSENT_CHOICES, method="by_consent")

    class Meta:
        model = Candidate
        fields = []  # all declared above

    def __init__(self, data=None, *args, user, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.user = user
        sources = page_additions("candidate_filters", user=user)
        self.campaigns = sources.get("campaigns")
        self.outcomes_of: Callable[[list[int]], dict[int, str]] | None = sources.get("outcomes_of")
        fields = self.form.fields
        if self.campaigns is None:
            del fields["campaign"], fields["status"]
        else:
            fields["campaign"].queryset = self.campaigns.order_by("-starts_on", "name")
        if self.outcomes_of is None:
            del fields["outcome"]
        else:
            fields["outcome"].choices = [("", _("All")), *sources["outcome_choices"]]
        fields["reception_centre"].queryset = Organisation.objects.filter(
            pk__in=self.queryset.exclude(reception_centre=None).values("reception_centre")
        ).order_by("name")
        for field in fields.values():
            field.required = False
            field.widget.attrs["class"] = "form-select form-select-sm"
        fields["q"].widget = forms.TextInput(attrs={"class": "form-control form-control-sm", "type": "search"})

    @property
    def applied(self) -> dict[str, str]:
        """The filters set, as the form cleaned them (only known fields; empty ones left out)."""
        if not self.is_bound or not self.is_valid():
            return {}
        cleaned = self.form.cleaned_data
        applied = {name: self.data[name] for name in self.form.fields if cleaned.get(name) not in ("", None)}
        if "q" in applied:
            applied["q"] = search_query(self.data)
        return {name: value for name, value in applied.items() if value}

    def filter_queryset(self, queryset):
        if not self.is_valid():
            return queryset.none()  # never the whole list for a value the user may not choose
        return super().filter_queryset(queryset)

    def by_words(self, queryset, name, value):
        for word in search_query({"q": value}).split()[:4]:
            queryset = queryset.filter(
                Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(reference_number__icontains=word)
            )
        return queryset

    def by_campaign(self, queryset, name, value):
        return queryset.filter(enrolments__campaign=value)

    def by_status(self, queryset, name, value):
        """On an enrolment in a campaign the user sees (the chosen one if any), all conditions on that one row."""
        campaign = self.form.cleaned_data.get("campaign")
        on = {"enrolments__campaign": campaign} if campaign else {"enrolments__campaign__in": self.campaigns}
        if value == "active":
            condition = {"enrolments__dropped_out_on__isnull": True}
        elif value == "dropped_out":
            condition = {"enrolments__dropped_out_on__isnull": False}
        elif value == "unscreened":
            condition = {"enrolments__dropped_out_on__isnull": True, "enrolments__screenings__isnull": True}
        else:
            condition = {"enrolments__screenings__round": 1, "enrolments__screenings__decision": value}
        return queryset.filter(**on, **condition).distinct()

    def by_consent(self, queryset, name, value):
        purpose, state = value.split("_")
        field = {"share": "share_profile_consent", "contact": "contact_consent"}[purpose]
        given = Q(**{field: ConsentAction.GIVEN})
        return queryset.filter(given if state == "given" else ~given | Q(**{f"{field}__isnull": True}))

    def by_eligibility(self, queryset, name, value):
        today = timezone.localdate()
        rows = queryset.order_by().values_list(
            "pk",
            "residence_status",
            "asylum_application_date",
            "asylum_negative_decision_on",
            "temporary_protection_on",
        )
        chosen = [
            pk
            for pk, status, applied_on, refused_on, protected_on in rows
            if eligibility_code(
                eligibility.legal_access(
                    status, applied_on=applied_on, negative_decision_on=refused_on, protection_document_on=protected_on
                ),
                today,
            )
            == value
        ]
        return queryset.filter(pk__in=chosen)

    def by_outcome(self, queryset, name, value):
        codes = self.outcomes_of(list(queryset.order_by().values_list("pk", flat=True).distinct()))
        return queryset.filter(pk__in=[pk for pk, code in codes.items() if code == value])


def applied_filters(user, params) -> dict[str, str]:
    """The filters in ``params`` that are valid for ``user``: what a saved filter keeps (jobroad.saved_filters)."""
    return candidates_filtered(user, params, candidates_found(user)).applied


def candidates_filtered(user, params, queryset: QuerySet[Candidate]) -> CandidateFilter:
    """The filter bound to the GET ``params`` over ``queryset`` (already the candidates ``user`` sees)."""
    return CandidateFilter(
        {name: params[name] for name in FILTER_FIELDS if name in params}, queryset=queryset, user=user
    )
