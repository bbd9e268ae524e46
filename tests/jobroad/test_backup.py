"""``manage.py backup`` and ``manage.py restore`` (jobroad/backup.py): a round trip on PostgreSQL into a new
database, which then serves pages, reads its encrypted notes and does not send reminders whose time is over."""

import pytest

from tests.postgres import postgresql_or_skip, run_django, throwaway_database

BEFORE = """
from datetime import timedelta
from pathlib import Path
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from jobroad.models import Message
from tests.factories import ScreeningFactory

call_command("migrate", verbosity=0)
ScreeningFactory(pk=7, enrolment__pk=7, notes="Rugklachten; vraagt aangepast werk")
now = timezone.now()
for key, expires_at in [("interview:1:reminder-2h", now - timedelta(days=2)), ("invitation:1", None)]:
    Message.objects.create(key=key, template="note", recipient_address="amal@example.org",
                           due_at=now - timedelta(days=3), expires_at=expires_at)
Path(settings.MEDIA_ROOT, "signed").mkdir(parents=True)
Path(settings.MEDIA_ROOT, "signed", "attendance.pdf").write_bytes(b"%PDF-1.7 signed")
call_command("backup", "{archive}")
"""

AFTER = """
from pathlib import Path
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from jobroad.models import Message, OrganisationKind, Role
from tests.factories import MembershipFactory
from tests.mfa import with_totp

call_command("restore", "{archive}")
admin = MembershipFactory(
    user__is_staff=True, user__is_superuser=True, organisation__kind=OrganisationKind.JOBROAD, role=Role.ADMIN
).user
with_totp(admin)
client = Client()
client.force_login(admin)
page = client.get("/candidates/screening/7/round-1/")
print(page.status_code, "Rugklachten; vraagt aangepast werk" in page.content.decode())
print(sorted(Message.objects.values_list("key", "status")))
print(Path(settings.MEDIA_ROOT, "signed", "attendance.pdf").read_bytes())
"""


def test_a_backup_restores_into_a_new_database_that_serves_reads_its_notes_and_expires_old_reminders(tmp_path):
    postgresql_or_skip()
    archive = tmp_path / "jobroad.tar.gz"

    with throwaway_database("jobroad_backup") as source, throwaway_database("jobroad_restore") as target:
        run_django(source, BEFORE.format(archive=archive), DJANGO_MEDIA_ROOT=str(tmp_path / "media-before"))
        output = run_django(target, AFTER.format(archive=archive), DJANGO_MEDIA_ROOT=str(tmp_path / "media-after"))

    assert output.splitlines()[-3:] == [
        "200 True",
        "[('interview:1:reminder-2h', 'expired'), ('invitation:1', 'pending')]",
        "b'%PDF-1.7 signed'",
    ]


def test_a_restore_refuses_an_installation_without_the_backups_encryption_key(tmp_path):
    postgresql_or_skip()
    archive = tmp_path / "jobroad.tar.gz"
    command = 'from django.core.management import call_command\ncall_command("{}", "{}")'
    other_key = "b3RoZXIta2V5LW9mLXRoaXJ0eS10d28tYnl0ZXMhISE="

    with throwaway_database("jobroad_backup") as source, throwaway_database("jobroad_restore") as target:
        run_django(source, command.format("migrate", "--verbosity=0") + "\n" + command.format("backup", archive))

        with pytest.raises(AssertionError, match="not in JOBROAD_FIELD_ENCRYPTION_KEYS"):
            run_django(target, command.format("restore", archive), JOBROAD_FIELD_ENCRYPTION_KEYS=other_key)
