"""The matching engine speaks in codes (it imports no Django); these are the sentences a coordinator reads."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from candidates.choices import language_name
from companies.sectors import Sector

CONSTRAINT_TEXT = {
    "no_legal_access": _("no legal access to work on the first project-week day"),
    "no_consent": _("no consent to share the profile with companies"),
    "not_selected": _("not selected in screening"),
    "language_level": _("the required language level is missing"),
    "driving_licence": _("no driving licence"),
    "commute": _("the commute is too long"),
    "shift": _("cannot work the vacancy's shifts"),
    "forbidden": _("forbidden by a coordinator"),
}

REASON_TEXT = {
    "occupation_unknown": _("the vacancy names no occupation"),
    "occupation_match": _("wants or did this occupation (ISCO %(isco)s)"),
    "occupation_same_group": _("a close occupation (ISCO %(isco)s, same group %(group)s)"),
    "occupation_related": _("a related occupation (ISCO %(isco)s, same field %(group)s)"),
    "no_occupation": _("no experience or wish for this occupation"),
    "competences_not_listed": _("the vacancy lists no competences"),
    "competences": _("%(matched)s of %(required)s required and %(nice_matched)s of %(nice)s nice-to-have competences"),
    "competences_missing": _("%(missing)s of %(required)s required competences missing"),
    "competences_nice_missing": _("none of the %(nice)s nice-to-have competences"),
    "language_not_required": _("no language required"),
    "language_missing": _("does not speak %(language)s"),
    "language_spoken": _("speaks %(language)s (%(level)s)"),
    "language_above": _("%(language)s %(level)s, above the required %(required)s"),
    "language_at": _("%(language)s %(level)s, the required level"),
    "language_below": _("%(language)s %(level)s, below the required %(required)s"),
    "rubric_not_scored": _("not scored in screening yet"),
    "rubric": _("screening score %(score)s of 5"),
    "rubric_low": _("low screening score (%(score)s of 5)"),
    "commute_unknown": _("commute unknown (no coordinates)"),
    "commute": _("about %(minutes)s minutes to get there"),
    "commute_long": _("about %(minutes)s minutes to get there, near the limit of %(limit)s"),
    "shift_any": _("no particular shifts"),
    "shifts_unknown": _("the candidate's possible shifts are not known"),
    "shift_fit": _("can work every shift of the job"),
    "shift_partial": _("can work %(matched)s of the job's %(total)s shifts"),
    "shift_none": _("cannot work the job's shifts"),
    "wish_sector": _("would like to work in %(sector)s"),
    "wish_occupation": _("would like to do this job"),
    "wishes_unknown": _("no wishes recorded"),
    "no_wish": _("not among the candidate's wishes"),
}


def readable_params(params: dict) -> dict:
    """Codes in a reason's parameters as names: a language, a sector."""
    named = dict(params)
    if "language" in named:
        named["language"] = language_name(str(named["language"]))
    if named.get("sector") in Sector.values:
        named["sector"] = Sector(named["sector"]).label
    return named


@dataclass(frozen=True)
class Explained:
    text: str
    positive: bool
    points: int


def constraint_text(code: str) -> str:
    return str(CONSTRAINT_TEXT.get(code, code))


def explain(reason) -> Explained:
    """A reason from the engine (``campaigns.matching.Reason``) or as saved on a proposal (a dict), in words."""
    if isinstance(reason, dict):
        code, points, positive, params = reason["code"], reason["points"], reason["positive"], reason["params"]
    else:
        code, points, positive, params = reason.code, reason.points, reason.positive, dict(reason.params)
    template = REASON_TEXT.get(code)
    try:
        text = str(template) % readable_params(params) if template else code
    except (KeyError, TypeError, ValueError):
        text = str(template)
    return Explained(text, positive, points)
