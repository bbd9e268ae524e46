"""Settings for both run modes, read from the environment (see .env.example and .env.production.example).

Nothing set gives the embedded mode: SQLite, Celery tasks run in-process, mail captured in the
database. DATABASE_URL and REDIS_URL switch to the scaled-out services; JOBROAD_PRODUCTION=1, and only it, makes a
run production (hardening, required secrets, no demo data).
"""

import contextlib
import os
import secrets
import tempfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from celery.schedules import crontab
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def installation_secret(path: Path, make: Callable[[], str]) -> str:
    """The secret kept in ``path`` (mode 0600), made with ``make()`` on first use. It is written to a private
    temporary file and hard-linked into place, which fails if the name exists: of two processes starting at once,
    both end up with the first one's secret, and nobody ever reads half a file."""
    try:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f"{path.name}.")  # mode 0600
            try:
                with os.fdopen(descriptor, "w") as file:
                    file.write(make() + "\n")
                    file.flush()
                    os.fsync(file.fileno())
                with contextlib.suppress(FileExistsError):  # another process made it first: theirs counts
                    os.link(temporary, path)
            finally:
                os.unlink(temporary)
        secret = path.read_text().strip()
    except OSError as error:
        raise ImproperlyConfigured(f"Cannot read or create the installation's secret {path}: {error}") from error
    if not secret:
        raise ImproperlyConfigured(f"{path} is empty; delete it and a new secret is made on the next start.")
    return secret


PRODUCTION = env_bool("JOBROAD_PRODUCTION")
# Off unless asked for (DJANGO_DEBUG=1): the debug pages list every URL and show tracebacks with settings.
DEBUG = env_bool("DJANGO_DEBUG")

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
SQLITE = DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
if SQLITE:
    # Requests and the sweep thread write at once in the embedded mode. IMMEDIATE takes the write lock when a
    # transaction begins, so a writer waits (up to `timeout` seconds) for the one before it; with SQLite's default
    # (DEFERRED), two transactions that read and then write fail at once with "database is locked", without waiting.
    # WAL lets pages be read while someone writes.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL",
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Outside production the secrets below, unless set, are made for each installation on its first start and kept
# beside the SQLite database (or in the project directory), never in the repository: whoever knows SECRET_KEY can
# forge sessions and signed links, such as an employer's check-in link.
SECRET_DIR = (
    Path(DATABASES["default"]["NAME"]).resolve().parent
    if SQLITE and not str(DATABASES["default"]["NAME"]).startswith((":memory:", "file:"))
    else BASE_DIR
)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.")
    SECRET_KEY = installation_secret(SECRET_DIR / ".secret_key", lambda: secrets.token_urlsafe(50))
elif PRODUCTION and (
    SECRET_KEY.startswith(("change-me", "django-insecure-", "...")) or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5
):
    # The placeholder of .env.production.example or the README, or a key anyone could guess: refuse to start rather
    # than only warn in `check --deploy`, since the key signs sessions and employers' check-in links.
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is a placeholder or too weak for production: set 50 or more random characters, e.g. "
        "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
    )

# Keys for the encrypted notes (jobroad/fields.py), newest first: the first encrypts, all decrypt. To rotate, put a
# new key first, run `manage.py rotate_field_keys`, then drop the old one. Generate one with
# `python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"`.
FIELD_ENCRYPTION_KEYS = env_list("JOBROAD_FIELD_ENCRYPTION_KEYS", "")
if not FIELD_ENCRYPTION_KEYS:
    if PRODUCTION:
        raise ImproperlyConfigured("JOBROAD_FIELD_ENCRYPTION_KEYS must be set in production.")
    FIELD_ENCRYPTION_KEYS = [
        installation_secret(SECRET_DIR / ".field_encryption_key", lambda: Fernet.generate_key().decode()),
        # The public key every embedded installation used before it had its own: it still reads notes written then
        # (`manage.py rotate_field_keys` writes them again with the installation's key), and encrypts nothing.
        "ZW1iZWRkZWQtbW9kZS1vbmx5LW5vdC1zZWNyZXQtISE=",
    ]

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("JOBROAD_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Admins and coordinators must use MFA. The embedded demo may relax this so a newcomer can look
# around; production refuses the relaxation outright.
MFA_REQUIRED_FOR_STAFF = not env_bool("JOBROAD_DEMO_SKIP_MFA")
if PRODUCTION and not MFA_REQUIRED_FOR_STAFF:
    raise ImproperlyConfigured("JOBROAD_DEMO_SKIP_MFA is for the embedded demo only, never production.")

INSTALLED_APPS = [
    "jobroad",
    "companies",
    "candidates",
    "campaigns",
    "workshops",
    "aftercare",
    "demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "jobroad.middleware.PermissionsPolicyMiddleware",
    # Before WhiteNoise, so that static files carry these headers too.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # /healthz and /readyz for a probe on this machine, answered before anything reads the Host header.
    "jobroad.middleware.LoopbackProbeMiddleware",
    # Static files in both modes (WhiteNoise), so they pass the header middleware above; `manage.py serve` turns
    # runserver's own static handler off.
    "jobroad.middleware.StaticFilesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "jobroad.middleware.SessionTimeoutMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "jobroad.middleware.RequireStaffMfaMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]

ROOT_URLCONF = "jobroad.urls"
WSGI_APPLICATION = "jobroad.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "jobroad.context_processors.navigation",
            ],
        },
    },
]

REDIS_URL = os.environ.get("REDIS_URL", "")
# The cache is a database table in both modes (`migrate` creates it, jobroad/apps.py), never Redis: allauth's rate
# limits count log-ins in it, so log-in works and its limit holds while Redis is down; the sweep notes its last
# success there (jobroad/health.py). A few rows a log-in; MAX_ENTRIES well above what an attack from many addresses
# writes in a rate-limit window, so no counter is culled early.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "jobroad_cache",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
}

AUTH_USER_MODEL = "jobroad.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# allauth: e-mail log-in, no public sign-up (people are invited), MFA with TOTP + recovery codes.
ACCOUNT_ADAPTER = "jobroad.adapters.InvitationOnlyAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/300s/key"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "JobRoad"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# English dates day-first (en-GB), short dates alike in every language: jobroad/formats.
FORMAT_MODULE_PATH = ["jobroad.formats"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# The embedded mode runs no collectstatic: WhiteNoise serves static/ and the apps' files through the finders.
WHITENOISE_USE_FINDERS = not PRODUCTION
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

# Mail: SMTP when EMAIL_HOST is set, otherwise captured in the database and readable in the app.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=EMAIL_PORT == 587)
    EMAIL_TIMEOUT = 30
else:
    EMAIL_BACKEND = "jobroad.mail.CapturingEmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "JobRoad <noreply@jobroad.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: Redis broker in scaled mode; in the embedded mode tasks run in-process.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True  # tasks write their outcome to the database, never to a result backend
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
SWEEP_INTERVAL_SECONDS = int(os.environ.get("JOBROAD_SWEEP_INTERVAL", "60"))
CELERY_BEAT_SCHEDULE = {
    "periodic-sweep": {"task": "jobroad.run_periodic_sweep", "schedule": float(SWEEP_INTERVAL_SECONDS)},
    "nightly-sweep": {"task": "jobroad.run_nightly_sweep", "schedule": crontab(hour=2, minute=30)},
}
# The retention policy (jobroad/retention.py): a candidate's record is anonymised this many months after the last
# contact with them, unless a placement still runs.
RETENTION_MONTHS = int(os.environ.get("JOBROAD_RETENTION_MONTHS", "36"))

# The outbox (jobroad/outbox.py): a message stuck in "sending" this long is claimed again; after this many
# tries it is marked failed and shown to coordinators.
OUTBOX_RECLAIM_AFTER_SECONDS = int(os.environ.get("JOBROAD_OUTBOX_RECLAIM_AFTER", "120"))
# Due messages still waiting after this many minutes, or no successful sweep for as long, mean an outage: coordinators
# see a banner and /readyz answers 503 (jobroad/health.py).
OUTBOX_ALERT_MINUTES = int(os.environ.get("JOBROAD_OUTBOX_ALERT_MINUTES", "10"))
# With the back-off of 1, 2, 4 … minutes up to an hour, 30 attempts keep a message trying for about a day.
OUTBOX_MAX_ATTEMPTS = int(os.environ.get("JOBROAD_OUTBOX_MAX_ATTEMPTS", "30"))
OUTBOX_MESSAGE_ID_DOMAIN = urlsplit(SITE_URL).hostname or "jobroad.invalid"
# SMS: a class with send(to, text). The default logs; "jobroad.twilio_sms.TwilioSmsBackend" sends through Twilio.
SMS_BACKEND = os.environ.get("JOBROAD_SMS_BACKEND", "jobroad.channels.LogSmsBackend")
# Twilio (jobroad/twilio_sms.py): the account, its auth token (it also signs the delivery reports, so without it
# every report is refused) and the sending number in E.164. The base URL is only changed to reach a local fake.
TWILIO_ACCOUNT_SID = os.environ.get("JOBROAD_TWILIO_ACCOUNT_SID", "")
TWILIO_AUTH_TOKEN = os.environ.get("JOBROAD_TWILIO_AUTH_TOKEN", "")
TWILIO_FROM_NUMBER = os.environ.get("JOBROAD_TWILIO_FROM_NUMBER", "")
TWILIO_API_BASE_URL = os.environ.get("JOBROAD_TWILIO_API_BASE_URL", "")
TWILIO_TIMEOUT_SECONDS = float(os.environ.get("JOBROAD_TWILIO_TIMEOUT", "15"))

INVITATION_VALID_DAYS = int(os.environ.get("JOBROAD_INVITATION_VALID_DAYS", "7"))
# An employer's check-in link (aftercare/links.py) works this many days after the check-in's due day.
CHECK_IN_LINK_VALID_DAYS = int(os.environ.get("JOBROAD_CHECK_IN_LINK_VALID_DAYS", "30"))
# A check-in can be answered from this many days before its due day (a job starting in April is not "still going"
# in December); the list of check-ins to answer shows a week ahead, so a week is the default.
CHECK_IN_OPENS_DAYS_BEFORE = int(os.environ.get("JOBROAD_CHECK_IN_OPENS_DAYS_BEFORE", "7"))

# Content-Security-Policy: only our own origin, no inline scripts or styles anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Sessions (jobroad/middleware.SessionTimeoutMiddleware): logged out after this many minutes without a request, and
# in any case this many hours after logging in.
SESSION_IDLE_MINUTES = int(os.environ.get("JOBROAD_SESSION_IDLE_MINUTES", "30"))
SESSION_COOKIE_AGE = int(os.environ.get("JOBROAD_SESSION_MAX_HOURS", "12")) * 60 * 60
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in ("accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone", "payment",
                    "usb")
)  # fmt: skip
if PRODUCTION:
    # Behind a TLS-terminating proxy, the header in which it tells the scheme the client used ("X-Forwarded-Proto":
    # https); without it every request looks like plain HTTP and the SSL redirect loops. The proxy must set (not pass
    # through) that header. Empty when gunicorn terminates TLS itself, or nothing sets the header.
    if proxy_header := os.environ.get("DJANGO_SECURE_PROXY_SSL_HEADER", "X-Forwarded-Proto").strip():
        SECURE_PROXY_SSL_HEADER = ("HTTP_" + proxy_header.upper().replace("-", "_"), "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    # The probes answer over plain HTTP, so a monitor on the machine need not speak TLS (they carry no cookie).
    SECURE_REDIRECT_EXEMPT = [r"^(healthz|readyz)$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # Preloading puts the domain in the browsers' built-in HTTPS-only lists, which takes months to undo: opt in
    # (DJANGO_SECURE_HSTS_PRELOAD=1) once the site and every subdomain serve HTTPS, not on a first try.
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD")
    if not SECURE_HSTS_PRELOAD:
        SILENCED_SYSTEM_CHECKS = ["security.W021"]  # "not preloaded": a deliberate default, see above
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # runserver's request log (the embedded mode) as Django formats it, but without query strings, which may hold
    # a person's name, or one-time link tokens (jobroad/log_filters.py); gunicorn's access log too (gunicorn.conf.py).
    "filters": {"redact_request_line": {"()": "jobroad.log_filters.RedactRequestLine"}},
    "formatters": {
        "django.server": {"()": "django.utils.log.ServerFormatter", "format": "[{server_time}] {message}", "style": "{"}
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "django.server": {"class": "logging.StreamHandler", "formatter": "django.server"},
    },
    "loggers": {
        "django.server": {
            "handlers": ["django.server"],
            "filters": ["redact_request_line"],
            "level": "INFO",
            "propagate": False,
        },
        "django.request": {"filters": ["redact_request_line"]},  # "Gone: /invitations/<token>/" and the like
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}

# Optional error reporting (jobroad/error_reporting.py): set SENTRY_DSN to send errors, with no personal data.
if SENTRY_DSN := os.environ.get("SENTRY_DSN", ""):
    from jobroad import error_reporting

    error_reporting.init(SENTRY_DSN, environment=os.environ.get("SENTRY_ENVIRONMENT", "production"))
