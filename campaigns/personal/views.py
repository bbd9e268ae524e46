"""The candidate's personal page: no account, no JavaScript, in the candidate's language and direction. Opening it
and every answer are in the candidate's audit trail; a link that cannot be used gets one neutral page (410)."""

from babel.dates import format_date
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from jobroad import audit
from jobroad.channels import calendar_file
from jobroad.languages import CLDR_LOCALE, DOCUMENT_LANGUAGES
from jobroad.models import AuditAction, AuditPlace
from jobroad.pdf import text_direction

from .. import personal_phrases
from ..choices import AbsenceReason
from ..projectweek.phrases import phrases as schedule_phrases
from . import selectors, services
from .links import LinkUnusable, enrolment_for_token, page_language


def _unusable(request, language: str) -> HttpResponse:
    """The same neutral page for every link that cannot be used, in the language its path names."""
    language = language if language in DOCUMENT_LANGUAGES else "nl"
    context = {"words": personal_phrases.PHRASES[language], "language": language, "direction": text_direction(language)}
    return render(request, "campaigns/personal/unusable.html", context, status=410)


@never_cache
@require_http_methods(["GET"])
def personal_page(request, language, token):
    try:
        enrolment = enrolment_for_token(token, today=timezone.localdate())
    except LinkUnusable:
        return _unusable(request, language)
    audit.record(actor=None, action=AuditAction.VIEWED, candidates=[enrolment.candidate_id],
                 place=AuditPlace.PERSONAL_PAGE)  # fmt: skip
    language = page_language(enrolment)
    words, locale, phone = personal_phrases.PHRASES[language], CLDR_LOCALE.get(language, language), ""
    rows = [
        {"appointment": a, "day": format_date(timezone.localtime(a.starts_at), "EEEE d MMMM", locale=locale)}
        for a in selectors.appointments(enrolment)
    ]
    if phone := selectors.phone_to_call(enrolment):
        phone = words["call"].format(phone=f"\u2066{phone}\u2069")  # a number reads left to right in any script
    context = {
        "rows": rows,
        "words": words,
        "pickup_word": schedule_phrases(language)["pickup"],  # the printed schedule's word for it
        "reasons": [(value, words[f"reason_{value}"]) for value in AbsenceReason.values],
        "language": language,
        "direction": text_direction(language),
        "phone": bool(phone),
        "call": phone,
        "token": token,
    }
    return render(request, "campaigns/personal/page.html", context)


@require_POST
def personal_answer(request, language, token, kind, pk):
    try:
        enrolment = enrolment_for_token(token, today=timezone.localdate())
        services.answer(
            enrolment=enrolment, kind=kind, pk=pk, answer=request.POST.get("answer", ""),
            reason=request.POST.get("reason", ""),
        )  # fmt: skip
    except LinkUnusable:
        return _unusable(request, language)
    except services.AnswerRefused:
        pass  # the page shows the answer as it stands: a refused one changed nothing
    page = reverse("personal_page", kwargs={"language": language, "token": token})
    return redirect(f"{page}#{kind}-{pk}")


@never_cache
def personal_calendar(request, language, token, kind, pk):
    """One appointment as an .ics file the phone adds to its calendar."""
    try:
        enrolment = enrolment_for_token(token, today=timezone.localdate())
    except LinkUnusable:
        return _unusable(request, language)
    appointment = next((a for a in selectors.appointments(enrolment) if (a.kind, a.pk) == (kind, pk)), None)
    if appointment is None:
        return _unusable(request, language)
    event = {
        "uid": f"{kind}-{pk}-personal@jobroad",
        "start": appointment.starts_at.isoformat(),
        "end": appointment.ends_at.isoformat(),
        "summary": appointment.title,
        "location": ", ".join(part for part in (appointment.address, appointment.meeting_point) if part),
    }
    response = HttpResponse(calendar_file(event), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{kind}-{pk}.ics"'
    return response
