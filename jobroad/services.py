"""Writes on people and organisations: invitations and their acceptance."""

import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import Invitation, Membership, Message, Organisation, Role, User, hash_token
from .outbox import Recipient, dispatch_soon, schedule_message


class InvitationUnusable(Exception):
    """The link was already used or has expired; ``reason`` is shown to the person."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def invite_person(*, organisation: Organisation, email: str, full_name: str, role: str, invited_by: User) -> str:
    """Create an invitation and put its mail in the outbox, sent as soon as the invitation commits. Returns the
    one-time token: only its hash is kept, and the outbox forgets the link once the mail has left.

    Refuses a role the organisation's kind cannot carry.
    """
    if role not in organisation.allowed_roles():
        raise ValidationError(_("A %(kind)s cannot have this role.") % {"kind": organisation.get_kind_display()})
    token = secrets.token_urlsafe(32)
    language = invited_by.language or settings.LANGUAGE_CODE
    with transaction.atomic():
        invitation = Invitation.objects.create(
            email=email.lower(),
            full_name=full_name,
            organisation=organisation,
            role=role,
            invited_by=invited_by,
            token_hash=hash_token(token),
            expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
        )
        with translation.override(language):
            role_label = str(Role(role).label)
        schedule_message(
            key=f"invitation:{invitation.pk}",
            template="invitation",
            recipient=Recipient(address=invitation.email, name=full_name, language=language),
            due_at=timezone.now(),
            context={
                "link": settings.SITE_URL + reverse("invitation_accept", kwargs={"token": token}),
                "organisation": organisation.name,
                "role": role_label,
                "expires_at": invitation.expires_at.isoformat(),
            },
            created_by=invited_by,
        )
        dispatch_soon()  # someone is waiting for this mail; the next sweep is only a safety net
    return token


def invitation_for_token(token: str) -> Invitation:
    """The invitation behind a link, or InvitationUnusable with a reason a person understands."""
    invitation = Invitation.objects.select_related("organisation").filter(token_hash=hash_token(token)).first()
    if invitation is None:
        raise InvitationUnusable(_("This invitation link is not valid. Ask your coordinator for a new one."))
    if invitation.is_accepted:
        raise InvitationUnusable(_("This invitation has already been used. You can log in with your password."))
    if invitation.is_expired():
        raise InvitationUnusable(_("This invitation has expired. Ask your coordinator for a new one."))
    return invitation


def accept_invitation(*, token: str, password: str, full_name: str) -> User:
    """Create (or reuse) the account, add the membership and spend the link — all or nothing.

    The invitation row is locked, so two clicks on the same link cannot both succeed.
    """
    with transaction.atomic():
        invitation = invitation_for_token(token)
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.is_accepted:
            raise InvitationUnusable(_("This invitation has already been used. You can log in with your password."))
        user = User.objects.filter(email__iexact=invitation.email).first()
        if user is None:
            user = User.objects.create_user(email=invitation.email, password=password, full_name=full_name)
        Membership.objects.get_or_create(user=user, organisation=invitation.organisation, role=invitation.role)
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
    return user


def write_note(
    *, author: User, recipient: User | None, address: str, channel: str, subject: str, text: str, due_at
) -> Message:
    """A coordinator's own message, into the outbox like every other; it leaves with the next dispatch."""
    if recipient is not None:
        target = Recipient.for_user(recipient)
    else:
        target = Recipient(address=address, language=author.language or settings.LANGUAGE_CODE, channel=channel)
    return schedule_message(
        key=f"note:{uuid.uuid4()}",
        template="note",
        recipient=target,
        due_at=due_at or timezone.now(),
        context={"subject": subject, "text": text},
        created_by=author,
    )
