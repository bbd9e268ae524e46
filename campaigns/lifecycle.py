"""The campaign lifecycle (DESIGN §3): which action is open in which phase, and what must be true to enter a phase.

``draft → intake → screening → matching → project_week → aftercare → closed``. Every service that writes for a
campaign starts with ``require_phase(campaign, action)``; a page that offers an action asks ``phase_refusal``
and shows the reason instead of the button. The table, as the platform is used (demo, journey):

=========================  =====  ======  =========  ========  ============  =========  ======
action                     draft  intake  screening  matching  project_week  aftercare  closed
=========================  =====  ======  =========  ========  ============  =========  ======
edit_campaign (dates)        x      x        x          x           x            x
add_company                  x      x        x          x           x
edit_participation           x      x        x          x           x
plan_workshops               x      x        x          x
mark_attendance                     x        x          x           x            x
register_candidate                  x                                                         (intermediary)
register_late_candidate      x      x        x          x           x                         (coordinator)
screen                                       x          x           x
run_matching (+ pair rules)                             x           x
confirm_proposals                                       x           x
answer_proposal                                         x           x            x
plan_schedule                                           x           x
publish_schedule                                                    x
confirm_day                                                         x
evaluate_interview                                                  x            x
propose_second_chance                                               x            x
place_from_evaluation                                               x            x
=========================  =====  ======  =========  ========  ============  =========  ======

Why so: matching may run again during project week, for a candidate a coordinator registered and screened
late (confirmed proposals are kept); the schedule is planned (generated, moved, interpreters) during matching
so that project week can start with every proposal placed, and published once the campaign is in project week;
HR answers second-chance proposals during aftercare; workshops are planned until matching and their attendance
marked until aftercare (funder evidence). A closed campaign is read-only: the follow-up of its placements
(check-ins, coaching, changes) is about people, not about the campaign's phase, so it runs on and is not in
this table. A coordinator who needs an earlier phase again steps back one phase, with a reason
(``campaigns.services.step_back_campaign``).

Entering a phase needs its planned dates (intake to aftercare) and:

- intake: a coordinator, and an intermediary or reception centre to register candidates;
- screening: a registered candidate;
- matching: a participating company with an open vacancy;
- project week: every confirmed proposal HR did not turn down has its interview in the schedule, or the
  scheduler's stated reason why it could not place it;
- aftercare: every published interview is evaluated, or marked by a coordinator as needing none (it never took
  place: ``projectweek.evaluations.waive_evaluation``). A no-show is an evaluation ("did not come").
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .models import (
    PHASE_ORDER,
    PLANNED_PHASES,
    Campaign,
    CampaignPhase,
    HrAnswer,
    Interview,
    ProjectWeek,
    Proposal,
    ProposalStatus,
)

P = CampaignPhase


@dataclass(frozen=True)
class Action:
    what: Promise  # the start of a sentence: "Matching runs" … "in the matching phase"
    phases: tuple[str, ...]


ACTIONS: dict[str, Action] = {
    "edit_campaign": Action(
        gettext_lazy("The campaign's details and dates are changed"),
        (P.DRAFT, P.INTAKE, P.SCREENING, P.MATCHING, P.PROJECT_WEEK, P.AFTERCARE),
    ),
    "add_company": Action(gettext_lazy("Companies join"), (P.DRAFT, P.INTAKE, P.SCREENING, P.MATCHING, P.PROJECT_WEEK)),
    "edit_participation": Action(
        gettext_lazy("A company's project-week days and capacity are changed"),
        (P.DRAFT, P.INTAKE, P.SCREENING, P.MATCHING, P.PROJECT_WEEK),
    ),
    "plan_workshops": Action(
        gettext_lazy("Workshop sessions and registrations are changed"), (P.DRAFT, P.INTAKE, P.SCREENING, P.MATCHING)
    ),
    "mark_attendance": Action(
        gettext_lazy("Workshop attendance is marked"), (P.INTAKE, P.SCREENING, P.MATCHING, P.PROJECT_WEEK, P.AFTERCARE)
    ),
    "register_candidate": Action(gettext_lazy("Intermediaries register candidates"), (P.INTAKE,)),
    "register_late_candidate": Action(
        gettext_lazy("Coordinators register candidates"), (P.DRAFT, P.INTAKE, P.SCREENING, P.MATCHING, P.PROJECT_WEEK)
    ),
    "screen": Action(gettext_lazy("Candidates are screened"), (P.SCREENING, P.MATCHING, P.PROJECT_WEEK)),
    "run_matching": Action(gettext_lazy("Matching runs"), (P.MATCHING, P.PROJECT_WEEK)),
    "confirm_proposals": Action(gettext_lazy("Proposals are confirmed"), (P.MATCHING, P.PROJECT_WEEK)),
    "answer_proposal": Action(gettext_lazy("HR answers proposals"), (P.MATCHING, P.PROJECT_WEEK, P.AFTERCARE)),
    "plan_schedule": Action(gettext_lazy("The project-week schedule is planned"), (P.MATCHING, P.PROJECT_WEEK)),
    "publish_schedule": Action(gettext_lazy("The schedule is published"), (P.PROJECT_WEEK,)),
    "confirm_day": Action(gettext_lazy("HR confirms its project-week day"), (P.PROJECT_WEEK,)),
    "evaluate_interview": Action(gettext_lazy("Interviews are evaluated"), (P.PROJECT_WEEK, P.AFTERCARE)),
    "propose_second_chance": Action(gettext_lazy("Second-chance proposals are made"), (P.PROJECT_WEEK, P.AFTERCARE)),
    "place_from_evaluation": Action(gettext_lazy("Offers become placements"), (P.PROJECT_WEEK, P.AFTERCARE)),
}


class TransitionRefused(Exception):
    """The campaign cannot move on yet; ``reasons`` say why, in words a coordinator understands."""

    def __init__(self, reasons: list[str]):
        super().__init__(" ".join(reasons))
        self.reasons = reasons


class PhaseRefused(TransitionRefused):
    """The action is not open in the campaign's phase. Apps subclass it together with their own refusal, so
    their views show it like any other reason."""


def is_allowed(campaign: Campaign, action: str) -> bool:
    return campaign.phase in ACTIONS[action].phases


def phase_refusal(campaign: Campaign, action: str) -> str:
    """Why ``action`` is not open in ``campaign``'s phase, in words; "" when it is."""
    allowed = ACTIONS[action].phases
    if campaign.phase in allowed:
        return ""
    labels = [str(CampaignPhase(phase).label).lower() for phase in allowed]
    phases = labels[0] if len(labels) == 1 else _("%(some)s or %(last)s") % {"some": ", ".join(labels[:-1]),
                                                                                "last": labels[-1]}  # fmt: skip
    params = {
        "action": ACTIONS[action].what,
        "phases": phases,
        "campaign": campaign.name,
        "phase": str(campaign.get_phase_display()).lower(),
    }
    if PHASE_ORDER.index(campaign.phase) < PHASE_ORDER.index(allowed[0]):
        return _("%(action)s in the %(phases)s phase; %(campaign)s is still in %(phase)s.") % params
    reason = _("%(action)s in the %(phases)s phase; %(campaign)s has moved on to %(phase)s.") % params
    if PHASE_ORDER[PHASE_ORDER.index(campaign.phase) - 1] in allowed:
        reason += " " + _("A coordinator can step the campaign back one phase, with a reason.")
    return reason


def require_phase(campaign: Campaign, action: str, refusal: type[PhaseRefused] = PhaseRefused) -> None:
    """Refuse (``refusal``, a PhaseRefused) when ``action`` is not open in ``campaign``'s phase."""
    if reason := phase_refusal(campaign, action):
        raise refusal([reason])


def previous_phase(campaign: Campaign) -> str | None:
    index = PHASE_ORDER.index(campaign.phase)
    return PHASE_ORDER[index - 1] if index else None


def transition_problems(campaign: Campaign, to_phase: str) -> list[str]:
    """Why ``campaign`` cannot move to ``to_phase`` now; empty when it can. Read-only, for the campaign page."""
    if to_phase != campaign.next_phase:
        following = CampaignPhase(campaign.next_phase).label if campaign.next_phase else _("none: it is closed")
        return [
            _("A campaign moves one phase at a time; after %(phase)s comes %(next)s.")
            % {"phase": campaign.get_phase_display(), "next": following}
        ]
    problems = []
    if to_phase in PLANNED_PHASES and not campaign.phase_plans.filter(phase=to_phase).exists():
        problems.append(_("No dates are planned for %(phase)s yet.") % {"phase": CampaignPhase(to_phase).label})
    return problems + ENTRY_CHECKS.get(to_phase, lambda campaign: [])(campaign)


def _intake_problems(campaign: Campaign) -> list[str]:
    problems = []
    if not campaign.coordinators.exists():
        problems.append(_("The campaign has no coordinator."))
    if not campaign.partners.exists() and not campaign.reception_centres.exists():
        problems.append(_("No intermediary or reception centre takes part yet, so nobody can register candidates."))
    return problems


def _screening_problems(campaign: Campaign) -> list[str]:
    return [] if campaign.enrolments.exists() else [_("No candidate is registered yet.")]


def _matching_problems(campaign: Campaign) -> list[str]:
    if campaign.companies.filter(vacancies__is_open=True).exists():
        return []
    return [_("No participating company has an open vacancy yet.")]


def _project_week_problems(campaign: Campaign) -> list[str]:
    """Every confirmed project-week proposal HR did not turn down is in the schedule, or the scheduler said why
    it could not place it (the reasons shown on the project-week page)."""
    week = ProjectWeek.objects.filter(campaign=campaign).first()
    explained = {drop["proposal"] for drop in week.dropped} if week else set()
    waiting = (
        Proposal.objects.filter(enrolment__campaign=campaign, status=ProposalStatus.CONFIRMED, second_chance=False)
        .exclude(hr_answer=HrAnswer.NOT_INTERESTED)
        .exclude(interview__day__isnull=False)
        .exclude(pk__in=explained)
        .count()
    )
    if not waiting:
        return []
    return [
        ngettext(
            "%(count)d confirmed proposal has no interview in the schedule and no reason why: "
            "generate the schedule on the project-week page first.",
            "%(count)d confirmed proposals have no interview in the schedule and no reason why: "
            "generate the schedule on the project-week page first.",
            waiting,
        )
        % {"count": waiting}
    ]


def _aftercare_problems(campaign: Campaign) -> list[str]:
    missing = Interview.objects.filter(
        participation__campaign=campaign,
        published_day__isnull=False,
        evaluation__isnull=True,
        evaluation_waived_at=None,
    ).count()
    if not missing:
        return []
    return [
        ngettext(
            "%(count)d published interview has no evaluation yet: ask HR, fill it in yourself (for example "
            "“did not come”), or mark it as not needed if it never took place.",
            "%(count)d published interviews have no evaluation yet: ask HR, fill them in yourself (for example "
            "“did not come”), or mark them as not needed if they never took place.",
            missing,
        )
        % {"count": missing}
    ]


ENTRY_CHECKS = {
    CampaignPhase.INTAKE: _intake_problems,
    CampaignPhase.SCREENING: _screening_problems,
    CampaignPhase.MATCHING: _matching_problems,
    CampaignPhase.PROJECT_WEEK: _project_week_problems,
    CampaignPhase.AFTERCARE: _aftercare_problems,
}
