"""The day itself, on a phone: a run's stops with its passengers to mark present or absent (the escort, logged in,
and the campaign's coordinators), and a no-show's slot offered to a reserve after a confirmation page."""

from datetime import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from jobroad.languages import language_name
from jobroad.phrasebook import written_in

from ...models import Enrolment, Interview
from . import day as day_reads
from .permissions import escorted_runs
from .presence import NotOnRun, mark_presence
from .reserves import SHOWN, OfferRefused, offer_preview, offer_slot_to_reserve, reserve_options


def worked_run(request, pk):
    """A run the user escorts or whose campaign they run; any other is a 404."""
    runs = escorted_runs(request.user).select_related("project_week__campaign", "reception_centre", "escort")
    return get_object_or_404(runs, pk=pk)


@login_required
def transport_run_day(request, pk):
    run = worked_run(request, pk)
    day = day_reads.run_day(run)
    freed = [
        (interview, reserve_options(interview)[:SHOWN]) for interviews in day.freed.values() for interview in interviews
    ]
    context = {"run": run, "day": day, "freed": freed, "campaign": run.project_week.campaign}
    return render(request, "campaigns/transport_day.html", context)


def _marked_at(value: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo else None


@login_required
@require_POST
def transport_run_mark(request, pk):
    """One mark (passenger, stop, present or absent, when on the phone); sent again as often as the phone needs."""
    run = worked_run(request, pk)
    try:
        enrolment_id = int(request.POST.get("enrolment", ""))
        present = {"1": True, "0": False}[request.POST.get("present", "")]
    except (ValueError, KeyError):
        return HttpResponseBadRequest(_("A mark names a passenger, a stop and present or absent."))
    try:
        marked = mark_presence(
            run=run, enrolment_id=enrolment_id, stop=request.POST.get("stop", ""), present=present,
            marked_at=_marked_at(request.POST.get("marked_at", "")), actor=request.user,
        )  # fmt: skip
    except NotOnRun as error:
        raise Http404 from error
    if request.headers.get("X-Requested-With") == "fetch":
        presence = marked.presence
        return JsonResponse({"state": "present" if presence.present else "absent", "changed": marked.changed})
    return redirect("transport_run_day", pk=run.pk)


def _freed_interview(run, interview_pk) -> Interview:
    """A published interview on the run's day of a passenger marked absent at its pick-up; else a 404."""
    interviews = Interview.objects.filter(
        participation__campaign=run.project_week.campaign_id, published_day=run.day
    ).select_related("participation__company__organisation", "participation__campaign", "enrolment__candidate",
                     "proposal__vacancy")  # fmt: skip
    interview = get_object_or_404(interviews, pk=interview_pk)
    if not day_reads.absent_at_pickup(run, interview.enrolment_id):
        raise Http404
    return interview


@login_required
def transport_reserves(request, pk, interview_pk):
    """Every reserve who fits the freed slot, best first."""
    run = worked_run(request, pk)
    interview = _freed_interview(run, interview_pk)
    context = {"run": run, "interview": interview, "options": reserve_options(interview)}
    return render(request, "campaigns/transport_reserves.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def transport_reserve_offer(request, pk, interview_pk, enrolment_pk):
    """The confirmation page (who the reserve is, what is sent to whom), then the offer."""
    run = worked_run(request, pk)
    interview = _freed_interview(run, interview_pk)
    reserve = get_object_or_404(Enrolment.objects.filter(campaign=run.project_week.campaign_id), pk=enrolment_pk)
    option = next((o for o in reserve_options(interview) if o.enrolment.pk == reserve.pk), None)
    if option is None:
        raise Http404
    if request.method == "POST" and request.POST.get("confirm"):
        try:
            offer_slot_to_reserve(run=run, interview=interview, reserve=reserve, actor=request.user)
        except OfferRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("The slot is offered to %(name)s.") % {"name": option.display_name})
        return redirect("transport_run_day", pk=run.pk)
    preview = offer_preview(interview, reserve)
    reader = preview.reserve
    code = written_in("reserve_offer", (reader.language, *reader.also_reads)) if reader else ""
    context = {
        "run": run, "interview": interview, "option": option, "preview": preview, "language_code": code,
        "language": language_name(code) if code else "",
    }  # fmt: skip
    return render(request, "campaigns/transport_reserve_offer.html", context)
