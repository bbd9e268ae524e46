import re
import time
from datetime import timedelta

import pytest
import time_machine
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from jobroad import outbox, services
from jobroad.models import CapturedMail, Invitation, Membership, Message, MessageStatus, Role, User
from tests.factories import PASSWORD
from tests.mfa import with_totp

NEW_PASSWORD = "a-fresh-long-password-42"
LINK = re.compile(r"https?://[^/\s]+(/invitations/[^/\s]+/)")


def invite(client_for, world, inviter=None, organisation=None, **overrides):
    data = {"full_name": "Sara Peeters", "email": "sara@werkwinkel.example", "role": Role.INTERMEDIARY} | overrides
    url = reverse("organisation_invite", kwargs={"pk": (organisation or world.intermediary_org_a).pk})
    with TestCase.captureOnCommitCallbacks(execute=True):  # the mail is queued on commit
        return client_for(inviter or world.alice).post(url, data)


def link_path(body: str) -> str:
    return LINK.search(body).group(1)


def mailed_link() -> str:
    """The link in the last mail that left (pytest-django's locmem backend)."""
    return link_path(mail.outbox[-1].body)


def accept(client, path, password=NEW_PASSWORD):
    return client.post(path, {"full_name": "Sara Peeters", "password1": password, "password2": password})


def totp_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def test_a_coordinator_invites_and_the_mail_carries_a_one_time_link(client_for, client, world):
    response = invite(client_for, world)

    assert response.status_code == 302
    [sent] = mail.outbox
    assert sent.to == ["Sara Peeters <sara@werkwinkel.example>"]
    path = mailed_link()
    client.logout()
    assert client.get(path).status_code == 200

    response = accept(client, path)

    assert response.status_code == 302
    user = User.objects.get(email="sara@werkwinkel.example")
    assert user.check_password(NEW_PASSWORD)
    assert Membership.objects.filter(user=user, organisation=world.intermediary_org_a, role=Role.INTERMEDIARY).exists()
    assert client.session["_auth_user_id"] == str(user.pk)


def test_only_the_hash_of_the_token_is_stored_and_the_outbox_keeps_no_link(client_for, world):
    invite(client_for, world)

    token = mailed_link().split("/")[2]
    assert not Invitation.objects.filter(token_hash=token).exists()
    sent = Message.objects.get(template="invitation")
    assert sent.status == MessageStatus.SENT
    assert token not in sent.body
    assert token not in str(sent.context)
    assert "/invitations/" not in sent.body


# --- Finding 1: a link is never a log-in ----------------------------------------------------------------------


def test_an_invitation_for_an_existing_account_logs_nobody_in_whatever_password_is_typed(client_for, client, world):
    with_totp(world.admin)
    invite(client_for, world, email=world.admin.email)
    path = mailed_link()
    client.logout()

    opened = client.get(path)
    typed = accept(client, path, "any-password-at-all-123")

    assert opened.status_code == 302
    assert opened.url.startswith(reverse("account_login"))
    assert typed.status_code == 302
    assert typed.url.startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("admin:index")).status_code == 302
    world.admin.refresh_from_db()
    assert not world.admin.check_password("any-password-at-all-123")
    assert not Membership.objects.filter(user=world.admin, organisation=world.intermediary_org_a).exists()
    assert Invitation.objects.get().accepted_at is None


def test_an_existing_account_joins_after_its_password_and_second_factor(client_for, client, world):
    secret = with_totp(world.admin)
    invite(client_for, world, email=world.admin.email.upper())
    path = mailed_link()
    client.logout()
    login_page = client.get(path).url

    password_step = client.post(login_page, {"login": world.admin.email, "password": PASSWORD})
    second_factor = client.post(password_step.url, {"code": totp_code(secret)})
    confirm_page = client.get(second_factor.url)
    joined = client.post(path)

    assert password_step.url == reverse("mfa_authenticate")
    assert second_factor.url == path
    assert confirm_page.status_code == 200
    assert "jobroad/invitation_join.html" in [template.name for template in confirm_page.templates]
    assert Membership.objects.filter(user=world.admin, organisation=world.intermediary_org_a).count() == 1
    assert joined.url == reverse("home")
    assert client.get(path).status_code == 410


def test_a_link_passed_on_to_someone_else_grants_them_nothing(client_for, client, world):
    invite(client_for, world, email=world.coach_a.email)
    path = mailed_link()
    client.logout()
    other = client_for(world.intermediary_b)

    page = other.get(path)
    posted = other.post(path)

    assert page.status_code == 403
    assert posted.status_code == 410
    assert not Membership.objects.filter(user=world.intermediary_b, organisation=world.intermediary_org_a).exists()
    assert Invitation.objects.get().accepted_at is None


def test_an_account_made_between_opening_and_sending_the_form_is_not_taken_over(client_for, client, world):
    invite(client_for, world)
    path = mailed_link()
    client.logout()
    client.get(path)
    sara = User.objects.create_user(email="sara@werkwinkel.example", password=PASSWORD)

    with pytest.raises(services.InvitationUnusable):
        services.accept_invitation(token=path.split("/")[2], password=NEW_PASSWORD, full_name="Mallory")

    sara.refresh_from_db()
    assert sara.check_password(PASSWORD)
    assert not sara.memberships.exists()


def test_the_outbox_preview_of_a_waiting_invitation_shows_no_link(client_for, world):
    url = reverse("organisation_invite", kwargs={"pk": world.intermediary_org_a.pk})
    client_for(world.alice).post(url, {"full_name": "Sara", "email": "sara@example.org", "role": Role.INTERMEDIARY})
    message = Message.objects.get(template="invitation")  # still pending: nothing was dispatched

    page = client_for(world.alice).get(reverse("message_detail", kwargs={"pk": message.pk}))

    assert message.status == MessageStatus.PENDING
    assert page.status_code == 200
    assert "/invitations/" not in page.content.decode()
    assert "/invitations/" not in str(message.context)


def test_the_outbox_preview_of_a_failed_invitation_shows_no_link(client_for, world, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.OUTBOX_MAX_ATTEMPTS = "127.0.0.1", 9, 1  # nothing listens
    invite(client_for, world)
    message = Message.objects.get(template="invitation")

    page = client_for(world.alice).get(reverse("message_detail", kwargs={"pk": message.pk}))

    assert message.status == MessageStatus.FAILED
    assert "/invitations/" not in page.content.decode()


def test_resending_an_invitation_replaces_its_link(client_for, client, world):
    invite(client_for, world, email=world.coach_a.email.replace("coach.a", "new"))
    first = mailed_link()
    message = Message.objects.get(template="invitation")
    message.status = MessageStatus.FAILED
    message.save()

    with TestCase.captureOnCommitCallbacks(execute=True):
        outbox.resend_message(message=message)
        outbox.dispatch_due_messages()
    second = mailed_link()

    client.logout()
    assert first != second
    assert client.get(first).status_code == 410
    assert client.get(second).status_code == 200


def test_a_used_invitation_is_not_mailed_again(client_for, client, world):
    invite(client_for, world)
    client.logout()
    accept(client, mailed_link())
    message = Message.objects.get(template="invitation")
    Message.objects.filter(pk=message.pk).update(status=MessageStatus.CANCELLED)  # as if it had been cancelled

    with TestCase.captureOnCommitCallbacks(execute=True):
        outbox.resend_message(message=message)
        outbox.dispatch_due_messages()

    message.refresh_from_db()
    assert message.status == MessageStatus.FAILED
    assert len(mail.outbox) == 1


def test_a_used_link_gets_a_clear_page_not_an_error(client_for, client, world):
    invite(client_for, world)
    path = mailed_link()
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
    path = mailed_link()
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
    path = mailed_link()
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
    assert not mail.outbox


def test_the_invitation_mail_goes_out_over_smtp(client_for, world, smtp_server):
    invite(client_for, world)

    [message] = smtp_server.messages
    assert message["To"] == "Sara Peeters <sara@werkwinkel.example>"
    assert "/invitations/" in message.get_body(preferencelist=("plain",)).get_content()


# --- Finding 2: who may grant which role ----------------------------------------------------------------------

INVITERS = ["admin", "alice", "hr_a", "intermediary_a", "coach_a", "funder_viewer"]
# The organisation each role is granted in: one of alice's campaign (campaign A) where the kind allows the role.
ORGANISATION_FOR_ROLE = {
    Role.ADMIN: "jobroad",
    Role.COORDINATOR: "jobroad",
    Role.COMPANY_HR: "company_a",
    Role.INTERMEDIARY: "intermediary_org_a",
    Role.JOB_COACH: "intermediary_org_a",
    Role.FUNDER_VIEWER: "funder",
    Role.SCREENER: "intermediary_org_a",
}
MAY_GRANT = {
    "admin": set(Role.values),
    "alice": {Role.COMPANY_HR, Role.INTERMEDIARY, Role.JOB_COACH, Role.SCREENER},
}


def organisation_named(world, name):
    place = getattr(world, name)
    return getattr(place, "organisation", place)


@pytest.mark.parametrize("role", Role.values)
@pytest.mark.parametrize("inviter", INVITERS)
def test_each_inviter_grants_only_the_roles_of_the_table(client_for, world, inviter, role):
    organisation = organisation_named(world, ORGANISATION_FOR_ROLE[role])

    response = invite(client_for, world, getattr(world, inviter), organisation, role=role, email="new@example.org")

    granted = Invitation.objects.filter(email="new@example.org", role=role, organisation=organisation).exists()
    assert granted == (role in MAY_GRANT.get(inviter, set()))
    may_invite_here = MAY_GRANT.get(inviter, set()) & organisation.allowed_roles()
    assert response.status_code == (302 if granted else 400 if may_invite_here else 404)


def test_a_coordinator_cannot_make_anyone_admin_or_coordinator(client_for, world):
    for role in (Role.ADMIN, Role.COORDINATOR):
        invite(client_for, world, world.alice, world.jobroad, role=role, email="alice+admin@example.org")

    assert not Invitation.objects.exists()
    form = client_for(world.alice).get(reverse("organisation_detail", kwargs={"pk": world.jobroad.pk})).context["form"]
    assert [value for value, _label in form.fields["role"].choices] == [Role.JOB_COACH]


@pytest.mark.parametrize("place", ["company_b", "intermediary_org_b"])
def test_a_coordinator_cannot_invite_into_another_coordinators_campaign(client_for, world, place):
    organisation = organisation_named(world, place)
    role = Role.COMPANY_HR if place == "company_b" else Role.INTERMEDIARY

    response = invite(client_for, world, world.alice, organisation, role=role)

    assert response.status_code == 404
    assert not Invitation.objects.exists()
    company_invite = reverse("company_invite", kwargs={"pk": world.company_b.pk})
    assert client_for(world.alice).post(company_invite, {"full_name": "X", "email": "x@example.org"}).status_code == 404


def test_a_coordinator_cannot_make_a_screener_who_would_also_screen_another_coordinators_campaign(client_for, world):
    vdab = world.intermediary_org_a
    world.campaign_a.screening_partners.add(vdab)
    world.campaign_b.screening_partners.add(vdab)

    response = invite(client_for, world, world.alice, vdab, role=Role.SCREENER, email="spy@example.org")

    assert response.status_code == 400
    assert not Invitation.objects.filter(role=Role.SCREENER).exists()
    world.campaign_b.screening_partners.remove(vdab)
    assert invite(client_for, world, world.alice, vdab, role=Role.SCREENER, email="ok@example.org").status_code == 302


def test_the_service_refuses_a_role_the_inviter_may_not_grant(world):
    with pytest.raises(services.ValidationError):
        services.invite_person(
            organisation=world.jobroad, email="me@evil.example", full_name="Me", role=Role.ADMIN, invited_by=world.alice
        )

    assert not Invitation.objects.exists()


# --- Finding 6 and the embedded mode: one-time links are never kept where others read ---------------------------


@pytest.fixture
def mail_captured_in_the_app(settings):
    """The embedded mode's backend (pytest-django would otherwise swap in locmem)."""
    settings.EMAIL_BACKEND = "jobroad.mail.CapturingEmailBackend"


@pytest.mark.usefixtures("mail_captured_in_the_app")
def test_the_embedded_mode_never_keeps_an_invitation_mail_and_prints_it_for_the_operator(
    client_for, client, world, capsys
):
    invite(client_for, world)

    printed = capsys.readouterr().out
    assert not CapturedMail.objects.exists()
    client.logout()
    assert client.get(link_path(printed)).status_code == 200


@pytest.mark.usefixtures("mail_captured_in_the_app")
def test_the_embedded_mode_never_keeps_a_password_reset_mail(client, world, capsys):
    client.post(reverse("account_reset_password"), {"email": world.hr_a.email})

    assert not CapturedMail.objects.exists()
    assert "/accounts/password/reset/key/" in capsys.readouterr().out


@pytest.mark.usefixtures("mail_captured_in_the_app")
def test_coordinators_read_captured_mail_of_their_own_campaigns_only(client_for, world):
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.write_note(
            author=world.bob, recipient=world.hr_b, address="", channel="email", subject="Maandag", text="Tot dan",
            due_at=None,
        )  # fmt: skip
        outbox.dispatch_due_messages()
    note = CapturedMail.objects.get()

    def page_for(user):
        return client_for(user).get(reverse("mail_detail", kwargs={"pk": note.pk})).status_code

    assert (page_for(world.bob), page_for(world.admin)) == (200, 200)
    assert page_for(world.alice) == 404
    assert list(client_for(world.alice).get(reverse("mail_list")).context["page"].object_list) == []


def test_a_coordinator_does_not_read_another_coordinators_notes(client_for, world):
    note = services.write_note(
        author=world.bob, recipient=None, address="+32470123456", channel="sms",
        subject="", text="Bel Amal over maandag", due_at=None,
    )  # fmt: skip

    listed = client_for(world.alice).get(reverse("message_list"))
    opened = client_for(world.alice).get(reverse("message_detail", kwargs={"pk": note.pk}))

    assert list(listed.context["page"].object_list) == []
    assert opened.status_code == 404
    assert client_for(world.bob).get(reverse("message_detail", kwargs={"pk": note.pk})).status_code == 200


def test_a_coordinator_does_not_read_another_coordinators_invitations(client_for, world):
    invite(client_for, world, world.bob, world.intermediary_org_b)
    message = Message.objects.get(template="invitation")

    assert client_for(world.alice).get(reverse("message_detail", kwargs={"pk": message.pk})).status_code == 404
    assert client_for(world.bob).get(reverse("message_detail", kwargs={"pk": message.pk})).status_code == 200
