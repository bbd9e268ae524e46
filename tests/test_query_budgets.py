"""Query budgets (issue 9): every page that lists rows, or shows one object with its related rows, costs as many
queries with one row as with several.

Each entry of ``BUDGETS`` names who opens the page and how to add one more row of what it shows (a candidate, an
interview, a placement, a registration…). The test adds one row, opens the page, adds four more and opens it again:
the query count must not move, and the page must have grown (or the rows were not on it and the test proves
nothing). Rows are written directly, as tests/access_objects.py does: no matching or scheduling run.
"""

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aftercare.models import (
    CheckInAudience,
)
from jobroad.models import (
    CapturedMail,
)

from .access_objects import (
    check_in_a,
    enrolment_a,
    message_for,
    placement_a,
    published_interview_a,
    sessions_of,
)
from .budget_rows import (
    MORE,
    PROJECT_DAY,
    aftercare_row,
    audit_entries,
    campaign_a_row,
    campaign_row,
    candidate_a_row,
    coach_and_centre,
    coached,
    company_a_row,
    consent_entry,
    coordinator_home_row,
    hr_company,
    interview,
    language_of_a,
    mail_row,
    matching_row,
    message_row,
    not_retained_row,
    option_row,
    organisation_member,
    organisation_row,
    other_placement,
    pack_row,
    participation_a,
    partner_registered,
    placement,
    placement_a_row,
    proposal_row,
    registered,
    registered_or_waiting,
    schedule_of_a,
    scored_row,
    screened_twice,
    session_row,
    site_and_terms,
    tracked_person,
    vacancy_row,
    week_row,
)
from .reauth import recently_authenticated

# --- The table --------------------------------------------------------------------------------------------------

ROWS = "rows"  # a list: the page gets longer
FIGURES = "figures"  # totals: the figures change, the page need not get longer
ONE = "one"  # one object's page: rows added elsewhere must cost it nothing, and need not show


@dataclass(frozen=True)
class Budget:
    role: str
    name: str
    add: Callable  # (world, i): one more row of what the page shows
    kwargs: Callable = lambda world: {}
    query: dict = field(default_factory=dict)
    shows: str = ROWS
    reauthenticated: bool = False  # personal data in a file: behind typing the password again
    label: str = ""

    def __str__(self):
        return f"{self.name}[{self.role}{'-' + self.label if self.label else ''}]"


def campaign_a(world) -> dict:
    return {"pk": world.campaign_a.pk}


def campaign_a_by_pk(world) -> dict:
    return {"campaign_pk": world.campaign_a.pk}


def candidate_a(world) -> dict:
    return {"pk": world.candidate_a.pk}


def company_a(world) -> dict:
    return {"pk": world.company_a.pk}


def enrolment_of_a(world) -> dict:
    return {"pk": enrolment_a(world).pk}


def interview_of_a(world) -> dict:
    return {"pk": published_interview_a(world).pk}


def participation_of_a(world) -> dict:
    return {"pk": participation_a(world).pk}


def placement_of_a(world) -> dict:
    return {"pk": placement_a(world).pk}


def candidate_session(world) -> dict:
    return {"pk": sessions_of(world)[0].pk}


def partner_session(world) -> dict:
    return {"pk": sessions_of(world)[1].pk}


def as_file(file_format: str) -> Callable:
    return lambda world: {"file_format": file_format}


def candidate_check_in(world) -> dict:
    """Placement A's first check-in asking the candidate: their coach answers it."""
    return {"pk": check_in_a(world, CheckInAudience.CANDIDATE).pk}


def employer_check_in(world) -> dict:
    """Placement A's first employer check-in: HR answers it, the intermediary only reads it."""
    return {"pk": check_in_a(world, CheckInAudience.EMPLOYER).pk}


def second_screening_of_a(world) -> dict:
    return {"pk": enrolment_a(world).pk, "round": 2}


def message_of_a(world) -> dict:
    return {"pk": message_for(world.campaign_a).pk}


def first_mail(world) -> dict:
    return {"pk": CapturedMail.objects.order_by("pk").first().pk}


def member_of(organisation: str) -> Callable:
    return lambda world, i: organisation_member(world, i, organisation_named(world, organisation))


def organisation_of(organisation: str) -> Callable:
    return lambda world: {"pk": organisation_named(world, organisation).pk}


def organisation_named(world, organisation: str):
    return world.company_a.organisation if organisation == "company_a" else getattr(world, organisation)


def candidate_and_campaign(world, i: int) -> None:
    campaign_row(world, i)
    placement(world, i)


def interview_evaluated(outcome: str) -> Callable:
    """An interview at company A; every other one evaluated with ``outcome``."""
    return lambda world, i: interview(world, i, outcome=outcome if i % 2 else "")


MOVE_TO_NOON = {"day": PROJECT_DAY.isoformat(), "starts_at": "12:00"}

BUDGETS = [
    # The home dashboards, one per role.
    Budget("alice", "home", coordinator_home_row),
    Budget("admin", "home", coordinator_home_row),
    Budget("hr_a", "home", hr_company),
    Budget("intermediary_a", "home", other_placement),
    Budget("coach_a", "home", coached),
    Budget("funder_viewer", "home", campaign_row),
    # Campaigns: the list for every role, the campaign page, matching, project week, second chance, reports.
    Budget("alice", "campaign_list", campaign_row),
    Budget("hr_a", "campaign_list", campaign_row),
    Budget("intermediary_a", "campaign_list", campaign_row),
    Budget("coach_a", "campaign_list", campaign_row),
    Budget("funder_viewer", "campaign_list", campaign_row),
    Budget("alice", "campaign_detail", campaign_a_row, campaign_a),
    Budget("hr_a", "campaign_detail", campaign_a_row, campaign_a),
    Budget("intermediary_a", "campaign_detail", campaign_a_row, campaign_a),
    Budget("coach_a", "campaign_detail", campaign_a_row, campaign_a),
    Budget("funder_viewer", "campaign_detail", campaign_a_row, campaign_a),
    Budget("alice", "campaign_matching", matching_row, campaign_a),
    Budget("alice", "matching_scores", scored_row, campaign_a),
    Budget("alice", "matching_candidate", option_row, enrolment_of_a),
    Budget("alice", "project_week", week_row, campaign_a),
    Budget("alice", "interview_move", week_row, interview_of_a, shows=ONE),
    Budget("alice", "interview_move_check", week_row, interview_of_a, query=MOVE_TO_NOON, shows=ONE),
    Budget("alice", "second_chance", not_retained_row, campaign_a),
    Budget("alice", "report_list", tracked_person, shows=FIGURES),
    Budget("funder_viewer", "report_list", tracked_person, shows=FIGURES),
    Budget("alice", "report_export", tracked_person, as_file("xlsx"), shows=FIGURES),
    Budget("alice", "report_export", tracked_person, as_file("csv"), query={"table": "funnel"}, shows=FIGURES),
    Budget("alice", "report_pdf", tracked_person, shows=FIGURES),
    Budget("funder_viewer", "report_pdf", tracked_person, shows=FIGURES),
    # Project-week documents.
    Budget("alice", "project_week_pack", pack_row, campaign_a),
    Budget("alice", "candidate_schedule", schedule_of_a, enrolment_of_a),
    Budget("hr_a", "company_day_sheet", interview, participation_of_a),
    Budget("alice", "company_day_sheet", interview, participation_of_a),
    # Interviews and proposals, as HR sees them (and coordinators looking over their shoulder).
    Budget("hr_a", "interview_list", interview_evaluated("no")),
    Budget("alice", "interview_list", interview_evaluated("maybe")),
    Budget("hr_a", "interview_evaluation", interview, interview_of_a, shows=ONE),
    Budget("hr_a", "proposal_list", proposal_row),
    Budget("alice", "proposal_list", proposal_row),
    # Candidates.
    Budget("alice", "candidate_list", candidate_and_campaign),
    Budget("intermediary_a", "candidate_list", candidate_and_campaign),
    Budget("coach_a", "candidate_list", candidate_and_campaign),
    Budget("alice", "candidate_detail", candidate_a_row, candidate_a),
    Budget("intermediary_a", "candidate_detail", candidate_a_row, candidate_a),
    Budget("coach_a", "candidate_detail", candidate_a_row, candidate_a),
    Budget("alice", "candidate_audit", audit_entries, candidate_a),
    Budget("intermediary_a", "candidate_consent", consent_entry, candidate_a),
    Budget("intermediary_a", "candidate_edit", language_of_a, candidate_a),
    Budget("alice", "candidate_consent_form", candidate_a_row, candidate_a, shows=ONE),
    Budget("alice", "screening_board", screened_twice, campaign_a_by_pk),
    Budget("alice", "screening_calibration", screened_twice, campaign_a_by_pk),
    Budget("alice", "screening_edit", screened_twice, second_screening_of_a, shows=ONE),
    # Companies.
    Budget("alice", "company_list", hr_company),
    Budget("hr_a", "company_list", hr_company),
    Budget("alice", "company_detail", company_a_row, company_a),
    Budget("hr_a", "company_detail", company_a_row, company_a),
    # Workshops.
    Budget("alice", "workshop_list", session_row, campaign_a_by_pk),
    Budget("intermediary_a", "workshop_list", session_row, campaign_a_by_pk),
    Budget("hr_a", "workshop_list", session_row, campaign_a_by_pk),
    Budget("alice", "session_detail", registered_or_waiting, candidate_session),
    Budget("intermediary_a", "session_detail", registered_or_waiting, candidate_session),
    Budget("alice", "session_detail", partner_registered, partner_session, label="partners"),
    Budget("hr_a", "session_detail", partner_registered, partner_session, label="partners"),
    Budget("alice", "session_attendance", registered_or_waiting, candidate_session),
    Budget("alice", "attendance_sheet", registered, candidate_session),
    # Outbox and captured mail.
    Budget("alice", "message_list", message_row),
    Budget("alice", "message_detail", message_row, message_of_a, shows=ONE),
    Budget("alice", "mail_list", mail_row),
    Budget("alice", "mail_detail", mail_row, first_mail, shows=ONE),
    # Organisations.
    Budget("alice", "organisation_list", organisation_row),
    Budget("alice", "organisation_detail", member_of("intermediary_org_a"), organisation_of("intermediary_org_a")),
    Budget("hr_a", "organisation_detail", member_of("company_a"), organisation_of("company_a")),
    # Aftercare.
    Budget("alice", "placement_list", aftercare_row),
    Budget("intermediary_a", "placement_list", other_placement),
    Budget("coach_a", "placement_list", other_placement),
    Budget("alice", "placement_detail", placement_a_row, placement_of_a),
    Budget("coach_a", "placement_detail", placement_a_row, placement_of_a),
    Budget("hr_a", "check_in_list", other_placement),
    Budget("intermediary_a", "check_in_list", other_placement),
    Budget("coach_a", "check_in_list", other_placement),
    Budget("coach_a", "check_in_answer", other_placement, candidate_check_in, shows=ONE),
    Budget("intermediary_a", "check_in_answer", other_placement, employer_check_in, shows=ONE, label="read only"),
    Budget("coach_a", "caseload", coached),
    # Spreadsheet exports.
    Budget("alice", "candidate_export", other_placement, as_file("csv"), reauthenticated=True),
    Budget("alice", "candidate_export", candidate_a_row, as_file("csv"), reauthenticated=True, label="candidate A"),
    Budget("intermediary_a", "candidate_export", other_placement, as_file("xlsx"), reauthenticated=True),
    Budget("hr_a", "vacancy_export", vacancy_row, as_file("xlsx")),
    Budget("alice", "vacancy_export", vacancy_row, as_file("csv")),
    Budget("alice", "company_export", hr_company, as_file("csv")),
    Budget("hr_a", "company_export", hr_company, as_file("xlsx")),
    Budget("alice", "candidate_subject_export", candidate_a_row, candidate_a, reauthenticated=True),
    # Forms whose choices grow: one option more per row.
    Budget("alice", "campaign_add_company", hr_company, campaign_a),
    Budget("alice", "campaign_edit", organisation_row, campaign_a),
    Budget("intermediary_a", "candidate_register", coach_and_centre, campaign_a_by_pk),
    Budget("alice", "message_create", member_of("intermediary_org_a")),
    Budget("hr_a", "vacancy_create", site_and_terms, company_a),
]


@dataclass(frozen=True)
class Measure:
    queries: list[str]
    content: bytes


def measure(client, url: str, query: dict) -> Measure:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, query)
    assert response.status_code == 200, response
    return Measure([entry["sql"] for entry in captured.captured_queries], response.content)


def shape(sql: str) -> str:
    return re.sub(r"N(, N)+", "N…", re.sub(r"\d+", "N", sql))


def grown(few: list[str], many: list[str]) -> str:
    """The queries that ran more often with more rows (numbers aside), to find the loop that makes them."""
    shapes = Counter(shape(sql) for sql in many)
    shapes.subtract(shape(sql) for sql in few)
    return "\n\n".join(f"{count:+d}× {sql[:600]}" for sql, count in shapes.items() if count)


@pytest.mark.parametrize("budget", BUDGETS, ids=str)
def test_a_pages_query_count_does_not_grow_with_its_rows(client_for, world, budget):
    budget.add(world, 0)
    user = getattr(world, budget.role)
    client = client_for(user)
    if budget.reauthenticated:
        recently_authenticated(client, user)
    url = reverse(budget.name, kwargs=budget.kwargs(world))

    one = measure(client, url, budget.query)
    for i in range(1, MORE):
        budget.add(world, i)
    many = measure(client, url, budget.query)

    assert len(many.queries) == len(one.queries), grown(one.queries, many.queries)
    if budget.shows == ROWS:
        assert len(many.content) > len(one.content), "the rows should be on the page, or this test proves nothing"
    if budget.shows == FIGURES:
        assert many.content != one.content, "the figures should count the rows, or this test proves nothing"
