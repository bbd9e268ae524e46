from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from candidates.choices import language_name
from jobroad import audit, permissions, tabular
from jobroad.exports import Export
from jobroad.models import AuditAction, AuditPlace
from jobroad.pdf import pdf_response, render_pdf
from jobroad.selectors import campaigns_with_counts
from jobroad.spreadsheet_views import download, export_response
from jobroad.views import paginate

from . import documents, lifecycle, reports, scheduling_text, second_chance, selectors, services
from .forms import (
    CampaignForm,
    CloneCampaignForm,
    EvaluationForm,
    FunderReportFilterForm,
    InterpretersForm,
    MatchingSettingsForm,
    MoveInterviewForm,
    ParticipationForm,
    ProposalAnswerForm,
    ReportFilterForm,
    ReportScopeForm,
    StepBackForm,
)
from .models import Campaign, CampaignPhase, Enrolment, Interview, PairRuleKind, Participation, ProposalStatus


@login_required
def campaign_list(request):
    campaigns = campaigns_with_counts(request.user).select_related("funder")
    context = {"page": paginate(request, campaigns), "can_create": permissions.can_create_campaign(request.user)}
    return render(request, "campaigns/campaign_list.html", context)


@login_required
def campaign_detail(request, pk):
    campaign = get_object_or_404(campaigns_with_counts(request.user).select_related("funder"), pk=pk)
    context = {
        "campaign": campaign,
        "participations": campaign.participations.filter(
            company__in=permissions.visible_companies(request.user)
        ).select_related("company__organisation"),
        "candidates": campaign.candidates.filter(pk__in=permissions.visible_candidates(request.user))[:100],
        "partners": campaign.partners.all(),
        "coordinators": campaign.coordinators.all(),
        "timeline": selectors.phase_timeline(campaign),
        "counters": selectors.target_counters(campaign, request.user),
        "can_manage": permissions.can_manage_campaign(request.user, campaign),
        "show_workshops": permissions.visible_sessions(request.user).filter(workshop__campaign=campaign).exists(),
    }
    if context["can_manage"] and campaign.next_phase:
        context["next_phase"] = CampaignPhase(campaign.next_phase)
        context["next_phase_problems"] = services.transition_problems(campaign, campaign.next_phase)
    if context["can_manage"] and (previous := lifecycle.previous_phase(campaign)):
        context["previous_phase"] = CampaignPhase(previous)
        context["step_back_form"] = StepBackForm()
    return render(request, "campaigns/campaign_detail.html", context)


@login_required
def report_list(request):
    """The KPI dashboard: aggregates only, small counts suppressed for those who may not see people."""
    scope, form = report_scope(request)
    context = {
        "form": form,
        "scope": scope,
        "tables": reports.report_tables(scope, suppress=not permissions.sees_small_counts(request.user)),
        "query": request.GET.urlencode(),
    }
    return render(request, "campaigns/report_list.html", context, status=400 if form.errors else 200)


def report_scope(request) -> tuple[reports.Scope, ReportScopeForm]:
    """The scope the URL asks for; a filter that does not validate falls back to everything the user sees.
    Whoever does not see small counts chooses among whole periods instead of giving dates."""
    if not permissions.can_view_reports(request.user):
        raise Http404
    campaigns = permissions.visible_campaigns(request.user)
    if permissions.sees_small_counts(request.user):
        form = ReportFilterForm(request.GET or None, campaigns=campaigns)
    else:
        periods = reports.funder_periods(campaigns, timezone.localdate())
        form = FunderReportFilterForm(request.GET or None, campaigns=campaigns, periods=periods)
    return reports.report_scope(request.user, **form.scope()), form


@login_required
def report_export(request, file_format):
    scope, _form = report_scope(request)
    tables = reports.report_tables(scope, suppress=not permissions.sees_small_counts(request.user))
    if file_format == "csv":
        table = next((table for table in tables if table.key == request.GET.get("table")), None)
        if table is None:
            raise Http404
        export = Export(name=f"report-{table.key}", headers=table.headers, rows=iter(table.rows))
        return export_response(export, "csv")
    if file_format != "xlsx":
        raise Http404
    sheets = [(table.title[:31], table.headers, table.rows) for table in tables]
    filename = f"report-{timezone.localdate().isoformat()}.xlsx"
    return download(tabular.write_xlsx(sheets), filename, "xlsx")


@login_required
def report_pdf(request):
    scope, _form = report_scope(request)
    suppress = not permissions.sees_small_counts(request.user)
    context = {
        "scope": scope,
        "tables": reports.report_tables(scope, suppress=suppress),
        "activities": reports.activities(scope, suppress=suppress),
        "printed_on": timezone.localdate(),
    }
    pdf = render_pdf("campaigns/pdf/funder_report.html", context, language=get_language())
    return pdf_response(pdf, f"funder-report-{timezone.localdate().isoformat()}.pdf")


@login_required
def campaign_create(request):
    if not permissions.can_create_campaign(request.user):
        raise Http404
    form = CampaignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        campaign = services.create_campaign(actor=request.user, plans=form.plans, **form.details)
        messages.success(request, _("Campaign %(name)s created as a draft.") % {"name": campaign.name})
        return redirect("campaign_detail", pk=campaign.pk)
    return render(request, "campaigns/campaign_form.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def campaign_edit(request, pk):
    campaign = managed_campaign(request, pk)
    form = CampaignForm(request.POST or None, instance=campaign)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                form.save()
                services.save_phase_plans(campaign=campaign, plans=form.plans)
        except lifecycle.PhaseRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Campaign saved."))
            return redirect("campaign_detail", pk=campaign.pk)
    context = {"form": form, "campaign": campaign}
    return render(request, "campaigns/campaign_form.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def campaign_advance(request, pk):
    campaign = managed_campaign(request, pk)
    try:
        campaign = services.advance_campaign(
            campaign=campaign, to_phase=request.POST.get("phase", ""), actor=request.user
        )
    except services.TransitionRefused as refusal:
        for reason in refusal.reasons:
            messages.error(request, reason)
    else:
        messages.success(request, _("The campaign is now in %(phase)s.") % {"phase": campaign.get_phase_display()})
    return redirect("campaign_detail", pk=campaign.pk)


@login_required
@require_POST
def campaign_step_back(request, pk):
    """Back one phase, with the coordinator's reason on the record; the page asked to confirm it."""
    campaign = managed_campaign(request, pk)
    form = StepBackForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the campaign steps back, and confirm it."))
        return redirect("campaign_detail", pk=campaign.pk)
    try:
        campaign = services.step_back_campaign(
            campaign=campaign, reason=form.cleaned_data["reason"], actor=request.user
        )
    except services.TransitionRefused as refusal:
        for reason in refusal.reasons:
            messages.error(request, reason)
    else:
        messages.success(request, _("The campaign is back in %(phase)s.") % {"phase": campaign.get_phase_display()})
    return redirect("campaign_detail", pk=campaign.pk)


@login_required
def campaign_clone(request, pk):
    source = managed_campaign(request, pk)
    form = CloneCampaignForm(request.POST or None, initial={"name": _("%(name)s (copy)") % {"name": source.name}})
    if request.method == "POST" and form.is_valid():
        clone = services.clone_campaign(source=source, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Campaign cloned; check its dates and partners."))
        return redirect("campaign_detail", pk=clone.pk)
    context = {"form": form, "campaign": source}
    return render(request, "campaigns/campaign_clone.html", context, status=400 if form.errors else 200)


def managed_campaign(request, pk) -> Campaign:
    """A campaign the user may change; one they may not even see is a 404 like any other."""
    campaign = get_object_or_404(permissions.visible_campaigns(request.user), pk=pk)
    if not permissions.can_manage_campaign(request.user, campaign):
        raise Http404
    return campaign


@login_required
def campaign_add_company(request, pk):
    campaign = managed_campaign(request, pk)
    form = ParticipationForm(
        request.POST or None, campaign=campaign, companies=permissions.visible_companies(request.user)
    )
    if request.method == "POST" and form.is_valid():
        capacity = {name: value for name, value in form.cleaned_data.items() if name != "company"}
        try:
            services.add_company(
                campaign=campaign, company=form.cleaned_data["company"], actor=request.user, **capacity
            )
        except lifecycle.PhaseRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("%(company)s takes part; its HR people get a message.") % form.cleaned_data)
            return redirect("campaign_detail", pk=campaign.pk)
    context = {"form": form, "campaign": campaign, "refusal": lifecycle.phase_refusal(campaign, "add_company")}
    return render(request, "campaigns/participation_form.html", context, status=400 if form.errors else 200)


@login_required
def participation_edit(request, pk):
    participation = get_object_or_404(
        Participation.objects.select_related("campaign", "company__organisation").filter(
            campaign__in=permissions.visible_campaigns(request.user),
            company__in=permissions.visible_companies(request.user),
        ),
        pk=pk,
    )
    campaign = participation.campaign
    if not permissions.can_edit_participation(request.user, participation):
        raise Http404
    form = ParticipationForm(request.POST or None, instance=participation, campaign=campaign)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_participation(participation=form.save(commit=False), actor=request.user)
        except lifecycle.PhaseRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Saved."))
            return redirect("campaign_detail", pk=campaign.pk)
    refusal = lifecycle.phase_refusal(campaign, "edit_participation")
    context = {"form": form, "campaign": campaign, "participation": participation, "refusal": refusal}
    return render(request, "campaigns/participation_form.html", context, status=400 if form.errors else 200)


# --- Matching (coordinators) ----------------------------------------------------------------------------------


@login_required
def campaign_matching(request, pk):
    campaign = managed_campaign(request, pk)
    refusal = lifecycle.phase_refusal(campaign, "run_matching")
    if request.method == "POST" and refusal:  # nothing is saved nor run; the page says why
        messages.error(request, refusal)
        return redirect("campaign_matching", pk=campaign.pk)
    settings_form = MatchingSettingsForm(request.POST or None, instance=selectors.matching_settings(campaign))
    if request.method == "POST" and settings_form.is_valid():
        settings_form.save()
        run = services.run_matching(campaign=campaign, actor=request.user)
        messages.success(
            request,
            _("Matching done: %(covered)s of %(eligible)s eligible candidates have an interview.")
            % {"covered": run.covered, "eligible": run.eligible},
        )
        return redirect("campaign_matching", pk=campaign.pk)
    context = {
        "campaign": campaign,
        "settings_form": settings_form,
        "run": campaign.matching_runs.first(),
        "rows": selectors.matching_rows(campaign),
        "refusal": refusal,
        "confirm_refusal": lifecycle.phase_refusal(campaign, "confirm_proposals"),
    }
    return render(request, "campaigns/matching.html", context, status=400 if settings_form.errors else 200)


@login_required
def matching_scores(request, pk):
    campaign = managed_campaign(request, pk)
    return render(
        request, "campaigns/matching_scores.html", {"campaign": campaign, "table": selectors.score_table(campaign)}
    )


def managed_enrolment(request, pk) -> Enrolment:
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("campaign", "candidate").filter(
            campaign__in=permissions.managed_campaigns(request.user)
        ),
        pk=pk,
    )
    return enrolment


@login_required
def matching_candidate(request, pk):
    """One candidate against every vacancy of the campaign: fit and reasons, or why not; pin and forbid."""
    enrolment = managed_enrolment(request, pk)
    audit.viewed(request.user, enrolment.candidate_id, AuditPlace.MATCHING)
    context = {
        "campaign": enrolment.campaign,
        "enrolment": enrolment,
        "options": selectors.vacancy_options(enrolment.campaign, enrolment),
    }
    return render(request, "campaigns/matching_candidate.html", context)


@login_required
@require_POST
def matching_pair_rule(request, pk, vacancy_pk):
    enrolment = managed_enrolment(request, pk)
    vacancy = get_object_or_404(
        permissions.visible_vacancies(request.user).filter(company__participations__campaign=enrolment.campaign),
        pk=vacancy_pk,
    )
    kind = request.POST.get("kind", "")
    if kind not in {"", *PairRuleKind.values}:
        raise Http404
    try:
        services.set_pair_rule(enrolment=enrolment, vacancy=vacancy, kind=kind, actor=request.user)
    except services.MatchingRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Saved; the next matching run respects it."))
    return redirect("matching_candidate", pk=enrolment.pk)


@login_required
@require_POST
def matching_confirm(request, pk):
    campaign = managed_campaign(request, pk)
    try:
        count = services.confirm_proposals(campaign=campaign, actor=request.user)
    except lifecycle.PhaseRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("campaign_matching", pk=campaign.pk)
    if count:
        messages.success(
            request, _("%(count)s proposals confirmed; the companies' HR people get a message.") % {"count": count}
        )
    else:
        messages.info(request, _("There were no draft proposals to confirm."))
    return redirect("campaign_matching", pk=campaign.pk)


# --- Project week (coordinators) ------------------------------------------------------------------------------


@login_required
def project_week(request, pk):
    campaign = managed_campaign(request, pk)
    week = selectors.project_week(campaign)
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
        "interpreters_form": interpreters_form(campaign, week),
        "plan_refusal": lifecycle.phase_refusal(campaign, "plan_schedule"),
        "publish_refusal": lifecycle.phase_refusal(campaign, "publish_schedule"),
    }
    return render(request, "campaigns/project_week.html", context)


def interpreters_form(campaign, week, data=None) -> InterpretersForm:
    languages = [(code, language_name(code)) for code in selectors.interpreter_languages(campaign, week)]
    return InterpretersForm(data, languages=languages, days=selectors.project_week_days(campaign),
                            current=week.interpreters)  # fmt: skip


@login_required
@require_POST
def project_week_interpreters(request, pk):
    campaign = managed_campaign(request, pk)
    form = interpreters_form(campaign, selectors.project_week(campaign), request.POST)
    if not form.is_valid():
        messages.error(request, _("Give each number of interpreters as a whole number from 0 to 50."))
    elif refusal := lifecycle.phase_refusal(campaign, "plan_schedule"):
        messages.error(request, refusal)
    else:
        services.set_interpreters(campaign=campaign, interpreters=form.interpreters(), actor=request.user)
        messages.success(request, _("Interpreters saved. Generate the schedule again to plan with them."))
    return redirect(f"{reverse('project_week', args=[campaign.pk])}#interpreters")


@login_required
@require_POST
def project_week_generate(request, pk):
    campaign = managed_campaign(request, pk)
    try:
        solution = services.generate_schedule(campaign=campaign, actor=request.user)
    except services.ScheduleRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            _("Schedule generated: %(placed)s interviews planned, %(dropped)s could not be placed.")
            % {"placed": len(solution.appointments), "dropped": len(solution.dropped)},
        )
    return redirect("project_week", pk=campaign.pk)


@login_required
@require_POST
def project_week_publish(request, pk):
    campaign = managed_campaign(request, pk)
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
        Interview.objects.filter(
            participation__campaign__in=permissions.managed_campaigns(request.user)
        ).select_related("participation__campaign", "participation__company", "enrolment__candidate"),
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
    context = {"campaign": campaign, "interview": interview, "form": form}
    return render(request, "campaigns/interview_move.html", context, status=400 if form.errors else 200)


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
        pk__in=permissions.visible_interviews(request.user).values("participation"),
    )  # fmt: skip
    pdf = documents.company_day_pdf(
        participation.campaign,
        participation.pk,
        language=request.LANGUAGE_CODE,
        visible=permissions.visible_interviews(request.user),
    )
    if pdf is None:
        raise Http404
    printed = permissions.visible_interviews(request.user).filter(
        participation=participation, published_day__isnull=False
    )
    audit.record(actor=request.user, action=AuditAction.PRINTED, candidates=candidates_of(printed),
                 place=AuditPlace.DAY_SHEET)  # fmt: skip
    return pdf_response(pdf, f"day-sheet-{participation.pk}.pdf")


# --- Second chance (coordinators) -----------------------------------------------------------------------------


@login_required
def second_chance_list(request, pk):
    campaign = managed_campaign(request, pk)
    return render(request, "campaigns/second_chance.html", {"campaign": campaign, "rows": second_chance.rows(campaign)})


@login_required
@require_POST
def second_chance_propose(request, pk, vacancy_pk):
    enrolment = managed_enrolment(request, pk)
    vacancy = get_object_or_404(second_chance.ambassador_vacancies(), pk=vacancy_pk)
    try:
        services.propose_second_chance(enrolment=enrolment, vacancy=vacancy, actor=request.user)
    except services.MatchingRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            _("%(candidate)s is proposed to %(company)s; its HR sees the blind profile now.")
            % {"candidate": enrolment.candidate, "company": vacancy.company},
        )
    return redirect("second_chance", pk=enrolment.campaign_id)


# --- Interviews (company HR) ----------------------------------------------------------------------------------


@login_required
def interview_list(request):
    """HR's project-week days as published: the candidates (blind), confirm the day, evaluate each interview."""
    if not permissions.can_see_interviews(request.user):
        raise Http404
    days = selectors.interview_days_for_hr(permissions.visible_interviews(request.user))
    shown = permissions.confirmable_participations(request.user).filter(pk__in={d.participation.pk for d in days})
    context = {"days": days, "can_confirm": set(shown.values_list("pk", flat=True)), "now": timezone.now()}
    return render(request, "campaigns/interview_list.html", context)


@login_required
@require_POST
def participation_confirm_day(request, pk):
    """HR confirms one day of its schedule, the day the button stood under."""
    participation = get_object_or_404(permissions.confirmable_participations(request.user), pk=pk)
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
        permissions.visible_interviews(request.user).select_related(
            "participation__campaign", "participation__company", "proposal__vacancy", "enrolment__candidate",
            "evaluation",
        ),
        pk=pk,
    )  # fmt: skip
    if not permissions.can_evaluate(request.user, interview):
        raise Http404
    evaluation = getattr(interview, "evaluation", None)
    initial = {f: getattr(evaluation, f) for f in EvaluationForm.base_fields} if evaluation else {}
    form = EvaluationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.evaluate_interview(interview=interview, actor=request.user, **form.cleaned_data)
        except services.EvaluationRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Thank you, the evaluation is saved."))
            if permissions.can_manage_campaign(request.user, interview.participation.campaign):
                return redirect("project_week", pk=interview.participation.campaign_id)
            return redirect("interview_list")
    audit.viewed(request.user, interview.enrolment.candidate_id, AuditPlace.EVALUATION)
    context = {
        "interview": interview,
        "first_name": interview.enrolment.candidate.first_name,
        "form": form,
        "not_yet": services.evaluation_not_yet_open(interview, timezone.now()),
    }
    return render(request, "campaigns/interview_evaluation.html", context, status=400 if form.errors else 200)


# --- Proposals (company HR) -----------------------------------------------------------------------------------


@login_required
def proposal_list(request):
    """HR's proposed candidates, as blind profiles, each with its answer form."""
    if not permissions.can_see_proposals(request.user):
        raise Http404
    visible = permissions.visible_proposals(request.user).filter(status=ProposalStatus.CONFIRMED)
    proposals = selectors.proposals_for_hr(visible)
    forms = {
        item.pk: ProposalAnswerForm(initial={"answer": item.answer, "comment": item.comment}, prefix=f"p{item.pk}")
        for item in proposals
    }
    context = {"proposals": [(item, forms[item.pk]) for item in proposals]}
    audit.record(actor=request.user, action=AuditAction.VIEWED, candidates=visible.values_list(
        "enrolment__candidate", flat=True), place=AuditPlace.BLIND_PROFILE)  # fmt: skip
    return render(request, "campaigns/proposal_list.html", context)


@login_required
@require_POST
def proposal_answer(request, pk):
    proposal = get_object_or_404(permissions.visible_proposals(request.user).select_related("vacancy__company"), pk=pk)
    if not permissions.can_answer_proposal(request.user, proposal):
        raise Http404
    form = ProposalAnswerForm(request.POST, prefix=f"p{proposal.pk}")
    if not form.is_valid():
        messages.error(request, " ".join(error for errors in form.errors.values() for error in errors))
        return redirect(f"{reverse('proposal_list')}#proposal-{proposal.pk}")
    try:
        services.answer_proposal(proposal=proposal, actor=request.user, **form.cleaned_data)
    except services.MatchingRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Thank you, your answer is saved."))
    return redirect(f"{reverse('proposal_list')}#proposal-{proposal.pk}")
