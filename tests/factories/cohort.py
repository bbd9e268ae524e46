"""The small cohort of the funder reports, counted by hand (the ``cohort`` fixture), and the builders it is made of.

Interviews are on PROJECT_WEEK, a published project-week day of campaign A at company A; offers are made by HR A.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone

from aftercare.services import change_placement, create_placement, place_from_evaluation
from campaigns.intake.services import record_drop_out
from campaigns.models import CampaignPhase, Enrolment, Interview
from campaigns.projectweek.evaluations import evaluate_interview
from candidates.models import Candidate
from workshops.models import Audience, Registration, RegistrationStatus, Session, Workshop, WorkshopKind

from .aftercare import employer_for
from .campaigns import InterviewFactory
from .candidates import CandidateFactory, ScreeningFactory
from .companies import CompanyFactory

PROJECT_WEEK = date(2025, 2, 25)
SENTINEL_NATIONALITY = "Eritrea"  # one person's, so naming it would point at them


def at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def enrol(world, campaign, first_name: str, last_name: str, registered: date, **facts) -> Enrolment:
    candidate = CandidateFactory(
        first_name=first_name, last_name=last_name, registered_by=world.intermediary_org_a, **facts
    )
    enrolment = Enrolment.objects.create(campaign=campaign, candidate=candidate)
    Enrolment.objects.filter(pk=enrolment.pk).update(enrolled_at=at(registered))
    return enrolment


def screen(world, enrolment: Enrolment, decision: str) -> None:
    ScreeningFactory(
        enrolment=enrolment, screener=world.alice, learning_ability=None, experience=None, competences=None,
        communication=None, decision=decision,
    )  # fmt: skip


def interview(world, enrolment: Enrolment, hour: int) -> Interview:
    """A confirmed proposal to vacancy A and its interview on the published project-week day."""
    return InterviewFactory(
        proposal__enrolment=enrolment, proposal__vacancy=world.vacancy_a, published=True, day=PROJECT_WEEK,
        starts_at=time(hour), ends_at=time(hour, 30),
    )  # fmt: skip


def offer(world, enrolment: Enrolment, hour: int, start_route: str):
    return evaluate_interview(
        interview=interview(world, enrolment, hour), attendance="attended", outcome="offer", start_route=start_route,
        actor=world.hr_a,
    )  # fmt: skip


@dataclass
class Cohort:
    enrolments: list[Enrolment]
    session: Session

    @property
    def names(self) -> list[str]:
        people = Candidate.objects.filter(enrolments__in=self.enrolments)
        return [name for person in people for name in (person.first_name, person.last_name)]


def build_cohort(world) -> Cohort:
    """Campaign A (targets: 45 candidates, 10 companies, 12 workshops, 60 attendees) with seven people:

    who                    registered  sex nat edu    screened  interview        placed: start (days)  at the end
    1 Amal Haddad          2025-01-10  W   SY  low    selected  came, offer      temp 03-03 (52)       permanent job
                                                                                 open-ended from 1 June
    2 Bilal Qasimi         2025-01-10  M   SY  medium selected  came, offer      fixed term 03-31 (80) fixed-term job
    3 Jawad Noori          2025-01-10  M   AF  low    selected  came, offer      temp 03-03 (52)       searching
                                                                                 ended 1 May 2025
    4 Eskender Tesfamariam 2025-01-10  M   ER  low    selected  came, no         —                     dropped out
                                                                                                       15 May: moved
    5 Farida Sultani       2025-02-01  W   AF  medium selected  did not come     training 2026-03-02   training
                                                                                 (394: after a year)
    6 Ghassan Alloush      2025-02-01  M   SY  high   reserve   —                —                     dropped out 20
                                                                                                       March: not
                                                                                                       interested
    7 Hamid Rahimi         2025-02-01  M   AF  low    —         —                —                     searching

    One workshop session ("Werkcultuur", 20 February 2025) attended by 1, 2 and 3 (4 registered, did not come);
    the project-week day (25 February 2025) at company A, the campaign's one company, with 1-5. The campaign is
    in aftercare, where offers become placements."""
    campaign = world.campaign_a
    campaign.phase = CampaignPhase.AFTERCARE
    campaign.target_candidates, campaign.target_companies = 45, 10
    campaign.target_workshops, campaign.target_workshop_attendees = 12, 60
    campaign.save()
    amal = campaign.enrolments.get(candidate=world.candidate_a)
    Candidate.objects.filter(pk=world.candidate_a.pk).update(gender="woman", nationality="SY", education_level="low")
    Enrolment.objects.filter(pk=amal.pk).update(enrolled_at=at(date(2025, 1, 10)))
    people = [
        amal,
        enrol(world, campaign, "Bilal", "Qasimi", date(2025, 1, 10), gender="man", nationality="SY",
              education_level="medium"),
        enrol(world, campaign, "Jawad", "Noori", date(2025, 1, 10), gender="man", nationality="AF",
              education_level="low"),
        enrol(world, campaign, "Eskender", "Tesfamariam", date(2025, 1, 10), gender="man", nationality="ER",
              education_level="low"),
        enrol(world, campaign, "Farida", "Sultani", date(2025, 2, 1), gender="woman", nationality="AF",
              education_level="medium"),
        enrol(world, campaign, "Ghassan", "Alloush", date(2025, 2, 1), gender="man", nationality="SY",
              education_level="high"),
        enrol(world, campaign, "Hamid", "Rahimi", date(2025, 2, 1), gender="man", nationality="AF",
              education_level="low"),
    ]  # fmt: skip
    amal, bilal, jawad, eskender, farida, ghassan, _hamid = people
    for enrolment in people[:5]:
        screen(world, enrolment, "selected")
    screen(world, ghassan, "reserve")

    first = place_from_evaluation(
        evaluation=offer(world, amal, 9, "temp_work"),
        starts_on=date(2025, 3, 3),
        actor=world.alice,
        employer=employer_for("temp_work"),
    )
    change_placement(placement=first, route="open_ended", on=date(2025, 6, 1), actor=world.alice)
    place_from_evaluation(
        evaluation=offer(world, bilal, 10, "direct_contract"), starts_on=date(2025, 3, 31), actor=world.alice
    )
    ended = place_from_evaluation(
        evaluation=offer(world, jawad, 11, "temp_work"),
        starts_on=date(2025, 3, 3),
        actor=world.alice,
        employer=employer_for("temp_work"),
    )
    change_placement(placement=ended, status="ended", end_reason="Not extended", on=date(2025, 5, 1), actor=world.alice)
    evaluate_interview(interview=interview(world, eskender, 12), attendance="attended", outcome="no", actor=world.hr_a)
    record_drop_out(enrolment=eskender, reason="moved", on=date(2025, 5, 15), actor=world.alice)
    evaluate_interview(interview=interview(world, farida, 13), attendance="no_show", actor=world.hr_a)
    create_placement(
        candidate=farida.candidate, company=CompanyFactory(is_ambassador=True), campaign=campaign,
        route="training", starts_on=date(2026, 3, 2), actor=world.alice,
    )  # fmt: skip
    record_drop_out(enrolment=ghassan, reason="not_interested", on=date(2025, 3, 20), actor=world.alice)

    workshop = Workshop.objects.create(
        campaign=campaign, kind=WorkshopKind.LABOUR_MARKET, audience=Audience.CANDIDATES, title="Werkcultuur"
    )
    session = Session.objects.create(
        workshop=workshop, starts_at=at(date(2025, 2, 20), 9), ends_at=at(date(2025, 2, 20), 11), place="Heidedorp"
    )
    for enrolment, attended in zip(people[:4], (True, True, True, False), strict=True):
        Registration.objects.create(
            session=session, candidate=enrolment.candidate, status=RegistrationStatus.REGISTERED, attended=attended
        )
    return Cohort(enrolments=people, session=session)
