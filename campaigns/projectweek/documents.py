"""The printed project week (DESIGN §8): a candidate's personal schedule in their own language, a company's day
sheet with blind profiles, the coordinators' day run sheet, and the pack of all of them in one PDF.

Every document shows the schedule as published — what people were told — never unpublished edits.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import segno
from babel.dates import format_date
from django.conf import settings
from django.utils.safestring import mark_safe

from candidates.choices import CLDR_LOCALE, DOCUMENT_LANGUAGES
from jobroad.models import Organisation, OrganisationKind
from jobroad.pdf import render_document, write_pack

from .. import personal_phrases
from ..matching.selectors import BlindProfile, blind_profile
from ..models import Campaign, Interview, Participation
from ..personal.links import personal_path
from . import phrases
from .interpreters.selectors import interpreting_days
from .lunch import lunch_places
from .transport.selectors import transport_week


def published_interviews(campaign: Campaign):
    return (
        Interview.objects.filter(participation__campaign=campaign, published_day__isnull=False)
        .select_related(
            "participation__company__organisation", "proposal__vacancy__site", "enrolment__candidate__reception_centre",
            "enrolment__candidate__registered_by",
        )
        .prefetch_related("participation__company__sites")
        .order_by("published_day", "published_starts_at", "participation_id", "pk")
    )  # fmt: skip


def contact_phone(campaign: Campaign) -> str:
    """JobRoad's number for the campaign: the phone of the JobRoad office its coordinators belong to."""
    office = (
        Organisation.objects.filter(kind=OrganisationKind.JOBROAD, memberships__user__in=campaign.coordinators.all())
        .exclude(phone="")
        .order_by("pk")
        .first()
    )
    return office.phone if office else ""


def company_address(participation: Participation) -> str:
    site = next(iter(participation.company.sites.all()), None)
    return site.address if site else participation.company.organisation.address


def _end(interview: Interview) -> time:
    start = datetime.combine(interview.published_day, interview.published_starts_at)
    return (start + timedelta(minutes=interview.participation.slot_minutes)).time()


def personal_qr(enrolment) -> str:
    """The candidate's personal link as a QR code (inline SVG): scanned from the printed schedule, it opens the
    page where they answer and find the times and the map."""
    return segno.make(settings.SITE_URL + personal_path(enrolment), error="m").svg_inline(scale=3, border=2)


# --- The candidate's schedule -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stop:
    company: str
    address: str
    meeting_point: str
    visit_starts_at: time
    interview_starts_at: time
    interview_ends_at: time
    interpreter: bool


@dataclass
class CandidateSchedule:
    candidate: object
    language: str
    enrolment: object = None
    days: dict = field(default_factory=dict)  # date -> [Stop]
    pickups: dict = field(default_factory=dict)  # date -> the transport run (RunView) that picks them up


def candidate_schedules(campaign: Campaign, enrolment_pk: int | None = None) -> list[CandidateSchedule]:
    schedules = {}
    interviews = published_interviews(campaign)
    if enrolment_pk is not None:
        interviews = interviews.filter(enrolment_id=enrolment_pk)
    for interview in interviews:
        candidate = interview.enrolment.candidate
        language = candidate.preferred_language if candidate.preferred_language in DOCUMENT_LANGUAGES else "nl"
        schedule = schedules.setdefault(
            interview.enrolment_id, CandidateSchedule(candidate, language, enrolment=interview.enrolment)
        )
        participation = interview.participation
        schedule.days.setdefault(interview.published_day, []).append(
            Stop(
                company=str(participation.company),
                address=company_address(participation),
                meeting_point=participation.meeting_point,
                visit_starts_at=participation.visit_starts_at,
                interview_starts_at=interview.published_starts_at,
                interview_ends_at=_end(interview),
                interpreter=bool(interview.interpreter),
            )
        )
    pickups = transport_week(campaign).pickups if schedules else {}
    for (enrolment_pk, day), run in pickups.items():
        if enrolment_pk in schedules:
            schedules[enrolment_pk].pickups[day] = run
    return sorted(schedules.values(), key=lambda s: (s.candidate.last_name, s.candidate.first_name, s.candidate.pk))


def candidate_schedule_document(campaign: Campaign, schedule: CandidateSchedule, phone: str):
    locale = CLDR_LOCALE.get(schedule.language, schedule.language)
    days = [
        (
            format_date(day, "EEEE d MMMM y", locale=locale),
            sorted(stops, key=lambda s: s.visit_starts_at),
            schedule.pickups.get(day),
        )
        for day, stops in sorted(schedule.days.items())
    ]
    context = {
        "campaign": campaign,
        "candidate": schedule.candidate,
        "days": days,
        "words": phrases.phrases(schedule.language),
        "phone": phone,
        "intermediary": schedule.candidate.registered_by,
        "page_title": personal_phrases.PHRASES[schedule.language]["page_title"],
        "page_qr": mark_safe(personal_qr(schedule.enrolment)),  # segno's own SVG: no typed text in it
    }
    return render_document("campaigns/pdf/candidate_schedule.html", context, language=schedule.language)


# --- The company's day sheet and the run sheet ------------------------------------------------------------------


@dataclass(frozen=True)
class SheetInterview:
    starts_at: time
    ends_at: time
    vacancy: str
    interpreter: str
    profile: BlindProfile


def company_days(campaign: Campaign, participation_pk: int | None = None, visible=None) -> dict:
    """(participation, day) -> the interviews HR holds that day, with blind profiles, in time order; only those
    in ``visible`` when given (HR's own view: a candidate who withdrew consent drops off the sheet)."""
    interviews = published_interviews(campaign).prefetch_related(
        "enrolment__candidate__languages", "enrolment__candidate__competences"
    )
    if participation_pk is not None:
        interviews = interviews.filter(participation_id=participation_pk)
    if visible is not None:
        interviews = interviews.filter(pk__in=visible.values("pk"))
    sheets = defaultdict(list)
    for interview in interviews:
        sheets[interview.participation, interview.published_day].append(
            SheetInterview(
                starts_at=interview.published_starts_at,
                ends_at=_end(interview),
                vacancy=interview.proposal.vacancy.title,
                interpreter=interview.interpreter,
                profile=blind_profile(interview.enrolment.candidate),
            )
        )
    return dict(sorted(sheets.items(), key=lambda item: (item[0][1], str(item[0][0].company))))


def company_day_document(campaign: Campaign, participation, day: date, interviews, phone: str, language: str):
    context = {
        "campaign": campaign,
        "participation": participation,
        "address": company_address(participation),
        "day": day,
        "interviews": interviews,
        "phone": phone,
    }
    return render_document("campaigns/pdf/company_day.html", context, language=language)


@dataclass
class RunDay:
    day: date
    companies: list = field(default_factory=list)  # (participation, address, [interviews])
    groups: dict = field(default_factory=dict)  # reception centre name -> [(candidate, first visit time)]
    interpreters: list = field(default_factory=list)  # (language code, interviews that need one, [DaySheet])
    transport: list = field(default_factory=list)  # the day's transport runs (RunView), and its problems in words
    transport_problems: list = field(default_factory=list)
    lunch: list = field(default_factory=list)  # LunchPlace per company


def run_days(campaign: Campaign) -> list[RunDay]:
    interpreting = interpreting_days(campaign)
    transport = {day: (runs, problems) for day, runs, problems in transport_week(campaign).days}
    by_day = defaultdict(lambda: defaultdict(list))
    for interview in published_interviews(campaign):
        by_day[interview.published_day][interview.participation].append(interview)
    days = []
    for day, companies in sorted(by_day.items()):
        run = RunDay(day)
        run.transport, run.transport_problems = transport.get(day, ([], []))
        first_visit, first_place, needed = {}, {}, defaultdict(int)
        for participation, interviews in sorted(companies.items(), key=lambda item: item[0].visit_starts_at):
            run.companies.append((participation, company_address(participation), interviews))
            for interview in interviews:
                candidate = interview.enrolment.candidate
                first_visit[candidate] = min(first_visit.get(candidate, time.max), participation.visit_starts_at)
                first_place.setdefault(candidate, participation)
                if interview.interpreter:
                    needed[interview.interpreter] += 1
        groups = defaultdict(list)
        for candidate, visit in first_visit.items():
            groups[str(candidate.reception_centre or "—")].append((candidate, visit))
        run.groups = {name: sorted(people, key=lambda p: (p[1], str(p[0]))) for name, people in sorted(groups.items())}
        run.interpreters = [
            (interpreting.language, needed.get(interpreting.language, 0), interpreting.sheets)
            for interpreting in interpreting
            if interpreting.day == day
        ]
        sheets = [sheet for _language, _needed, day_sheets in run.interpreters for sheet in day_sheets]
        run.lunch = lunch_places(run.companies, first_place, run.transport, sheets)
        days.append(run)
    return days


def run_sheet_document(campaign: Campaign, run: RunDay, language: str):
    return render_document("campaigns/pdf/run_sheet.html", {"campaign": campaign, "run": run}, language=language)


# --- PDFs ---------------------------------------------------------------------------------------------------------


def candidate_schedule_pdf(campaign: Campaign, enrolment_pk: int) -> bytes | None:
    schedules = candidate_schedules(campaign, enrolment_pk)
    if not schedules:
        return None
    return candidate_schedule_document(campaign, schedules[0], contact_phone(campaign)).write_pdf()


def company_day_pdf(campaign: Campaign, participation_pk: int, language: str, visible) -> bytes | None:
    """The company's day sheets, with the interviews in ``visible`` (the reader's ``visible_interviews``)."""
    phone = contact_phone(campaign)
    documents = [
        company_day_document(campaign, participation, day, interviews, phone, language)
        for (participation, day), interviews in company_days(campaign, participation_pk, visible).items()
    ]
    return write_pack(documents) if documents else None


def pack_pdf(campaign: Campaign, language: str) -> bytes | None:
    """Everything to print for the week, in the order it is handed out: the run sheets, the company day
    sheets, then each candidate's schedule in their own language."""
    phone = contact_phone(campaign)
    documents = [run_sheet_document(campaign, run, language) for run in run_days(campaign)]
    documents += [
        company_day_document(campaign, participation, day, interviews, phone, language)
        for (participation, day), interviews in company_days(campaign).items()
    ]
    documents += [candidate_schedule_document(campaign, s, phone) for s in candidate_schedules(campaign)]
    return write_pack(documents) if documents else None
