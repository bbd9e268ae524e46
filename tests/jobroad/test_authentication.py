import re

import pytest
from django.core.exceptions import NON_FIELD_ERRORS
from django.urls import reverse

from jobroad.models import User
from tests.factories import PASSWORD
from tests.mfa import with_totp


def log_in(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


PAGES_BEHIND_MFA = ["home", "campaign_list", "candidate_list", "company_list", "organisation_list", "mail_list"]


@pytest.mark.parametrize("name", [*PAGES_BEHIND_MFA, "admin:index"])
@pytest.mark.parametrize("role", ["alice", "admin"])
def test_staff_without_mfa_reach_nothing_but_mfa_setup(client, world, role, name):
    client.force_login(getattr(world, role))

    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_staff_without_mfa_can_open_the_setup_page_and_log_out(client, world):
    assert log_in(client, world.alice.email, PASSWORD).status_code == 302
    # allauth asks for the password once more before an account-sensitive change such as adding TOTP.
    reauthenticate = client.get(reverse("mfa_activate_totp"))
    assert reauthenticate.url.startswith(reverse("account_reauthenticate"))
    assert client.post(reauthenticate.url, {"password": PASSWORD}).status_code == 302

    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    assert client.post(reverse("account_logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_coordinator_with_totp_gets_through(client, world):
    with_totp(world.alice)
    client.force_login(world.alice)

    assert client.get(reverse("home")).status_code == 200


@pytest.mark.parametrize("role", ["hr_a", "intermediary_a", "coach_a", "funder_viewer"])
def test_other_roles_do_not_need_mfa(client, world, role):
    client.force_login(getattr(world, role))

    assert client.get(reverse("home")).status_code == 200


def test_the_demo_setting_lets_a_coordinator_look_around_without_mfa(client, world, settings):
    settings.MFA_REQUIRED_FOR_STAFF = False
    client.force_login(world.alice)

    assert client.get(reverse("home")).status_code == 200


def test_the_sixth_wrong_password_in_a_row_is_refused_even_when_right(client, world):
    for _attempt in range(5):
        response = log_in(client, world.hr_a.email, "wrong-password")
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session

    response = log_in(client, world.hr_a.email, PASSWORD)

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert response.context["form"].has_error(NON_FIELD_ERRORS, "too_many_login_attempts")


def test_five_wrong_passwords_still_allow_the_right_one(client, world):
    for _attempt in range(4):
        log_in(client, world.hr_a.email, "wrong-password")

    response = log_in(client, world.hr_a.email, PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(world.hr_a.pk)


def test_the_admin_logs_in_through_allauth(client):
    response = client.get(reverse("admin:login"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_there_is_no_public_sign_up(client, db):
    response = client.post(
        reverse("account_signup"),
        {"email": "stranger@example.org", "password1": "a-long-password-1", "password2": "a-long-password-1"},
    )

    assert "account/signup_closed.html" in [template.name for template in response.templates]
    assert not User.objects.filter(email="stranger@example.org").exists()


def test_a_forgotten_password_is_reset_through_a_mailed_link(client, world, mailoutbox):
    client.post(reverse("account_reset_password"), {"email": world.hr_a.email})

    [mail] = mailoutbox
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", mail.body).group(1)
    form_page = client.get(link, follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"password1": "brand-new-password-77", "password2": "brand-new-password-77"},
    )

    assert response.status_code == 302
    world.hr_a.refresh_from_db()
    assert world.hr_a.check_password("brand-new-password-77")
