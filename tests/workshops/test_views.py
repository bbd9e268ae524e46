from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import CandidateFactory, set_phase
from tests.pdftext import pdf_text
from workshops import services
from workshops.models import Audience, RegistrationStatus, Session, Workshop, WorkshopKind


@pytest.fixture
def session(world):
    workshop = Workshop.objects.create(
        campaign=world.campaign_a, kind=WorkshopKind.LABOUR_MARKET, audience=Audience.CANDIDATES
    )
    start = timezone.now() + timedelta(days=7)
    return services.save_session(
        session=Session(
            workshop=workshop, starts_at=start, ends_at=start + timedelta(hours=3), place="Centrum De Haven",
            facilitator="Lotte Peeters", capacity=3, language="nl",
        ),
        actor=world.alice,
    )  # fmt: skip


def test_a_coordinator_plans_a_workshop_and_a_session(client_for, world):
    client = client_for(world.alice)

    client.post(reverse("workshop_create", kwargs={"campaign_pk": world.campaign_a.pk}), {"kind": "life_as_a_refugee"})
    workshop = world.campaign_a.workshops.get()
    response = client.post(
        reverse("session_create", kwargs={"workshop_pk": workshop.pk}),
        {"starts_at": "2027-02-02T09:00", "ends_at": "2027-02-02T12:00", "place": "Stadhuis", "language": "nl",
         "capacity": "20"},
    )  # fmt: skip

    session = workshop.sessions.get()
    assert response.url == reverse("session_detail", kwargs={"pk": session.pk})
    assert (workshop.audience, session.capacity, timezone.localtime(session.starts_at).hour) == (
        Audience.PARTNERS,
        20,
        9,
    )


def test_a_session_that_ends_before_it_starts_is_refused(client_for, world, session):
    response = client_for(world.alice).post(
        reverse("session_edit", kwargs={"pk": session.pk}),
        {"starts_at": "2027-02-02T09:00", "ends_at": "2027-02-02T08:00", "place": "X", "language": "nl",
         "capacity": "20"},
    )  # fmt: skip

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["ends_at"]
    session.refresh_from_db()
    assert session.place == "Centrum De Haven"


def test_the_session_page_names_its_language_in_the_readers_language(client_for, world, session):
    session.language = "ti"
    session.save()

    page = client_for(world.alice).get(
        reverse("session_detail", kwargs={"pk": session.pk}), headers={"accept-language": "en"}
    )

    assert "Tigrinya" in page.content.decode()


def test_an_intermediary_registers_its_own_candidates_and_sees_only_them(client_for, world, session):
    other = CandidateFactory(registered_by=world.intermediary_org_b)
    world.campaign_a.enrolments.create(candidate=other)
    services.register(session=session, actor=world.alice, candidate=other)
    client = client_for(world.intermediary_a)

    client.post(reverse("session_register", kwargs={"pk": session.pk}), {"candidate": world.candidate_a.pk})
    page = client.get(reverse("session_detail", kwargs={"pk": session.pk}))

    assert [r.candidate for r in page.context["registered"]] == [world.candidate_a]
    assert page.context["taken"] == 2
    assert "candidate" not in page.context["form"].fields  # nobody of theirs left to register


def test_an_intermediary_cannot_register_another_organisations_candidate(client_for, world, session):
    world.campaign_a.enrolments.create(candidate=world.candidate_b)

    client_for(world.intermediary_a).post(
        reverse("session_register", kwargs={"pk": session.pk}), {"candidate": world.candidate_b.pk}
    )

    assert session.registrations.count() == 0


def test_attendance_is_marked_with_one_tap(client_for, world, session):
    registration = services.register(session=session, actor=world.alice, candidate=world.candidate_a)
    url = reverse("session_attendance", kwargs={"pk": session.pk})

    response = client_for(world.alice).post(url, {"registration": registration.pk, "attended": "yes"})

    registration.refresh_from_db()
    assert (response.url, registration.attended) == (f"{url}#registration-{registration.pk}", True)


def test_the_attendance_sheet_lists_the_registered_people_with_a_signature_column(client_for, world, session):
    for name in ("Amina", "Tesfay", "Olena", "Wachtende"):
        candidate = CandidateFactory(first_name=name, last_name="Testpersoon", registered_by=world.intermediary_org_a)
        services.register(session=session, actor=world.alice, candidate=candidate)

    response = client_for(world.alice).get(reverse("attendance_sheet", kwargs={"pk": session.pk}))

    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Aanwezigheidslijst" in text or "Attendance sheet" in text
    assert all(f"{name} Testpersoon" in text for name in ("Amina", "Tesfay", "Olena"))
    assert "Wachtende" not in text  # the waiting list did not come
    assert "Centrum De Haven" in text and "Lotte Peeters" in text
    assert session.registrations.filter(status=RegistrationStatus.WAITING).count() == 1


def test_the_workshop_list_costs_the_same_queries_for_one_session_or_many(client_for, world, session):
    client = client_for(world.alice)
    url = reverse("workshop_list", kwargs={"campaign_pk": world.campaign_a.pk})
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for days in range(1, 6):
        services.save_session(
            session=Session(
                workshop=session.workshop, starts_at=session.starts_at + timedelta(days=days),
                ends_at=session.ends_at + timedelta(days=days), place="Elders",
            ),
            actor=world.alice,
        )  # fmt: skip
        services.register(session=session, actor=world.alice, candidate=CandidateFactory())

    with CaptureQueriesContext(connection) as many:
        response = client.get(url)

    assert len(response.context["sessions"]) == 6
    assert len(many) == len(one)


@pytest.mark.parametrize(
    "page, phase",
    [("session_edit", "project_week"), ("session_detail", "project_week"), ("session_attendance", "closed")],
)
def test_a_session_page_says_before_any_post_why_the_phase_closes_it(client_for, world, session, page, phase):
    registration = services.register(session=session, candidate=world.candidate_a, actor=world.alice)
    set_phase(world.campaign_a, phase)

    response = client_for(world.alice).get(reverse(page, kwargs={"pk": session.pk}), headers={"Accept-Language": "en"})

    assert response.status_code == 200
    assert b"data-phase-refusal" in response.content
    assert b'action="' + reverse("session_register", kwargs={"pk": session.pk}).encode() not in response.content
    assert reverse("session_cancel", kwargs={"pk": session.pk}).encode() not in response.content
    if page == "session_attendance":
        assert f'id="registration-{registration.pk}"'.encode() in response.content
        assert response.content.count(b" disabled") >= 2  # present and absent cannot be pressed
    if page == "session_edit":
        assert b'name="starts_at"' not in response.content


def test_a_session_page_in_an_open_phase_shows_no_refusal(client_for, world, session):
    response = client_for(world.alice).get(reverse("session_detail", kwargs={"pk": session.pk}))
    assert b"data-phase-refusal" not in response.content
