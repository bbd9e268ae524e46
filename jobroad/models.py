"""People and organisations: the one membership mechanism every role goes through."""

import hashlib
import uuid
from email.errors import HeaderParseError
from email.header import decode_header, make_header

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .fields import EncryptedTextField
from .message_kinds import kind_label
from .phones import PhoneField


class OrganisationKind(models.TextChoices):
    JOBROAD = "jobroad", _("JobRoad")
    COMPANY = "company", _("Company")
    INTERMEDIARY = "intermediary", _("Intermediary")
    RECEPTION_CENTRE = "reception_centre", _("Reception centre")
    FUNDER = "funder", _("Funder")
    TEMP_AGENCY = "temp_agency", _("Temp agency")
    OCMW = "ocmw", _("OCMW (public social welfare centre)")


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    COORDINATOR = "coordinator", _("Coordinator")
    COMPANY_HR = "company_hr", _("Company HR")
    INTERMEDIARY = "intermediary", _("Intermediary")
    JOB_COACH = "job_coach", _("Job coach")
    FUNDER_VIEWER = "funder_viewer", _("Funder viewer")
    # An outside partner (a VDAB or temp-work consultant) who screens the candidates of the campaigns its
    # organisation is a screening partner of, and sees nothing else.
    SCREENER = "screener", _("Partner screener")


# Which roles a membership of each kind of organisation can carry.
ROLES_BY_KIND: dict[str, frozenset[str]] = {
    OrganisationKind.JOBROAD: frozenset({Role.ADMIN, Role.COORDINATOR, Role.JOB_COACH}),
    OrganisationKind.COMPANY: frozenset({Role.COMPANY_HR}),
    OrganisationKind.INTERMEDIARY: frozenset({Role.INTERMEDIARY, Role.JOB_COACH, Role.SCREENER}),
    OrganisationKind.RECEPTION_CENTRE: frozenset({Role.INTERMEDIARY, Role.JOB_COACH}),
    OrganisationKind.FUNDER: frozenset({Role.FUNDER_VIEWER}),
    OrganisationKind.TEMP_AGENCY: frozenset({Role.SCREENER}),
    OrganisationKind.OCMW: frozenset({Role.INTERMEDIARY, Role.JOB_COACH, Role.SCREENER}),
}


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="nl")
    is_staff = models.BooleanField(_("staff status"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["full_name", "email"]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name or self.email

    def get_short_name(self):
        return (self.full_name or self.email).split()[0]


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    # A temp agency is a network of branches, each its own organisation ("Accent Jobs" · "Kortrijk").
    branch = models.CharField(_("branch"), max_length=100, blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    phone = PhoneField(_("phone"), blank=True)  # E.164
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "name", "branch"], name="organisation_unique_name_per_kind"),
        ]

    def __str__(self):
        return f"{self.name} · {self.branch}" if self.branch else self.name

    @property
    def address(self) -> str:
        return ", ".join(part for part in (self.street, f"{self.postal_code} {self.city}".strip()) if part)

    def allowed_roles(self) -> frozenset[str]:
        return ROLES_BY_KIND[self.kind]


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation__name", "user__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation", "role"], name="membership_unique_role"),
        ]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()} · {self.organisation}"

    def clean(self):
        if self.organisation_id and self.role not in self.organisation.allowed_roles():
            raise ValidationError(
                {"role": _("A %(kind)s cannot have this role.") % {"kind": self.organisation.get_kind_display()}}
            )


def hash_token(token: str) -> str:
    """Only a hash of a link token is stored, so a database leak does not leak working links."""
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(models.Model):
    email = models.EmailField(_("e-mail address"))
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    # Chosen by the inviter: the mail is written in it, and the account starts in it.
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="nl")
    invited_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.organisation} ({self.get_role_display()})"

    def is_expired(self, now=None) -> bool:
        return (now or timezone.now()) >= self.expires_at

    @property
    def is_accepted(self) -> bool:
        return self.accepted_at is not None


class CapturedMail(models.Model):
    """A mail the embedded mode did not send but kept, so coordinators can read it in the app. ``message`` is the
    outbox message it came from, which decides who may read it."""

    message = models.ForeignKey(
        "Message", on_delete=models.CASCADE, null=True, blank=True, related_name="captured", editable=False
    )
    recipients = models.TextField(_("to"))
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    html_body = models.TextField(_("HTML"), blank=True)
    created_at = models.DateTimeField(_("captured at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("captured mail")
        verbose_name_plural = _("captured mail")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.subject

    @property
    def recipients_display(self) -> str:
        """The recipients as a person reads them: a name with accents was MIME-encoded for the mail's header
        ("=?utf-8?q?Ko=C3=ABn?="), which no one should have to decode."""
        try:
            return str(make_header(decode_header(self.recipients)))
        except (HeaderParseError, LookupError, UnicodeDecodeError):
            return self.recipients


class Channel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    SMS = "sms", _("SMS")


class MessageStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    DELIVERED = "delivered", _("Delivered")  # the SMS provider reported it reached the phone
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Expired")  # its time was over before it could leave (a reminder after its event began)


class Message(models.Model):
    """One e-mail or SMS in the outbox: written with the change that causes it, sent by the dispatcher.

    ``key`` names the occurrence (``interview:42:reminder-24h:2026-11-24T10:00``) so writing the same
    reminder twice is one row, and a row is sent at most once. ``event`` groups an event's messages so
    moving or cancelling the event moves or cancels them together.
    """

    key = models.CharField(_("key"), max_length=200, unique=True)
    event = models.CharField(_("event"), max_length=120, blank=True, db_index=True)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices, default=Channel.EMAIL)
    template = models.CharField(_("template"), max_length=80)
    language = models.CharField(_("language"), max_length=10, default="nl")
    # The language the recipient reads, when the message had no text in it and was written in the next one.
    requested_language = models.CharField(_("meant for the language"), max_length=10, blank=True)
    context = models.JSONField(_("context"), default=dict, blank=True)
    recipient_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="messages",
        verbose_name=_("recipient"),
    )
    recipient_name = models.CharField(_("recipient name"), max_length=150, blank=True)
    recipient_address = models.CharField(_("e-mail address or phone number"), max_length=254)
    campaign = models.ForeignKey(
        "campaigns.Campaign", on_delete=models.CASCADE, null=True, blank=True, related_name="messages"
    )
    due_at = models.DateTimeField(_("due"), db_index=True)
    expires_at = models.DateTimeField(_("not sent after"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MessageStatus.choices, default=MessageStatus.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    # Set when the dispatcher claims the row; a delivery task only acts on the claim it was given.
    claim = models.UUIDField(null=True, blank=True, editable=False)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # The SMS provider's id of the message (Twilio's SM…), so its delivery report finds the row.
    provider_id = models.CharField(_("provider's message id"), max_length=64, blank=True, db_index=True)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    body = models.TextField(_("text"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # A person's cancel: it stays cancelled until a person sends it again; the machine's re-planning never revives it.
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["-due_at", "-id"]
        indexes = [models.Index(fields=["status", "due_at"], name="message_due")]

    def __str__(self):
        return f"{self.title} → {self.recipient_name or self.recipient_address}"

    @property
    def has_left(self) -> bool:
        """Sent, and perhaps reported delivered: its text is what left, not what the template says today."""
        return self.status in (MessageStatus.SENT, MessageStatus.DELIVERED)

    @property
    def title(self) -> str:
        """The subject as sent; before that a note's own subject, or the kind of message."""
        return self.subject or self.context.get("subject") or kind_label(self.template)


class ImportKind(models.TextChoices):
    CANDIDATES = "candidates", _("Candidates")
    VACANCIES = "vacancies", _("Vacancies")


class PendingImport(models.Model):
    """An uploaded spreadsheet between its preview and its confirmation (jobroad/imports.py).

    Only the person who uploaded it can see it (another user's is a 404). It holds the raw cells as typed,
    which may be personal data, so it lives briefly: it is deleted when it is confirmed or discarded, and
    the periodic sweep deletes it once ``expires_at`` has passed. Nothing of it reaches the registries
    before the confirmation, which imports every row in one transaction.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=ImportKind.choices)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # Where the rows go: candidates into a campaign for a registering organisation; vacancies to a company.
    campaign = models.ForeignKey(
        "campaigns.Campaign", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    company = models.ForeignKey("companies.Company", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    filename = models.CharField(_("file"), max_length=255)
    # [{"key": field name, "header": as written in the file, "letter": "C"}] for the columns that are imported.
    columns = models.JSONField(default=list)
    ignored_columns = models.JSONField(default=list)  # headers (with letters) that are not imported
    # [{"number": spreadsheet row number, "cells": {key: text}, "extra": non-empty cells beyond the headers}]
    rows = models.JSONField(default=list)
    legacy_encoding = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("pending import")
        verbose_name_plural = _("pending imports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.filename}"


class AuditAction(models.TextChoices):
    VIEWED = "viewed", _("Viewed")
    CREATED = "created", _("Created")
    CHANGED = "changed", _("Changed")
    EXPORTED = "exported", _("Exported")
    PRINTED = "printed", _("Printed")
    MATCHED = "matched", _("Found by a duplicate check")


class AuditPlace(models.TextChoices):
    """Where a candidate's record was read or written."""

    CANDIDATE_PAGE = "candidate_page", _("Candidate page")
    PLACEMENT_PAGE = "placement_page", _("Placement page")
    SCREENING = "screening", _("Screening")
    MATCHING = "matching", _("Matching")
    CONSENT = "consent", _("Consent")
    CONSENT_FORM = "consent_form", _("Consent form (PDF)")
    SCHEDULE = "schedule", _("Project-week schedule (PDF)")
    PACK = "pack", _("Project-week pack (PDF)")
    DAY_SHEET = "day_sheet", _("Company day sheet (PDF)")
    BLIND_PROFILE = "blind_profile", _("Blind profile (company)")
    EVALUATION = "evaluation", _("Interview evaluation")
    EXPORT = "export", _("Candidate spreadsheet")
    REGISTRATION = "registration", _("Registration")
    IMPORT = "import", _("Spreadsheet import")
    DETAILS = "details", _("Details")
    PLACEMENT = "placement", _("Placement")
    CHECK_IN = "check_in", _("Check-in")
    PERSONAL_PAGE = "personal_page", _("Personal page (candidate link)")
    COACHING = "coaching", _("Coaching log")
    ENROLMENT = "enrolment", _("Enrolment")
    AUDIT = "audit", _("Audit trail")
    SUBJECT_EXPORT = "subject_export", _("Everything held (ZIP)")
    ERASURE = "erasure", _("Erasure")
    RETENTION = "retention", _("Retention policy")


class AuditEntry(models.Model):
    """Who did what with which candidate's record, and when — reads, exports and prints included, not only
    writes (``jobroad.audit.record``). It names the record by its id and the place by a fixed label, never by
    personal values, so it holds nothing of the person to scrub. Append-only."""

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("who"),
    )  # fmt: skip
    action = models.CharField(_("what"), max_length=10, choices=AuditAction.choices)
    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE, related_name="audit_entries")
    place = models.CharField(_("where"), max_length=20, choices=AuditPlace.choices)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["candidate", "-at"], name="audit_by_candidate")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} · {self.get_action_display()} · {self.candidate_id} · {self.place}"


class SavedFilter(models.Model):
    """A list's filter kept under a name by one person, to open again (``jobroad.saved_filters``). Only the query
    string of the list's own filter fields, as its filter cleaned them, is kept: no other free text than a search."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_filters")
    page = models.CharField(max_length=40)  # the list's URL name, e.g. "candidate_list"
    name = models.CharField(_("name"), max_length=80)
    query = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("saved filter")
        verbose_name_plural = _("saved filters")
        ordering = ["name", "pk"]
        constraints = [models.UniqueConstraint(fields=["user", "page", "name"], name="saved_filter_name_once")]

    def __str__(self):
        return self.name


class FormDraft(models.Model):
    """A long form saved as one person goes ("save and continue"), to finish later (``jobroad.drafts``). Only its
    owner opens it; it is encrypted at rest (it may hold a candidate's details before they are registered), kept a
    few days after its last save, and deleted once the form is sent."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="form_drafts")
    form = models.CharField(max_length=40)  # which form, e.g. "candidate_register"
    key = models.CharField(max_length=40)  # which one of it, e.g. the campaign's id
    data = EncryptedTextField()  # the fields as posted, JSON {name: [values]}
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "form", "key"], name="form_draft_once")]

    def __str__(self):
        return f"{self.form} {self.key}"
