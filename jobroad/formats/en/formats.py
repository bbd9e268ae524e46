"""English as written in Belgium's neighbour, not the US: day before month (en-GB), and the same named formats as
Dutch and French — "6 December 2026", "06/12/2026", 24-hour times."""

from django.conf.locale.en_GB.formats import *  # noqa: F403

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
