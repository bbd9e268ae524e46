"""The demo's project week has its logistics (issue 23): transport runs with pick-up times on the transport page's
data, the printed run sheet and a candidate's printed schedule; booked interpreters; lunch counts."""

import pytest

from campaigns.models import Campaign, CampaignPhase
from campaigns.projectweek import documents
from campaigns.projectweek.interpreters.selectors import booking_problems, interpreting_days
from campaigns.projectweek.transport.models import TransportRun
from campaigns.projectweek.transport.selectors import transport_week
from tests.demo.seeding import seed
from tests.pdftext import pdf_text


@pytest.fixture(autouse=True)
def _reads(db):
    """The demo's rows are read through the ordinary ``db`` fixture, whose transaction nests in the module's."""


def test_the_demo_project_week_has_runs_with_pick_up_times(demo):
    campaign = Campaign.objects.get(phase=CampaignPhase.PROJECT_WEEK)

    week = transport_week(campaign)

    runs = [view for _day, views, _problems in week.days for view in views]
    assert len(runs) == TransportRun.objects.filter(project_week__campaign=campaign).count() >= 2
    assert all(view.departure and view.passengers for view in runs)
    assert {view.run.mode for view in runs} == {"vehicle", "public"}


def test_the_demo_run_sheet_and_a_schedule_print_the_pick_up(demo, settings):
    settings.LANGUAGE_CODE = "en"
    campaign = Campaign.objects.get(phase=CampaignPhase.PROJECT_WEEK)
    view = next(view for _day, views, _problems in transport_week(campaign).days for view in views)
    rider = view.passengers[0]

    sheet = pdf_text(documents.pack_pdf(campaign, language="en"))
    schedule = pdf_text(documents.candidate_schedule_pdf(campaign, rider.key))

    assert "Pick-ups" in sheet and view.departure.strftime("%H:%M") in sheet
    assert view.departure.strftime("%H:%M") in schedule


def test_seeding_again_adds_no_run(demo):
    before = TransportRun.objects.count()

    seed()

    assert TransportRun.objects.count() == before


def test_the_demo_week_has_booked_interpreters_covering_its_interviews_and_lunch_counts(demo, settings):
    settings.LANGUAGE_CODE = "en"
    campaign = Campaign.objects.get(phase=CampaignPhase.PROJECT_WEEK)

    days = interpreting_days(campaign)
    run_sheets = documents.run_days(campaign)
    text = " ".join(pdf_text(documents.pack_pdf(campaign, language="en")).split())

    assert any(sheet.interviews for day in days for sheet in day.sheets)
    assert not any(day.uncovered for day in days)
    assert not booking_problems(days)
    assert all(day.lunch and sum(place.total for place in day.lunch) for day in run_sheets)
    assert any(place.diets for day in run_sheets for place in day.lunch)
    assert "Interpreters booked" in text and "Lunch" in text and "Dietary needs" in text
    booked = {sheet.booking.interpreter.name for day in days for sheet in day.sheets if sheet.interviews}
    assert any(name in text for name in booked)
