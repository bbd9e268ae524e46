"""Two dispatchers racing for the same due rows, on real connections in two threads."""

import threading
from collections import Counter
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from jobroad import outbox
from jobroad.models import Message, MessageStatus

DUE = 60


@pytest.mark.django_db(transaction=True)
def test_two_dispatchers_on_the_same_due_rows_send_each_message_once(mailoutbox):
    if connection.vendor != "postgresql":
        pytest.skip("needs row locks and concurrent writers: PostgreSQL (the CI's second run)")
    due_at = timezone.now() - timedelta(minutes=1)
    Message.objects.bulk_create(
        Message(key=f"race:{n}", template="note", recipient_address=f"p{n}@example.org", due_at=due_at,
                context={"subject": f"Bericht {n}", "text": "…"})
        for n in range(DUE)
    )  # fmt: skip
    start = threading.Barrier(2)
    claimed: list[list] = [[], []]

    def dispatcher(slot: int) -> None:
        start.wait()
        try:
            for _ in range(DUE):
                claimed[slot] += outbox.claim_due_messages(limit=3)
        finally:
            connection.close()

    threads = [threading.Thread(target=dispatcher, args=(slot,)) for slot in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    sent_keys = Counter(message.extra_headers["X-JobRoad-Message-Key"] for message in mailoutbox)
    assert len(sent_keys) == DUE
    assert max(sent_keys.values()) == 1
    assert claimed[0] and claimed[1], "both dispatchers should have won some rows"
    assert not {pk for pk, _ in claimed[0]} & {pk for pk, _ in claimed[1]}
    assert set(Message.objects.values_list("status", flat=True)) == {MessageStatus.SENT}
