"""The scheduling engine speaks in codes (it imports no Django); these are the sentences a coordinator reads."""

from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from candidates.choices import language_name

from .engine import Blocker

BLOCKER_TEXT = {
    "no_day": _("the company has no project-week day"),
    "too_far": _("on %(day)s the candidate cannot reach the visit in time (%(minutes)s minutes' travel)"),
    "unavailable": _("on %(day)s the candidate is not available during the visit"),
    "no_interpreter": _("on %(day)s there is no %(language)s interpreter"),
    "no_slot": _("on %(day)s there is no interview slot after the visit"),
    "interviewers_busy": _("on %(day)s the interviewers are busy at every time that would suit"),
    "candidate_busy": _("on %(day)s the candidate's other visits and interviews, with the travel, leave no time"),
    "interpreters_busy": _("on %(day)s every %(language)s interpreter is in another interview"),
    "visit_full": _("on %(day)s the guided visit is full (%(capacity)s candidates)"),
}


def explain(blocker: Blocker) -> str:
    params = {"day": date_format(date.fromordinal(blocker.day), "l j F") if blocker.day else ""}
    if blocker.code == "too_far":
        params["minutes"] = blocker.params[0]
    if blocker.code in {"no_interpreter", "interpreters_busy"}:
        params["language"] = language_name(blocker.params[0])
    if blocker.code == "visit_full":
        params["capacity"] = blocker.params[0]
    return str(BLOCKER_TEXT[blocker.code]) % params


def as_data(blocker: Blocker) -> dict:
    return {"code": blocker.code, "day": blocker.day, "params": list(blocker.params)}


def from_data(data: dict) -> Blocker:
    return Blocker(data["code"], data["day"], tuple(data["params"]))
