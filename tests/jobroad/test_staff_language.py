"""The language staff work in (issue 20 part 2): a switch is kept on the profile and comes back at the next log-in,
an invitation is written in the language the inviter chose and the account starts in it, and a workshop's title
can be given per interface language."""

import re

from django.conf import settings
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import translation

from jobroad.models import Message, Role, User
from tests.factories import PASSWORD
from workshops.forms import WorkshopForm

LINK = re.compile(r"https?://[^/\s]+(/invitations/[^/\s]+/)")


def test_switching_language_keeps_the_choice_on_the_profile(client_for, world):
    client = client_for(world.intermediary_a)

    response = client.post(reverse("set_language"), {"language": "fr", "next": "/"})

    world.intermediary_a.refresh_from_db()
    assert response.status_code == 302
    assert world.intermediary_a.language == "fr"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"


def test_a_language_the_platform_does_not_have_changes_nothing(client_for, world):
    client_for(world.intermediary_a).post(reverse("set_language"), {"language": "xx", "next": "/"})

    world.intermediary_a.refresh_from_db()
    assert world.intermediary_a.language == "nl"


def test_logging_in_brings_back_the_language_on_the_profile(client, world):
    User.objects.filter(pk=world.intermediary_a.pk).update(language="en")

    response = client.post(reverse("account_login"), {"login": world.intermediary_a.email, "password": PASSWORD})
    home = client.get(response.url)

    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert home.headers["Content-Language"] == "en"


def test_an_invitation_is_written_in_the_language_chosen_for_the_invitee_and_the_account_starts_in_it(
    client_for, client, world
):
    url = reverse("organisation_invite", kwargs={"pk": world.intermediary_org_a.pk})
    data = {"full_name": "Léa Dubois", "email": "lea@werkwinkel.example", "role": Role.INTERMEDIARY, "language": "fr"}
    with TestCase.captureOnCommitCallbacks(execute=True):
        client_for(world.alice).post(url, data)  # Alice works in Dutch
    invitation_mail = mail.outbox[-1]

    path = LINK.search(invitation_mail.body).group(1)
    password = "a-fresh-long-password-42"
    accepted = client.post(path, {"full_name": "Léa Dubois", "password1": password, "password2": password})
    welcome = client.get(accepted.url)

    assert Message.objects.get(template="invitation").language == "fr"
    assert "Bonjour" in invitation_mail.body and "Hallo" not in invitation_mail.body
    assert User.objects.get(email="lea@werkwinkel.example").language == "fr"
    assert accepted.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    assert welcome.headers["Content-Language"] == "fr"


def test_the_invitation_form_offers_the_inviters_own_language_first(client_for, world):
    world.alice.language = "en"
    world.alice.save(update_fields=["language"])

    page = client_for(world.alice).get(reverse("organisation_detail", kwargs={"pk": world.intermediary_org_a.pk}))

    assert re.search(r'<option value="en"[^>]*selected', page.content.decode())


def test_a_workshop_title_per_interface_language_falls_back_to_the_one_entered(world):
    form = WorkshopForm(
        {"kind": "labour_market", "title": "Werken in België", "title_fr": "Travailler en Belgique", "audience": ""}
    )
    assert form.is_valid(), form.errors
    form.instance.campaign = world.campaign_a
    workshop = form.save()

    with translation.override("fr"):
        in_french = str(workshop)
    with translation.override("en"):
        in_english = str(workshop)
    assert (in_french, in_english) == ("Travailler en Belgique", "Werken in België")
    assert WorkshopForm(instance=workshop).fields["title_fr"].initial == "Travailler en Belgique"


def test_a_language_picked_just_before_logging_in_is_kept_on_the_profile(client, world):
    client.post(reverse("set_language"), {"language": "fr", "next": "/accounts/login/"})

    response = client.post(reverse("account_login"), {"login": world.intermediary_a.email, "password": PASSWORD})

    world.intermediary_a.refresh_from_db()
    assert response.status_code == 302
    assert world.intermediary_a.language == "fr"


def test_a_language_cookie_left_by_someone_else_does_not_change_the_profile(client, world):
    User.objects.filter(pk=world.intermediary_a.pk).update(language="en")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"  # the last person at this shared computer read French

    response = client.post(reverse("account_login"), {"login": world.intermediary_a.email, "password": PASSWORD})

    world.intermediary_a.refresh_from_db()
    assert world.intermediary_a.language == "en"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
