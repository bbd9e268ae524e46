"""Running the outbox's dispatcher in a test, at a moment of the test's choosing."""

from datetime import datetime

import time_machine
from django.test import TestCase

from jobroad import outbox


def dispatch(now: datetime) -> list:
    """One run of the dispatcher at ``now``, its delivery tasks run when the claim commits (as in production)."""
    with time_machine.travel(now, tick=False), TestCase.captureOnCommitCallbacks(execute=True):
        return outbox.claim_due_messages()
