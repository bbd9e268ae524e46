"""Funding programmes: the list, the form, the programme page for a coordinator and for the funder (counts of people
published), another funder's programme, the funder PDF per programme and per year, and a campaign's funder that
follows its programme's."""

import html
import re
from datetime import datetime

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Campaign, FundingProgramme
from campaigns.permissions import visible_campaigns, visible_programmes
from jobroad.models import Organisation, OrganisationKind
from tests.access_objects import programme_of_another_funder
from tests.campaigns.programme_world import programme as programme  # the fixture
from tests.factories import CampaignFactory, FundingProgrammeFactory
from tests.language import ENGLISH
from tests.pdftext import pdf_text

TODAY = datetime(2025, 7, 2, 12, tzinfo=timezone.get_fixed_timezone(120))  # halfway through 2025


def table(response) -> dict[str, list[str]]:
    """The targets table as text: each target's cells, spaces squeezed."""
    page = response.content.decode()
    body = page[page.index("data-programme-progress") : page.index("</table>", page.index("data-programme-progress"))]
    rows = {}
    for row in re.findall(r"<tr data-line=\"(\w+)\">(.*?)</tr>", body, re.S):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row[1], re.S)
        rows[row[0]] = [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", cell)).split()) for cell in cells]
    return rows


@time_machine.travel(TODAY, tick=False)
def test_the_coordinator_sees_targets_against_actuals_per_year_and_over_the_whole_period(client_for, world, programme):
    response = client_for(world.alice).get(reverse("programme_detail", args=[programme.pk]), headers=ENGLISH)

    rows = table(response)
    assert rows["actions"] == ["0 / 4 behind", "1 / 4 behind", "1 / 4 heading for 2 behind",
                               "2 / 12 heading for 2 behind"]  # fmt: skip
    assert rows["people"] == ["0 / 180 behind", "7 / 180 behind", "2 / 180 heading for 4 behind",
                              "9 / 540 heading for 11 behind"]  # fmt: skip
    assert rows["candidates_per_action"] == ["—", "7 / 45 behind", "2 / 45 behind", "4 / 45 behind"]
    assert rows["company_workshops"][1] == "1 / 4 behind"
    assert rows["resident_workshops"][1:] == ["1 / 4 behind", "1 / 4 heading for 2 behind",
                                              "2 / 12 heading for 2 behind"]  # fmt: skip
    assert rows["companies"] == ["0 / 20 behind", "1 / 20 behind", "1 / 20 heading for 2 behind",
                                 "2 / 60 heading for 2 behind"]  # fmt: skip
    assert rows["residents"][1:] == ["6 / 280 behind", "2 / 280 heading for 4 behind",
                                     "8 / 840 heading for 10 behind"]  # fmt: skip
    assert "Whole period: behind on actions (campaigns started), candidates per action" in response.content.decode()


@time_machine.travel(TODAY, tick=False)
def test_the_funder_sees_only_published_counts_of_people_and_words_for_what_is_behind(client_for, world, programme):
    response = client_for(world.funder_viewer).get(reverse("programme_detail", args=[programme.pk]), headers=ENGLISH)

    rows = table(response)
    # Seven and two people in the two years: the two is small, and the seven would tell it from the total.
    assert rows["people"] == ["0 / 180 behind", "x / 180 too few to tell", "x / 180 too few to tell",
                              "10 / 540 heading for 12 behind"]  # fmt: skip
    assert rows["residents"] == ["0 / 280 behind", "x / 280 too few to tell", "x / 280 too few to tell",
                                 "10 / 840 heading for 12 behind"]  # fmt: skip
    assert rows["candidates_per_action"] == ["—", "— / 45 too few to tell", "— / 45 too few to tell", "5 / 45 behind"]
    assert rows["actions"][1] == "1 / 4 behind"  # actions and workshops are not people
    page = response.content.decode()
    assert not re.search(r"\b[79] / (180|540)", page)


def test_a_funder_viewer_does_not_find_another_funders_programme_nor_its_actions(client_for, world, programme):
    other = programme_of_another_funder(world)
    campaign = CampaignFactory(name="Their action", programme=other, funder=other.funder)

    response = client_for(world.funder_viewer).get(reverse("programme_detail", args=[other.pk]))

    assert response.status_code == 404
    assert list(visible_programmes(world.funder_viewer)) == [programme]
    assert campaign not in visible_campaigns(world.funder_viewer)


def test_a_funder_viewer_sees_the_actions_of_its_programme_whoever_the_campaigns_funder_was(world, programme):
    Campaign.objects.filter(pk=world.campaign_a.pk).update(funder=None)

    assert sorted(visible_campaigns(world.funder_viewer).values_list("name", flat=True)) == ["Campaign A", "Campaign C"]


@time_machine.travel(TODAY, tick=False)
def test_the_programme_pdf_holds_the_table_per_year_and_over_the_whole_period(client_for, world, programme):
    response = client_for(world.alice).get(reverse("report_pdf"), {"programme": programme.pk}, headers=ENGLISH)

    text = pdf_text(response.content).replace("\xa0", " ")
    assert "Refugees2work · until 2 July 2025" in text
    assert "Programme Refugees2work: targets and actuals" in text
    assert re.search(r"Target\s+2023\s+2024\s+2025\s+Whole period", text)
    assert re.search(r"People in all \(candidates enrolled\)\s+0 / 180\s+7 / 180\s+2 / 180\s+9 / 540\n", text)
    assert re.search(r"180\s+9 / 540\n\s+behind\s+behind\s+heading for 4\s+heading for 11\n", text)


@time_machine.travel(TODAY, tick=False)
def test_the_funders_pdf_of_one_year_counts_that_year_and_publishes_its_people(client_for, world, programme):
    query = {"programme": programme.pk, "year": 2024}

    response = client_for(world.funder_viewer).get(reverse("report_pdf"), query, headers=ENGLISH)

    text = pdf_text(response.content).replace("\xa0", " ")
    assert "Refugees2work · 1 January 2024 to 31 December 2024" in text
    assert re.search(r"People in all \(candidates enrolled\)\s+0 / 180\s+x / 180\s+x / 180\s+10 / 540\n", text)
    assert re.search(r"Registered\s+5\s+100 %", text)  # the year's funnel: campaign A's seven, published


def test_a_coordinator_creates_a_programme_and_its_page_follows(client_for, world):
    data = {
        "name": "ESF+ call 529", "funder": world.funder.pk, "starts_on": "2026-01-01", "ends_on": "2027-12-31",
        "grant": "250000", "own_contribution": "50000", "target_actions_per_year": "2",
        "target_candidates_per_action": "30",
    }  # fmt: skip

    response = client_for(world.alice).post(reverse("programme_create"), data)

    programme = FundingProgramme.objects.get(name="ESF+ call 529")
    assert response.url == reverse("programme_detail", args=[programme.pk])
    assert (programme.funder, programme.target_people, programme.grant) == (world.funder, None, 250000)


def test_a_programme_cannot_end_before_it_starts(client_for, world):
    data = {"name": "Backwards", "funder": world.funder.pk, "starts_on": "2026-01-01", "ends_on": "2025-12-31"}

    response = client_for(world.alice).post(reverse("programme_create"), data, headers=ENGLISH)

    assert response.status_code == 400
    assert "The programme cannot end before it starts." in response.content.decode()
    assert not FundingProgramme.objects.exists()


def test_a_programmes_new_funder_becomes_its_actions_funder(client_for, world, programme):
    new_funder = Organisation.objects.create(name="New fund", kind=OrganisationKind.FUNDER)
    data = {"name": programme.name, "funder": new_funder.pk, "starts_on": "2023-01-01", "ends_on": "2025-12-31"}

    client_for(world.alice).post(reverse("programme_edit", args=[programme.pk]), data)

    assert set(programme.campaigns.values_list("funder", flat=True)) == {new_funder.pk}


def test_a_campaign_of_a_programme_takes_the_programmes_funder_and_refuses_another(client_for, world, programme):
    other = Organisation.objects.create(name="Other fund", kind=OrganisationKind.FUNDER)
    data = {"name": "Campaign D", "programme": programme.pk}
    client = client_for(world.alice)

    client.post(reverse("campaign_create"), data)
    refused = client.post(reverse("campaign_create"), {**data, "name": "Campaign E", "funder": other.pk},
                          headers=ENGLISH)  # fmt: skip

    assert Campaign.objects.get(name="Campaign D").funder == world.funder
    assert refused.status_code == 400
    assert "The programme&#x27;s funder is Fund." in refused.content.decode()


def test_the_programme_list_shows_each_programme_with_its_actions_in_a_fixed_number_of_queries(
    client_for, world, programme
):
    client = client_for(world.alice)

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("programme_list"))
        return len(queries), response.content.decode().count("data-programme=")

    few = count_queries()
    for number in range(6):
        CampaignFactory(programme=FundingProgrammeFactory(name=f"More {number}", funder=world.funder))
    many = count_queries()

    assert (few[1], many[1]) == (1, 7)
    assert many[0] == few[0]


def test_the_campaign_page_links_its_programme_for_whoever_may_read_it(client_for, world, programme):
    link = f'href="{reverse("programme_detail", args=[programme.pk])}"'

    pages = {
        role: client_for(getattr(world, role)).get(reverse("campaign_detail", args=[world.campaign_a.pk]))
        for role in ("alice", "funder_viewer", "intermediary_a")
    }

    assert {role: link in page.content.decode() for role, page in pages.items()} == {
        "alice": True, "funder_viewer": True, "intermediary_a": False,
    }  # fmt: skip
    assert "Refugees2work" in pages["intermediary_a"].content.decode()
