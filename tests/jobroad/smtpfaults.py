"""A mail backend that fails the way a mail server does, for the outbox's retry tests."""

from datetime import datetime

from django.utils import timezone


def failing_send(error: Exception, *, until: datetime):
    """``EmailBackend.send_messages`` that raises ``error`` while the clock is before ``until``, then sends."""
    from django.core.mail.backends.locmem import EmailBackend

    original = EmailBackend.send_messages

    def send_messages(self, messages):
        if timezone.now() < until:
            raise error
        return original(self, messages)

    return send_messages
