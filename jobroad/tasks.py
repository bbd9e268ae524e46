"""Thin Celery tasks: load by id, call the code that does the work, return."""

from celery import shared_task

from . import outbox
from .sweeps import run_all_sweeps, run_nightly_sweeps


@shared_task(name="jobroad.run_periodic_sweep")
def run_periodic_sweep() -> None:
    run_all_sweeps()


@shared_task(name="jobroad.run_nightly_sweep")
def run_nightly_sweep() -> None:
    run_nightly_sweeps()


@shared_task(name="jobroad.deliver_message")
def deliver_message(*, message_id: int, claim: str) -> None:
    outbox.deliver_message(message_id=message_id, claim=claim)


@shared_task(name="jobroad.dispatch_outbox")
def dispatch_outbox() -> None:
    outbox.dispatch_due_messages()
