"""HR's proposals page (to answer first, grouped by campaign and vacancy, with why each candidate was proposed), its
answer, and the coordinator's reply to HR's question."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from campaigns.permissions import can_answer_proposal, can_answer_question, can_see_proposals, visible_proposals
from jobroad import audit
from jobroad.models import AuditAction, AuditPlace

from ..choices import HrAnswer
from ..forms import ProposalAnswerForm
from ..models import ProposalStatus
from . import questions, selectors, services


class QuestionAnswerForm(forms.Form):
    answer = forms.CharField(label=gettext_lazy("Your answer"), max_length=4000,
                             widget=forms.Textarea(attrs={"rows": 4}))  # fmt: skip


@login_required
def proposal_list(request):
    """HR's proposed candidates, as blind profiles: the ones still to answer first, grouped by campaign and
    vacancy; the answered ones folded away."""
    if not can_see_proposals(request.user):
        raise Http404
    visible = visible_proposals(request.user).filter(status=ProposalStatus.CONFIRMED)
    proposals = selectors.proposals_for_hr(visible)
    forms_ = {
        item.pk: ProposalAnswerForm(initial={"answer": item.answer, "comment": item.comment}, prefix=f"p{item.pk}")
        for item in proposals
    }

    def with_forms(items):
        return [(group, [(item, forms_[item.pk]) for item in group.items]) for group in selectors.grouped_by_vacancy(
            items)]  # fmt: skip

    to_answer = [item for item in proposals if item.to_answer]
    answered = [item for item in proposals if not item.to_answer]
    context = {
        "proposals": [(item, forms_[item.pk]) for item in to_answer + answered],  # in the page's order
        "to_answer": with_forms(to_answer),
        "to_answer_count": len(to_answer),
        "answered": with_forms(answered),
        "answered_count": len(answered),
    }
    audit.record(actor=request.user, action=AuditAction.VIEWED, candidates=visible.values_list(
        "enrolment__candidate", flat=True), place=AuditPlace.BLIND_PROFILE)  # fmt: skip
    return render(request, "campaigns/proposal_list.html", context)


@login_required
@require_POST
def proposal_answer(request, pk):
    """HR's answer; "a question first" sends the question to the campaign's coordinators (``ask_question``)."""
    proposal = get_object_or_404(visible_proposals(request.user).select_related("vacancy__company"), pk=pk)
    if not can_answer_proposal(request.user, proposal):
        raise Http404
    form = ProposalAnswerForm(request.POST, prefix=f"p{proposal.pk}")
    here = f"{reverse('proposal_list')}#proposal-{proposal.pk}"
    if not form.is_valid():
        messages.error(request, " ".join(error for errors in form.errors.values() for error in errors))
        return redirect(here)
    try:
        if form.cleaned_data["answer"] == HrAnswer.QUESTION:
            questions.ask_question(proposal=proposal, question=form.cleaned_data["comment"], actor=request.user)
        else:
            services.answer_proposal(proposal=proposal, actor=request.user, **form.cleaned_data)
    except services.MatchingRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(here)
    if form.cleaned_data["answer"] == HrAnswer.QUESTION:
        messages.success(request, _("Your question is sent to JobRoad. You will get a mail when it is answered."))
        return redirect(here)
    messages.success(request, _("Thank you, your answer is saved."))
    return redirect(f"{reverse('proposal_list')}#to-answer")


@login_required
@require_http_methods(["GET", "POST"])
def proposal_question(request, pk):
    """A coordinator reads HR's question on a proposal and answers it; HR gets a mail with the link."""
    visible = questions.visible_questions(request.user).select_related(
        "proposal__vacancy__company", "proposal__enrolment__campaign", "proposal__enrolment__candidate", "asked_by"
    )
    question = get_object_or_404(visible, pk=pk)
    if request.method == "POST" and not can_answer_question(request.user, question):
        raise Http404
    form = QuestionAnswerForm(request.POST or None)
    if request.method == "POST" and question.is_open and form.is_valid():
        try:
            questions.answer_question(question=question, answer=form.cleaned_data["answer"], actor=request.user)
        except services.MatchingRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Your answer is sent. HR reads it beside the profile and can decide now."))
        return redirect("proposal_question", pk=question.pk)
    status = 400 if form.errors else 200
    return render(request, "campaigns/proposal_question.html", {"question": question, "form": form}, status=status)
