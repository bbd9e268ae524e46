"""Reads of the core: who holds a role in an organisation, the outbox's filters."""

from django.db.models import Q, QuerySet

from .models import Message, MessageStatus, User


def members(role: str, *organisations) -> QuerySet[User]:
    """The active people holding ``role`` in any of ``organisations`` (rows or ids), each once: who a message
    about that organisation goes to."""
    ids = [getattr(organisation, "pk", organisation) for organisation in organisations]
    return User.objects.filter(is_active=True, memberships__organisation__in=ids, memberships__role=role).distinct()


def search_query(params) -> str:
    """The ``q`` a list is searched with: at most 100 characters, and never a NUL, which PostgreSQL refuses in
    any string (a 500 instead of "no results")."""
    return params.get("q", "").replace("\x00", "").strip()[:100]


def messages_filtered(messages: QuerySet[Message], params) -> QuerySet[Message]:
    """The outbox narrowed by the list's filters: ``status``, ``person`` (a user id) and ``q`` (name,
    address or key)."""
    if params.get("status") in MessageStatus.values:
        messages = messages.filter(status=params["status"])
    if params.get("person", "").isdecimal():  # isdigit() takes "²", which int() refuses
        messages = messages.filter(recipient_user_id=params["person"])
    if query := search_query(params):
        messages = messages.filter(
            Q(recipient_name__icontains=query) | Q(recipient_address__icontains=query) | Q(key__icontains=query)
        )
    return messages
