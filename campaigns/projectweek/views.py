"""Pages of the project week: the schedule board, generating, moving and publishing, the printed documents, HR's
interviews, day confirmations and evaluations."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from campaigns.permissions import (
    can_evaluate,
    can_manage_campaign,
    can_see_interviews,
    confirmable_participations,
    managed_campaigns,
    visible_interviews,
)
from jobroad import audit
from jobroad.models import AuditAction, AuditPlace
from jobroad.pdf import pdf_response

from .. import lifecycle
from ..forms import (
    EvaluationForm,
    EvaluationWaiverForm,
    MoveInterviewForm,
)
from ..matching.views import managed_enrolment
from ..models import Interview, Participation
from ..views import managed_campaign
from . import documents, evaluations, inputs, selectors, services
from . import text as scheduling_text
from .transport.reserves import OfferRefused, given_to_reserves, plan_again


@login_required
def project_week(request, pk):
    campaign = managed_campaign(request, pk)
    week = inputs.project_week(campaign)
    proposals = {i.proposal_id: i for i in selectors.unplaced_interviews(campaign)}
    dropped = [
        (
            proposals.get(item["proposal"]),
            [scheduling_text.explain(scheduling_text.from_data(b)) for b in item["blockers"]],
        )
        for item in week.dropped
    ]
    context = {
        "campaign": campaign,
        "week": week,
        "board": selectors.schedule_board(campaign),
        "dropped": [(interview, reasons) for interview, reasons in dropped if interview],
        "changed": selectors.unpublished_changes(campaign),
        "plan_refusal": lifecycle.phase_refusal(campaign, "plan_schedule"),
        "publish_refusal": lifecycle.phase_refusal(campaign, "publish_schedule"),
        "regeneration": selectors.regeneration(campaign),
        "given_to_reserves": given_to_reserves(campaign),
    }
    return render(request, "campaigns/project_week.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def project_week_generate(request, pk):
    """Generating again can move interviews people were told about, and a plan from scratch forgets the moves made
    by hand, so over a published week or one with hand moves it asks first and says what is at stake (GET)."""
    campaign = managed_campaign(request, pk)
    if refusal := lifecycle.phase_refusal(campaign, "plan_schedule"):
        messages.error(request, refusal)
        return redirect("project_week", pk=campaign.pk)
    stake = selectors.regeneration(campaign)
    if request.method == "GET":
        return render(request, "campaigns/project_week_generate.html", {"campaign": campaign, "stake": stake})
    if stake.asks_first and (
        request.POST.get("confirm") != "yes" or request.POST.get("moves") != str(stake.hand_moves)
    ):
        messages.error(request, _("Nothing was generated: confirm what generating again changes first."))
        return redirect("project_week_generate", pk=campaign.pk)
    try:
        generation = services.generate_schedule(
            campaign=campaign, actor=request.user, keep_moves=request.POST.get("start") != "scratch"
        )
    except services.ScheduleRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("project_week", pk=campaign.pk)
    solution = generation.solution
    summary = _("Schedule generated: %(placed)s interviews planned, %(dropped)s could not be placed.") % {
        "placed": len(solution.appointments),
        "dropped": len(solution.dropped),
    }
    if generation.moves_kept:
        summary += " " + ngettext(
            "%(count)s interview you moved by hand stayed where it was put.",
            "%(count)s interviews you moved by hand stayed where they were put.",
            generation.moves_kept,
        ) % {"count": generation.moves_kept}
    messages.success(request, summary)
    if generation.moves_lost:
        messages.warning(
            request,
            _("These moves made by hand could not be kept, because their time is no longer open: %(moves)s.")
            % {
                "moves": ", ".join(
                    f"{i.enrolment.candidate} · {i.participation.company}" for i in generation.moves_lost
                )
            },
        )
    if published_lost := max(0, len(solution.problems) - len(generation.moves_lost)):  # the engine's, in words
        messages.warning(request, ngettext(
            "%(count)s published interview could not keep its time (its slot is no longer open, or it clashes with "
            "another that could not move): it is planned anew and shows among the changes to publish.",
            "%(count)s published interviews could not keep their time (their slots are no longer open, or they clash "
            "with others that could not move): they are planned anew and show among the changes to publish.",
            published_lost,
        ) % {"count": published_lost})  # fmt: skip
    return redirect("project_week", pk=campaign.pk)


@login_required
@require_http_methods(["GET", "POST"])
def project_week_publish(request, pk):
    """Publishing sends messages, so it asks first and says how many go out to whom (GET), then publishes once
    the coordinator has confirmed those very numbers (POST)."""
    campaign = managed_campaign(request, pk)
    if refusal := lifecycle.phase_refusal(campaign, "publish_schedule"):
        messages.error(request, refusal)
        return redirect("project_week", pk=campaign.pk)
    outline = selectors.publication(campaign)
    if request.method == "GET":
        return render(request, "campaigns/project_week_publish.html", {"campaign": campaign, "outline": outline})
    if request.POST.get("confirm") != "yes" or request.POST.get("messages") != str(outline.messages):
        messages.error(request, _("Nothing was published: confirm the messages that will go out first."))
        return redirect("project_week_publish", pk=campaign.pk)
    try:
        count = services.publish_schedule(campaign=campaign, actor=request.user)
    except services.ScheduleRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("project_week", pk=campaign.pk)
    messages.success(
        request,
        ngettext(
            "Schedule published: %(count)s changed appointment was sent out.",
            "Schedule published: %(count)s changed appointments were sent out.",
            count,
        )
        % {"count": count},
    )
    return redirect("project_week", pk=campaign.pk)


def managed_interview(request, pk) -> Interview:
    return get_object_or_404(
        Interview.objects.filter(participation__campaign__in=managed_campaigns(request.user)).select_related(
            "participation__campaign", "participation__company", "enrolment__candidate"
        ),
        pk=pk,
    )


@login_required
def interview_move(request, pk):
    interview = managed_interview(request, pk)
    campaign = interview.participation.campaign
    initial = {"day": interview.day and interview.day.isoformat(), "starts_at": interview.starts_at}
    form = MoveInterviewForm(request.POST or None, interview=interview, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.move_interview(interview=interview, actor=request.user, **form.cleaned_data)
        except services.ScheduleRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Interview moved. Publish the schedule to tell the people concerned."))
            return redirect("project_week", pk=campaign.pk)
    context = {"campaign": campaign, "interview": interview, "form": form, "free": selectors.free_slots(interview)}
    return render(request, "campaigns/interview_move.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def interview_plan_again(request, pk):
    """A no-show whose slot went to a reserve comes back into the plan: the coordinator's undo of that decision."""
    interview = managed_interview(request, pk)
    try:
        plan_again(interview=interview, actor=request.user)
    except OfferRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("%(name)s is planned again at the next generation; nobody is told before you "
                                    "publish.") % {"name": interview.enrolment.candidate})  # fmt: skip
    return redirect("project_week", pk=interview.participation.campaign_id)


@login_required
def interview_move_check(request, pk):
    """The live conflict check of the move form: what would block the chosen day and time (a fragment)."""
    interview = managed_interview(request, pk)
    form = MoveInterviewForm(request.GET, interview=interview)
    problems = (
        selectors.move_problems(interview, **form.cleaned_data)
        if form.is_valid()
        else [error for errors in form.errors.values() for error in errors]
    )
    return render(request, "campaigns/_move_check.html", {"problems": problems})


@login_required
def project_week_pack(request, pk):
    """Everything to print for the week in one PDF (run sheets, company day sheets, candidate schedules)."""
    campaign = managed_campaign(request, pk)
    pdf = documents.pack_pdf(campaign, language=request.LANGUAGE_CODE)
    if pdf is None:
        messages.error(request, _("Nothing to print yet: publish the schedule first."))
        return redirect("project_week", pk=campaign.pk)
    printed = Interview.objects.filter(participation__campaign=campaign, published_day__isnull=False)
    audit.record(
        actor=request.user, action=AuditAction.PRINTED, candidates=candidates_of(printed), place=AuditPlace.PACK
    )
    return pdf_response(pdf, f"project-week-{campaign.pk}.pdf")


def candidates_of(interviews) -> list[int]:
    return list(interviews.values_list("enrolment__candidate", flat=True).distinct())


@login_required
def candidate_schedule(request, pk):
    """A candidate's personal schedule, in the candidate's language."""
    enrolment = managed_enrolment(request, pk)
    pdf = documents.candidate_schedule_pdf(enrolment.campaign, enrolment.pk)
    if pdf is None:
        raise Http404
    audit.record(actor=request.user, action=AuditAction.PRINTED, candidates=[enrolment.candidate_id],
                 place=AuditPlace.SCHEDULE)  # fmt: skip
    return pdf_response(pdf, f"schedule-{enrolment.pk}.pdf")


@login_required
def company_day_sheet(request, pk):
    """A company's day sheet: its coordinators, and its own HR, may print it."""
    participation = get_object_or_404(
        Participation.objects.select_related("campaign", "company"), pk=pk,
        pk__in=visible_interviews(request.user).values("participation"),
    )  # fmt: skip
    pdf = documents.company_day_pdf(
        participation.campaign,
        participation.pk,
        language=request.LANGUAGE_CODE,
        visible=visible_interviews(request.user),
    )
    if pdf is None:
        raise Http404
    printed = visible_interviews(request.user).filter(participation=participation, published_day__isnull=False)
    audit.record(actor=request.user, action=AuditAction.PRINTED, candidates=candidates_of(printed),
                 place=AuditPlace.DAY_SHEET)  # fmt: skip
    return pdf_response(pdf, f"day-sheet-{participation.pk}.pdf")


@login_required
def interview_list(request):
    """HR's project-week days as published: the candidates (blind), confirm the day, evaluate each interview."""
    if not can_see_interviews(request.user):
        raise Http404
    days = selectors.interview_days_for_hr(visible_interviews(request.user))
    shown = confirmable_participations(request.user).filter(pk__in={d.participation.pk for d in days})
    context = {"days": days, "can_confirm": set(shown.values_list("pk", flat=True)), "now": timezone.now()}
    return render(request, "campaigns/interview_list.html", context)


@login_required
@require_POST
def participation_confirm_day(request, pk):
    """HR confirms one day of its schedule, the day the button stood under."""
    participation = get_object_or_404(confirmable_participations(request.user), pk=pk)
    try:
        day = date.fromisoformat(request.POST.get("day", ""))
    except ValueError:
        messages.error(request, _("Choose the day you confirm."))
        return redirect("interview_list")
    try:
        services.confirm_day(participation=participation, day=day, actor=request.user)
    except services.ScheduleRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Thank you: JobRoad sees that you confirmed your day."))
    return redirect("interview_list")


@login_required
def interview_evaluation(request, pk):
    interview = get_object_or_404(
        visible_interviews(request.user).select_related(
            "participation__campaign", "participation__company", "proposal__vacancy", "enrolment__candidate",
            "evaluation",
        ),
        pk=pk,
    )  # fmt: skip
    if not can_evaluate(request.user, interview):
        raise Http404
    manages = can_manage_campaign(request.user, interview.participation.campaign)
    evaluation = getattr(interview, "evaluation", None)
    initial = {f: getattr(evaluation, f) for f in EvaluationForm.base_fields} if evaluation else {}
    form = EvaluationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            evaluations.evaluate_interview(interview=interview, actor=request.user, **form.cleaned_data)
        except evaluations.EvaluationRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Thank you, the evaluation is saved."))
            if manages:
                return redirect("project_week", pk=interview.participation.campaign_id)
            return redirect("interview_list")
    audit.viewed(request.user, interview.enrolment.candidate_id, AuditPlace.EVALUATION)
    context = {
        "interview": interview,
        "first_name": interview.enrolment.candidate.first_name,
        "form": form,
        "not_yet": evaluations.evaluation_not_yet_open(interview, timezone.now()),
        "waiver_form": EvaluationWaiverForm() if manages and not evaluation else None,
    }
    return render(request, "campaigns/interview_evaluation.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def interview_evaluation_waive(request, pk):
    """A coordinator marks a published interview as needing no evaluation (it never took place)."""
    interview = managed_interview(request, pk)
    form = EvaluationWaiverForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose why no evaluation is needed."))
        return redirect("interview_evaluation", pk=interview.pk)
    try:
        evaluations.waive_evaluation(interview=interview, because=form.cleaned_data["because"], actor=request.user)
    except evaluations.EvaluationRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("interview_evaluation", pk=interview.pk)
    messages.success(
        request, _("No evaluation is needed for %(name)s's interview; HR is not asked for one.")
        % {"name": interview.enrolment.candidate.first_name},
    )  # fmt: skip
    return redirect("project_week", pk=interview.participation.campaign_id)
