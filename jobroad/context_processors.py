from django.conf import settings

from . import permissions


def navigation(request):
    """The navigation items for the user's roles, decided by the permission module."""
    user = request.user
    if not user.is_authenticated:
        return {"mfa_relaxed": not settings.MFA_REQUIRED_FOR_STAFF}
    roles = permissions.roles_of(user)
    return {
        "nav": {
            "campaigns": bool(roles),
            "candidates": permissions.is_coordinator(user) or bool(roles & {"intermediary", "job_coach"}),
            "companies": permissions.is_coordinator(user) or "company_hr" in roles,
            "organisations": bool(roles),
            "aftercare": permissions.can_see_placements(user),
            "outbox": permissions.can_manage_messages(user),
            "mail": permissions.can_read_captured_mail(user),
            "reports": permissions.can_view_reports(user),
            "admin": user.is_staff,
        },
        "mfa_relaxed": not settings.MFA_REQUIRED_FOR_STAFF,
    }
