"""The transport engine speaks in codes (it imports no Django); these are the sentences a coordinator reads."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import engine


def clock(minutes: int) -> str:
    """A time of day in minutes as 24-hour digits; before midnight reads as such rather than wrapping."""
    minutes = max(minutes, 0)
    return f"{minutes // 60}:{minutes % 60:02d}"


def _run_name(problem: engine.Problem, weekday: str) -> str:
    if problem.mode == engine.PUBLIC_TRANSPORT:
        return _("The public-transport group from %(centre)s on %(day)s") % {
            "centre": problem.centre_name,
            "day": weekday,
        }
    return _("The vehicle from %(centre)s on %(day)s") % {"centre": problem.centre_name, "day": weekday}


def explain(problem: engine.Problem) -> str:
    weekday = date_format(problem.day, "l")
    if problem.code == engine.OVER_CAPACITY:
        places = (
            ngettext("%(count)s ticket", "%(count)s tickets", problem.places)
            if problem.mode == engine.PUBLIC_TRANSPORT
            else ngettext("%(count)s seat", "%(count)s seats", problem.places)
        ) % {"count": problem.places}
        return _("%(run)s has %(places)s for %(passengers)s passengers.") % {
            "run": _run_name(problem, weekday), "places": places, "passengers": problem.passengers,
        }  # fmt: skip
    if problem.code == engine.NO_RUN:
        return _("%(candidate)s has no way to get to the first visit at %(time)s on %(day)s.") % {
            "candidate": problem.candidate, "time": clock(problem.at), "day": weekday,
        }  # fmt: skip
    if problem.code == engine.TOO_EARLY:
        return _("%(run)s would have to leave at %(time)s, before candidates can leave the centre.") % {
            "run": _run_name(problem, weekday), "time": clock(problem.at),
        }  # fmt: skip
    return _("%(run)s has no passengers: nobody from the centre has an interview that day.") % {
        "run": _run_name(problem, weekday)
    }
