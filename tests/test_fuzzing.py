"""Hostile input: every form of the platform, posted by the role allowed to use it, with whatever hypothesis makes
of its fields — control characters, very long strings, HTML and script, right-to-left marks, numbers and dates out
of any range, pks of other organisations' objects, and fields left out.

For each example: never a 5xx; when the answer is not a success (a redirect without an error message), not one row
of the database changed (reading a record is audited, so the audit trail may grow); and no script or markup from
the input reaches the page raw — neither the form shown again nor the page a success leads to.

The fields are read from the form as the page renders it, so a field added to a form is fuzzed without touching
this file; a form nobody lists here is not (the list follows the urls.py files; imports are fuzzed in
tests/jobroad/spreadsheets/ and tests/jobroad/test_tabular.py).

Each form gets a few dozen examples, so the suite stays quick; ``JOBROAD_FUZZ_SCALE=20 pytest tests/test_fuzzing.py``
tries twenty times as many (and finds what is rarer).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from aftercare.links import check_in_path
from aftercare.models import CheckInAudience
from campaigns.models import CampaignPhase, Enrolment, Interview, PhasePlan
from jobroad import services as jobroad_services
from tests.access_objects import (
    check_in_a,
    confirmed_proposal,
    enrolment_a,
    offer_a,
    placement_a,
    published_interview_a,
    sessions_of,
    site_of,
)
from tests.campaigns.projectweek.interpreters.world import some_interpreter
from tests.factories import CampaignFactory, CandidateFactory, set_phase
from tests.factories import invitation_token as token_for
from tests.fuzzing import (
    SCALE,
    Field,
    Form,
    FormReader,
    any_text,
    assert_inert,
    assert_survives,
    changed_tables,
    database_state,
    form_posting_to,
    numbers,
    pks,
    submissions,
    succeeded,
)

# --- The forms -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """A form: the URL it posts to (``kwargs`` builds the state it needs), as whom, and on which page it is."""

    name: str
    role: str | None  # None: no account (a link from a mail)
    kwargs: Callable = lambda world: {}
    page: Callable | None = None  # (world, action URL) → the page showing the form, when not the action's own
    method: str = "post"
    label: str = ""
    examples: int = 25
    fields: tuple[Field, ...] = ()  # for a form the page shows only in some states
    success: Callable = succeeded  # (response) → whether the submission was taken

    def __str__(self):
        return f"{self.name}{'[' + self.label + ']' if self.label else ''}"


def participation_a(world):
    return world.campaign_a.participations.get(company=world.company_a)


def movable_interview(world) -> Interview:
    """Interview A, published, at a company receiving candidates on two days, with an Arabic interpreter."""
    interview = published_interview_a(world)
    participation = participation_a(world)
    participation.available_days = ["2027-04-20", "2027-04-21"]
    participation.save()
    Interview.objects.filter(pk=interview.pk).update(interpreter="ar")
    return interview


def with_project_week(world):
    PhasePlan.objects.update_or_create(
        campaign=world.campaign_a, phase=CampaignPhase.PROJECT_WEEK,
        defaults={"starts_on": date(2027, 4, 19), "ends_on": date(2027, 4, 23)},
    )  # fmt: skip
    return {"pk": participation_a(world).pk}


def later_campaign(world) -> dict:
    """A campaign in intake that candidate A's intermediary may enrol them in."""
    campaign = CampaignFactory(name="Campaign C", phase=CampaignPhase.INTAKE)
    campaign.partners.add(world.intermediary_org_a)
    return {"pk": world.candidate_a.pk}


def another_candidate_a(world):
    """A second candidate of intermediary A in campaign A, not yet registered for a workshop."""
    candidate = CandidateFactory(first_name="Samir", registered_by=world.intermediary_org_a)
    return Enrolment.objects.create(campaign=world.campaign_a, candidate=candidate)


def invitation_token(world) -> dict:
    invitation = jobroad_services.invite_person(
        organisation=world.intermediary_org_a, email="new@example.org", full_name="Nieuw", role="intermediary",
        invited_by=world.alice,
    )  # fmt: skip
    return {"token": token_for(invitation)}


def on(url_name: str, kwargs: Callable = lambda world: {}) -> Callable:
    return lambda world, action: reverse(url_name, kwargs=kwargs(world))


# fmt: off
TARGETS = [
    # Campaigns
    Target("campaign_create", "alice"),
    Target("campaign_edit", "alice", lambda w: {"pk": w.campaign_a.pk}),
    Target("campaign_clone", "alice", lambda w: {"pk": w.campaign_a.pk}),
    Target("campaign_advance", "alice", lambda w: {"pk": w.campaign_a.pk},
           on("campaign_detail", lambda w: {"pk": w.campaign_a.pk}),
           fields=(Field("phase", "select", options=list(CampaignPhase.values)),)),
    Target("campaign_step_back", "alice", lambda w: {"pk": w.campaign_a.pk},
           on("campaign_detail", lambda w: {"pk": w.campaign_a.pk}),
           fields=(Field("reason", "textarea"), Field("confirm", "checkbox"))),
    Target("campaign_add_company", "alice", lambda w: {"pk": w.campaign_a.pk}),
    Target("participation_edit", "hr_a", with_project_week),
    Target("campaign_matching", "alice", lambda w: {"pk": set_phase(w.campaign_a, CampaignPhase.MATCHING).pk},
           examples=15),
    Target(
        "matching_pair_rule", "alice", lambda w: {"pk": enrolment_a(w).pk, "vacancy_pk": w.vacancy_a.pk},
        on("matching_candidate", lambda w: {"pk": enrolment_a(w).pk}),
    ),
    Target(
        "project_week_interpreters", "alice",
        lambda w: movable_interview(w) and some_interpreter(w) and {"pk": w.campaign_a.pk},
    ),
    Target("interpreter_add", "bob"),
    Target("interview_move", "alice", lambda w: {"pk": movable_interview(w).pk}),
    Target("interview_evaluation", "hr_a", lambda w: {"pk": published_interview_a(w).pk}),
    Target("proposal_answer", "hr_a", lambda w: {"pk": confirmed_proposal(w).pk}, on("proposal_list")),
    # Companies
    Target("company_create", "alice"),
    Target("company_edit", "hr_a", lambda w: {"pk": w.company_a.pk}),
    Target("company_edit", "alice", lambda w: {"pk": w.company_a.pk}, label="coordinator"),
    Target("company_invite", "alice", lambda w: {"pk": w.company_a.pk}),
    Target("site_create", "hr_a", lambda w: {"pk": w.company_a.pk}),
    Target("site_edit", "hr_a", lambda w: {"pk": site_of(w.company_a).pk}),
    Target("vacancy_create", "hr_a", lambda w: site_of(w.company_a) and {"pk": w.company_a.pk}),
    Target("vacancy_edit", "hr_a", lambda w: site_of(w.company_a) and {"pk": w.vacancy_a.pk}),
    Target(
        "organisation_invite", "alice", lambda w: {"pk": w.intermediary_org_a.pk},
        on("organisation_detail", lambda w: {"pk": w.intermediary_org_a.pk}),
    ),
    # Candidates
    Target("candidate_register", "intermediary_a", lambda w: {"campaign_pk": w.campaign_a.pk}),
    Target("candidate_register", "alice", lambda w: {"campaign_pk": w.campaign_a.pk}, label="coordinator"),
    Target("candidate_edit", "intermediary_a", lambda w: {"pk": w.candidate_a.pk}),
    Target("candidate_consent", "intermediary_a", lambda w: {"pk": w.candidate_a.pk}),
    Target("screening_edit", "alice", lambda w: {"pk": enrolment_a(w).pk, "round": 1}),
    Target("screening_edit", "alice", lambda w: {"pk": enrolment_a(w).pk, "round": 2}, label="second round"),
    # Workshops
    Target("workshop_create", "alice", lambda w: {"campaign_pk": w.campaign_a.pk}),
    Target("session_create", "alice", lambda w: {"workshop_pk": sessions_of(w)[0].workshop_id}),
    Target("session_edit", "alice", lambda w: {"pk": sessions_of(w)[0].pk}),
    Target(
        "session_register", "alice", lambda w: {"pk": sessions_of(w)[1].pk},
        on("session_detail", lambda w: {"pk": sessions_of(w)[1].pk}),
    ),
    Target(
        "session_register", "intermediary_a", lambda w: another_candidate_a(w) and {"pk": sessions_of(w)[0].pk},
        on("session_detail", lambda w: {"pk": sessions_of(w)[0].pk}), label="intermediary",
    ),
    Target("session_attendance", "alice", lambda w: {"pk": sessions_of(w)[0].pk}),
    # Messages and accounts
    Target("message_create", "alice"),
    Target("invitation_accept", None, invitation_token, examples=15),
    # Aftercare
    Target("placement_from_offer", "alice", lambda w: {"pk": offer_a(w).pk}),
    *[
        Target(
            "placement_change", "alice", lambda w, action=action: {"pk": placement_a(w).pk, "action": action},
            on("placement_detail", lambda w: {"pk": placement_a(w).pk}), label=action,
        )
        for action in ("start", "route", "move", "end")
    ],
    Target("check_in_answer", "coach_a", lambda w: {"pk": check_in_a(w, CheckInAudience.CANDIDATE).pk}),
    Target("check_in_answer", "hr_a", lambda w: {"pk": check_in_a(w, CheckInAudience.EMPLOYER).pk}, label="employer"),
    Target(
        "check_in_link", None,
        lambda w: {"token": check_in_path(check_in_a(w, CheckInAudience.EMPLOYER)).rstrip("/").rsplit("/", 1)[-1]},
        success=lambda response: b"data-link-thanks" in response.content,
    ),
    Target("coaching_contact_create", "coach_a", lambda w: {"pk": w.candidate_a.pk}),
    Target(
        "enrolment_drop_out", "intermediary_a", lambda w: {"pk": enrolment_a(w).pk},
        on("candidate_detail", lambda w: {"pk": w.candidate_a.pk}),
    ),
    Target("candidate_enrol_again", "intermediary_a", later_campaign,
           on("candidate_detail", lambda w: {"pk": w.candidate_a.pk})),
    # Filters (GET)
    Target("report_list", "alice", method="get"),
    Target("report_list", "funder_viewer", method="get", label="funder"),
    Target("report_export", "alice", lambda w: {"file_format": "xlsx"}, on("report_list"), method="get", examples=10),
    Target("report_pdf", "funder_viewer", page=on("report_list"), method="get", examples=5),
    Target("interview_move_check", "alice", lambda w: {"pk": movable_interview(w).pk},
           lambda w, action: reverse("interview_move", kwargs={"pk": movable_interview(w).pk}), method="get"),
]
# fmt: on


def client_as(client, client_for, world, role):
    return client_for(getattr(world, role)) if role else client


@pytest.mark.parametrize("target", TARGETS, ids=str)
def test_a_hostile_submission_is_refused_whole_or_saved_inert(client, client_for, world, target):
    user_client = client_as(client, client_for, world, target.role)
    url = reverse(target.name, kwargs=target.kwargs(world))
    page_url = target.page(world, url) if target.page else url
    page = user_client.get(page_url)
    assert page.status_code == 200
    if target.fields:
        form = Form(action=url, method=target.method, fields={item.name: item for item in target.fields})
    elif target.method == "post":
        form = form_posting_to(page.content.decode(), page_url, url)
    else:
        form = filters(page, url)

    @settings(max_examples=int(target.examples * SCALE), deadline=None, database=None)
    @given(data=submissions(form))
    def submit(data):
        assert_survives(user_client, target.method, url, data, target.success)

    submit()


def filters(page, url) -> Form:
    """The GET form of the page (a report's filters; the move form, whose fields the live check reads)."""
    reader = FormReader()
    reader.feed(page.content.decode())
    return max(reader.forms, key=lambda form: len(form.fields))


# --- Query strings of the lists ------------------------------------------------------------------------------------

LIST_PARAMETERS = ["q", "page", "status", "kind", "person", "state", "differences", "ambassador", "campaign",
                   "language", "version", "table", "programme", "starts_on", "ends_on"]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "role", "kwargs"),
    [
        ("organisation_list", "alice", lambda w: {}),
        ("candidate_list", "intermediary_a", lambda w: {}),
        ("company_list", "alice", lambda w: {}),
        ("campaign_list", "alice", lambda w: {}),
        ("message_list", "alice", lambda w: {}),
        ("mail_list", "alice", lambda w: {}),
        ("placement_list", "alice", lambda w: {}),
        ("screening_board", "alice", lambda w: {"campaign_pk": w.campaign_a.pk}),
        ("screening_calibration", "alice", lambda w: {"campaign_pk": w.campaign_a.pk}),
        ("candidate_audit", "alice", lambda w: {"pk": w.candidate_a.pk}),
        ("candidate_import", "intermediary_a", lambda w: {}),
        ("report_export", "alice", lambda w: {"file_format": "csv"}),
        ("consent_form_blank", "intermediary_a", lambda w: {}),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_hostile_query_strings_never_break_a_list(client_for, world, name, role, kwargs):
    client = client_for(getattr(world, role))
    url = reverse(name, kwargs=kwargs(world))

    @settings(max_examples=int(20 * SCALE), deadline=None, database=None)
    @given(query=st.dictionaries(st.sampled_from(LIST_PARAMETERS), st.one_of(any_text, numbers.map(str), pks)))
    def read(query):
        assert_survives(client, "get", url, query)

    read()


# --- The fuzzer's own parts ----------------------------------------------------------------------------------------


def test_the_form_reader_sees_fields_as_a_browser_submits_them():
    html = """<form method="post" action="/x/"><input name="a" value="1"><input type="checkbox" name="b" value="p"
    checked><input type="checkbox" name="b" value="q"><select name="c"><option value="">-</option>
    <option value="7" selected>Seven</option></select><textarea name="d">hi &amp; bye</textarea>
    <input type="submit" value="Save"><button name="kind" value="pin">Pin</button><input type="file" name="f"></form>"""

    form = form_posting_to(html, "/page/", "/x/")

    assert {name: (item.kind, item.options, item.initial) for name, item in form.fields.items()} == {
        "a": ("text", [], ["1"]),
        "b": ("checkbox", ["p", "q"], ["p"]),
        "c": ("select", ["", "7"], ["7"]),
        "d": ("textarea", [], ["hi & bye"]),
        "kind": ("select", ["pin"], []),
    }


def test_a_changed_row_is_noticed(world):
    before = database_state()

    world.candidate_a.first_name = "Changed"
    world.candidate_a.save()

    assert "candidates_candidate" in changed_tables(before, database_state())


def test_raw_markup_is_caught_and_escaped_markup_is_not():
    class Page:
        def __init__(self, body):
            self.content = body.encode()

        def get(self, name, default=""):
            return "text/html; charset=utf-8"

    assert_inert(Page("&lt;script&gt;alert(&quot;jr&quot;)&lt;/script&gt;"))
    with pytest.raises(AssertionError):
        assert_inert(Page('<p><script>alert("jr")</script></p>'))


# --- Bodies too large for any form ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        {"channel": "email", "subject": "Hallo", "text": "x" * (django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)},
        {f"field{n}": "x" for n in range(django_settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)},
    ],
    ids=["too-large", "too-many-fields"],
)
def test_a_body_past_djangos_limits_is_refused_whole(client_for, world, data):
    client = client_for(world.alice)
    before = database_state()

    response = client.post(reverse("message_create"), data | {"address": "sara@example.org"})

    assert response.status_code == 400
    assert changed_tables(before, database_state()) == []


# --- What the fuzzing found, kept as plain examples ----------------------------------------------------------------


def test_a_person_filter_in_unicode_digits_lists_the_outbox_instead_of_failing(client_for, world):
    response = client_for(world.alice).get(reverse("message_list"), {"person": "²"})

    assert response.status_code == 200


def test_marking_attendance_of_a_registration_that_is_not_a_number_is_a_404(client_for, world):
    url = reverse("session_attendance", kwargs={"pk": sessions_of(world)[0].pk})

    response = client_for(world.alice).post(url, {"registration": "<script>", "attended": "yes"})

    assert response.status_code == 404


def test_a_second_company_with_the_same_name_is_refused_with_a_message(client_for, world):
    client = client_for(world.alice)
    before = database_state()

    response = client.post(reverse("company_create"), {"name": "company a"})

    assert response.status_code == 400
    assert response.context["form"].has_error("name", "duplicate_name")
    assert changed_tables(before, database_state()) == []


@pytest.mark.parametrize(
    ("name", "kwargs", "data"),
    [
        ("campaign_create", lambda w: {}, {"name": "C", "target_group": "refugees", "partners": ["9" * 30]}),
        ("vacancy_create", lambda w: site_of(w.company_a) and {"pk": w.company_a.pk},
         {"title": "T", "positions": "1", "required_competences": ["1" * 100]}),
        ("vacancy_create", lambda w: site_of(w.company_a) and {"pk": w.company_a.pk},
         {"title": "T", "positions": "1", "nice_competences": ["0" * 4301]}),  # more digits than int() reads
    ],
    ids=["campaign-partners", "vacancy-competences", "vacancy-competences-4301-digits"],
)  # fmt: skip
def test_a_choice_of_objects_with_a_pk_beyond_64_bits_is_refused(client_for, world, name, kwargs, data):
    client = client_for(world.alice if name == "campaign_create" else world.hr_a)
    url = reverse(name, kwargs=kwargs(world))
    before = database_state()

    response = client.post(url, data)

    assert response.status_code == 400
    assert changed_tables(before, database_state()) == []


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-01"])
def test_a_date_outside_the_plausible_years_is_refused_not_a_crash(client_for, world, day):
    move = reverse("placement_change", kwargs={"pk": placement_a(world).pk, "action": "move"})
    client = client_for(world.alice)
    before = database_state()

    moved = client.post(move, {"starts_on": day})
    report = client.get(reverse("report_list"), {"starts_on": day})

    assert (moved.status_code, report.status_code) == (400, 400)
    assert moved.context["forms"]["move"].has_error("starts_on", "implausible_date")
    assert changed_tables(before, database_state()) == []


def test_no_page_nests_a_form_inside_another(client_for, world):
    invitation = jobroad_services.invite_person(
        organisation=world.intermediary_org_a, email="new@example.org", full_name="Nieuw", role="intermediary",
        invited_by=world.alice,
    )  # fmt: skip
    pages = [
        client_for(world.alice).get(reverse("organisation_detail", kwargs={"pk": world.intermediary_org_a.pk})),
        Client().get(reverse("invitation_accept", kwargs={"token": token_for(invitation)})),
    ]

    for page in pages:
        reader = FormReader()
        reader.feed(page.content.decode())
        assert (page.status_code, reader.nested) == (200, 0)
