"""The funder reports (issue 8): figures from the database match a small cohort counted by hand; funder viewers
see counts under five hidden, the others rounded to five (issue 17), and never a person, on the page, in the
spreadsheets and in the PDF. The exports and the PDF are in test_exports.py."""

import io
import re
from datetime import date

import openpyxl
import pytest
from django.urls import reverse

from aftercare.services import change_placement, create_placement
from campaigns.models import Enrolment, FundingProgramme
from tests.factories import CampaignFactory, FundingProgrammeFactory
from tests.factories.aftercare import employer_for
from tests.factories.cohort import SENTINEL_NATIONALITY, enrol
from tests.language import ENGLISH
from tests.pdftext import pdf_text
from tests.reportpages import report, tables_of

# --- The figures, counted by hand ------------------------------------------------------------------------------


def test_the_coordinators_report_matches_the_cohort_counted_by_hand(client_for, world, cohort):
    response = report(client_for(world.alice))

    assert response.status_code == 200
    tables = tables_of(response)
    assert tables["targets"] == [["Campaign A", "7 / 45", "1 / 10", "1 / 12", "3 / 60", "3", "0", "0"]]
    assert tables["funnel"] == [
        ["Registered", 7, "100 %"],
        ["Screened", 6, "86 %"],  # all but Hamid
        ["Selected", 5, "71 %"],  # 1-5
        ["Proposed to a company", 5, "71 %"],  # 1-5
        ["Interviewed", 4, "57 %"],  # 1-4 (Farida did not come)
        ["Offer", 3, "43 %"],  # 1-3
        ["Placed", 4, "57 %"],  # 1-3 and Farida, placed without an interview
    ]
    assert tables["outcomes"] == [  # of the four placed, today
        ["Permanent job", 1, "25 %"],  # Amal, since the route changed
        ["Fixed-term job", 1, "25 %"],  # Bilal
        ["Temp work", 0, "0 %"],
        ["Training or internship", 1, "25 %"],  # Farida
        ["Article 60", 0, "0 %"],
        ["Placed, starts later", 0, "0 %"],
        ["Still searching", 1, "25 %"],  # Jawad, whose placement ended
        ["Dropped out", 0, "0 %"],  # Eskender and Ghassan dropped out, but were never placed
    ]
    assert tables["activation"] == [
        ["People registered", 7],
        ["People at work at least once", 4],
        ["Median days from registration to the first start", "66"],  # of 52, 52, 80, 394
        ["At work within a year of registration", 3],  # not Farida
        ["Share at work within a year", "43 %"],
        ["Dates contradict: placed before the registration date", 0],
    ]
    assert tables["gender"] == [["Man", 5, 2], ["Woman", 2, 2]]
    assert tables["nationality"] == [["Afghanistan", 3, 2], ["Syria", 3, 2], [SENTINEL_NATIONALITY, 1, 0]]
    assert tables["education_level"] == [
        ["Low (ISCED 0–2)", 4, 2], ["Medium (ISCED 3–4)", 2, 2], ["High (ISCED 5–8)", 1, 0],
    ]  # fmt: skip
    assert tables["target_group"] == [["Recognised refugees", 7, 4]]
    assert tables["reception_centre"] == [["Not given", 7, 4]]
    assert tables["drop_outs"] == [["Moved away", 1], ["No longer interested", 1]]


def test_outcomes_and_activation_are_read_on_the_last_day_of_the_period(client_for, world, cohort):
    query = {"campaign": world.campaign_a.pk, "ends_on": "2025-04-15"}

    response = report(client_for(world.alice), query)

    tables = tables_of(response)
    assert tables["outcomes"] == [  # Amal still in temp work, Jawad's still running, Farida's not started
        ["Permanent job", 0, "0 %"],
        ["Fixed-term job", 1, "25 %"],
        ["Temp work", 2, "50 %"],
        ["Training or internship", 0, "0 %"],
        ["Article 60", 0, "0 %"],
        ["Placed, starts later", 1, "25 %"],  # Farida: placed, not searching
        ["Still searching", 0, "0 %"],
        ["Dropped out", 0, "0 %"],
    ]
    assert tables["activation"] == [  # Farida's start in 2026 is after the period
        ["People registered", 7],
        ["People at work at least once", 3],
        ["Median days from registration to the first start", "52"],  # of 52, 52, 80
        ["At work within a year of registration", 3],
        ["Share at work within a year", "43 %"],
        ["Dates contradict: placed before the registration date", 0],
    ]
    assert tables["drop_outs"] == [["No longer interested", 1]]  # Eskender left in May


def test_a_candidate_who_worked_before_enrolling_again_is_activated_by_the_new_job(client_for, world):
    enrolment = enrol(world, world.campaign_a, "Samir", "Khalil", date(2025, 1, 10))
    earlier = create_placement(
        candidate=enrolment.candidate, company=world.company_b, campaign=world.campaign_b, route="temp_work",
        starts_on=date(2024, 3, 1), actor=world.bob,
        employer=employer_for("temp_work"),
    )  # fmt: skip
    change_placement(placement=earlier, status="ended", end_reason="Season over", on=date(2024, 9, 1), actor=world.bob)
    create_placement(
        candidate=enrolment.candidate, company=world.company_a, campaign=world.campaign_a, route="temp_work",
        starts_on=date(2025, 2, 10), actor=world.alice,
        employer=employer_for("temp_work"),
    )  # fmt: skip

    response = report(client_for(world.alice))

    assert tables_of(response)["activation"] == [  # Amal (registered today, no job) and Samir
        ["People registered", 2],
        ["People at work at least once", 1],
        ["Median days from registration to the first start", "31"],  # 10 January → 10 February 2025
        ["At work within a year of registration", 1],
        ["Share at work within a year", "50 %"],
        ["Dates contradict: placed before the registration date", 0],  # the job before was another campaign's
    ]


def test_a_placement_dated_before_the_enrolment_is_at_work_and_flagged_for_the_coordinator(client_for, world):
    enrolment = enrol(world, world.campaign_a, "Samir", "Khalil", date(2025, 6, 2))  # typed in after the fact
    create_placement(
        candidate=enrolment.candidate, company=world.company_a, campaign=world.campaign_a, route="temp_work",
        starts_on=date(2025, 3, 3), actor=world.alice,
        employer=employer_for("temp_work"),
    )  # fmt: skip

    response = report(client_for(world.alice))

    activation = dict(tables_of(response)["activation"])
    assert activation["People at work at least once"] == 1
    assert activation["Dates contradict: placed before the registration date"] == 1
    listed = re.search(r"<div data-dates-contradict>.*?</div>", response.content.decode(), re.S)[0]
    assert "Samir Khalil" in listed and reverse("candidate_detail", args=[enrolment.candidate.pk]) in listed


def test_the_funder_gets_the_count_of_contradicting_dates_and_no_name(client_for, world):
    enrolment = enrol(world, world.campaign_a, "Samir", "Khalil", date(2025, 6, 2))
    create_placement(
        candidate=enrolment.candidate, company=world.company_a, campaign=world.campaign_a, route="temp_work",
        starts_on=date(2025, 3, 3), actor=world.alice,
        employer=employer_for("temp_work"),
    )  # fmt: skip

    response = report(client_for(world.funder_viewer))

    assert dict(tables_of(response)["activation"])["Dates contradict: placed before the registration date"] == "x"
    assert "data-dates-contradict" not in response.content.decode() and "Khalil" not in response.content.decode()


def test_a_candidate_in_two_of_the_campaigns_counts_once(client_for, world):
    campaign_c = CampaignFactory(name="Campaign C")
    campaign_c.coordinators.add(world.alice)
    Enrolment.objects.create(campaign=campaign_c, candidate=world.candidate_a)
    enrol(world, campaign_c, "Samir", "Khalil", date(2025, 1, 10))

    response = report(client_for(world.alice))

    tables = tables_of(response)
    assert tables["funnel"][0] == ["Registered", 2, "100 %"]
    assert tables["activation"][0] == ["People registered", 2]
    assert tables["gender"] == [["Other / not given", 2, 0]]


# --- What funder viewers see -------------------------------------------------------------------------------------


def test_the_funder_sees_small_counts_hidden_the_others_rounded_and_shares_of_what_is_shown(client_for, world, cohort):
    response = report(client_for(world.funder_viewer))

    assert response.status_code == 200
    tables = tables_of(response)
    assert tables["targets"] == [["Campaign A", "5 / 45", "1 / 10", "1 / 12", "x / 60", "x", "0", "0"]]  # 7 people: 5
    assert tables["funnel"] == [  # 7, 6, 5 and 5 people, rounded to five; shares of the rounded counts
        ["Registered", 5, "100 %"],
        ["Screened", 5, "100 %"],
        ["Selected", 5, "100 %"],
        ["Proposed to a company", 5, "100 %"],
        ["Interviewed", "x", "—"],
        ["Offer", "x", "—"],
        ["Placed", "x", "—"],
    ]
    assert tables["outcomes"] == [  # no share of a hidden number of people placed
        ["Permanent job", "x", "—"],
        ["Fixed-term job", "x", "—"],
        ["Temp work", 0, "—"],
        ["Training or internship", "x", "—"],
        ["Article 60", 0, "—"],
        ["Placed, starts later", 0, "—"],
        ["Still searching", "x", "—"],
        ["Dropped out", 0, "—"],
    ]
    assert tables["activation"] == [
        ["People registered", 5],
        ["People at work at least once", "x"],
        ["Median days from registration to the first start", "—"],
        ["At work within a year of registration", "x"],
        ["Share at work within a year", "—"],
        ["Dates contradict: placed before the registration date", 0],
    ]
    # A group of fewer than five is not named: a rare nationality would point at the person. The two women,
    # hidden, would be everyone registered minus the five men: so the men are hidden too.
    assert tables["gender"] == [["Man", "x", "x"], ["Groups of fewer than five", "x", "x"]]
    assert tables["nationality"] == [["Groups of fewer than five", 5, "x"]]
    assert tables["education_level"] == [["Groups of fewer than five", 5, "x"]]
    assert tables["target_group"] == [["Recognised refugees", 5, "x"]]
    assert tables["drop_outs"] == [["Reasons given by fewer than five", "x"]]  # no reason named beside a few people


def test_the_funders_targets_hide_a_second_campaign_when_one_alone_would_be_the_total_minus_the_other(
    client_for, world, cohort
):
    campaign_c = CampaignFactory(name="Campaign C", funder=world.funder, target_candidates=10)
    for first_name in ("Karim", "Lina"):
        enrol(world, campaign_c, first_name, "Mansour", date(2025, 1, 10))

    response = report(client_for(world.funder_viewer))

    assert tables_of(response)["targets"] == [
        ["Campaign A", "x / 45", "1 / 10", "1 / 12", "x / 60", "x", "0", "0"],  # 7 people, hidden with C's two
        ["Campaign C", "x / 10", "0", "0", "0", "0", "0", "0"],
        ["Total", "10 / 55", "1 / 10", "1 / 12", "x / 60", "x", "0", "0"],  # 9 people
    ]


def test_the_funders_charts_show_a_hidden_count_as_a_bar_marked_less_than_five(client_for, world, cohort):
    response = report(client_for(world.funder_viewer))

    charts = {table.key: table.chart for table in response.context["tables"]}
    assert charts["outcomes"] == [
        ("Permanent job", "x"), ("Fixed-term job", "x"), ("Temp work", 0), ("Training or internship", "x"),
        ("Article 60", 0), ("Placed, starts later", 0), ("Still searching", "x"), ("Dropped out", 0),
    ]  # fmt: skip
    outcomes_svg = re.search(r'<svg[^>]*data-chart="outcomes".*?</svg>', response.content.decode(), re.S)[0]
    hidden = "&lt;5"  # "<5", as the SVG writes it
    assert re.findall(r'data-bar="([^"]+)">([^<]*)<', outcomes_svg) == [
        ("Permanent job", hidden), ("Fixed-term job", hidden), ("Temp work", "0"), ("Training or internship", hidden),
        ("Article 60", "0"), ("Placed, starts later", "0"), ("Still searching", hidden), ("Dropped out", "0"),
    ]  # fmt: skip
    # Every hidden bar has the same fixed width, whatever its count (one, two or one again here).
    assert re.findall(r'<rect[^>]*width="([^"]+)"', outcomes_svg) == ["8", "8", "0.0", "8", "0.0", "0.0", "8", "0.0"]
    assert "data-hidden-bars" in response.content.decode()


def test_the_funders_funnel_chart_has_a_bar_for_every_stage_the_table_shows(client_for, world, cohort):
    response = report(client_for(world.funder_viewer))

    funnel_svg = re.search(r'<svg[^>]*data-chart="funnel".*?</svg>', response.content.decode(), re.S)[0]
    assert funnel_svg.count("<rect") == 7
    assert re.findall(r'data-bar="(?:Interviewed|Offer|Placed)">([^<]*)<', funnel_svg) == ["&lt;5"] * 3


def test_the_coordinators_chart_has_a_bar_for_every_stage(client_for, world, cohort):
    response = report(client_for(world.alice))

    funnel_svg = re.search(r'<svg[^>]*data-chart="funnel".*?</svg>', response.content.decode(), re.S)[0]
    assert funnel_svg.count("<rect") == 7
    assert 'width="250.0"' in funnel_svg  # the longest bar, registered, fills the space


def funder_files(client) -> dict[str, str]:
    """The page, every table's CSV, the workbook's cells and the PDF's text, as the funder gets them."""
    page = report(client)
    files = {"page": page.content.decode()}
    for table in page.context["tables"]:
        csv_file = client.get(reverse("report_export", args=["csv"]), {"table": table.key}, headers=ENGLISH)
        files[f"csv:{table.key}"] = csv_file.content.decode("utf-8-sig")
    workbook = openpyxl.load_workbook(
        io.BytesIO(client.get(reverse("report_export", args=["xlsx"]), headers=ENGLISH).content)
    )
    files["xlsx"] = "\n".join(
        str(value) for sheet in workbook for row in sheet.iter_rows(values_only=True) for value in row
    )
    files["pdf"] = pdf_text(client.get(reverse("report_pdf"), headers=ENGLISH).content)
    return files


def test_the_funder_never_gets_a_person_on_the_page_in_the_spreadsheets_or_in_the_pdf(client_for, world, cohort):
    files = funder_files(client_for(world.funder_viewer))

    assert len(files) == 17  # the page, fourteen CSVs, the workbook and the PDF
    for where, text in files.items():
        leaks = [name for name in [*cohort.names, SENTINEL_NATIONALITY] if name in text]
        assert leaks == [], where
    assert "Registered;5;100 %" in files["csv:funnel"]
    assert "Interviewed;x;—" in files["csv:funnel"]


def test_the_coordinator_of_another_campaign_sees_none_of_its_figures(client_for, world, cohort):
    response = report(client_for(world.bob))

    tables = tables_of(response)
    assert tables["targets"] == [["Campaign B", "1", "1", "0", "0", "0", "0", "0"]]
    assert tables["funnel"][0] == ["Registered", 1, "100 %"]
    assert tables["nationality"] == [["Not given", 1, 0]]
    assert [name for name in cohort.names if name in response.content.decode()] == []


def test_asking_for_a_campaign_one_cannot_see_falls_back_to_ones_own(client_for, world, cohort):
    response = report(client_for(world.bob), {"campaign": world.campaign_a.pk})

    assert response.status_code == 400
    assert tables_of(response)["targets"] == [["Campaign B", "1", "1", "0", "0", "0", "0", "0"]]


# --- Filters ---------------------------------------------------------------------------------------------------


@pytest.fixture
def programmes(world, cohort):
    """Campaign A is funded by "AMIF 2025"; alice also runs campaign C, "ESF 2026", with two people registered
    on 1 June 2026."""
    world.campaign_a.programme = FundingProgrammeFactory(name="AMIF 2025", funder=world.funder)
    world.campaign_a.save()
    campaign_c = CampaignFactory(name="Campaign C", programme=FundingProgrammeFactory(name="ESF 2026"))
    campaign_c.coordinators.add(world.alice)
    for first_name in ("Karim", "Lina"):
        enrol(world, campaign_c, first_name, "Mansour", date(2026, 6, 1))
    return campaign_c


@pytest.mark.parametrize(
    ("query", "campaigns", "registered"),
    [
        ({}, ["Campaign A", "Campaign C", "Total"], 9),
        ({"campaign": "A"}, ["Campaign A"], 7),
        ({"programme": "ESF 2026"}, ["Campaign C"], 2),
        ({"programme": "AMIF 2025", "starts_on": "2025-02-01"}, ["Campaign A"], 3),
        ({"programme": "AMIF 2025", "year": "2025"}, ["Campaign A"], 7),
        ({"programme": "AMIF 2025", "year": "2024"}, ["Campaign A"], 0),
        ({"starts_on": "2025-01-11", "ends_on": "2025-12-31"}, ["Campaign A", "Campaign C", "Total"], 3),
        ({"ends_on": "2025-01-10"}, ["Campaign A", "Campaign C", "Total"], 4),
    ],
    ids=["everything", "one campaign", "a programme", "a programme from a day", "a programme's year",
         "a programme's year before its people", "a period", "until a day"],
)  # fmt: skip
def test_the_filters_in_the_address_narrow_the_report(client_for, world, programmes, query, campaigns, registered):
    if query.get("campaign") == "A":
        query = {**query, "campaign": world.campaign_a.pk}
    if query.get("programme"):
        query = {**query, "programme": FundingProgramme.objects.get(name=query["programme"]).pk}

    response = report(client_for(world.alice), query)

    assert response.status_code == 200
    tables = tables_of(response)
    assert [row[0] for row in tables["targets"]] == campaigns
    assert tables["funnel"][0][:2] == ["Registered", registered]


def test_a_period_that_ends_before_it_starts_is_refused_and_the_report_shows_everything(client_for, world, programmes):
    response = report(client_for(world.alice), {"starts_on": "2025-06-01", "ends_on": "2025-01-01"})

    assert response.status_code == 400
    assert "The period ends before it starts." in response.content.decode()
    assert tables_of(response)["funnel"][0] == ["Registered", 9, "100 %"]
    assert response.context["scope"].starts_on is None


def test_the_export_links_keep_the_filters(client_for, world, programmes):
    esf = programmes.programme.pk
    response = report(client_for(world.alice), {"programme": esf})

    page = response.content.decode()
    assert f'href="{reverse("report_export", args=["xlsx"])}?programme={esf}"' in page
    assert f'href="{reverse("report_pdf")}?programme={esf}"' in page
    assert f'href="{reverse("report_export", args=["csv"])}?programme={esf}&amp;table=funnel"' in page
