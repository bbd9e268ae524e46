"""Fixtures of the spreadsheet tests: HR of company A with a site and a competence to import vacancies to, and
intermediary A to import candidates into campaign A (which takes refugees); messages read in English."""

import pytest
from django.utils import translation

from candidates.models import TargetGroup
from companies.models import Competence, Site
from jobroad.models import OrganisationKind
from tests.factories import (
    OrganisationFactory,
)


@pytest.fixture(autouse=True)
def english_reader(client):
    """Messages are asserted in English; the files themselves use Dutch, French and English names."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def site_a(world):
    return Site.objects.create(
        company=world.company_a, name="Magazijn Zuid", street="Kaai 1", postal_code="9000", city="Gent"
    )


@pytest.fixture
def forklift(db):
    return Competence.objects.create(
        labels={"nl": "Palletwikkelaar bedienen", "fr": "Utiliser une banderoleuse", "en": "Operate a pallet wrapper"}
    )


@pytest.fixture
def hr(client_for, world, site_a, forklift):
    return client_for(world.hr_a)


@pytest.fixture
def centre(db):
    return OrganisationFactory(name="Opvangcentrum Heidedorp", kind=OrganisationKind.RECEPTION_CENTRE)


@pytest.fixture
def intermediary(client_for, world, centre):
    world.campaign_a.target_group = TargetGroup.REFUGEES
    world.campaign_a.save()
    return client_for(world.intermediary_a)
