"""Browser flows of the employer side: a coordinator brings a company into a campaign and invites its HR person;
HR adds a site and a vacancy and signs the blind-hiring pledge; both on a phone.

Selectors use names, URLs and data attributes rather than words, so the flows hold in every UI language."""

import re

import pytest
from playwright.sync_api import expect

from campaigns.models import Campaign
from companies.models import Company, Competence, CompetenceKind, Occupation, Site, Vacancy
from jobroad.models import CapturedMail, Invitation, Role
from tests.factories import CompanyFactory

from .conftest import PHONE, log_in, log_in_as_coordinator


@pytest.fixture
def vocabulary(db):
    """A few terms of our own (the curated ones of the migration may have been flushed by an earlier browser test)."""
    Occupation.objects.all().delete()
    Competence.objects.all().delete()
    return {
        "forklift": Occupation.objects.create(isco_code="8344", labels={"nl": "heftruckchauffeur", "en": "forklift"}),
        "cleaner": Occupation.objects.create(isco_code="9112", labels={"nl": "schoonmaker kantoren"}),
        "drive": Competence.objects.create(labels={"nl": "heftruck besturen"}),
        "pallet": Competence.objects.create(labels={"nl": "een palletwagen gebruiken"}),
        "team": Competence.objects.create(labels={"nl": "in team werken"}),
        "safety": Competence.objects.create(kind=CompetenceKind.KNOWLEDGE, labels={"nl": "veiligheidsregels"}),
    }


def test_a_coordinator_creates_a_campaign_and_invites_a_company(
    phone_page, live_url, world, settings, screenshot, capsys
):
    page = phone_page
    settings.EMAIL_BACKEND = "jobroad.mail.CapturingEmailBackend"  # the embedded mode: mail readable in the app
    bakery = CompanyFactory(organisation__name="Bakkerij Zonneveld", sector="food")
    log_in_as_coordinator(page, live_url, world.alice)

    page.goto(f"{live_url}/campaigns/new/")
    page.locator("input[name=name]").fill("Matchmaking Vlaskouter 2027")
    page.locator("input[name=region]").fill("Vlaskouter")
    screenshot(page, "new-campaign")
    page.locator("main form [type=submit]").click()
    campaign = Campaign.objects.get(name="Matchmaking Vlaskouter 2027")
    expect(page).to_have_url(f"{live_url}/campaigns/{campaign.pk}/")
    screenshot(page, "campaign-created")

    page.locator(f"a[href='/campaigns/{campaign.pk}/companies/add/']").click()
    page.locator("select[name=company]").select_option(label="Bakkerij Zonneveld")
    screenshot(page, "add-a-company")
    page.locator("main form [type=submit]").click()
    expect(page).to_have_url(f"{live_url}/campaigns/{campaign.pk}/")
    expect(page.locator(f"main a[href='/companies/{bakery.pk}/']")).to_be_visible()
    screenshot(page, "company-in-campaign")

    page.locator(f"main a[href='/companies/{bakery.pk}/']").click()
    page.locator(f"a[href='/companies/{bakery.pk}/invite/']").first.click()
    page.locator("input[name=full_name]").fill("Bart Bakker")
    page.locator("input[name=email]").fill("bart@zonneveld.example")
    screenshot(page, "invite-hr")
    page.locator("main form [type=submit]").click()
    expect(page).to_have_url(f"{live_url}/companies/{bakery.pk}/")
    expect(page.locator("[data-invitation]")).to_contain_text("bart@zonneveld.example")
    screenshot(page, "hr-invited")

    # The outbox shows the invitation went out, but never its link: that reaches only Bart (here: the console of
    # the embedded server, which stands in for his mailbox).
    page.goto(f"{live_url}/messages/")
    page.locator("main a", has_text="Zonneveld").first.click()
    expect(page.locator("main")).to_contain_text("bart@zonneveld.example")
    expect(page.locator("main")).not_to_contain_text("/invitations/")
    screenshot(page, "invitation-in-the-outbox")

    link = re.search(r"http\S+/invitations/\S+/", capsys.readouterr().out)[0]
    hr_page = page.context.browser.new_page(locale="nl-BE", viewport=PHONE)
    hr_page.goto(link.replace(settings.SITE_URL, live_url))
    hr_page.locator("input[name=password1]").fill("deeg-en-desem-2027")
    hr_page.locator("input[name=password2]").fill("deeg-en-desem-2027")
    screenshot(hr_page, "hr-accepts-invitation")
    hr_page.locator("main form [type=submit]").click()
    expect(hr_page.locator("[data-dashboard=company_hr]").first).to_contain_text("Bakkerij Zonneveld")
    screenshot(hr_page, "hr-logged-in")
    hr_page.close()

    invitation = Invitation.objects.get(email="bart@zonneveld.example")
    assert (invitation.organisation, invitation.role, invitation.is_accepted) == (
        bakery.organisation,
        Role.COMPANY_HR,
        True,
    )
    assert list(campaign.companies.all()) == [bakery]
    assert not CapturedMail.objects.filter(recipients__contains="bart@zonneveld.example").exists()


def test_hr_adds_a_vacancy_and_signs_the_pledge_on_a_phone(phone_page, live_url, world, vocabulary, screenshot):
    page, company = phone_page, world.company_a
    log_in(page, live_url, world.hr_a.email)
    expect(page.locator("[data-dashboard=company_hr]").first).to_be_visible()

    page.goto(f"{live_url}/companies/{company.pk}/")
    screenshot(page, "company-page")
    page.locator(f"a[href='/companies/{company.pk}/sites/new/']").first.click()
    page.locator("input[name=name]").fill("Magazijn Zuid")
    page.locator("input[name=street]").fill("Havenlaan 12")
    page.locator("input[name=postal_code]").fill("9180")
    page.locator("input[name=city]").fill("Scheldemonde")
    screenshot(page, "new-site")
    page.locator("main form [type=submit]").click()
    expect(page.locator("[data-site]")).to_contain_text("Havenlaan 12, 9180 Scheldemonde")
    screenshot(page, "site-added")

    page.locator(f"a[href='/companies/{company.pk}/vacancies/new/']").click()
    page.locator("input[name=title]").fill("Heftruckchauffeur nachtploeg")
    page.locator("select[name=site]").select_option(label="Magazijn Zuid (Scheldemonde)")
    page.locator("select[name=occupation]").select_option(label="heftruckchauffeur")
    page.locator("input[name=positions]").fill("2")
    required = page.locator("#div_id_required_competences")
    required.locator("[data-vocabulary-filter]").fill("heftruck")
    expect(required.locator("[data-vocabulary-option]:visible")).to_have_count(1)
    screenshot(page, "filtered-competences")
    required.get_by_label("heftruck besturen").check()
    required.locator("[data-vocabulary-filter]").fill("")
    required.get_by_label("veiligheidsregels").check()
    page.locator("#div_id_nice_competences").get_by_label("in team werken").check()
    page.locator("select[name=language]").select_option("nl")
    page.locator("select[name=language_level]").select_option("A2")
    page.locator("input[name=shifts][value=night]").check()
    page.locator("input[name=start_routes][value=temp_work]").check()
    screenshot(page, "new-vacancy")
    page.locator("main form [type=submit]").click()
    expect(page).to_have_url(f"{live_url}/companies/{company.pk}/")
    expect(page.locator("main table")).to_contain_text("Heftruckchauffeur nachtploeg")
    screenshot(page, "vacancy-added")

    page.locator(f"form[action='/companies/{company.pk}/pledge/'] button").click()
    expect(page.locator("[data-pledge=signed]")).to_be_visible()
    screenshot(page, "pledge-signed")

    vacancy = Vacancy.objects.get(title="Heftruckchauffeur nachtploeg")
    assert (vacancy.site, vacancy.occupation, vacancy.positions, vacancy.shifts) == (
        Site.objects.get(company=company, name="Magazijn Zuid"),
        vocabulary["forklift"],
        2,
        ["night"],
    )
    assert set(vacancy.required_competences.all()) == {vocabulary["drive"], vocabulary["safety"]}
    assert list(vacancy.nice_competences.all()) == [vocabulary["team"]]
    assert Company.objects.get(pk=company.pk).pledge_signed_by == world.hr_a
