"""The outbox's filters (django-filter), as on the candidate list (candidates.filters): GET parameters, so a filtered
outbox can be bookmarked or saved (``saved_filters``), that only ever narrow the messages the user sees. Every choice
is in words (a kind by its name, ``message_kinds``; a language by its name); the campaigns offered are those of the
user's own messages, and a value outside the choices lists nothing.

``person`` (a user id) comes from the links on a person's page: kept, saved and validated like the rest, not a list
to choose from (it would hold every person the user may address)."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from . import permissions
from .languages import document_language_choices
from .message_kinds import MESSAGE_KINDS
from .models import Channel, Message, MessageStatus
from .selectors import search_query

FIELDS = ("q", "status", "channel", "kind", "campaign", "language", "due_from", "due_to", "person")


def kind_choices() -> list[tuple[str, str]]:
    return sorted(((template, str(label)) for template, label in MESSAGE_KINDS.items()), key=lambda choice: choice[1])


class MessageFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Recipient or key"), method="by_words")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=MessageStatus.choices, empty_label=_("All"))
    channel = django_filters.ChoiceFilter(label=_("Channel"), choices=Channel.choices, empty_label=_("All"))
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), field_name="template", choices=kind_choices, empty_label=_("All")
    )
    campaign = django_filters.ModelChoiceFilter(
        label=_("Campaign"), queryset=Message.objects.none(), empty_label=_("All")
    )
    language = django_filters.ChoiceFilter(label=_("Language"), choices=document_language_choices, empty_label=_("All"))
    due_from = django_filters.DateFilter(label=_("Due from"), field_name="due_at", lookup_expr="date__gte")
    due_to = django_filters.DateFilter(label=_("Due until"), field_name="due_at", lookup_expr="date__lte")
    person = django_filters.ModelChoiceFilter(
        queryset=Message.objects.none(), field_name="recipient_user", widget=forms.HiddenInput
    )

    class Meta:
        model = Message
        fields = []

    def __init__(self, data=None, *args, user, **kwargs):
        super().__init__(data, *args, **kwargs)
        fields = self.form.fields
        campaigns = Message._meta.get_field("campaign").related_model.objects  # jobroad reads no app above it
        fields["campaign"].queryset = campaigns.filter(pk__in=self.queryset.order_by().values("campaign")).order_by(
            "name"
        )
        fields["person"].queryset = permissions.visible_people(user)
        for name, field in fields.items():
            field.required = False
            if name in ("due_from", "due_to"):
                field.widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
            if name != "person":
                select = isinstance(field.widget, forms.Select)
                field.widget.attrs["class"] = "form-select form-select-sm" if select else "form-control form-control-sm"

    @property
    def applied(self) -> dict[str, str]:
        """The filters set, as the form cleaned them (known fields only, empty ones left out): what a saved filter
        keeps and what the bulk actions carry back to the list."""
        if not self.is_bound or not self.is_valid():
            return {}
        cleaned = self.form.cleaned_data
        applied = {name: str(self.data[name]).strip()[:100] for name in FIELDS if cleaned.get(name) not in ("", None)}
        if "q" in applied:
            applied["q"] = search_query(self.data)
        return {name: value for name, value in applied.items() if value}

    def filter_queryset(self, queryset):
        if not self.is_valid():
            return queryset.none()  # never the whole outbox for a value the user may not choose
        return super().filter_queryset(queryset)

    def by_words(self, queryset, name, value):
        query = search_query({"q": value})
        return queryset.filter(
            Q(recipient_name__icontains=query) | Q(recipient_address__icontains=query) | Q(key__icontains=query)
        )


def messages_filtered(user, params) -> MessageFilter:
    """The outbox ``user`` sees, bound to the filters in ``params`` (GET, or the POST of an action on the list)."""
    data = {name: params[name] for name in FIELDS if name in params}
    return MessageFilter(data, queryset=permissions.visible_messages(user), user=user)


def applied_filters(user, params) -> dict[str, str]:
    """What a saved filter of the outbox keeps (jobroad.saved_filters)."""
    return messages_filtered(user, params).applied
