from collections.abc import Callable

from django.conf import settings

from . import health, permissions

# The apps' items in the main menu, by key (``nav.<key>`` in the templates): each app registers its own at start-up
# (in its ``AppConfig.ready``) with the predicate, from the permission rules, that decides who sees it.
MENU_ITEMS: dict[str, Callable[..., bool]] = {}


def register_menu_item(key: str, can_see: Callable[..., bool]) -> None:
    MENU_ITEMS[key] = can_see


def navigation(request):
    """The navigation items for the user's roles, decided by the permission modules."""
    user = request.user
    if not user.is_authenticated:
        return {}
    return {
        "nav": {
            **{key: can_see(user) for key, can_see in MENU_ITEMS.items()},
            "organisations": bool(permissions.roles_of(user)),
            "outbox": permissions.can_manage_messages(user),
            "mail": permissions.can_read_captured_mail(user),
            "reports": permissions.can_view_reports(user),
            "admin": user.is_staff,
        },
        # The demo banner concerns only the people two-factor authentication would be enforced for.
        "mfa_relaxed": not settings.MFA_REQUIRED_FOR_STAFF and permissions.must_use_mfa(user),
        "outbox_late": outbox_late(user),
    }


def outbox_late(user) -> int | None:
    """For admins and coordinators, the alert threshold in minutes when due messages have waited longer than it (the
    mail server, the worker or beat is down); None otherwise. One indexed query, on their pages only."""
    if permissions.can_manage_messages(user) and health.late_messages().exists():
        return settings.OUTBOX_ALERT_MINUTES
    return None
