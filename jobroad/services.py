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

from . import permissions
from .channels import Undeliverable
from .models import Invitation, Membership, Message, Organisation, Role, User, hash_token
from .outbox import Recipient, dispatch_soon, schedule_message


class InvitationUnusable(Exception):
    """The link was already used or has expired; ``reason`` is shown to the person."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def invite_person(
    *, organisation: Organisation, email: str, full_name: str, role: str, invited_by: User, language: str = ""
) -> Invitation:
    """Create an invitation and put its mail in the outbox, sent as soon as the invitation commits.

    The outbox keeps which invitation the mail is for, never a link: the link is made as the mail leaves
    (``invitation_link``). Refuses a role the inviter may not grant in this organisation (permissions.GRANTABLE_ROLES)
    or that the organisation's kind cannot carry.
    """
    if role not in permissions.grantable_roles(invited_by, organisation):
        raise ValidationError(
            _("You cannot invite someone to %(organisation)s as this role.") % {"organisation": organisation}
        )
    language = language or invited_by.language or settings.LANGUAGE_CODE
    with transaction.atomic():
        invitation = Invitation.objects.create(
            email=email.lower(),
            full_name=full_name,
            organisation=organisation,
            role=role,
            language=language,
            invited_by=invited_by,
            token_hash=hash_token(secrets.token_urlsafe(32)),  # no working link until the mail leaves
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
                "invitation": invitation.pk,
                "organisation": organisation.name,
                "role": role_label,
                "expires_at": invitation.expires_at.isoformat(),
            },
            created_by=invited_by,
        )
        dispatch_soon()  # someone is waiting for this mail; the next sweep is only a safety net
    return invitation


def invitation_link(message: Message) -> str:
    """A fresh one-time link for the invitation an outbox message is about, made as the mail leaves. Only its hash
    is kept, and the link of any earlier mail for the invitation stops working (a resent mail replaces it)."""
    token = secrets.token_urlsafe(32)
    usable = Invitation.objects.filter(
        pk=message.context.get("invitation"), accepted_at__isnull=True, expires_at__gt=timezone.now()
    )
    if not usable.update(token_hash=hash_token(token)):
        raise Undeliverable("The invitation was used or has expired.")
    return settings.SITE_URL + reverse("invitation_accept", kwargs={"token": token})


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


def invited_account(invitation: Invitation) -> User | None:
    """The account that already has the invited address, if any: it joins by logging in, never through the link."""
    return User.objects.filter(email__iexact=invitation.email).first()


def accept_invitation(*, token: str, password: str, full_name: str) -> User:
    """Create the invited person's account with the password they chose, add the membership and spend the link,
    all or nothing. Never touches an existing account: an address that has one joins with ``join_invitation``
    after a normal log-in (password and second factor).

    The invitation row is locked, so two clicks on the same link cannot both succeed.
    """
    with transaction.atomic():
        invitation = _lock_usable_invitation(token)
        if invited_account(invitation) is not None:
            raise InvitationUnusable(_("An account with this address exists already. Log in to accept the invitation."))
        user = User.objects.create_user(
            email=invitation.email, password=password, full_name=full_name, language=invitation.language
        )
        _spend_invitation(invitation, user)
    return user


def join_invitation(*, token: str, user: User) -> Membership:
    """Give the logged-in ``user`` the membership they were invited to. Only the account with the invited address
    may: a link passed on to someone else grants them nothing."""
    with transaction.atomic():
        invitation = _lock_usable_invitation(token)
        check_invitee(invitation, user)
        return _spend_invitation(invitation, user)


def check_invitee(invitation: Invitation, user: User) -> None:
    """Refuses (InvitationUnusable) anyone but the account with the invited address."""
    if user.email.lower() != invitation.email.lower():
        raise InvitationUnusable(
            _("This invitation is for %(email)s. Log out, then log in with that address to accept it.")
            % {"email": invitation.email}
        )


def _lock_usable_invitation(token: str) -> Invitation:
    invitation = invitation_for_token(token)
    invitation = Invitation.objects.select_for_update().select_related("organisation").get(pk=invitation.pk)
    if invitation.is_accepted:
        raise InvitationUnusable(_("This invitation has already been used. You can log in with your password."))
    return invitation


def _spend_invitation(invitation: Invitation, user: User) -> Membership:
    membership, _created = Membership.objects.get_or_create(
        user=user, organisation=invitation.organisation, role=invitation.role
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


def set_own_language(*, user: User, language: str) -> None:
    """A person's choice of interface language, kept on their profile: their next log-in and their mail use it."""
    if language in dict(settings.LANGUAGES) and user.language != language:
        user.language = language
        user.save(update_fields=["language"])


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
