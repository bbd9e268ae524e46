"""Reads of the core: who holds a role in an organisation, a list's search (the outbox's filters: message_filters)."""

from django.db.models import QuerySet

from .models import User


def members(role: str, *organisations) -> QuerySet[User]:
    """The active people holding ``role`` in any of ``organisations`` (rows or ids), each once: who a message
    about that organisation goes to."""
    ids = [getattr(organisation, "pk", organisation) for organisation in organisations]
    return User.objects.filter(is_active=True, memberships__organisation__in=ids, memberships__role=role).distinct()


def search_query(params) -> str:
    """The ``q`` a list is searched with: at most 100 characters, and never a NUL, which PostgreSQL refuses in
    any string (a 500 instead of "no results")."""
    return params.get("q", "").replace("\x00", "").strip()[:100]
