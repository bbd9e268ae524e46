"""The retention policy on a frozen clock: a record is anonymised RETENTION_MONTHS after the last contact with the
person, never while a placement runs; the dry run lists exactly what the nightly sweep then does."""

from datetime import date, datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from aftercare import services as aftercare_services
from aftercare.models import CoachingContact
from candidates.models import Candidate
from jobroad import retention
from jobroad.models import AuditEntry
from jobroad.sweeps import run_nightly_sweeps
from tests.factories.aftercare import employer_for

BRUSSELS = ZoneInfo("Europe/Brussels")


@pytest.fixture
def policy(settings):
    settings.RETENTION_MONTHS = 24


@pytest.fixture
def registered_long_ago(world, time_machine):
    """Both world candidates registered on 1 March 2024; candidate B's coach spoke to them on 15 June 2025."""
    Candidate.objects.update(created_at=datetime(2024, 3, 1, 10, tzinfo=BRUSSELS))
    for candidate in (world.candidate_a, world.candidate_b):
        candidate.enrolments.update(enrolled_at=datetime(2024, 3, 1, 10, tzinfo=BRUSSELS))
    CoachingContact.objects.create(
        candidate=world.candidate_b, coach=world.coach_b, happened_on=date(2025, 6, 15), channel="phone", topic="other"
    )
    return world


def test_months_after_keeps_the_day_or_the_months_last(db):
    assert retention.months_after(date(2024, 3, 1), 24) == date(2026, 3, 1)
    assert retention.months_after(date(2024, 1, 31), 1) == date(2024, 2, 29)


def test_a_record_is_due_the_day_the_policy_says_and_not_before(policy, registered_long_ago, time_machine):
    world = registered_long_ago

    assert retention.retention_due(date(2026, 2, 28)) == []
    assert retention.retention_due(date(2026, 3, 1)) == [
        retention.RetentionCase(world.candidate_a.pk, last_contact=date(2024, 3, 1), due_since=date(2026, 3, 1))
    ]
    assert [case.candidate_id for case in retention.retention_due(date(2027, 6, 15))] == [
        world.candidate_a.pk, world.candidate_b.pk,
    ]  # fmt: skip


def test_a_running_placement_keeps_the_record(policy, registered_long_ago):
    world = registered_long_ago
    aftercare_services.ensure_default_plans()
    aftercare_services.create_placement(
        candidate=world.candidate_a, company=world.company_a, route="temp_work", starts_on=date(2024, 4, 1),
        actor=world.alice,
        employer=employer_for("temp_work"),
    )  # fmt: skip

    assert retention.retention_due(date(2030, 1, 1)) == [
        retention.RetentionCase(world.candidate_b.pk, last_contact=date(2025, 6, 15), due_since=date(2027, 6, 15))
    ]


def test_the_dry_run_lists_and_changes_nothing(policy, registered_long_ago, time_machine):
    time_machine.move_to(datetime(2026, 6, 1, 3, tzinfo=BRUSSELS))
    out = StringIO()

    call_command("retention", stdout=out)

    assert f"candidate {registered_long_ago.candidate_a.pk:>8}  last contact 2024-03-01" in out.getvalue()
    assert "Due on 2026-06-01: 1 record(s)." in out.getvalue()
    assert not Candidate.objects.filter(erased_at__isnull=False).exists()


def test_the_nightly_sweep_anonymises_what_the_dry_run_listed(policy, registered_long_ago, time_machine):
    world = registered_long_ago
    time_machine.move_to(datetime(2026, 6, 1, 2, 30, tzinfo=BRUSSELS))
    listed = [case.candidate_id for case in retention.retention_due(date(2026, 6, 1))]

    results = run_nightly_sweeps()

    assert results == {"apply_retention": 1}
    assert list(Candidate.objects.filter(erased_at__isnull=False).values_list("pk", flat=True)) == listed
    assert Candidate.objects.get(pk=world.candidate_a.pk).first_name == "—"
    assert list(AuditEntry.objects.filter(place="retention").values_list("candidate", "actor")) == [
        (world.candidate_a.pk, None)
    ]
    assert retention.retention_due(date(2026, 6, 1)) == []  # an anonymised record is not due again


def test_beat_runs_the_nightly_sweep_at_half_past_two():
    from jobroad import tasks
    from jobroad.celery import app

    entry = app.conf.beat_schedule["nightly-sweep"]

    assert entry["task"] == tasks.run_nightly_sweep.name
    assert (entry["schedule"].hour, entry["schedule"].minute) == ({2}, {30})
