"""The placement list's filters (django-filter), as on the candidate list (candidates.filters): GET parameters that
only narrow the placements the user sees; the campaigns and workplaces offered are those of their own placements,
and a value outside them lists nothing."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from campaigns.permissions import visible_campaigns
from companies.models import Company

from .models import Placement, PlacementRoute, PlacementStatus
from .selectors import placements_listed

FIELDS = ("q", "status", "campaign", "company", "route", "at_risk")


class PlacementFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Candidate"), method="by_name")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=PlacementStatus.choices)
    campaign = django_filters.ModelChoiceFilter(
        label=_("Campaign"), queryset=Placement.objects.none(), empty_label=_("All")
    )
    company = django_filters.ModelChoiceFilter(
        label=_("Workplace"), queryset=Placement.objects.none(), empty_label=_("All")
    )
    route = django_filters.ChoiceFilter(label=_("Route"), choices=PlacementRoute.choices)
    at_risk = django_filters.ChoiceFilter(
        label=_("At risk"), choices=[("yes", _("Only at risk"))], method="by_risk", empty_label=_("All")
    )

    class Meta:
        model = Placement
        fields = []

    def __init__(self, data=None, *args, user, **kwargs):
        super().__init__(data, *args, **kwargs)
        fields = self.form.fields
        seen = self.queryset.order_by()
        fields["campaign"].queryset = visible_campaigns(user).filter(pk__in=seen.values("campaign")).order_by("name")
        fields["company"].queryset = (
            Company.objects.filter(pk__in=seen.values("company")).select_related("organisation").order_by("pk")
        )
        for name, field in fields.items():
            field.required = False
            css = "form-control form-control-sm" if name == "q" else "form-select form-select-sm"
            field.widget.attrs["class"] = css

    @property
    def applied(self) -> dict[str, str]:
        if not self.is_bound or not self.is_valid():
            return {}
        cleaned = self.form.cleaned_data
        return {name: str(self.data[name]).strip()[:100] for name in FIELDS if cleaned.get(name) not in ("", None)}

    def filter_queryset(self, queryset):
        if not self.is_valid():
            return queryset.none()  # never the whole list for a value the user may not choose
        return super().filter_queryset(queryset)

    def by_name(self, queryset, name, value):
        for word in value.replace("\x00", "").split()[:4]:
            queryset = queryset.filter(
                Q(candidate__first_name__icontains=word) | Q(candidate__last_name__icontains=word)
            )
        return queryset

    def by_risk(self, queryset, name, value):
        return queryset.filter(is_flagged=True)


def placements_filtered(user, params) -> PlacementFilter:
    data = {name: params[name] for name in FIELDS if name in params}
    return PlacementFilter(data, queryset=placements_listed(user), user=user)


def applied_filters(user, params) -> dict[str, str]:
    """What a saved filter of the placement list keeps (jobroad.saved_filters)."""
    return placements_filtered(user, params).applied
