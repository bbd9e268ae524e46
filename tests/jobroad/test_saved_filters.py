"""Saved filters: a person keeps a list's filter under a name; only its owner sees, opens or deletes it."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from jobroad.models import SavedFilter
from tests.language import ENGLISH


def save(client, **fields):
    return client.post(reverse("saved_filter_create"), {"page": "candidate_list", **fields})


def test_a_filter_is_saved_with_only_the_lists_valid_fields_and_opens_again(client_for, world):
    client = client_for(world.alice)
    response = save(
        client, name="Arabic A", language="ar", campaign=world.campaign_a.pk, q=" Amal ", comment="free text", page_=1
    )
    saved = SavedFilter.objects.get(user=world.alice)
    assert parse_qs(saved.query) == {"language": ["ar"], "campaign": [str(world.campaign_a.pk)], "q": ["Amal"]}
    assert response.url == client.get(reverse("saved_filter_open", args=[saved.pk])).url
    assert urlsplit(response.url).path == reverse("candidate_list")
    page = client.get(reverse("candidate_list"), headers=ENGLISH).content.decode()
    assert f'data-saved-filter="{saved.pk}"' in page and "Arabic A" in page


def test_a_filter_the_user_may_not_set_is_not_saved(client_for, world):
    client = client_for(world.intermediary_a)
    save(client, name="Theirs", campaign=world.campaign_b.pk)
    save(client, name="Nothing")
    assert not SavedFilter.objects.exists()


def test_an_unknown_list_is_a_404(client_for, world):
    assert (
        client_for(world.alice).post(reverse("saved_filter_create"), {"page": "admin", "name": "x"}).status_code == 404
    )


@pytest.fixture
def alices(world):
    return SavedFilter.objects.create(user=world.alice, page="candidate_list", name="Mine", query="language=ar")


def test_only_the_owner_sees_opens_or_deletes_a_saved_filter(client_for, world, alices):
    bob = client_for(world.bob)
    assert "Mine" not in bob.get(reverse("candidate_list"), headers=ENGLISH).content.decode()
    assert bob.get(reverse("saved_filter_open", args=[alices.pk])).status_code == 404
    assert bob.post(reverse("saved_filter_delete", args=[alices.pk])).status_code == 404
    assert SavedFilter.objects.filter(pk=alices.pk).exists()
    alice = client_for(world.alice)
    assert alice.post(reverse("saved_filter_delete", args=[alices.pk])).status_code == 302
    assert not SavedFilter.objects.filter(pk=alices.pk).exists()


def test_deleting_is_a_post(client_for, world, alices):
    assert client_for(world.alice).get(reverse("saved_filter_delete", args=[alices.pk])).status_code == 405
