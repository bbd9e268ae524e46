"""The employer's check-in link: signed, for one employer check-in and the due day it was sent for, once, for a
limited time. A link that cannot be used shows nothing of the placement and gets the same answer whatever the
cause, and a POST through it changes nothing."""

import re
from datetime import datetime, time, timedelta
from email.utils import formataddr
from unittest import mock

import pytest
import time_machine
from django.conf import settings
from django.urls import resolve, reverse
from django.utils import timezone

from aftercare import links, services
from aftercare.models import CheckIn, CheckInStatus, PlacementStatus
from jobroad.models import Message, MessageStatus
from tests.factories import START, employer_check_in_of
from tests.language import ENGLISH
from tests.outboxrun import dispatch

ANSWERS = {
    "still_working": "yes", "hours_per_week": "32", "satisfaction": "4", "issues": ["transport"],
    "notes": "Komt elke dag met de fiets.",
}  # fmt: skip
# What an unusable link must never show: the candidate (Amal Haddad), the employer and the job.
PLACEMENT_DATA = ["Amal", "Haddad", "Company A", "Orderpicker"]


@pytest.fixture
def employer_check_in(placement, time_machine):
    """The placement's first employer check-in, due on START + 30 days; the clock at noon that day, when its mail has
    gone out."""
    check_in = employer_check_in_of(placement, offset_days=30)
    time_machine.move_to(at_noon(check_in.due_on), tick=False)
    return check_in


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


def test_the_link_opens_the_configured_number_of_days_before_the_due_day(employer_check_in):
    token = token_of(links.check_in_path(employer_check_in))
    first_day = employer_check_in.due_on - timedelta(days=settings.CHECK_IN_OPENS_DAYS_BEFORE)

    found = links.check_in_for_token(token, today=first_day)

    assert found == employer_check_in
    with pytest.raises(links.LinkUnusable) as refusal:
        links.check_in_for_token(token, today=first_day - timedelta(days=1))
    assert refusal.value.cause == "not open yet"


def test_after_a_move_the_new_link_works(client, world, placement, employer_check_in, time_machine):
    services.change_placement(placement=placement, starts_on=START + timedelta(days=14), actor=world.alice)
    employer_check_in.refresh_from_db()
    time_machine.move_to(at_noon(employer_check_in.due_on), tick=False)

    response = client.get(links.check_in_path(employer_check_in), headers=ENGLISH)

    assert response.status_code == 200
    assert "How is it going with Amal?" in response.content.decode()


# --- Links that cannot be used -----------------------------------------------------------------------------------


def tampered(world, placement, check_in):
    """One character of the signed data changed."""
    token = token_of(links.check_in_path(check_in))
    changed = token[:5] + ("A" if token[5] != "A" else "B") + token[6:]
    return reverse("check_in_link", kwargs={"token": changed}), None


def expired(world, placement, check_in):
    """Opened the day after the link's last valid day."""
    day = check_in.due_on + timedelta(days=settings.CHECK_IN_LINK_VALID_DAYS + 1)
    return links.check_in_path(check_in), at_noon(day)


def too_early(world, placement, check_in):
    """Opened months before the check-in is due: a job that starts in May is not "still going" in the winter before."""
    return links.check_in_path(check_in), at_noon(placement.starts_on - timedelta(days=150))


def reused(world, placement, check_in):
    """The check-in was answered through this link already."""
    path = links.check_in_path(check_in)
    services.answer_check_in(check_in=check_in, still_working=True, hours_per_week=38, notes="Prima.", actor=None)
    return path, None


def moved(world, placement, check_in):
    """The link of the first mail, from before the start date moved."""
    path = links.check_in_path(check_in)
    services.change_placement(placement=placement, starts_on=START + timedelta(days=14), actor=world.alice)
    return path, None


def ended(world, placement, check_in):
    """The placement ended, so its check-ins are cancelled."""
    path = links.check_in_path(check_in)
    services.change_placement(
        placement=placement, status=PlacementStatus.ENDED, end_reason="Contract not renewed", actor=world.alice
    )
    return path, None


def not_for_the_employer(world, placement, check_in):
    """A validly signed token naming the candidate's check-in, which the job coach answers."""
    return links.check_in_path(placement.check_ins.get(audience="candidate")), None


UNUSABLE = [tampered, expired, too_early, reused, moved, ended, not_for_the_employer]
REFUSAL = (
    "This link cannot be used: it is incomplete, has expired, was used already or was replaced by a newer one. If "
    "your answer is still needed, JobRoad will contact you."
)


def main_of(response) -> str:
    """The page's own content: the header around it holds a fresh CSRF token and the page's path."""
    text = response.content.decode()
    return text[text.index("<main") : text.index("</main>")]


def open_link(client, path, now, method):
    with time_machine.travel(now or timezone.now(), tick=False):
        if method == "post":
            return client.post(path, ANSWERS | {"still_working": "no", "at_risk": "on"}, headers=ENGLISH)
        return client.get(path, headers=ENGLISH)


@pytest.mark.parametrize("make_link", UNUSABLE, ids=[make_link.__name__ for make_link in UNUSABLE])
def test_an_unusable_link_shows_nothing_of_the_placement(
    client,
    world,
    placement,
    employer_check_in,
    make_link,
):
    path, now = make_link(world, placement, employer_check_in)

    response = open_link(client, path, now, "get")

    assert response.status_code == 410
    text = response.content.decode()
    assert REFUSAL in text
    assert [shown for shown in PLACEMENT_DATA if shown in text] == []
    assert "data-check-in-form" not in text


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("make_link", UNUSABLE, ids=[make_link.__name__ for make_link in UNUSABLE])
def test_every_refused_check_in_link_gets_the_same_answer(
    client,
    world,
    placement,
    employer_check_in,
    make_link,
    method,
):
    never_made = reverse("check_in_link", kwargs={"token": "never-made"})
    path, now = make_link(world, placement, employer_check_in)

    refused = open_link(client, path, now, method)
    unknown = open_link(client, never_made, now, method)

    assert (refused.status_code, main_of(refused)) == (410, main_of(unknown))


def test_a_check_in_answered_while_its_form_was_open_gets_the_same_answer(client, employer_check_in):
    path = links.check_in_path(employer_check_in)
    services.answer_check_in(check_in=employer_check_in, still_working=True, notes="", actor=None)
    employer_check_in.status = CheckInStatus.PENDING  # as the link found it when the form was sent

    with mock.patch("aftercare.views.check_in_for_token", return_value=employer_check_in):
        response = client.post(path, ANSWERS, headers=ENGLISH)

    assert response.status_code == 410
    assert REFUSAL in response.content.decode()
    employer_check_in.refresh_from_db()
    assert (employer_check_in.still_working, employer_check_in.notes) == (True, "")


@pytest.mark.parametrize("make_link", UNUSABLE, ids=[make_link.__name__ for make_link in UNUSABLE])
def test_answering_through_an_unusable_link_changes_nothing(
    client,
    world,
    placement,
    employer_check_in,
    make_link,
):
    path, now = make_link(world, placement, employer_check_in)
    before = database_state()

    response = open_link(client, path, now, "post")

    assert response.status_code == 410
    assert REFUSAL in response.content.decode()
    assert database_state() == before


# --- The mail that carries the link ------------------------------------------------------------------------------


def test_the_employers_mail_carries_a_working_link_and_the_outbox_does_not_keep_it(
    client, world, employer_check_in, mailoutbox
):
    message = Message.objects.get(event=f"checkin:{employer_check_in.pk}", template="checkin_employer")
    assert (message.recipient_user, message.context["check_in"]) == (world.hr_a, employer_check_in.pk)
    assert "/aftercare/answer/" not in str(message.context)

    dispatch(now=message.due_at + timedelta(minutes=1))

    mails = [mail for mail in mailoutbox if "/aftercare/answer/" in mail.body]
    assert [mail.to for mail in mails] == [[formataddr((world.hr_a.full_name, world.hr_a.email))]]
    path = re.search(re.escape(settings.SITE_URL) + r"(/aftercare/answer/\S+/)", mails[0].body).group(1)
    assert links.check_in_for_token(resolve(path).kwargs["token"], today=employer_check_in.due_on) == employer_check_in
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT
    assert path not in message.body
    assert path not in str(message.context)
    assert client.get(path).status_code == 200


def test_the_outbox_preview_of_an_employers_check_in_shows_no_link(client_for, world, employer_check_in):
    path = links.check_in_path(employer_check_in)
    message = Message.objects.get(event=f"checkin:{employer_check_in.pk}", template="checkin_employer")

    page = client_for(world.alice).get(reverse("message_detail", kwargs={"pk": message.pk}))

    assert page.status_code == 200
    assert path not in page.content.decode()
