"""Dutch as written in Belgium: short dates with slashes and two digits ("06/12/2026"), like French and English
here, so one kind of page shows one date format in every language."""

from django.conf.locale.nl.formats import *  # noqa: F403

SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
