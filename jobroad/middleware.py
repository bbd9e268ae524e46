from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.shortcuts import redirect
from django.urls import Resolver404, resolve

from .permissions import must_use_mfa

# What a coordinator without MFA may still reach: setting it up, and leaving.
MFA_SETUP_URL_NAMES = frozenset(
    {
        "mfa_activate_totp",
        "mfa_index",
        "mfa_view_recovery_codes",
        "mfa_generate_recovery_codes",
        "mfa_download_recovery_codes",
        "mfa_reauthenticate",
        "account_reauthenticate",
        "account_logout",
        "set_language",
    }
)


class RequireStaffMfaMiddleware:
    """allauth offers MFA but cannot force it; admins and coordinators must have TOTP before anything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_set_up_mfa(request):
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    def _must_set_up_mfa(self, request) -> bool:
        if not settings.MFA_REQUIRED_FOR_STAFF or not request.user.is_authenticated:
            return False
        if request.path_info.startswith(settings.STATIC_URL):
            return False
        try:
            if resolve(request.path_info).url_name in MFA_SETUP_URL_NAMES:
                return False
        except Resolver404:
            return False
        return must_use_mfa(request.user) and not is_mfa_enabled(request.user, [Authenticator.Type.TOTP])
