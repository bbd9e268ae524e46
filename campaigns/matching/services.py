"""Writes of the matching phase: running the engine, a coordinator's pins and bans, confirming proposals, HR's
answers and a second chance after the interviews."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jobroad import audit
from jobroad.models import AuditAction, AuditPlace, User
from jobroad.outbox import (
    Recipient,
    schedule_message,
)

from ..lifecycle import PhaseRefused, require_phase
from ..models import (
    PROPOSAL_TRANSITIONS,
    Campaign,
    Enrolment,
    HrAnswer,
    MatchingRun,
    PairRule,
    PairRuleKind,
    Proposal,
    ProposalStatus,
)
from . import engine as matching
from . import inputs, second_chance
from .scoring import exclusions, score
from .selectors import hr_to_tell
from .text import constraint_text


class MatchingRefused(Exception):
    """A pin, a confirmation or an answer that cannot be done; the message says why."""


class MatchingPhaseRefused(PhaseRefused, MatchingRefused):
    """A matching action the campaign's phase does not open (``campaigns.lifecycle``)."""


def reasons_as_data(pair: matching.Pair) -> list[dict]:
    return [
        {"code": r.code, "points": r.points, "positive": r.positive, "params": dict(r.params)} for r in pair.reasons
    ]


def run_matching(*, campaign: Campaign, actor: User) -> MatchingRun:
    """Solve the campaign's matching and replace its draft proposals by the solution; confirmed proposals and
    pins are kept (they are pins to the engine). The greedy baseline and the best fit that leaves people out are
    recorded next to it, so the coordinator sees what fairness costs, and so is each number of fairness levels
    (``MatchingSettings.fairness_levels`` is the one chosen): every pair is scored once."""
    require_phase(campaign, "run_matching", MatchingPhaseRefused)
    loaded = inputs.matching_input(campaign)
    problem = loaded.problem
    comparison = matching.compare(problem)
    solution, baseline = comparison.solution, comparison.greedy
    with transaction.atomic():
        Campaign.objects.select_for_update().get(pk=campaign.pk)
        proposals = Proposal.objects.filter(enrolment__campaign=campaign)
        confirmed = set(proposals.filter(status=ProposalStatus.CONFIRMED).values_list("enrolment_id", "vacancy_id"))
        proposals.filter(status=ProposalStatus.DRAFT).delete()
        drafts = [
            Proposal(
                enrolment=loaded.enrolments[pair.candidate_id],
                vacancy=loaded.vacancies[pair.vacancy_id],
                fit=pair.fit,
                reasons=reasons_as_data(pair),
            )
            for pair in solution.proposals
            if (loaded.enrolments[pair.candidate_id].pk, pair.vacancy_id) not in confirmed
        ]
        set_proposal_status(campaign=campaign, proposals=drafts, to=ProposalStatus.DRAFT, actor=actor)
        run = MatchingRun.objects.create(
            campaign=campaign,
            run_by=actor,
            eligible=len(solution.covered) + len(solution.uncovered),
            covered=len(solution.covered),
            total_fit=solution.total_fit,
            best_fit=max(comparison.best_fit, solution.total_fit),
            greedy_covered=len(baseline.covered),
            greedy_fit=baseline.total_fit,
            problems=list(solution.problems),
            levels=fairness_rows(comparison.levels, matching.chosen_levels(problem.settings)),
        )
    return run


def fairness_rows(levels, chosen: int) -> list[dict]:
    """A row per number of fairness levels: its total fit, what it costs against one level fewer, and how many
    eligible candidates get 0, 1, 2, … interviews."""
    rows = []
    for level in levels:
        price = rows[-1]["fit"] - level.total_fit if rows else 0
        rows.append(
            {"levels": level.levels, "fit": level.total_fit, "price": price, "interviews": list(level.interviews)}
        )
        rows[-1]["chosen"] = level.levels == chosen
    return rows


def set_pair_rule(*, enrolment: Enrolment, vacancy, kind: str, actor: User) -> Proposal | None:
    """Pin a pair (it becomes a draft proposal now and stays in every re-run), forbid it (its draft proposal
    goes), or clear the rule (``kind`` ""). A pair the hard rules exclude cannot be pinned: the reason says why."""
    require_phase(enrolment.campaign, "run_matching", MatchingPhaseRefused)
    with transaction.atomic():
        PairRule.objects.filter(enrolment=enrolment, vacancy=vacancy).delete()
        proposal = Proposal.objects.filter(enrolment=enrolment, vacancy=vacancy).first()
        if kind == PairRuleKind.FORBID:
            if proposal and proposal.status == ProposalStatus.CONFIRMED:
                raise MatchingRefused(_("This proposal is confirmed and HR has seen it; it cannot be forbidden."))
            Proposal.objects.filter(enrolment=enrolment, vacancy=vacancy).delete()
            proposal = None
        elif kind == PairRuleKind.PIN:
            problem = inputs.matching_input(enrolment.campaign).problem
            candidate = next(c for c in problem.candidates if c.id == enrolment.candidate_id)
            offer = next((v for v in problem.vacancies if v.id == vacancy.pk), None)
            if offer is None:
                raise MatchingRefused(_("This vacancy is closed or its company does not take part in the campaign."))
            excluded = exclusions(candidate, offer, problem.settings)
            if excluded:
                raise MatchingRefused(
                    _("This pair cannot be proposed: %(reasons)s.")
                    % {"reasons": ", ".join(constraint_text(code) for code in excluded)}
                )
            pair = score(candidate, offer, problem.settings)
            if proposal is None:
                proposal = Proposal(enrolment=enrolment, vacancy=vacancy)
            proposal.fit, proposal.reasons = pair.fit, reasons_as_data(pair)
            if proposal.pk is None:
                set_proposal_status(
                    campaign=enrolment.campaign, proposals=[proposal], to=ProposalStatus.DRAFT, actor=actor
                )
            else:
                proposal.save(update_fields=["fit", "reasons"])
        if kind:
            PairRule.objects.create(enrolment=enrolment, vacancy=vacancy, kind=kind, created_by=actor)
    return proposal


def confirm_proposals(*, campaign: Campaign, actor: User) -> int:
    """Confirm every draft proposal: from now on HR sees the blind profiles and is asked to answer. Each HR person
    gets one message per campaign round, listing nothing personal — the link shows the profiles. The confirmation
    page counts the same drafts and people first (``selectors.proposals_confirmation``)."""
    require_phase(campaign, "confirm_proposals", MatchingPhaseRefused)
    with transaction.atomic():
        Campaign.objects.select_for_update().get(pk=campaign.pk)
        drafts = Proposal.objects.filter(enrolment__campaign=campaign, status=ProposalStatus.DRAFT)
        return set_proposal_status(campaign=campaign, proposals=drafts, to=ProposalStatus.CONFIRMED, actor=actor)


class ProposalStatusRefused(MatchingRefused):
    """A change of a proposal's status that ``PROPOSAL_TRANSITIONS`` does not allow; the message says which."""


def set_proposal_status(*, campaign: Campaign, proposals, to: str, actor: User | None) -> int:
    """The one way a proposal's status changes, ``PROPOSAL_TRANSITIONS`` deciding which steps exist. An unsaved
    proposal is being made (its step starts from nothing) and is created here. Every step is checked, against the
    rows as they are now, before anything is saved: one refused step refuses them all, in words. A confirmation
    stamps who and when, is written in each candidate's audit trail (their blind profile now goes to a company),
    and tells the companies' HR, one message per person, listing nothing personal. Returns how many changed."""
    proposals = list(proposals)
    made = [proposal for proposal in proposals if proposal.pk is None]
    with transaction.atomic():
        current = dict(
            Proposal.objects.select_for_update()
            .filter(pk__in=[proposal.pk for proposal in proposals if proposal.pk is not None])
            .values_list("pk", "status")
        )
        for proposal in proposals:
            _check_proposal_step(current.get(proposal.pk), to)
        now = timezone.now()
        stamp = {"confirmed_at": now, "confirmed_by": actor} if to == ProposalStatus.CONFIRMED else {}
        for proposal in made:
            proposal.status = to
            for name, value in stamp.items():
                setattr(proposal, name, value)
        Proposal.objects.bulk_create(made)
        Proposal.objects.filter(pk__in=current).update(status=to, **stamp)
        if to == ProposalStatus.CONFIRMED and proposals:
            ids = [proposal.pk for proposal in proposals]
            audit.record(
                actor=actor,
                action=AuditAction.CHANGED,
                candidates=Proposal.objects.filter(pk__in=ids).values_list("enrolment__candidate", flat=True),
                place=AuditPlace.MATCHING,
            )
            _tell_hr_proposals_confirmed(campaign, ids, actor, now)
    return len(proposals)


def _check_proposal_step(current: str | None, to: str) -> None:
    if to in PROPOSAL_TRANSITIONS.get(current, ()):
        return
    if current is None:
        raise ProposalStatusRefused(_("A new proposal cannot start as “%(to)s”.") % {"to": ProposalStatus(to).label})
    raise ProposalStatusRefused(
        _("A proposal that is “%(current)s” cannot become “%(to)s”.")
        % {"current": ProposalStatus(current).label, "to": ProposalStatus(to).label}
    )


def _tell_hr_proposals_confirmed(campaign: Campaign, ids: list[int], actor: User | None, now: datetime) -> None:
    for person in hr_to_tell(Proposal.objects.filter(pk__in=ids)):
        schedule_message(
            key=f"campaign:{campaign.pk}:proposals:{person.pk}:{now:%Y%m%d%H%M%S}",
            template="proposals_confirmed",
            recipient=Recipient.for_user(person),
            due_at=now,
            context={"campaign": campaign.name, "link": "/proposals/"},
            campaign=campaign,
            created_by=actor,
        )


def answer_proposal(*, proposal: Proposal, answer: str, comment: str, actor: User) -> Proposal:
    """HR's answer to a confirmed proposal: interested, not interested, or a question (which needs its text)."""
    require_phase(proposal.enrolment.campaign, "answer_proposal", MatchingPhaseRefused)
    if proposal.status != ProposalStatus.CONFIRMED:
        raise MatchingRefused(_("This proposal is not confirmed yet."))
    if answer == HrAnswer.QUESTION and not comment.strip():
        raise MatchingRefused(_("Write your question, so the coordinator can answer it."))
    Proposal.objects.filter(pk=proposal.pk).update(
        hr_answer=answer, hr_comment=comment.strip(), answered_at=timezone.now(), answered_by=actor
    )
    proposal.refresh_from_db()
    return proposal


def propose_second_chance(*, enrolment: Enrolment, vacancy, actor: User) -> Proposal:
    """Offer a candidate who was not retained to an ambassador company's open vacancy: a confirmed proposal
    its HR sees and answers like any other (it has no project-week interview)."""
    require_phase(enrolment.campaign, "propose_second_chance", MatchingPhaseRefused)
    with transaction.atomic():
        Campaign.objects.select_for_update().get(pk=enrolment.campaign_id)
        option = second_chance.option(enrolment, vacancy)
        if option is None:
            raise MatchingRefused(
                _("This candidate cannot be proposed to this vacancy (any more): it is closed, already proposed, "
                  "not at an ambassador company, or a hard rule excludes the pair.")
            )  # fmt: skip
        proposal = Proposal(
            enrolment=enrolment,
            vacancy=vacancy,
            fit=option.pair.fit,
            reasons=reasons_as_data(option.pair),
            second_chance=True,
        )
        set_proposal_status(campaign=enrolment.campaign, proposals=[proposal], to=ProposalStatus.CONFIRMED, actor=actor)
    return proposal
