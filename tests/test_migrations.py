"""Every app's migrations run backwards to zero and forwards again, on PostgreSQL, in a database of their own; the
encrypted notes come back as plain text when their migration is rolled back (tests/postgres.py)."""

from tests.postgres import postgresql_or_skip, run_django, throwaway_database

ROUND_TRIP = """
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from tests.factories import ScreeningFactory

def notes():
    with connection.cursor() as cursor:
        cursor.execute("SELECT notes FROM candidates_screening")
        return cursor.fetchone()[0]

call_command("migrate", verbosity=0)
ScreeningFactory(notes="Rugklachten; vraagt aangepast werk")
print("stored:", notes()[:7])
call_command("migrate", "candidates", "0004", verbosity=0)
print("rolled back:", notes())
for app in sorted(MigrationLoader(connection).migrated_apps):
    call_command("migrate", app, "zero", verbosity=0)
print("applied:", sorted(MigrationLoader(connection).applied_migrations))
# The database cache's table is made after every migrate (jobroad/apps.py); no migration owns it.
print("tables:", sorted(set(connection.introspection.table_names()) - {"django_migrations", "jobroad_cache"}))
call_command("migrate", verbosity=0)
loader = MigrationLoader(connection)
print("unapplied:", sorted(set(loader.graph.nodes) - set(loader.applied_migrations)))
"""


def test_every_app_migrates_to_zero_and_back_and_notes_decrypt_on_the_way_back():
    postgresql_or_skip()

    with throwaway_database("jobroad_migrations") as url:
        output = run_django(url, ROUND_TRIP)

    assert output.splitlines() == [
        "stored: fernet:",
        "rolled back: Rugklachten; vraagt aangepast werk",
        "applied: []",
        "tables: []",
        "unapplied: []",
    ]
