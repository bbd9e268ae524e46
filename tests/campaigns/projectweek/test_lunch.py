"""Lunch counts per day and place on the run sheet; dietary needs as counts only, for JobRoad only."""

import pytest
from django.urls import reverse

from campaigns.projectweek.documents import run_days
from candidates.choices import DietaryNeed
from tests.language import ENGLISH
from tests.pdftext import pdf_text

from .interpreters.world import book, interpreter
from .transport.world import centres_for, van_run


@pytest.fixture
def lunch_week(world, published):
    amal, sara, yonas = (i.enrolment.candidate for i in published)
    amal.dietary_need, sara.dietary_need = DietaryNeed.HALAL, DietaryNeed.HALAL
    yonas.dietary_need = DietaryNeed.VEGETARIAN
    for person in (amal, sara, yonas):
        person.save()
    heidebloem, _kapellen = centres_for(published)
    van_run(world.campaign_a, heidebloem)  # escorted by Marleen; Kapellen's run has no escort: none
    book(world.campaign_a, interpreter("Hiwet", ["ti"]))  # booked, but no interview of hers: not at lunch
    return published


def test_everyone_counts_once_at_the_first_place_they_go(world, lunch_week):
    (day,) = run_days(world.campaign_a)
    (place,) = day.lunch

    assert (place.candidates, place.escorts, place.interpreters, place.hosts) == (3, 1, 0, 1)
    assert place.total == 5
    assert dict(place.diets) == {"halal": 2, "vegetarian": 1}


def test_the_run_sheet_prints_the_lunch_counts_with_dietary_needs(client_for, world, lunch_week):
    response = client_for(world.alice).get(reverse("project_week_pack", args=[world.campaign_a.pk]), headers=ENGLISH)
    text = " ".join(pdf_text(response.content).split())

    assert "Lunch" in text
    assert "1 vegetarian, 2" in text and "halal" in text  # the last column wraps


def test_no_company_page_day_sheet_nor_candidate_page_shows_a_dietary_need(client_for, world, lunch_week):
    participation = lunch_week[0].participation
    hr = client_for(world.hr_a)
    hr_pages = [
        hr.get(reverse("interview_list"), headers=ENGLISH).content.decode(),
        pdf_text(hr.get(reverse("company_day_sheet", args=[participation.pk]), headers=ENGLISH).content),
    ]
    coordinator_page = client_for(world.alice).get(
        reverse("candidate_detail", args=[lunch_week[0].enrolment.candidate_id]), headers=ENGLISH
    )

    assert not any("halal" in page.lower() or "vegetarian" in page.lower() for page in hr_pages)
    assert "halal" not in coordinator_page.content.decode().lower()  # counts only, even for JobRoad
