"""A registration saved as one goes (``jobroad.drafts``): "Save and continue" keeps the form unchecked and opens the
next section; only its owner sees it; registering or deleting it ends it; it is encrypted and expires."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from candidates.models import Candidate
from jobroad.drafts import KEPT_DAYS, delete_expired_drafts
from jobroad.models import FormDraft, Role
from tests.candidates.forms_data import register_url, registration
from tests.conftest import member
from tests.language import ENGLISH


def save_section(client, world, section: str, **overrides):
    return client.post(
        register_url(world.campaign_a), registration(world, save_section=section, **overrides), headers=ENGLISH
    )


def test_save_and_continue_keeps_the_form_unchecked_and_opens_the_next_section(client_for, world):
    client = client_for(world.intermediary_a)

    # No residence yet, and no application date: the registration would refuse both; a draft keeps them unchecked.
    response = save_section(client, world, "identity", postal_code=None, city=None, asylum_application_date=None)

    assert response.status_code == 302
    assert response.url == f"{register_url(world.campaign_a)}?step=legal#section-legal"
    assert not Candidate.objects.filter(last_name="Khalil").exists()
    page = client.get(response.url, headers=ENGLISH).content.decode()
    assert 'value="Khalil"' in page and 'value="HB-0042"' in page
    assert "data-draft" in page and "is required" not in page
    assert 'id="section-legal" data-section="legal" open' in page
    assert 'id="section-identity" data-section="identity">' in page  # done: folded


def test_the_draft_comes_back_with_every_choice_and_language_row(client_for, world):
    client = client_for(world.intermediary_a)
    rows = {"languages-TOTAL_FORMS": "4", "languages-2-language": "fr", "languages-2-level": "B1"}
    rows |= {"languages-3-language": "en", "languages-3-level": "A1"}

    save_section(client, world, "languages", **rows)

    page = client.get(register_url(world.campaign_a), headers=ENGLISH).content.decode()
    for index, (language, level) in enumerate([("ar", "C2"), ("nl", "A2"), ("fr", "B1"), ("en", "A1")]):
        assert f'<option value="{language}" selected' in page.split(f'name="languages-{index}-language"')[1][:3000]
        assert f'<option value="{level}" selected' in page.split(f'name="languages-{index}-level"')[1][:600]
    assert 'name="languages-TOTAL_FORMS" value="5"' in page  # and one empty row to add another
    chosen = re.findall(r'<input[^>]*value="(?:industry|cleaning|day|early)"[^>]*>', page)
    assert len(chosen) == 4 and all("checked" in tag for tag in chosen)


def test_only_its_owner_sees_a_draft(client_for, world):
    save_section(client_for(world.intermediary_a), world, "identity")
    colleague = member("colleague.a@example.org", world.intermediary_org_a, Role.INTERMEDIARY)

    page = client_for(colleague).get(register_url(world.campaign_a), headers=ENGLISH).content.decode()

    assert "Khalil" not in page and "data-draft" not in page


def test_registering_ends_the_draft(client_for, world):
    client = client_for(world.intermediary_a)
    save_section(client, world, "skills")

    response = client.post(register_url(world.campaign_a), registration(world), headers=ENGLISH)

    assert response.status_code == 302
    assert Candidate.objects.filter(last_name="Khalil").count() == 1
    assert not FormDraft.objects.exists()
    assert "data-draft" not in client.get(register_url(world.campaign_a)).content.decode()


def test_a_draft_never_keeps_the_confirmation_to_register_anyway(client_for, world):
    client = client_for(world.intermediary_a)

    save_section(client, world, "languages", register_anyway="on")

    assert "register_anyway" not in FormDraft.objects.get().data
    page = client.get(register_url(world.campaign_a), headers=ENGLISH).content.decode()
    assert 'value="Khalil"' in page


def test_a_failed_submit_changes_nothing_stored(client_for, world):
    response = client_for(world.intermediary_a).post(
        register_url(world.campaign_a), registration(world, city=None), headers=ENGLISH
    )

    assert response.status_code == 400
    assert not FormDraft.objects.exists()


def test_deleting_the_draft_starts_again(client_for, world):
    client = client_for(world.intermediary_a)
    save_section(client, world, "identity")

    response = client.post(register_url(world.campaign_a), {"discard_draft": "1"}, headers=ENGLISH)

    assert response.status_code == 302
    assert not FormDraft.objects.exists()
    assert "Khalil" not in client.get(register_url(world.campaign_a)).content.decode()


def test_a_draft_is_encrypted_at_rest(client_for, world):
    save_section(client_for(world.intermediary_a), world, "identity")

    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM jobroad_formdraft")
        (stored,) = cursor.fetchone()

    assert "Khalil" not in stored and "Khalil" in FormDraft.objects.get().data


def test_an_old_draft_is_not_offered_and_the_sweep_deletes_it(client_for, world):
    client = client_for(world.intermediary_a)
    save_section(client, world, "identity")
    FormDraft.objects.update(saved_at=timezone.now() - timedelta(days=KEPT_DAYS, minutes=1))

    assert "Khalil" not in client.get(register_url(world.campaign_a)).content.decode()
    assert delete_expired_drafts() == 1
    assert not FormDraft.objects.exists()


def test_the_candidate_list_offers_to_go_on_with_a_draft(client_for, world):
    client = client_for(world.intermediary_a)
    save_section(client, world, "identity")

    page = client.get(reverse("candidate_list"), headers=ENGLISH).content.decode()

    assert f"Go on with your draft in {world.campaign_a.name}" in page


@pytest.mark.parametrize("section", ["nonsense", ""])
def test_an_unknown_section_goes_back_to_the_first(client_for, world, section):
    response = save_section(client_for(world.intermediary_a), world, section)

    assert response.url.endswith("?step=identity#section-identity")


def test_a_draft_beyond_any_registration_is_refused_and_not_kept(client_for, world):
    response = save_section(client_for(world.intermediary_a), world, "skills", experience_summary="x" * 60_000)

    assert response.status_code == 400
    assert not FormDraft.objects.exists()
