"""A second factor for test users: an activated TOTP authenticator, as staff must have."""

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret


def with_totp(user) -> str:
    """Give the user an activated TOTP authenticator; returns its secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret
