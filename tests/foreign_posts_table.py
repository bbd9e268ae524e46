"""The foreign posts walked by tests/test_foreign_posts.py: every view that takes a POST, with the objects of a
campaign or organisation that is not the poster's own, the roles whose own objects they are, and the refusals other
than a 404 the design gives."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.files.uploadedfile import SimpleUploadedFile

from aftercare.models import CheckInAudience
from candidates.models import Screening

from .access_objects import (
    ambassador_vacancy_once,
    at_risk_check_in_b,
    check_in_b,
    enrolment_a,
    failed_message_for,
    message_for,
    offer_b,
    pending_import_of,
    placement_b,
    programme_of_another_funder,
    published_interview_b,
    question_b,
    registration_b,
    screened_by,
    sessions_b,
    sessions_of,
    shared_enrolment_b,
    site_of,
)
from .access_roles import COORDINATORS
from .aftercare.referral_objects import referable_enrolment_b, referral_b, referral_form_data
from .campaigns.projectweek.interpreters.world import booking_of, some_interpreter
from .campaigns.projectweek.transport.world import run_of


@dataclass(frozen=True)
class ForeignPost:
    name: str
    owners: frozenset[str]  # whose own objects these are: what they may do is the MATRIX's and each app's tests'
    kwargs: Callable = lambda world: {}
    data: Callable = lambda world: {}
    refusals: dict = field(default_factory=dict, compare=False, hash=False)  # role → a refusal other than a 404
    label: str = field(default="", compare=False)

    def __str__(self):
        return f"{self.name}{'[' + self.label + ']' if self.label else ''}"


B_SIDE = frozenset({"admin", "bob"})
HR_B = COORDINATORS | {"hr_b"}
NOBODY = frozenset()


def candidate_file() -> SimpleUploadedFile:
    rows = "Voornaam;Achternaam;Geboortejaar;Nationaliteit;Opleidingsniveau;Talen\nDawit;Tesfay;1990;ER;medium;ti C2\n"
    return SimpleUploadedFile("kandidaten.csv", rows.encode(), content_type="text/csv")


def vacancy_file() -> SimpleUploadedFile:
    return SimpleUploadedFile("vacatures.csv", b"Functie\nHeftruckchauffeur\n", content_type="text/csv")


def registration_data(organisation, **extra) -> dict:
    """A candidate's registration as the form takes it, registered by ``organisation``."""
    return {
        "first_name": "Samira", "last_name": "Ahmadi", "gender": "woman", "birth_year": "1994", "nationality": "AF",
        "residence_status": "recognised_refugee", "postal_code": "9000", "city": "Gent", "preferred_language": "nl",
        "education_level": "low", "target_group": "refugees", "registered_by": str(organisation.pk),
        "languages-TOTAL_FORMS": "1", "languages-INITIAL_FORMS": "0", "languages-MIN_NUM_FORMS": "0",
        "languages-MAX_NUM_FORMS": "12", "languages-0-language": "prs", "languages-0-level": "C2", **extra,
    }  # fmt: skip


def vacancy_data(site) -> dict:
    return {"title": "Heftruckchauffeur", "site": str(site.pk), "positions": "1", "is_open": "on"}


def vacancy_at_another_companys_site(world) -> dict:
    """A vacancy of company A (which has a site of its own, so the form asks for one) at company B's site."""
    site_of(world.company_a)
    return vacancy_data(site_of(world.company_b))


def participation_data() -> dict:
    return {"visit_capacity": "3", "interviewers": "4", "slot_minutes": "20", "meeting_point": "Poort 9"}


FOREIGN_POSTS = [
    # The outbox and invitations.
    ForeignPost(
        "organisation_invite",
        B_SIDE,
        lambda w: {"pk": w.intermediary_org_b.pk},
        lambda w: {"full_name": "Nora", "email": "nora@example.org", "role": "intermediary"},
    ),
    ForeignPost(
        "message_create", COORDINATORS, data=lambda w: {"recipient": w.hr_b.pk, "channel": "email", "text": "Hallo"}
    ),
    ForeignPost("message_cancel", B_SIDE, lambda w: {"pk": message_for(w.campaign_b).pk}),
    ForeignPost("message_resend", B_SIDE, lambda w: {"pk": failed_message_for(w.campaign_b).pk}),
    ForeignPost(
        "message_resend_failed",
        B_SIDE,
        data=lambda w: {"status": "failed", "q": failed_message_for(w.campaign_b).key, "confirm": "yes", "count": "1"},
        refusals={"alice": 302},  # her own outbox, filtered to campaign B's message: none of hers, nothing sent
    ),
    # Spreadsheets: a campaign or company of someone else's, or someone else's upload.
    ForeignPost(
        "candidate_import",
        frozenset({"admin", "bob", "intermediary_b"}),
        data=lambda w: {"campaign": w.campaign_b.pk, "organisation": w.intermediary_org_b.pk, "file": candidate_file()},
        refusals={"alice": 400, "intermediary_a": 400},
    ),
    ForeignPost("vacancy_import", HR_B, lambda w: {"pk": w.company_b.pk}, lambda w: {"file": vacancy_file()}),
    ForeignPost(
        "import_preview",
        frozenset({"hr_b"}),
        lambda w: {"pk": pending_import_of(w.hr_b, w.company_b).pk},
        lambda w: {"file": vacancy_file()},
    ),
    ForeignPost("import_confirm", frozenset({"hr_b"}), lambda w: {"pk": pending_import_of(w.hr_b, w.company_b).pk}),
    ForeignPost("import_discard", frozenset({"hr_b"}), lambda w: {"pk": pending_import_of(w.hr_b, w.company_b).pk}),
    # Aftercare: the shared candidate's placement and enrolment in campaign B are bob's, though alice sees him.
    ForeignPost("placement_from_offer", B_SIDE, lambda w: {"pk": offer_b(w).pk}, lambda w: {"starts_on": "2027-05-03"}),
    ForeignPost(
        "placement_change", B_SIDE, lambda w: {"pk": placement_b(w).pk, "action": "start"}, lambda w: {"note": "x"}
    ),
    ForeignPost(
        "check_in_answer",
        B_SIDE | {"hr_b"},
        lambda w: {"pk": check_in_b(w, CheckInAudience.EMPLOYER).pk},
        lambda w: {"still_working": "yes", "notes": "Alles goed."},
        refusals={"alice": 200, "intermediary_a": 200},  # they see the placement: the check-in, read only
    ),
    ForeignPost("check_in_clear_flag", B_SIDE, lambda w: {"pk": at_risk_check_in_b(w).pk}),
    # Referrals: the shared candidate's in campaign B are bob's to make and follow, though alice sees him.
    ForeignPost(
        "referral_create",
        B_SIDE,
        lambda w: {"pk": referable_enrolment_b(w).pk},
        lambda w: referral_form_data(),
    ),
    ForeignPost("referral_take_up", B_SIDE, lambda w: {"pk": referral_b(w, placed=True).pk}),
    ForeignPost(
        "referral_place",
        B_SIDE,
        lambda w: {"pk": referral_b(w, placed=True).pk},
        lambda w: {"company": w.company_b.pk, "route": "temp_work", "starts_on": "2027-06-01"},
    ),
    ForeignPost(
        "coaching_contact_create",
        B_SIDE | {"coach_b"},
        lambda w: {"pk": w.candidate_b.pk},
        lambda w: {"happened_on": "2027-05-03", "channel": "phone", "topic": "job_search"},
    ),
    ForeignPost(
        "coach_assign",
        B_SIDE | {"intermediary_b"},
        lambda w: {"pk": w.candidate_b.pk},
        lambda w: {"coach": w.coach_b.pk},
    ),
    ForeignPost(
        "candidate_enrol_again",
        B_SIDE | {"intermediary_b"},
        lambda w: {"pk": w.candidate_b.pk},
        lambda w: {"campaign": w.campaign_a.pk},
    ),
    ForeignPost(
        "candidate_enrol_again",
        frozenset({"admin"}),
        lambda w: {"pk": w.candidate_a.pk},
        lambda w: {"campaign": w.campaign_b.pk},
        refusals={"alice": 302, "intermediary_a": 302},
        label="campaign",
    ),
    ForeignPost(
        "enrolment_drop_out",
        B_SIDE,
        lambda w: {"pk": shared_enrolment_b(w).pk},
        lambda w: {"reason": "moved", "on": "2027-06-01"},
    ),
    # Campaigns, matching, project week, HR's answers: campaign B's.
    ForeignPost("campaign_create", COORDINATORS, data=lambda w: {"name": "Campaign C"}),
    # Programmes are JobRoad's, kept by every coordinator: nobody else writes one, nor another funder's.
    ForeignPost("programme_create", COORDINATORS, data=lambda w: {"name": "Programme C"}),
    ForeignPost(
        "programme_edit",
        COORDINATORS,
        lambda w: {"pk": programme_of_another_funder(w).pk},
        lambda w: {"name": "Programme X"},
    ),
    # The interpreter register is JobRoad's, kept by every coordinator: nobody else writes in it.
    ForeignPost("interpreter_add", COORDINATORS, data=lambda w: {"name": "Tolk X"}),
    ForeignPost(
        "interpreter_edit", COORDINATORS, lambda w: {"pk": some_interpreter(w).pk}, lambda w: {"name": "Tolk X"}
    ),
    ForeignPost("campaign_edit", B_SIDE, lambda w: {"pk": w.campaign_b.pk}, lambda w: {"name": "Campaign X"}),
    ForeignPost("campaign_advance", B_SIDE, lambda w: {"pk": w.campaign_b.pk}, lambda w: {"phase": "screening"}),
    ForeignPost(
        "campaign_step_back", B_SIDE, lambda w: {"pk": w.campaign_b.pk}, lambda w: {"reason": "X", "confirm": "on"}
    ),
    ForeignPost(
        "campaign_clone",
        B_SIDE,
        lambda w: {"pk": w.campaign_b.pk},
        lambda w: {"name": "Campaign X", "intake_starts_on": "2027-09-01"},
    ),
    ForeignPost(
        "campaign_add_company",
        B_SIDE,
        lambda w: {"pk": w.campaign_b.pk},
        lambda w: {"company": w.company_a.pk, **participation_data()},
    ),
    ForeignPost(
        "participation_edit",
        B_SIDE | {"hr_b"},
        lambda w: {"pk": w.campaign_b.participations.get(company=w.company_b).pk},
        lambda w: participation_data(),
    ),
    ForeignPost(
        "campaign_matching",
        B_SIDE,
        lambda w: {"pk": w.campaign_b.pk},
        lambda w: {"interviews_per_candidate": "2", "candidates_per_vacancy": "3", "max_commute_minutes": "60"},
    ),
    ForeignPost("matching_confirm", B_SIDE, lambda w: {"pk": w.campaign_b.pk}),
    ForeignPost(
        "matching_pair_rule",
        B_SIDE,
        lambda w: {"pk": shared_enrolment_b(w).pk, "vacancy_pk": w.vacancy_b.pk},
        lambda w: {"kind": "forbid"},
    ),
    ForeignPost(
        "matching_pair_rule",
        NOBODY,
        lambda w: {"pk": enrolment_a(w).pk, "vacancy_pk": w.vacancy_b.pk},
        lambda w: {"kind": "pin"},
        label="vacancy of a company outside the campaign",
    ),
    ForeignPost("project_week_generate", B_SIDE, lambda w: {"pk": w.campaign_b.pk}),
    ForeignPost("project_week_publish", B_SIDE, lambda w: {"pk": w.campaign_b.pk}),
    ForeignPost("project_week_interpreters", B_SIDE, lambda w: {"pk": w.campaign_b.pk}),
    ForeignPost("transport_run_add", B_SIDE, lambda w: {"pk": w.campaign_b.pk}, lambda w: {"places": "4"}),
    ForeignPost("transport_run_edit", B_SIDE, lambda w: {"pk": run_of(w.campaign_b).pk}, lambda w: {"places": "4"}),
    ForeignPost("transport_run_delete", B_SIDE, lambda w: {"pk": run_of(w.campaign_b).pk}),
    ForeignPost("interpreter_booking_cancel", B_SIDE, lambda w: {"pk": booking_of(w.campaign_b).pk}),
    ForeignPost(
        "interview_move",
        B_SIDE,
        lambda w: {"pk": published_interview_b(w).pk},
        lambda w: {"day": "2027-04-20", "starts_at": "14:00"},
    ),
    ForeignPost(
        "second_chance_propose",
        B_SIDE,
        lambda w: {"pk": shared_enrolment_b(w).pk, "vacancy_pk": ambassador_vacancy_once().pk},
    ),
    ForeignPost(
        "participation_confirm_day", frozenset({"hr_b"}), lambda w: {"pk": published_interview_b(w).participation_id}
    ),
    ForeignPost(
        "interview_evaluation",
        B_SIDE | {"hr_b"},
        lambda w: {"pk": published_interview_b(w).pk},
        lambda w: {
            "attendance": "attended",
            "outcome": "offer",
            "start_route": "temp_work",
            "proposed_start": "2027-05-03",
        },
    ),
    ForeignPost(
        "interview_evaluation_waive",
        B_SIDE,
        lambda w: {"pk": published_interview_b(w).pk},
        lambda w: {"because": "not_held"},
    ),
    ForeignPost(
        "proposal_answer",
        frozenset({"hr_b"}),
        lambda w: {"pk": published_interview_b(w).proposal_id},
        lambda w: {f"p{published_interview_b(w).proposal_id}-answer": "interested"},
    ),
    ForeignPost("proposal_question", B_SIDE, lambda w: {"pk": question_b(w).pk}, lambda w: {"answer": "Ja."}),
    # Candidates: candidate B's record, campaign B's enrolment, and ids of another organisation in the form.
    ForeignPost(
        "candidate_register",
        B_SIDE | {"intermediary_b"},
        lambda w: {"campaign_pk": w.campaign_b.pk},
        lambda w: registration_data(w.intermediary_org_b),
    ),
    ForeignPost(
        "candidate_register",
        NOBODY,
        lambda w: {"campaign_pk": w.campaign_a.pk},
        lambda w: registration_data(w.intermediary_org_b),
        refusals={"admin": 400, "alice": 400, "intermediary_a": 400},
        label="registered by another organisation",
    ),
    ForeignPost(
        "candidate_register",
        frozenset({"admin", "alice"}),
        lambda w: {"campaign_pk": w.campaign_a.pk},
        lambda w: registration_data(w.intermediary_org_a, coach=str(w.coach_b.pk)),
        refusals={"intermediary_a": 400},
        label="coach of another organisation",
    ),
    ForeignPost(
        "candidate_edit",
        B_SIDE | {"intermediary_b"},
        lambda w: {"pk": w.candidate_b.pk},
        lambda w: registration_data(w.intermediary_org_b),
    ),
    ForeignPost("candidate_erase", B_SIDE, lambda w: {"pk": w.candidate_b.pk}),
    ForeignPost(
        "candidate_different_person",
        B_SIDE | {"intermediary_b"},
        lambda w: {"pk": w.candidate_b.pk},
        lambda w: {"other": w.candidate_a.pk},
    ),
    ForeignPost(
        "candidate_different_person",
        frozenset({"admin"}),
        lambda w: {"pk": w.candidate_a.pk},
        lambda w: {"other": w.candidate_b.pk},  # one's own candidate, and one the role may not see
        label="other",
    ),
    ForeignPost(
        "candidate_consent",
        B_SIDE | {"intermediary_b"},
        lambda w: {"pk": w.candidate_b.pk},
        lambda w: {"purpose": "share_profile", "action": "given", "language": "nl"},
    ),
    ForeignPost(
        "screening_edit",
        B_SIDE | {"screener_b"},  # campaign B's screening partner screens its candidates
        lambda w: {"pk": shared_enrolment_b(w).pk, "round": 1},
        lambda w: dict.fromkeys(Screening.RUBRIC, "4"),
    ),
    ForeignPost(
        "screening_edit",
        B_SIDE,  # a partner screener never changes, nor reads, another screener's round
        lambda w: {"pk": screened_by(shared_enrolment_b(w), w.bob).enrolment_id, "round": 1},
        lambda w: dict.fromkeys(Screening.RUBRIC, "2"),
        label="someone else's round",
    ),
    # Companies: company B's profile, sites and vacancies; a site of company B for a vacancy of company A.
    ForeignPost("company_create", COORDINATORS, data=lambda w: {"name": "Company C"}),
    ForeignPost("company_edit", HR_B, lambda w: {"pk": w.company_b.pk}, lambda w: {"sector": "construction"}),
    ForeignPost(
        "company_invite",
        B_SIDE,
        lambda w: {"pk": w.company_b.pk},
        lambda w: {"full_name": "Nora", "email": "nora@example.org"},
    ),
    ForeignPost("company_pledge", HR_B, lambda w: {"pk": w.company_b.pk}),
    # The employer network: coordinators keep it for every company; the company's own HR may not touch it.
    ForeignPost(
        "network_target",
        COORDINATORS,
        data=lambda w: {"year": "2027", "companies_reached": "100", "companies_committed": "150"},
    ),
    ForeignPost("company_stage", COORDINATORS, lambda w: {"pk": w.company_b.pk}, lambda w: {"stage": "contacted"}),
    ForeignPost(
        "company_contact",
        COORDINATORS,
        lambda w: {"pk": w.company_b.pk},
        lambda w: {"contacted_on": "2027-01-05", "method": "phone", "contact_person": "Els", "summary": "Called"},
    ),
    ForeignPost("company_network_edit", COORDINATORS, lambda w: {"pk": w.company_b.pk}, lambda w: {"source": "voka"}),
    ForeignPost(
        "company_ambassador",
        COORDINATORS,
        lambda w: {"pk": w.company_b.pk},
        lambda w: {"testimony": "Good people", "second_chance": "yes"},
    ),
    ForeignPost(
        "site_create",
        HR_B,
        lambda w: {"pk": w.company_b.pk},
        lambda w: {"name": "Depot", "street": "Kaai 2", "postal_code": "9000", "city": "Gent"},
    ),
    ForeignPost(
        "site_edit",
        HR_B,
        lambda w: {"pk": site_of(w.company_b).pk},
        lambda w: {"name": "Depot", "street": "Kaai 2", "postal_code": "9000", "city": "Gent"},
    ),
    ForeignPost("vacancy_create", HR_B, lambda w: {"pk": w.company_b.pk}, lambda w: vacancy_data(site_of(w.company_b))),
    ForeignPost(
        "vacancy_create",
        NOBODY,
        lambda w: {"pk": w.company_a.pk},
        vacancy_at_another_companys_site,
        refusals=dict.fromkeys(COORDINATORS | {"hr_a"}, 400),
        label="site of another company",
    ),
    ForeignPost("vacancy_edit", HR_B, lambda w: {"pk": w.vacancy_b.pk}, lambda w: vacancy_data(site_of(w.company_b))),
    ForeignPost(
        "vacancy_edit",
        NOBODY,
        lambda w: {"pk": w.vacancy_a.pk},
        vacancy_at_another_companys_site,
        refusals=dict.fromkeys(COORDINATORS | {"hr_a"}, 400),
        label="site of another company",
    ),
    # Workshops: campaign B's; a candidate or person of another organisation in a session one may register for; a
    # registration of another session under one's own session.
    ForeignPost(
        "workshop_create",
        B_SIDE,
        lambda w: {"campaign_pk": w.campaign_b.pk},
        lambda w: {"kind": "info_session", "title": "Info"},
    ),
    ForeignPost(
        "session_create",
        B_SIDE,
        lambda w: {"workshop_pk": sessions_b(w)[0].workshop_id},
        lambda w: {"starts_at": "2027-03-01T10:00", "ends_at": "2027-03-01T12:00", "place": "Centrum", "capacity": "5"},
    ),
    ForeignPost(
        "session_edit",
        B_SIDE,
        lambda w: {"pk": sessions_b(w)[0].pk},
        lambda w: {"starts_at": "2027-03-01T10:00", "ends_at": "2027-03-01T12:00", "place": "Elders", "capacity": "5"},
    ),
    ForeignPost("session_cancel", B_SIDE, lambda w: {"pk": sessions_b(w)[0].pk}),
    ForeignPost(
        "session_register",
        B_SIDE | {"intermediary_b"},
        lambda w: {"pk": sessions_b(w)[0].pk},
        lambda w: {"name": "Walk-in"},
    ),
    ForeignPost(
        "session_register",
        NOBODY,
        lambda w: {"pk": sessions_of(w)[0].pk},
        lambda w: {"candidate": w.candidate_b.pk},
        refusals={"admin": 302, "alice": 302, "intermediary_a": 302},
        label="candidate of another campaign",
    ),
    ForeignPost(
        "session_register",
        NOBODY,
        lambda w: {"pk": sessions_of(w)[1].pk},
        lambda w: {"person": w.hr_b.pk},
        refusals={"admin": 302, "alice": 302, "intermediary_a": 302, "hr_a": 302},
        label="person of another organisation",
    ),
    ForeignPost(
        "session_attendance",
        B_SIDE,
        lambda w: {"pk": sessions_b(w)[0].pk},
        lambda w: {"registration": registration_b(w).pk, "attended": "yes"},
    ),
    ForeignPost(
        "session_attendance",
        NOBODY,
        lambda w: {"pk": sessions_of(w)[0].pk},
        lambda w: {"registration": registration_b(w).pk, "attended": "yes"},
        label="registration of another session",
    ),
    ForeignPost(
        "session_headcount",
        B_SIDE,
        lambda w: {"pk": sessions_b(w)[0].pk},
        lambda w: {"people_none_woman": "3"},
    ),
    ForeignPost("registration_cancel", B_SIDE | {"intermediary_b"}, lambda w: {"pk": registration_b(w).pk}),
]

from .foreign_posts_daily import DAILY_POSTS  # noqa: E402  (it uses ForeignPost, defined above)

FOREIGN_POSTS += DAILY_POSTS

from .foreign_posts_transport import DAY_POSTS  # noqa: E402  (it uses ForeignPost, defined above)

FOREIGN_POSTS += DAY_POSTS
