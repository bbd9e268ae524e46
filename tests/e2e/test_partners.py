"""Browser flows of issue 22's partners: a temp agency's screener scores a candidate of the campaign their agency
screens for and finds nothing of another campaign; an intermediary reads the vacancy briefing and sees a gap close
after registering a candidate with the missing driving licence."""

from playwright.sync_api import expect

from campaigns.models import CampaignPhase
from candidates.models import Screening
from tests.factories import set_phase

from .conftest import axe, log_in


def test_a_partner_screener_scores_a_candidate_of_their_campaign_and_finds_nothing_of_another(
    phone_page, live_url, world, screenshot
):
    set_phase(world.campaign_a, CampaignPhase.SCREENING)
    set_phase(world.campaign_b, CampaignPhase.SCREENING)
    enrolment_a = world.campaign_a.enrolments.get(candidate=world.candidate_a)
    enrolment_b = world.campaign_b.enrolments.get(candidate=world.candidate_b)
    page = phone_page
    log_in(page, live_url, world.screener_a.email)

    expect(page.locator(f"[data-dashboard=screener] [data-enrolment='{enrolment_a.pk}']")).to_contain_text(
        str(world.candidate_a)
    )
    expect(page.locator("[data-dashboard=screener] [data-enrolment]")).to_have_count(1)
    assert axe(page) == []
    screenshot(page, "home")
    page.locator(f"[data-enrolment='{enrolment_a.pk}'] a").click()
    expect(page.locator("[data-screening-profile]")).to_be_visible()
    expect(page.locator("[data-legal-access]")).to_have_count(0)
    for number, criterion in enumerate(
        ("motivation", "learning_ability", "experience", "competences", "communication")
    ):
        page.locator(f"[data-rubric={criterion}] label").nth(number % 5).click()
    page.locator("input[name=decision][value=reserve]").check()
    assert axe(page) == []
    screenshot(page, "screening-form")
    page.locator("[data-screening-form] button[name=save]").click()

    expect(page.locator(f"[data-enrolment='{enrolment_a.pk}']")).to_have_attribute("data-state", "reserve")
    assert axe(page) == []
    screenshot(page, "board")
    screening = Screening.objects.get(enrolment=enrolment_a)
    assert (screening.screener, screening.decision, screening.rubric_mean) == (world.screener_a, "reserve", 3.0)

    other_round = page.goto(f"{live_url}/candidates/screening/{enrolment_b.pk}/round-1/")
    other_board = page.goto(f"{live_url}/candidates/screening/campaign/{world.campaign_b.pk}/")
    other_campaign = page.goto(f"{live_url}/campaigns/{world.campaign_b.pk}/")
    assert (other_round.status, other_board.status, other_campaign.status) == (404, 404, 404)
    candidates = page.goto(f"{live_url}/candidates/")
    assert candidates.status == 200
    expect(page.locator("main")).not_to_contain_text(world.candidate_b.first_name)
    expect(page.locator("main")).not_to_contain_text(world.candidate_a.first_name)
    assert not Screening.objects.filter(enrolment=enrolment_b).exists()


def register_a_driver(page) -> None:
    page.locator("input[name=first_name]").fill("Dawit")
    page.locator("input[name=last_name]").fill("Gebremedhin")
    page.locator("select[name=gender]").select_option("man")
    page.locator("input[name=birth_year]").fill("1991")
    page.locator("select[name=nationality]").select_option("ER")
    page.locator("select[name=residence_status]").select_option("recognised_refugee")
    page.locator("input[name=postal_code]").fill("9100")
    page.locator("input[name=city]").fill("Heidedorp")
    page.locator("select[name=preferred_language]").select_option("ar")
    page.locator("input[name=phone]").fill("+32 470 00 56 78")
    page.locator("select[name=education_level]").select_option("low")
    page.locator("textarea[name=experience_summary]").fill("Truck driver for four years.")
    page.locator("input[name=has_driving_licence]").check()
    page.locator("select[name=target_group]").select_option("refugees")
    page.locator("select[name=languages-0-language]").select_option("ti")
    page.locator("select[name=languages-0-level]").select_option("C2")
    page.locator("input[name=share_profile]").check()
    page.locator("input[name=contact]").check()
    page.locator("button[name=save]").click()
    expect(page.locator("h1")).to_have_text("Dawit Gebremedhin")


def test_an_intermediary_sees_the_vacancy_briefing_and_its_gap_close(phone_page, live_url, world, screenshot):
    vacancy = world.vacancy_a
    vacancy.title, vacancy.positions, vacancy.driving_licence_required = "Heftruckchauffeur", 2, True
    vacancy.save()
    page = phone_page
    log_in(page, live_url, world.intermediary_a.email)
    licence = f"[data-vacancy='{vacancy.pk}'] [data-requirement=driving_licence]"

    page.goto(f"{live_url}/campaigns/{world.campaign_a.pk}/")
    page.locator("[data-action=vacancy-briefing]").click()

    expect(page.locator(f"[data-vacancy='{vacancy.pk}']")).to_contain_text("Heftruckchauffeur")
    expect(page.locator(f"[data-vacancy='{vacancy.pk}'] [data-places]")).to_have_attribute("data-places", "2")
    expect(page.locator(licence)).to_have_attribute("data-meeting", "0")
    expect(page.locator(f"[data-vacancy='{vacancy.pk}']")).to_have_attribute("data-gap", "2")
    expect(page.locator("main")).not_to_contain_text(world.candidate_a.first_name)
    assert axe(page) == []
    screenshot(page, "briefing")

    page.goto(f"{live_url}/candidates/register/{world.campaign_a.pk}/")
    register_a_driver(page)
    page.goto(f"{live_url}/candidates/briefing/{world.campaign_a.pk}/")

    expect(page.locator(licence)).to_have_attribute("data-meeting", "1")
    expect(page.locator(f"[data-vacancy='{vacancy.pk}']")).to_have_attribute("data-gap", "1")
    screenshot(page, "briefing-after")
