from datetime import date, datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.core import validators
from django.utils.translation import gettext_lazy as _

from .models import Channel, Role
from .phones import normalise_phone

# The dates people type: wide enough for any real record, narrow enough that what is done with them (a year of
# check-ins after a start, a day later, the time zone) stays inside Python's calendar — a slip such as 0202 or 9999
# is refused with a message instead of breaking the page.
EARLIEST_DATE, LATEST_DATE = date(1900, 1, 1), date(2199, 12, 31)


class PlausibleDatesMixin:
    """Refuses a date outside EARLIEST_DATE to LATEST_DATE in every date and date-time field of the form, including
    those a form adds in its own ``__init__``. Put it first among the bases; the form's ``clean`` calls super."""

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            day = value.date() if isinstance(value, datetime) else value
            if isinstance(day, date) and not EARLIEST_DATE <= day <= LATEST_DATE:
                limits = {"earliest": EARLIEST_DATE.year, "latest": LATEST_DATE.year}
                message = _("Give a date between %(earliest)s and %(latest)s.")
                self.add_error(name, forms.ValidationError(message, code="implausible_date", params=limits))
        return cleaned


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, refusing a pk beyond 64 bits before it reaches the database: SQLite raises OverflowError on
    one in an IN query (Django only guards single comparisons), and no object has such a pk anyway."""

    def clean(self, value):
        for pk in value if isinstance(value, list | tuple) else []:
            digits = pk.strip().lstrip("+-") if isinstance(pk, str) else ""
            if digits.isdecimal() and (len(digits) > 19 or int(digits) >= 2**63):  # int() refuses 4300+ digits
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": pk}
                )
        return super().clean(value)


class InvitationForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    language = forms.ChoiceField(
        label=_("Language of the invitation and the account"),
        choices=settings.LANGUAGES,
        required=False,  # left out: the inviter's own
        help_text=_("The invitation mail is written in it; the person can change it later."),
    )

    def __init__(self, *args, roles: frozenset[str], **kwargs):
        """``roles``: what the inviter may grant in this organisation (permissions.grantable_roles)."""
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(value, label) for value, label in Role.choices if value in roles]
        self.helper = FormHelper()
        self.helper.form_tag = False  # the page's own <form> posts it: a form inside a form is invalid HTML
        self.helper.disable_csrf = True
        self.helper.add_input(Submit("invite", _("Send invitation")))


class AcceptInvitationForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    password1 = forms.CharField(label=_("Password"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    password2 = forms.CharField(
        label=_("Password (again)"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email
        self.helper = FormHelper()
        self.helper.form_tag = False  # the page's own <form> posts it: a form inside a form is invalid HTML
        self.helper.disable_csrf = True
        self.helper.add_input(Submit("accept", _("Set password and log in")))

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2:
            if password1 != password2:
                self.add_error("password2", _("The two passwords differ."))
            else:
                from .models import User

                candidate_user = User(email=self.email, full_name=cleaned.get("full_name", ""))
                try:
                    password_validation.validate_password(password1, candidate_user)
                except forms.ValidationError as error:
                    self.add_error("password1", error)
        return cleaned


class MessageForm(PlausibleDatesMixin, forms.Form):
    """A coordinator's own message to a person, now or at a chosen time."""

    recipient = forms.ModelChoiceField(label=_("To"), queryset=None, required=False)
    address = forms.CharField(
        label=_("Or an e-mail address or phone number"),
        max_length=254,
        required=False,
        help_text=_("For someone without an account, e.g. a candidate's phone number for an SMS."),
    )
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices, initial=Channel.EMAIL)
    subject = forms.CharField(label=_("Subject"), max_length=200, required=False)
    text = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 6}), max_length=5000)
    due_at = forms.DateTimeField(
        label=_("Send at"),
        required=False,
        help_text=_("Leave empty to send within a minute."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient"].queryset = people
        self.helper = FormHelper()
        self.helper.add_input(Submit("send", _("Put in the outbox")))

    def clean(self):
        cleaned = super().clean()
        recipient, address, channel = cleaned.get("recipient"), cleaned.get("address", ""), cleaned.get("channel")
        if bool(recipient) == bool(address):
            raise forms.ValidationError(_("Choose a person or type an address — one of the two."))
        if channel == Channel.EMAIL:
            if address:
                try:
                    validators.validate_email(address)
                except forms.ValidationError:
                    self.add_error("address", _("This is not an e-mail address."))
            if not cleaned.get("subject"):
                self.add_error("subject", _("An e-mail needs a subject."))
        elif channel == Channel.SMS and address:
            try:
                cleaned["address"] = normalise_phone(address)
            except forms.ValidationError as error:
                self.add_error("address", error)
        return cleaned
