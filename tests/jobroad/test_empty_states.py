"""Empty states and banners (issue 25, item 9): a "nothing yet" offers the button that fixes it to whoever may use
it, and the demo's two-factor banner shows only to the staff it concerns."""

import pytest
from django.urls import reverse

from campaigns.models import Campaign
from companies.models import Vacancy


@pytest.fixture
def demo_without_mfa(settings):
    settings.MFA_REQUIRED_FOR_STAFF = False


@pytest.mark.parametrize(("role", "shown"), [("alice", True), ("admin", True), ("hr_a", False), ("coach_a", False)])
def test_the_demo_two_factor_banner_shows_only_to_staff(client_for, world, demo_without_mfa, role, shown):
    page = client_for(getattr(world, role)).get(reverse("home"))

    assert page.context["mfa_relaxed"] is shown
    assert ("data-demo-mfa" in page.content.decode()) is shown


def test_without_campaigns_the_coordinators_home_offers_a_new_one(client_for, world):
    Campaign.objects.all().delete()

    page = client_for(world.alice).get(reverse("home")).content.decode()

    assert f'href="{reverse("campaign_create")}" data-empty-action="campaign_create"' in page


def test_a_company_without_vacancies_offers_a_new_one_to_its_hr_and_not_to_others(client_for, world):
    Vacancy.objects.filter(company=world.company_a).delete()
    url = reverse("company_detail", kwargs={"pk": world.company_a.pk})

    own = client_for(world.hr_a).get(url).content.decode()
    home = client_for(world.hr_a).get(reverse("home")).content.decode()
    funder = client_for(world.funder_viewer).get(url)

    assert 'data-empty-action="vacancy_create"' in own and 'data-empty-action="vacancy_create"' in home
    assert funder.status_code == 404 or 'data-empty-action="vacancy_create"' not in funder.content.decode()


def test_a_project_week_without_company_days_links_to_the_campaigns_companies(client_for, world):
    world.campaign_a.participations.update(available_days=[])

    page = client_for(world.alice).get(reverse("project_week", kwargs={"pk": world.campaign_a.pk}))

    assert 'data-empty-action="campaign_companies"' in page.content.decode()
