"""Seeding the demo world in a test: ``seed_demo`` and its log."""

from io import StringIO

from django.core.management import call_command

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # as tests/conftest.py's fast_password_hashing


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()
