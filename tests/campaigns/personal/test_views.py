"""A candidate's personal page (campaigns.personal, issue 20 part 3): by a signed link and without an account, in
the candidate's language and direction, it shows their published interviews and workshop sessions; "I can't come"
tells the coordinator and the intermediary at once and shows on the board; a link that cannot be used gets one
neutral page (410) that shows nothing; opening it and every answer are in the audit trail."""

import subprocess
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from campaigns.models import CampaignPhase, Interview
from campaigns.personal.links import personal_path
from jobroad.models import AuditEntry, AuditPlace, Message
from tests.factories import CandidateFactory, set_phase
from workshops import services as workshop_services
from workshops.models import Audience, Registration, RegistrationStatus, Session, Workshop, WorkshopKind

ARABIC_TITLE = "مواعيدي مع JobRoad"


@pytest.fixture
def amal(world, published) -> Interview:
    """Amal reads Arabic; her interview is published."""
    candidate = world.candidate_a
    candidate.preferred_language = "ar"
    candidate.save(update_fields=["preferred_language"])
    return Interview.objects.get(enrolment__candidate=candidate)


def link(interview: Interview) -> str:
    return personal_path(interview.enrolment)


def answer_url(page: str, kind: str, pk: int) -> str:
    return f"{page}{kind}/{pk}/answer/"


def test_the_page_shows_the_published_interview_in_the_candidates_language_and_direction(client, amal):
    response = client.get(link(amal))
    page = response.content.decode()

    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in page and ARABIC_TITLE in page
    assert str(amal.participation.company) in page and "10:00" in page
    assert 'href="https://www.openstreetmap.org/' in page and 'rel="noreferrer noopener"' in page
    assert "Hallo" not in page and "Afmelden" not in page  # no Dutch, and none of the staff pages around it
    assert response.headers["Cache-Control"].startswith("max-age=0")
    assert AuditEntry.objects.filter(candidate=amal.enrolment.candidate, place=AuditPlace.PERSONAL_PAGE).count() == 1


def test_i_cannot_come_tells_the_coordinator_and_the_intermediary_and_shows_on_the_board(
    client, client_for, world, amal
):
    page = link(amal)

    client.post(answer_url(page, "interview", amal.pk), {"answer": "not_coming", "reason": "transport"})
    client.post(answer_url(page, "interview", amal.pk), {"answer": "not_coming", "reason": "transport"})  # again

    amal.refresh_from_db()
    told = Message.objects.filter(template="candidate_cannot_come")
    board = client_for(world.alice).get(reverse("project_week", args=[world.campaign_a.pk])).content.decode()
    assert (amal.candidate_answer, amal.candidate_absence_reason) == ("not_coming", "transport")
    assert sorted(told.values_list("recipient_address", flat=True)) == sorted(
        [world.alice.email, world.intermediary_a.email]
    )  # once: the same answer again sends nothing
    assert 'data-candidate-answer="not_coming"' in board
    trail = AuditEntry.objects.filter(candidate=amal.enrolment.candidate, place=AuditPlace.PERSONAL_PAGE)
    assert sorted(trail.values_list("action", flat=True)) == ["changed", "changed"]  # each answer, without an actor
    assert 'data-answered="not_coming"' in client.get(page).content.decode()


def test_i_will_come_is_kept_and_sends_nothing(client, amal):
    client.post(answer_url(link(amal), "interview", amal.pk), {"answer": "coming"})

    amal.refresh_from_db()
    assert amal.candidate_answer == "coming"
    assert not Message.objects.filter(template="candidate_cannot_come").exists()


def test_cannot_come_without_a_reason_changes_nothing(client, amal):
    client.post(answer_url(link(amal), "interview", amal.pk), {"answer": "not_coming"})

    amal.refresh_from_db()
    assert amal.candidate_answer == ""


def test_a_link_answers_only_for_its_own_candidate(client, amal, published):
    other = next(i for i in published if i.pk != amal.pk)

    client.post(answer_url(link(amal), "interview", other.pk), {"answer": "not_coming", "reason": "ill"})

    other.refresh_from_db()
    assert other.candidate_answer == ""


@pytest.mark.parametrize(
    "spoil",
    [
        lambda path: path.replace("/p/ar/", "/p/ar/x"),  # tampered
        lambda path: path[:-3] + "/",  # cut short
    ],
)
def test_a_tampered_link_gets_the_neutral_page_in_the_language_of_its_path(client, amal, spoil):
    response = client.get(spoil(link(amal)))
    page = response.content.decode()

    assert response.status_code == 410
    assert 'lang="ar" dir="rtl"' in page and "data-link-unusable" in page
    assert str(amal.participation.company) not in page and amal.enrolment.candidate.first_name not in page


def test_the_link_stops_when_the_campaign_is_over_or_the_candidate_is_erased(client, world, amal):
    path = link(amal)
    world.campaign_a.ends_on = timezone.localdate() - timedelta(days=1)
    world.campaign_a.save(update_fields=["ends_on"])
    ended = client.get(path).status_code
    world.campaign_a.ends_on, world.campaign_a.phase = None, CampaignPhase.CLOSED
    world.campaign_a.save(update_fields=["ends_on", "phase"])
    closed = client.get(path).status_code
    world.campaign_a.phase = CampaignPhase.PROJECT_WEEK
    world.campaign_a.save(update_fields=["phase"])
    type(amal.enrolment.candidate).objects.filter(pk=amal.enrolment.candidate_id).update(erased_at=timezone.now())

    assert (ended, closed, client.get(path).status_code) == (410, 410, 410)


def test_each_appointment_comes_as_a_calendar_file(client, amal):
    response = client.get(f"{link(amal)}interview/{amal.pk}.ics")

    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert f"SUMMARY:{amal.participation.company}" in response.content.decode()


def test_a_session_freed_by_i_cannot_come_goes_to_the_waiting_list(client, client_for, world, amal):
    set_phase(world.campaign_a, CampaignPhase.INTAKE)  # registrations change while workshops are held
    workshop = Workshop.objects.create(campaign=world.campaign_a, kind=WorkshopKind.LABOUR_MARKET,
                                       audience=Audience.CANDIDATES, title="Werken in België")  # fmt: skip
    start = timezone.now() + timedelta(days=3)
    session = Session.objects.create(workshop=workshop, starts_at=start, ends_at=start + timedelta(hours=2),
                                     place="Centrum", capacity=1)  # fmt: skip
    workshop_services.register(session=session, candidate=world.candidate_a, actor=world.alice)
    waiting = workshop_services.register(session=session, candidate=CandidateFactory(), actor=world.alice)
    page = link(amal)

    shown = client.get(page).content.decode()
    client.post(answer_url(page, "session", session.pk), {"answer": "not_coming", "reason": "ill"})

    waiting.refresh_from_db()
    own = Registration.objects.get(session=session, candidate=world.candidate_a)
    detail = client_for(world.alice).get(reverse("session_detail", args=[session.pk])).content.decode()
    assert "Werken in België" in shown and f'data-appointment="session-{session.pk}"' in shown
    assert (own.status, own.candidate_answer) == (RegistrationStatus.CANCELLED, "not_coming")
    assert waiting.status == RegistrationStatus.REGISTERED
    assert f'data-declined="{own.pk}"' in detail
    assert Message.objects.filter(template="candidate_cannot_come", event=f"{session.event_key}:answers").count() == 2


def qr_codes_in(pdf: bytes, tmp_path) -> list[str]:
    """Every QR code on the PDF's pages, decoded the way a phone's camera would read the printed sheet."""
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-", str(tmp_path / "page")], input=pdf, check=True)
    found = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", *sorted(map(str, tmp_path.glob("page*.png")))],
        capture_output=True,
        text=True,
    )
    return found.stdout.split()


def test_the_printed_schedule_carries_the_personal_link_as_a_qr_code(
    client, client_for, world, amal, settings, tmp_path
):
    response = client_for(world.alice).get(reverse("candidate_schedule", args=[amal.enrolment_id]))

    codes = qr_codes_in(response.content, tmp_path)

    assert codes == [settings.SITE_URL + link(amal)]
    assert client.get(link(amal)).status_code == 200  # the decoded link opens the page
