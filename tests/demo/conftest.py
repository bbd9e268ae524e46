"""The demo world of ``seed_demo``, seeded once for a test module and read by each of its tests."""

import pytest
from django.db import transaction
from django.test import override_settings

from .seeding import FAST_HASHERS, seed


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo world, seeded once for the module, and its log. The tests only read it: each runs in a savepoint
    inside the module's transaction (as Django's ``setUpTestData``), which is rolled back after the last one. A
    module using it reads the rows through the ordinary ``db`` fixture, whose transaction nests in the module's."""
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS), transaction.atomic():
        yield seed()
        transaction.set_rollback(True)
