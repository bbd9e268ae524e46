"""The two run modes: production settings pass Django's deployment checks and refuse demo shortcuts."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "JOBROAD_PRODUCTION": "1",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "jobroad.example.org",
    "JOBROAD_FIELD_ENCRYPTION_KEYS": "dGhpcy1pcy1hLXRlc3Qta2V5LW9mLTMyLWJ5dGVzISE=",
}


def manage(*args, **env):
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("JOBROAD_", "DJANGO_"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment | env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checks():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_the_embedded_defaults_would_not_pass_them():
    """Proves the check above can fail: the embedded mode is not hardened for the internet."""
    result = manage("check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode != 0


@pytest.mark.parametrize(
    ("env", "complaint"),
    [
        (PRODUCTION_ENV | {"JOBROAD_DEMO_SKIP_MFA": "1"}, "JOBROAD_DEMO_SKIP_MFA"),
        ({"JOBROAD_PRODUCTION": "1", "DJANGO_ALLOWED_HOSTS": "jobroad.example.org"}, "DJANGO_SECRET_KEY"),
        (
            {key: value for key, value in PRODUCTION_ENV.items() if key != "JOBROAD_FIELD_ENCRYPTION_KEYS"},
            "JOBROAD_FIELD_ENCRYPTION_KEYS",
        ),
    ],
)
def test_production_refuses_to_start_misconfigured(env, complaint):
    result = manage("check", **env)

    assert result.returncode != 0
    assert complaint in result.stderr


@pytest.mark.parametrize(
    "secret_key",
    ["change-me-to-50-random-characters", "...", "django-insecure-" + "x1y2z3" * 10, "too-short", "ab" * 30],
)
def test_production_refuses_to_start_with_a_placeholder_or_weak_secret_key(secret_key):
    result = manage("check", **PRODUCTION_ENV | {"DJANGO_SECRET_KEY": secret_key})

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is a placeholder or too weak for production" in result.stderr


def test_the_wsgi_application_refuses_the_placeholder_secret_key_too():
    env = PRODUCTION_ENV | {"DJANGO_SECRET_KEY": "change-me-to-50-random-characters"}
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("JOBROAD_", "DJANGO_"))}

    result = subprocess.run(
        [sys.executable, "-c", "import jobroad.wsgi"], cwd=ROOT, env=environment | env, capture_output=True, text=True
    )

    assert result.returncode != 0
    assert "ImproperlyConfigured: DJANGO_SECRET_KEY is a placeholder" in result.stderr


def test_hsts_preload_is_opt_in_and_the_proxy_header_configurable():
    script = "from django.conf import settings as s; print(s.SECURE_HSTS_PRELOAD, s.SECURE_PROXY_SSL_HEADER)"
    default = manage("shell", "-c", script, **PRODUCTION_ENV)
    chosen = manage(
        "shell",
        "-c",
        script,
        **PRODUCTION_ENV | {"DJANGO_SECURE_HSTS_PRELOAD": "1", "DJANGO_SECURE_PROXY_SSL_HEADER": "X-Scheme"},
    )

    assert default.stdout.splitlines()[-1] == "False ('HTTP_X_FORWARDED_PROTO', 'https')"
    assert chosen.stdout.splitlines()[-1] == "True ('HTTP_X_SCHEME', 'https')"


def test_the_cache_is_real_so_rate_limits_count():
    assert "Dummy" not in settings.CACHES["default"]["BACKEND"]


def test_csp_forbids_inline_scripts_and_styles(client, db):
    policy = client.get(reverse("account_login"))["Content-Security-Policy"]

    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert "unsafe-inline" not in policy


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=|\son[a-z]+=", re.IGNORECASE)


@pytest.mark.parametrize("template", sorted((ROOT / "templates").rglob("*.html")), ids=lambda path: path.name)
def test_our_templates_have_no_inline_script_style_or_handlers(template):
    """The CSP would block them; keep behaviour in static/ files."""
    text = template.read_text()

    assert not INLINE_SCRIPT.search(text)
    assert not INLINE_STYLE.search(text)
