"""Rows for the query budgets (tests/test_query_budgets.py): each builder adds one row of something a page lists,
visible to the users who open it. Rows are written directly, as tests/access_objects.py does: no matching or
scheduling run.
"""

from datetime import date, datetime, time, timedelta

import time_machine
from django.utils import timezone

from aftercare.models import (
    CheckInAudience,
    CheckInStatus,
    CoachingContact,
    ContactChannel,
    ContactTopic,
    Placement,
    PlacementRoute,
)
from aftercare.services import answer_check_in, change_placement
from campaigns.models import (
    Enrolment,
    MatchingRun,
    PairRule,
    PairRuleKind,
    Participation,
    ProjectWeek,
    Proposal,
    ProposalStatus,
)
from candidates.models import (
    CURRENT_CONSENT_VERSION,
    Candidate,
    Consent,
    ConsentAction,
    ConsentPurpose,
    Screening,
)
from companies.models import Competence, Occupation, Site, Vacancy
from jobroad.models import (
    AuditAction,
    AuditEntry,
    AuditPlace,
    CapturedMail,
    Invitation,
    Message,
    MessageStatus,
    OrganisationKind,
    Role,
)
from tests.campaigns.projectweek.interpreters.world import book, interpreter
from workshops.models import Registration, RegistrationStatus, Session

from .access_objects import (
    enrolment_a,
    message_for,
    placement_a,
    sessions_of,
)
from .factories import (
    CampaignFactory,
    CandidateFactory,
    CompanyFactory,
    EvaluationFactory,
    InterviewFactory,
    MembershipFactory,
    OrganisationFactory,
    PlacementFactory,
    ProposalFactory,
    ScreeningFactory,
    VacancyFactory,
)
from .factories.aftercare import employer_for

MORE = 5
PROJECT_DAY = date(2027, 4, 20)
REASONS = [{"code": "rubric", "points": 12, "positive": True, "params": {"score": "4.0"}}]


def person(world, i: int) -> Candidate:
    """A candidate of intermediary A coached by coach A: two languages, a competence, consent to share the profile."""
    candidate = CandidateFactory(
        first_name=f"Row{i}", last_name=f"Person{i}", registered_by=world.intermediary_org_a, coach=world.coach_a
    )
    candidate.languages.create(language="ar", level="C1")
    candidate.languages.create(language="nl", level="A2")
    candidate.competences.add(Competence.objects.create(labels={"nl": f"heftruck {i}"}))
    Consent.objects.create(
        candidate=candidate, purpose=ConsentPurpose.SHARE_PROFILE, action=ConsentAction.GIVEN,
        text_version=CURRENT_CONSENT_VERSION, language="nl", recorded_by=world.alice,
    )  # fmt: skip
    return candidate


def screening(enrolment: Enrolment, screener, round: int = 1) -> Screening:
    return ScreeningFactory(
        enrolment=enrolment, round=round, screener=screener, learning_ability=3, experience=1 + round, competences=4,
        communication=3, document_type="b_card", selected=round == 1,
    )  # fmt: skip


def enrolled(world, i: int, campaign=None) -> Enrolment:
    """A new candidate in campaign A (or ``campaign``), screened and selected."""
    enrolment = Enrolment.objects.create(campaign=campaign or world.campaign_a, candidate=person(world, i))
    screening(enrolment, world.alice)
    return enrolment


def screened_twice(world, i: int) -> None:
    screening(enrolled(world, i), world.bob, round=2)


def participation_a(world) -> Participation:
    """Company A in campaign A, receiving candidates on the project-week day."""
    participation = world.campaign_a.participations.get(company=world.company_a)
    if participation.available_days != [PROJECT_DAY.isoformat()]:
        participation.available_days = [PROJECT_DAY.isoformat()]
        participation.save(update_fields=["available_days"])
    return participation


def participating_company(world, i: int) -> Participation:
    """A new company with a vacancy and an HR person, taking part in campaign A on the project-week day."""
    company = CompanyFactory(organisation__name=f"Company {i}")
    VacancyFactory(company=company)
    MembershipFactory(organisation=company.organisation, role=Role.COMPANY_HR)
    return Participation.objects.create(
        campaign=world.campaign_a, company=company, available_days=[PROJECT_DAY.isoformat()]
    )


def slot(i: int) -> tuple[time, time]:
    """A ten-minute slot of its own for row ``i``, clear of interview A's 11:00."""
    start = datetime.combine(PROJECT_DAY, time(12)) + timedelta(minutes=10 * i)
    return start.time(), (start + timedelta(minutes=10)).time()


def interview(world, i: int, *, enrolment=None, participation=None, vacancy=None, outcome="", published=True):
    """A confirmed proposal of a new candidate (or ``enrolment``) to company A (or the participation's company),
    published in a slot of its own on the project-week day and evaluated with ``outcome`` when given."""
    enrolment = enrolment or enrolled(world, i)
    participation = participation or participation_a(world)
    vacancy = vacancy or participation.company.vacancies.order_by("pk").first()
    proposal = ProposalFactory(
        enrolment=enrolment, vacancy=vacancy, fit=60 + i, reasons=REASONS, confirmed=True,
        confirmed_at=timezone.now(), confirmed_by=world.alice,
    )  # fmt: skip
    starts_at, ends_at = slot(i)
    when = {"day": PROJECT_DAY, "starts_at": starts_at, "ends_at": ends_at, "seat": 1} if published else {}
    published_at = {"published_day": PROJECT_DAY, "published_starts_at": starts_at} if published else {}
    row = InterviewFactory(
        proposal=proposal, participation=participation, interpreter="ar" if i % 2 else "", **when, **published_at
    )
    if outcome == "offer":
        EvaluationFactory(interview=row, offer=True, feedback="Vlot gesprek", filled_by=world.hr_a)
    elif outcome:
        EvaluationFactory(interview=row, outcome=outcome, feedback="Vlot gesprek", filled_by=world.hr_a)
    return row


def placement(world, i: int, candidate=None) -> Placement:
    """A new candidate (or ``candidate``) placed at company A a month ago: check-ins for the coach, HR and the
    intermediary are due, the first one overdue."""
    return PlacementFactory(
        candidate=candidate or enrolled(world, i).candidate, company=world.company_a, vacancy=world.vacancy_a,
        campaign=world.campaign_a, actor=world.alice,
    )  # fmt: skip


def aftercare_row(world, i: int) -> None:
    """A placement whose employer answered "no longer working here" (at risk), and an offer not yet placed."""
    placed = placement(world, i)
    employer = placed.check_ins.filter(audience=CheckInAudience.EMPLOYER).order_by("due_on").first()
    answer_check_in(check_in=employer, still_working=False, actor=world.hr_a)
    interview(world, 15 + i, outcome="offer")


def coached(world, i: int) -> None:
    """A placed candidate of coach A with a logged contact and its next action."""
    placed = placement(world, i)
    CoachingContact.objects.create(
        candidate=placed.candidate, coach=world.coach_a, happened_on=timezone.localdate() - timedelta(days=i),
        channel=ContactChannel.PHONE, topic=ContactTopic.AT_WORK, notes="Gaat goed",
        next_action=f"Bellen {i}", next_action_on=timezone.localdate() + timedelta(days=i),
    )  # fmt: skip


def campaign_row(world, i: int) -> None:
    """A campaign funded by the funder, run by alice with intermediary A and company A, with a new candidate."""
    campaign = CampaignFactory(name=f"Campaign {i}", funder=world.funder)
    campaign.coordinators.add(world.alice)
    campaign.partners.add(world.intermediary_org_a)
    Participation.objects.create(campaign=campaign, company=world.company_a)
    enrolled(world, i, campaign)


def coordinator_home_row(world, i: int) -> None:
    campaign_row(world, i)
    invitation(world, i, world.intermediary_org_a)
    failed = message_for(world.campaign_a)
    Message.objects.filter(pk=failed.pk).update(status=MessageStatus.FAILED, last_error="Mailbox full")
    aftercare_row(world, i)


def hr_company(world, i: int) -> None:
    """A company of HR A's (with a site, an open and a closed vacancy) and a placement at company A."""
    company = CompanyFactory(organisation__name=f"Company {i}", is_ambassador=bool(i % 2))
    MembershipFactory(user=world.hr_a, organisation=company.organisation, role=Role.COMPANY_HR)
    site = Site.objects.create(company=company, name="Depot", street="Kaai 1", postal_code="9000", city="Gent")
    VacancyFactory(company=company, site=site)
    VacancyFactory(company=company, is_open=False)
    placement(world, i)


def invitation(world, i: int, organisation) -> Invitation:
    return Invitation.objects.create(
        email=f"invited{i}@example.org", full_name=f"Invited {i}", organisation=organisation,
        role=Role.COMPANY_HR if organisation.kind == OrganisationKind.COMPANY else Role.INTERMEDIARY,
        invited_by=world.alice, token_hash=f"{organisation.pk}-{i}", expires_at=timezone.now() + timedelta(days=7),
    )  # fmt: skip


def organisation_member(world, i: int, organisation) -> None:
    role = Role.COMPANY_HR if organisation.kind == OrganisationKind.COMPANY else Role.INTERMEDIARY
    MembershipFactory(organisation=organisation, user__full_name=f"Member {i}", role=role)
    invitation(world, i, organisation)


def campaign_a_row(world, i: int) -> None:
    """Campaign A grows: a candidate, a company, a partner, a coordinator and a session with someone who came."""
    enrolled(world, i)
    participating_company(world, i)
    world.campaign_a.partners.add(OrganisationFactory(name=f"Partner {i}"))
    world.campaign_a.coordinators.add(MembershipFactory(organisation=world.jobroad, role=Role.COORDINATOR).user)
    registered(world, i, attended=True)


def company_a_row(world, i: int) -> None:
    """Company A grows: a site with a vacancy (occupation, competences), an HR colleague, an invitation and a
    campaign it takes part in."""
    site = Site.objects.create(company=world.company_a, name=f"Depot {i}", street="Kaai 1", postal_code="9000",
                               city="Gent")  # fmt: skip
    occupation = Occupation.objects.create(isco_code="9333", labels={"nl": f"magazijnier {i}"})
    vacancy = VacancyFactory(company=world.company_a, site=site, occupation=occupation)
    vacancy.required_competences.add(Competence.objects.create(labels={"nl": f"heftruck {i}"}))
    vacancy.nice_competences.add(Competence.objects.create(labels={"nl": f"Nederlands {i}"}))
    MembershipFactory(organisation=world.company_a.organisation, role=Role.COMPANY_HR)
    invitation(world, i, world.company_a.organisation)
    campaign = CampaignFactory(name=f"Campaign {i}")
    campaign.coordinators.add(world.alice)
    Participation.objects.create(campaign=campaign, company=world.company_a)


def vacancy_row(world, i: int) -> Vacancy:
    """An open vacancy of company A (so of campaign A) with a site, an occupation and competences."""
    site = Site.objects.create(company=world.company_a, name=f"Depot {i}", street="Kaai 1", postal_code="9000",
                               city="Gent", latitude=51 + i / 100, longitude=3.7)  # fmt: skip
    occupation = Occupation.objects.create(isco_code="9333", labels={"nl": f"magazijnier {i}"})
    vacancy = VacancyFactory(company=world.company_a, site=site, occupation=occupation, shifts=["day"])
    vacancy.required_competences.add(Competence.objects.create(labels={"nl": f"heftruck {i}"}))
    return vacancy


def candidate_a_row(world, i: int) -> None:
    """Candidate A grows: a campaign, a consent entry, a language, a competence, a wish, a placement, a contact."""
    candidate = world.candidate_a
    campaign = CampaignFactory(name=f"Campaign {i}")
    campaign.coordinators.add(world.alice)
    campaign.partners.add(world.intermediary_org_a)
    Enrolment.objects.create(campaign=campaign, candidate=candidate)
    Consent.objects.create(
        candidate=candidate, purpose=ConsentPurpose.CONTACT, text_version=CURRENT_CONSENT_VERSION, language="nl",
        action=[ConsentAction.GIVEN, ConsentAction.WITHDRAWN][i % 2], recorded_by=world.intermediary_a,
    )  # fmt: skip
    candidate.languages.create(language=["ar", "fr", "en", "ti", "uk", "fa"][i], level="B1")
    candidate.competences.add(Competence.objects.create(labels={"nl": f"heftruck {i}"}))
    candidate.desired_occupations.add(Occupation.objects.create(isco_code="9333", labels={"nl": f"magazijnier {i}"}))
    placement(world, i, candidate=candidate)
    CoachingContact.objects.create(
        candidate=candidate, coach=world.coach_a, happened_on=timezone.localdate(), channel=ContactChannel.PHONE,
        topic=ContactTopic.LANGUAGE, next_action=f"Bellen {i}",
    )  # fmt: skip


def audit_entries(world, i: int) -> None:
    AuditEntry.objects.bulk_create(
        AuditEntry(actor=actor, action=AuditAction.VIEWED, candidate=world.candidate_a, place=AuditPlace.CANDIDATE_PAGE)
        for actor in (world.alice, world.intermediary_a, world.coach_a)
    )


def consent_entry(world, i: int) -> None:
    Consent.objects.create(
        candidate=world.candidate_a, purpose=ConsentPurpose.CONTACT, action=ConsentAction.GIVEN,
        text_version=CURRENT_CONSENT_VERSION, language="nl", recorded_by=world.intermediary_a,
    )  # fmt: skip


def language_of_a(world, i: int) -> None:
    world.candidate_a.languages.create(language=["ar", "fr", "en", "ti", "uk", "fa"][i], level="B1")


def matching_row(world, i: int) -> None:
    """A candidate with two draft proposals (company A's first vacancy and a new one) after a matching run."""
    enrolment = enrolled(world, i)
    for vacancy in (world.vacancy_a, vacancy_row(world, i)):
        Proposal.objects.create(enrolment=enrolment, vacancy=vacancy, fit=50 + i, reasons=REASONS)
    if not MatchingRun.objects.exists():
        MatchingRun.objects.create(
            campaign=world.campaign_a, run_by=world.alice, eligible=1, covered=1, total_fit=60, best_fit=60,
            greedy_covered=1, greedy_fit=60,
        )  # fmt: skip


def scored_row(world, i: int) -> None:
    enrolled(world, i)
    vacancy_row(world, i)


def option_row(world, i: int) -> None:
    """A vacancy for candidate A: pinned, forbidden, proposed or left alone."""
    vacancy = vacancy_row(world, i)
    enrolment = enrolment_a(world)
    if i % 3 == 1:
        PairRule.objects.create(enrolment=enrolment, vacancy=vacancy, kind=PairRuleKind.PIN, created_by=world.alice)
    if i % 3 == 2:
        PairRule.objects.create(enrolment=enrolment, vacancy=vacancy, kind=PairRuleKind.FORBID, created_by=world.alice)
    if i % 2:
        Proposal.objects.create(enrolment=enrolment, vacancy=vacancy, fit=50 + i, reasons=REASONS)


def week_row(world, i: int) -> None:
    """The project week grows: an evaluated interview at company A, a new company with an interview, and a
    proposal the schedule could not place."""
    interview(world, i, outcome="no" if i % 2 else "")
    interview(world, 15 + i, participation=participating_company(world, i))
    unplaced = interview(world, 30 + i, published=False)
    week, _ = ProjectWeek.objects.get_or_create(campaign=world.campaign_a)
    blocker = {"code": "no_interpreter", "day": PROJECT_DAY.toordinal(), "params": ["ar"]}
    week.dropped = [*week.dropped, {"proposal": unplaced.proposal_id, "blockers": [blocker]}]
    week.save()
    book(world.campaign_a, interpreter(f"Tolk {i}", ["ar"], free=[PROJECT_DAY]), "ar", day=PROJECT_DAY)


def pack_row(world, i: int) -> None:
    """An interview at company A: candidate A's at one more of its vacancies, or every other row a new candidate's.
    (Each candidate is a schedule and each company a day sheet in the pack: this keeps the pages few.)"""
    if i % 2:
        interview(world, i)
    else:
        interview(world, i, enrolment=enrolment_a(world), vacancy=VacancyFactory(company=world.company_a))


def not_retained_row(world, i: int) -> None:
    """A candidate whose interview ended in a "no", an open vacancy at a new ambassador company, and a second
    chance already proposed there to the candidate of the row before."""
    interview(world, i, outcome="no")
    ambassador = VacancyFactory(company=CompanyFactory(is_ambassador=True, organisation__name=f"Ambassador {i}"))
    earlier = Enrolment.objects.filter(interviews__evaluation__outcome="no").order_by("-pk")[1:2].first()
    if earlier:
        Proposal.objects.create(
            enrolment=earlier, vacancy=ambassador, fit=40, status=ProposalStatus.CONFIRMED, second_chance=True,
            hr_answer="interested",
        )  # fmt: skip


def proposal_row(world, i: int) -> None:
    """A confirmed proposal to company A, answered by HR every other row."""
    answer = {"hr_answer": "question", "hr_comment": f"Kan ze om {i} uur?"} if i % 2 else {}
    Proposal.objects.create(
        enrolment=enrolled(world, i), vacancy=world.vacancy_a, fit=50 + i, reasons=REASONS,
        status=ProposalStatus.CONFIRMED, **answer,
    )  # fmt: skip


def schedule_of_a(world, i: int) -> None:
    """One more interview of candidate A's, at a company of its own."""
    interview(world, i, enrolment=enrolment_a(world), participation=participating_company(world, i))


def registered(world, i: int, *, attended=None) -> Registration:
    """A candidate of intermediary A in campaign A's candidates' session."""
    return Registration.objects.create(
        session=sessions_of(world)[0], candidate=enrolled(world, i).candidate, organisation=world.intermediary_org_a,
        status=RegistrationStatus.REGISTERED, registered_by=world.alice, attended=attended,
    )  # fmt: skip


def registered_or_waiting(world, i: int) -> None:
    registration = registered(world, i, attended=bool(i % 2))
    if i == MORE - 1:
        Registration.objects.filter(pk=registration.pk).update(status=RegistrationStatus.WAITING)


def partner_registered(world, i: int) -> None:
    """An HR colleague of company A in campaign A's session for companies and intermediaries."""
    colleague = MembershipFactory(organisation=world.company_a.organisation, role=Role.COMPANY_HR).user
    Registration.objects.create(
        session=sessions_of(world)[1], person=colleague, organisation=world.company_a.organisation,
        status=RegistrationStatus.REGISTERED, registered_by=world.alice,
    )  # fmt: skip


def session_row(world, i: int) -> None:
    """One more session of each of campaign A's two workshops, with someone registered."""
    if i == 0:
        sessions_of(world)
    first = Session.objects.filter(workshop__campaign=world.campaign_a, place="Centrum").order_by("pk")  # as made
    for workshop_session, person_of in zip(first, (candidate_of, colleague_of), strict=True):
        start = workshop_session.starts_at + timedelta(days=i + 1)
        extra = Session.objects.create(
            workshop=workshop_session.workshop, starts_at=start, ends_at=start + timedelta(hours=2), place=f"Zaal {i}"
        )
        Registration.objects.create(
            session=extra, organisation=world.intermediary_org_a, status=RegistrationStatus.REGISTERED,
            **person_of(world, i),
        )  # fmt: skip


def candidate_of(world, i: int) -> dict:
    return {"candidate": enrolled(world, i).candidate}


def colleague_of(world, i: int) -> dict:
    return {"person": MembershipFactory(organisation=world.intermediary_org_a, role=Role.INTERMEDIARY).user}


def placement_a_row(world, i: int) -> None:
    """Placement A changes route and one more of its check-ins is answered, on its due day (a check-in opens only
    shortly before it)."""
    placed = placement_a(world)
    route = [PlacementRoute.WORKPLACE_LEARNING, PlacementRoute.TEMP_WORK][i % 2]
    change_placement(placement=placed, route=route, employer=employer_for(route), note=f"Change {i}", actor=world.alice)
    pending = placed.check_ins.filter(status=CheckInStatus.PENDING).order_by("due_on", "pk").first()
    due = datetime.combine(pending.due_on, time(12), tzinfo=timezone.get_current_timezone())
    with time_machine.travel(max(due, timezone.now()), tick=False):
        answer_check_in(check_in=pending, still_working=True, satisfaction=4, issues=["transport"], actor=world.alice)


def other_placement(world, i: int) -> None:
    placement(world, i)


def tracked_person(world, i: int) -> None:
    """Someone who went all the way: screened, interviewed with an offer, placed, and changed route."""
    offer = interview(world, i, outcome="offer").evaluation
    placed = PlacementFactory(
        candidate=offer.interview.enrolment.candidate, company=world.company_a, vacancy=world.vacancy_a,
        campaign=world.campaign_a, evaluation=offer, starts_on=date(2025, 3, 3), actor=world.alice,
    )  # fmt: skip
    change_placement(placement=placed, route=PlacementRoute.FIXED_TERM, on=date(2025, 6, 1), actor=world.alice)


def message_row(world, i: int) -> None:
    Message.objects.create(
        key=f"note:{i}", template="note", recipient_user=world.hr_a, recipient_name=world.hr_a.full_name,
        recipient_address=world.hr_a.email, campaign=world.campaign_a, due_at=timezone.now(),
        context={"subject": f"Welkom {i}", "text": "…"},
    )  # fmt: skip


def coach_and_centre(world, i: int) -> None:
    """A job coach at intermediary A and a reception centre: two more choices when registering a candidate."""
    MembershipFactory(organisation=world.intermediary_org_a, role=Role.JOB_COACH, user__full_name=f"Coach {i}")
    OrganisationFactory(name=f"Centre {i}", kind=OrganisationKind.RECEPTION_CENTRE)


def site_and_terms(world, i: int) -> None:
    """A site of company A, an occupation and a competence: more choices for a vacancy."""
    Site.objects.create(company=world.company_a, name=f"Depot {i}", street="Kaai 1", postal_code="9000", city="Gent")
    Occupation.objects.create(isco_code=f"93{i}3", labels={"nl": f"magazijnier {i}"})
    Competence.objects.create(labels={"nl": f"heftruck {i}"})


def mail_row(world, i: int) -> None:
    CapturedMail.objects.create(message=message_for(world.campaign_a), subject=f"Uitnodiging {i}", body="…")


def organisation_row(world, i: int) -> None:
    OrganisationFactory(name=f"Organisation {i}", kind=list(OrganisationKind)[i % len(OrganisationKind)])
