import re
from datetime import timedelta

import pytest
import time_machine
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from jobroad import services
from jobroad.models import CapturedMail, Invitation, Membership, Message, MessageStatus, Role, User

NEW_PASSWORD = "a-fresh-long-password-42"


@pytest.fixture(autouse=True)
def mail_captured_in_the_app(settings):
    """The embedded mode's backend (pytest-django would otherwise swap in locmem)."""
    settings.EMAIL_BACKEND = "jobroad.mail.CapturingEmailBackend"


def invite(client_for, world, **overrides):
    data = {"full_name": "Sara Peeters", "email": "sara@werkwinkel.example", "role": Role.INTERMEDIARY} | overrides
    url = reverse("organisation_invite", kwargs={"pk": world.intermediary_org_a.pk})
    with TestCase.captureOnCommitCallbacks(execute=True):  # the mail is queued on commit
        return client_for(world.alice).post(url, data)


def link_path(body: str) -> str:
    return re.search(r"https?://[^/\s]+(/invitations/[^/\s]+/)", body).group(1)


def accept(client, path, password=NEW_PASSWORD):
    return client.post(path, {"full_name": "Sara Peeters", "password1": password, "password2": password})


def test_a_coordinator_invites_and_the_mail_carries_a_one_time_link(client_for, client, world):
    response = invite(client_for, world)

    assert response.status_code == 302
    mail = CapturedMail.objects.get()
    assert mail.recipients == "Sara Peeters <sara@werkwinkel.example>"
    path = link_path(mail.body)
    client.logout()
    assert client.get(path).status_code == 200

    response = accept(client, path)

    assert response.status_code == 302
    user = User.objects.get(email="sara@werkwinkel.example")
    assert user.check_password(NEW_PASSWORD)
    assert Membership.objects.filter(user=user, organisation=world.intermediary_org_a, role=Role.INTERMEDIARY).exists()
    assert client.session["_auth_user_id"] == str(user.pk)


def test_only_the_hash_of_the_token_is_stored(client_for, world):
    invite(client_for, world)

    token = link_path(CapturedMail.objects.get().body).split("/")[2]
    assert not Invitation.objects.filter(token_hash=token).exists()
    assert Invitation.objects.get().token_hash != token
    sent = Message.objects.get(template="invitation")
    assert (sent.status, sent.context) == (MessageStatus.SENT, {})
    assert token not in sent.body


def test_a_used_link_gets_a_clear_page_not_an_error(client_for, client, world):
    invite(client_for, world)
    path = link_path(CapturedMail.objects.get().body)
    client.logout()
    accept(client, path)
    client.logout()

    response = client.get(path)

    assert response.status_code == 410
    assert "jobroad/invitation_unusable.html" in [template.name for template in response.templates]
    assert accept(client, path, "another-long-password-7").status_code == 410
    assert User.objects.get(email="sara@werkwinkel.example").check_password(NEW_PASSWORD)


def test_an_expired_link_gets_a_clear_page_and_creates_nobody(client_for, client, world, settings):
    invite(client_for, world)
    path = link_path(CapturedMail.objects.get().body)
    client.logout()

    with time_machine.travel(timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS, minutes=1)):
        response = accept(client, path)

    assert response.status_code == 410
    assert not User.objects.filter(email="sara@werkwinkel.example").exists()


@pytest.mark.parametrize("token", ["not-a-token", "x" * 43])
def test_a_made_up_link_gets_a_clear_page(client, db, token):
    response = client.get(reverse("invitation_accept", kwargs={"token": token}))

    assert response.status_code == 410


def test_a_weak_password_is_refused_and_the_link_stays_usable(client_for, client, world):
    invite(client_for, world)
    path = link_path(CapturedMail.objects.get().body)
    client.logout()

    response = accept(client, path, "12345678")

    assert response.status_code == 200
    assert response.context["form"].errors["password1"]
    assert not User.objects.filter(email="sara@werkwinkel.example").exists()
    assert accept(client, path).status_code == 302


def test_a_role_the_organisation_cannot_carry_is_refused_without_saving(client_for, world):
    response = invite(client_for, world, role=Role.COMPANY_HR)

    assert response.status_code == 400
    assert response.context["form"].errors["role"]
    assert not Invitation.objects.exists()
    assert not CapturedMail.objects.exists()


def test_the_same_link_cannot_be_accepted_twice(world):
    token = services.invite_person(
        organisation=world.intermediary_org_a,
        email="twice@example.org",
        full_name="Twice",
        role=Role.INTERMEDIARY,
        invited_by=world.alice,
    )
    services.accept_invitation(token=token, password=NEW_PASSWORD, full_name="Twice")

    with pytest.raises(services.InvitationUnusable):
        services.accept_invitation(token=token, password=NEW_PASSWORD, full_name="Twice")
    assert Membership.objects.filter(user__email="twice@example.org").count() == 1


def test_an_existing_person_gets_the_new_membership_and_keeps_their_password(world):
    token = services.invite_person(
        organisation=world.intermediary_org_a,
        email=world.coach_a.email.upper(),
        full_name="Coach",
        role=Role.INTERMEDIARY,
        invited_by=world.alice,
    )

    user = services.accept_invitation(token=token, password=NEW_PASSWORD, full_name="Coach")

    assert user == world.coach_a
    assert not user.check_password(NEW_PASSWORD)
    assert set(user.memberships.values_list("role", flat=True)) == {Role.JOB_COACH, Role.INTERMEDIARY}


def test_the_invitation_mail_goes_out_over_smtp(client_for, world, smtp_server):
    invite(client_for, world)

    [message] = smtp_server.messages
    assert message["To"] == "Sara Peeters <sara@werkwinkel.example>"
    assert "/invitations/" in message.get_body(preferencelist=("plain",)).get_content()
    assert not CapturedMail.objects.exists()


def test_coordinators_read_captured_mail_and_others_do_not(client_for, world):
    invite(client_for, world)
    mail = CapturedMail.objects.get()

    page = client_for(world.alice).get(reverse("mail_detail", kwargs={"pk": mail.pk}))

    assert link_path(mail.body) in page.content.decode()
    assert client_for(world.hr_a).get(reverse("mail_detail", kwargs={"pk": mail.pk})).status_code == 404
