"""The demo data sets never go into production: they create staff with the public demo password, and their
candidates' invented addresses and numbers would be sent real mail and SMS on the next sweep."""

from django.conf import settings
from django.core.management.base import CommandError


def refuse_in_production(command: str) -> None:
    """Raises CommandError when the settings are production's (JOBROAD_PRODUCTION=1). There is deliberately no flag
    to override it: a demo belongs in its own, embedded installation."""
    if settings.PRODUCTION:
        raise CommandError(
            f"{command} refuses to run in production (JOBROAD_PRODUCTION=1): it creates staff with the public demo "
            "password and candidates with invented addresses that the outbox would send real mail to. Run the demo "
            "in an embedded installation (`make run`) instead."
        )
