import ipaddress
import os
import time
from typing import ClassVar

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from whitenoise.middleware import WhiteNoiseMiddleware

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


# Session keys of SessionTimeoutMiddleware: when the user logged in, and when they were last seen (epoch seconds).
SESSION_STARTED = "jobroad_session_started"
SESSION_LAST_SEEN = "jobroad_session_last_seen"
LAST_SEEN_GRANULARITY = 60  # seconds: the last-seen time is written at most once a minute, not on every request


def start_session_clock(sender, request, user, **kwargs):
    """On every log-in (connected to ``user_logged_in``): both clocks start now."""
    if request is not None:
        now = int(time.time())
        request.session[SESSION_STARTED] = request.session[SESSION_LAST_SEEN] = now


class SessionTimeoutMiddleware:
    """Logs out a session idle for ``SESSION_IDLE_MINUTES``, and any session older than ``SESSION_COOKIE_AGE``
    however busy — a shared computer in a reception centre must not stay logged in. The request then goes on
    anonymous, so a page behind log-in sends to the log-in page and comes back after it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            self._check(request)
        return self.get_response(request)

    def _check(self, request) -> None:
        now = int(time.time())
        started = request.session.setdefault(SESSION_STARTED, now)  # a session from before the clocks existed
        last_seen = request.session.get(SESSION_LAST_SEEN, now)
        if now - last_seen > settings.SESSION_IDLE_MINUTES * 60 or now - started > settings.SESSION_COOKIE_AGE:
            logout(request)
        elif SESSION_LAST_SEEN not in request.session or now - last_seen >= LAST_SEEN_GRANULARITY:
            request.session[SESSION_LAST_SEEN] = now


class PermissionsPolicyMiddleware:
    """Turns off the browser features the platform never uses (camera, microphone, location…) on every response,
    so a script that slipped in could not use them either. Django sets the other security headers itself."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    """WhiteNoise in both modes: production serves the collected STATIC_ROOT; the embedded mode, which runs no
    collectstatic, serves static/ and the apps' files through the finders, and needs no warning that STATIC_ROOT is
    missing."""

    # What the finders found, looked for once per process (static prefix → url → file): the files do not change
    # while it runs (DJANGO_DEBUG=1 looks them up on each request instead), and the test client builds the middleware
    # anew for every test.
    found_by_finders: ClassVar[dict[str, dict]] = {}

    def add_files(self, root, prefix=None):
        if settings.PRODUCTION or os.path.isdir(root):
            super().add_files(root, prefix)

    def add_files_from_finders(self):
        if self.static_prefix not in self.found_by_finders:
            files, self.files = self.files, {}
            super().add_files_from_finders()
            self.found_by_finders[self.static_prefix], self.files = self.files, files
        self.files.update(self.found_by_finders[self.static_prefix])


PROBE_PATHS = frozenset({"/healthz", "/readyz"})


def is_loopback_probe(request) -> bool:
    """A request for a probe from this machine itself (a monitor, the orchestrator), not through the proxy in front,
    which says whom it forwards for."""
    if request.path_info not in PROBE_PATHS or "HTTP_X_FORWARDED_FOR" in request.META:
        return False
    try:
        return ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")).is_loopback
    except ValueError:
        return False


class LoopbackProbeMiddleware:
    """Answers a loopback probe of /healthz or /readyz before anything reads the Host header, so a probe of
    http://127.0.0.1:8000/readyz needs no entry in ALLOWED_HOSTS (SECURE_REDIRECT_EXEMPT spares it the HTTPS
    redirect). It sits after the header middleware, so the answer carries the same security headers; the probes read
    no session and build no URL from the host. Any other request goes the usual way."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_loopback_probe(request):
            return resolve(request.path_info).func(request)
        return self.get_response(request)
