"""The credentials of SECURITY.md that allauth keeps for us: each works once and for a limited time."""

import re
from datetime import timedelta

import time_machine
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.urls import reverse
from django.utils import timezone

from tests.factories import PASSWORD
from tests.mfa import with_totp

RESET_LINK = re.compile(r"http://testserver(/accounts/password/reset/key/\S+/)")


def mailed_reset_link(client, user, mailoutbox) -> str:
    client.post(reverse("account_reset_password"), {"email": user.email})
    return RESET_LINK.search(mailoutbox[-1].body).group(1)


def set_password_through(client, link: str, password: str):
    form_page = client.get(link, follow=True)
    target = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link
    return client.post(target, {"password1": password, "password2": password})


def test_a_password_reset_link_works_once(client, world, mailoutbox):
    link = mailed_reset_link(client, world.hr_a, mailoutbox)
    set_password_through(client, link, "brand-new-password-77")

    again = set_password_through(client, link, "another-new-password-88")

    world.hr_a.refresh_from_db()
    assert again.status_code == 200  # allauth's "bad token" page
    assert world.hr_a.check_password("brand-new-password-77")


def test_a_password_reset_link_expires(client, world, mailoutbox, settings):
    link = mailed_reset_link(client, world.hr_a, mailoutbox)

    # Django dates the token in naive local time, which time_machine shifts by the UTC offset: a margin of hours.
    with time_machine.travel(timezone.now() + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT, hours=3)):
        set_password_through(client, link, "brand-new-password-77")

    world.hr_a.refresh_from_db()
    assert world.hr_a.check_password(PASSWORD)


def test_a_recovery_code_replaces_the_second_factor_once(client, world):
    with_totp(world.alice)
    code = RecoveryCodes.activate(world.alice).get_unused_codes()[0]

    def log_in_with(second_factor: str):
        client.logout()
        password_step = client.post(reverse("account_login"), {"login": world.alice.email, "password": PASSWORD})
        return client.post(password_step.url, {"code": second_factor})

    first = log_in_with(code)
    second = log_in_with(code)

    assert first.status_code == 302
    assert second.status_code == 200  # the form again, with its error
    assert "_auth_user_id" not in client.session
