"""The employer's check-in link: signed, for one employer check-in and the due day it was sent for, once, for a
limited time. A link that cannot be used says why and shows nothing of the placement, and a POST through it
changes nothing."""

from datetime import datetime, time, timedelta
from email.utils import formataddr

import pytest
import time_machine
from django.conf import settings
from django.urls import resolve, reverse
from django.utils import timezone

from aftercare import links, services
from aftercare.models import CheckIn, CheckInStatus, PlacementStatus
from jobroad.models import Message, MessageStatus

from ..campaigns.test_evaluations import published  # noqa: F401 (the fixture)
from ..campaigns.test_project_week import ENGLISH, week  # noqa: F401 (the fixture)
from ..jobroad.test_outbox import dispatch
from .test_services import START, placement  # noqa: F401 (the fixture)

ANSWERS = {
    "still_working": "yes", "hours_per_week": "32", "satisfaction": "4", "issues": ["transport"],
    "notes": "Komt elke dag met de fiets.",
}  # fmt: skip
# What an unusable link must never show: the candidate (Amal Haddad), the employer and the job.
PLACEMENT_DATA = ["Amal", "Haddad", "Company A", "Orderpicker"]


@pytest.fixture
def employer_check_in(placement):  # noqa: F811
    """The placement's first employer check-in, due on START + 30 days."""
    return placement.check_ins.get(audience="employer", offset_days=30)


def token_of(path: str) -> str:
    return resolve(path).kwargs["token"]


def pending_messages(check_in):
    return Message.objects.filter(event=f"checkin:{check_in.pk}", status=MessageStatus.PENDING)


def database_state() -> tuple[list, list]:
    return list(CheckIn.objects.order_by("pk").values()), list(Message.objects.order_by("pk").values("pk", "status"))


def at_noon(day) -> datetime:
    return datetime.combine(day, time(12), tzinfo=timezone.get_current_timezone())


# --- A link that works -------------------------------------------------------------------------------------------


def test_a_valid_link_shows_the_check_in_form_without_logging_in(client, employer_check_in):
    path = links.check_in_path(employer_check_in)

    response = client.get(path, headers=ENGLISH)

    assert response.status_code == 200
    text = response.content.decode()
    assert "How is it going with Amal?" in text
    assert "data-check-in-form" in text
    assert "This link works once." in text


def test_answering_through_the_link_records_the_answers_and_cancels_the_check_ins_messages(
    client, world, employer_check_in
):
    assert sorted(pending_messages(employer_check_in).values_list("template", "recipient_user")) == [
        ("checkin_employer", world.hr_a.pk),
        ("checkin_overdue", world.alice.pk),
    ]

    response = client.post(links.check_in_path(employer_check_in), ANSWERS, headers=ENGLISH)

    assert response.status_code == 200
    assert "data-link-thanks" in response.content.decode()
    employer_check_in.refresh_from_db()
    assert (
        employer_check_in.status, employer_check_in.still_working, employer_check_in.hours_per_week,
        employer_check_in.satisfaction, employer_check_in.issues, employer_check_in.notes, employer_check_in.at_risk,
        employer_check_in.answered_by, employer_check_in.answered_by_link,
    ) == (CheckInStatus.DONE, True, 32, 4, ["transport"], "Komt elke dag met de fiets.", False, None, True)  # fmt: skip
    assert not pending_messages(employer_check_in).exists()
    assert set(Message.objects.filter(event=f"checkin:{employer_check_in.pk}").values_list("status", flat=True)) == {
        MessageStatus.CANCELLED
    }


def test_an_answer_through_the_link_that_lacks_the_main_question_is_shown_again(client, employer_check_in):
    response = client.post(links.check_in_path(employer_check_in), {"notes": "?"}, headers=ENGLISH)

    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    employer_check_in.refresh_from_db()
    assert employer_check_in.status == CheckInStatus.PENDING
    assert pending_messages(employer_check_in).count() == 2


def test_the_link_works_until_the_last_day_of_its_validity(employer_check_in):
    token = token_of(links.check_in_path(employer_check_in))
    last_day = employer_check_in.due_on + timedelta(days=settings.CHECK_IN_LINK_VALID_DAYS)

    found = links.check_in_for_token(token, today=last_day)

    assert found == employer_check_in
    with pytest.raises(links.LinkUnusable):
        links.check_in_for_token(token, today=last_day + timedelta(days=1))


def test_after_a_move_the_new_link_works(client, world, placement, employer_check_in):  # noqa: F811
    services.change_placement(placement=placement, starts_on=START + timedelta(days=14), actor=world.alice)
    employer_check_in.refresh_from_db()

    response = client.get(links.check_in_path(employer_check_in), headers=ENGLISH)

    assert response.status_code == 200
    assert "How is it going with Amal?" in response.content.decode()


# --- Links that cannot be used -----------------------------------------------------------------------------------


def tampered(world, placement, check_in):  # noqa: F811
    """One character of the signed data changed."""
    token = token_of(links.check_in_path(check_in))
    changed = token[:5] + ("A" if token[5] != "A" else "B") + token[6:]
    return reverse("check_in_link", kwargs={"token": changed}), None


def expired(world, placement, check_in):  # noqa: F811
    """Opened the day after the link's last valid day."""
    day = check_in.due_on + timedelta(days=settings.CHECK_IN_LINK_VALID_DAYS + 1)
    return links.check_in_path(check_in), at_noon(day)


def reused(world, placement, check_in):  # noqa: F811
    """The check-in was answered through this link already."""
    path = links.check_in_path(check_in)
    services.answer_check_in(check_in=check_in, still_working=True, hours_per_week=38, notes="Prima.", actor=None)
    return path, None


def moved(world, placement, check_in):  # noqa: F811
    """The link of the first mail, from before the start date moved."""
    path = links.check_in_path(check_in)
    services.change_placement(placement=placement, starts_on=START + timedelta(days=14), actor=world.alice)
    return path, None


def ended(world, placement, check_in):  # noqa: F811
    """The placement ended, so its check-ins are cancelled."""
    path = links.check_in_path(check_in)
    services.change_placement(
        placement=placement, status=PlacementStatus.ENDED, end_reason="Contract not renewed", actor=world.alice
    )
    return path, None


def not_for_the_employer(world, placement, check_in):  # noqa: F811
    """A validly signed token naming the candidate's check-in, which the job coach answers."""
    return links.check_in_path(placement.check_ins.get(audience="candidate")), None


UNUSABLE = [
    (tampered, "This link is not valid. Please use the link from the e-mail exactly as it is."),
    (expired, "This link has expired. JobRoad will contact you about this check-in."),
    (reused, "This link has already been used: the check-in is answered. Thank you!"),
    (moved, "This link was replaced by a newer one, because the start date changed."),
    (ended, "This check-in is no longer needed. Thank you all the same."),
    (not_for_the_employer, "This check-in is no longer needed. Thank you all the same."),
]


@pytest.mark.parametrize(("make_link", "reason"), UNUSABLE, ids=[make_link.__name__ for make_link, _ in UNUSABLE])
def test_an_unusable_link_says_why_and_shows_nothing_of_the_placement(
    client,
    world,
    placement,  # noqa: F811
    employer_check_in,
    make_link,
    reason,
):
    path, now = make_link(world, placement, employer_check_in)

    with time_machine.travel(now or timezone.now(), tick=False):
        response = client.get(path, headers=ENGLISH)

    assert response.status_code == 410
    text = response.content.decode()
    assert reason in text
    assert [shown for shown in PLACEMENT_DATA if shown in text] == []
    assert "data-check-in-form" not in text


@pytest.mark.parametrize(("make_link", "reason"), UNUSABLE, ids=[make_link.__name__ for make_link, _ in UNUSABLE])
def test_answering_through_an_unusable_link_changes_nothing(
    client,
    world,
    placement,  # noqa: F811
    employer_check_in,
    make_link,
    reason,
):
    path, now = make_link(world, placement, employer_check_in)
    before = database_state()

    with time_machine.travel(now or timezone.now(), tick=False):
        response = client.post(path, ANSWERS | {"still_working": "no", "at_risk": "on"}, headers=ENGLISH)

    assert response.status_code == 410
    assert reason in response.content.decode()
    assert database_state() == before


# --- The mail that carries the link ------------------------------------------------------------------------------


def test_the_employers_mail_carries_a_working_link_and_the_outbox_does_not_keep_it(
    client, world, employer_check_in, mailoutbox
):
    path = links.check_in_path(employer_check_in)
    message = Message.objects.get(event=f"checkin:{employer_check_in.pk}", template="checkin_employer")
    assert (message.recipient_user, message.context["answer_link"]) == (world.hr_a, path)

    dispatch(now=message.due_at + timedelta(minutes=1))

    mails = [mail for mail in mailoutbox if path in mail.body]
    assert [mail.to for mail in mails] == [[formataddr((world.hr_a.full_name, world.hr_a.email))]]
    assert f"{settings.SITE_URL}{path}" in mails[0].body
    message.refresh_from_db()
    assert (message.status, message.context) == (MessageStatus.SENT, {})
    assert path not in message.body
    assert client.get(path).status_code == 200
