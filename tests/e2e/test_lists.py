"""Lists (issue 25, item 6): an intermediary filters the candidate list, saves the filter under a name, opens it
again, ticks candidates and enrols them in a campaign after reading what will happen. axe checks the pages."""

import re

import pytest
from playwright.sync_api import expect

from campaigns.models import Enrolment
from tests.factories import CampaignFactory, CandidateFactory

from .conftest import axe, log_in


@pytest.fixture
def lists(world):
    campaign_c = CampaignFactory(name="Campagne C")
    campaign_c.partners.add(world.intermediary_org_a)
    world.candidate_a.languages.create(language="ar", level="B1")
    newcomer = CandidateFactory(first_name="Nour", registered_by=world.intermediary_org_a, birth_year=1991)
    newcomer.languages.create(language="ar", level="C2")
    other = CandidateFactory(first_name="Olena", registered_by=world.intermediary_org_a, birth_year=1988)
    other.languages.create(language="uk", level="C2")
    return world, campaign_c, newcomer, other


def test_filter_save_reopen_and_enrol_the_selection(page, live_url, lists):
    world, campaign_c, newcomer, other = lists
    log_in(page, live_url, world.intermediary_a.email)
    page.goto(f"{live_url}/candidates/")
    expect(page.locator(f"tr[data-candidate='{other.pk}']")).to_be_visible()

    page.locator("[data-candidate-filters] select[name=language]").select_option("ar")
    page.locator("[data-apply-filters]").click()
    expect(page.locator(f"tr[data-candidate='{other.pk}']")).to_have_count(0)
    expect(page.locator(f"tr[data-candidate='{newcomer.pk}']")).to_be_visible()
    assert "language=ar" in page.url  # bookmarkable
    assert axe(page) == []

    page.locator("[data-save-filter] input[name=name]").fill("Arabisch")
    page.locator("[data-save-filter] button").click()
    expect(page.locator("[data-saved-filter] a", has_text="Arabisch")).to_be_visible()

    page.goto(f"{live_url}/candidates/")
    expect(page.locator(f"tr[data-candidate='{other.pk}']")).to_be_visible()
    page.locator("[data-saved-filter] a", has_text="Arabisch").click()
    expect(page).to_have_url(re.compile(r"language=ar"))
    expect(page.locator(f"tr[data-candidate='{other.pk}']")).to_have_count(0)

    page.locator(f"tr[data-candidate='{newcomer.pk}'] input[type=checkbox]").check()
    page.locator(f"tr[data-candidate='{world.candidate_a.pk}'] input[type=checkbox]").check()
    page.locator("[data-bulk=enrol]").click()
    page.locator("[data-bulk-choose] select[name=campaign]").select_option(str(campaign_c.pk))
    page.locator("[data-bulk-choose] button").click()
    expect(page.locator(f"[data-will-enrol='{newcomer.pk}']")).to_be_visible()
    expect(page.locator(f"[data-will-enrol='{world.candidate_a.pk}']")).to_be_visible()
    expect(page.locator("[data-bulk-plan]")).to_contain_text("Campagne C")
    assert not Enrolment.objects.filter(campaign=campaign_c).exists()  # asked first
    assert axe(page) == []

    page.locator("[data-bulk-confirm] button").click()
    expect(page).to_have_url(re.compile(r"/candidates/$"))
    assert set(Enrolment.objects.filter(campaign=campaign_c).values_list("candidate", flat=True)) == {
        newcomer.pk,
        world.candidate_a.pk,
    }
