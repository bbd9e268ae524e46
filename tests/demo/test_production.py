"""The demo data sets refuse production (demo/production.py): no override flag exists."""

import pytest
from django.core.management import CommandError, call_command

from jobroad.models import User


@pytest.mark.parametrize("command", ["seed_demo", "seed_scale"])
def test_the_demo_data_sets_refuse_to_run_in_production(command, db, settings):
    settings.PRODUCTION = True

    with pytest.raises(CommandError, match=f"{command} refuses to run in production"):
        call_command(command)

    assert User.objects.count() == 0
