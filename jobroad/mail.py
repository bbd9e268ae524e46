"""The embedded mode's mail backend: every message is stored and readable by coordinators."""

from django.core.mail.backends.base import BaseEmailBackend


class CapturingEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        from .models import CapturedMail

        for message in email_messages:
            html = next(
                (body for body, mimetype in getattr(message, "alternatives", []) if mimetype == "text/html"), ""
            )
            CapturedMail.objects.create(
                recipients=", ".join(message.recipients()),
                subject=message.subject[:300],
                body=message.body,
                html_body=html,
            )
        return len(email_messages)
