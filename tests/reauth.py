"""Standing in for typing the password again, for pages behind allauth's ``reauthentication_required``."""

import time


def recently_authenticated(client, user) -> None:
    """What allauth records in the session when someone types their password again."""
    session = client.session
    session["account_authentication_methods"] = [{"method": "password", "at": time.time(), "reauthenticated": True}]
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()
