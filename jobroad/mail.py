"""The embedded mode's mail backend: mail is kept in the app, where coordinators read their own campaigns' mail.

A mail that holds a one-time link (an invitation, an employer's check-in, allauth's password reset and codes) is
never kept: whoever could read it could use the link. It is written to the server's console instead, which only
the person who runs the embedded server sees.
"""

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.console import EmailBackend as ConsoleEmailBackend


class CapturingEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        from .models import CapturedMail

        secret = [message for message in email_messages if getattr(message, "holds_one_time_link", False)]
        if secret:
            ConsoleEmailBackend(fail_silently=self.fail_silently).send_messages(secret)
        for message in email_messages:
            if message in secret:
                continue
            html = next(
                (body for body, mimetype in getattr(message, "alternatives", []) if mimetype == "text/html"), ""
            )
            CapturedMail.objects.create(
                message_id=getattr(message, "outbox_message_id", None),
                recipients=", ".join(message.recipients()),
                subject=message.subject[:300],
                body=message.body,
                html_body=html,
            )
        return len(email_messages)
