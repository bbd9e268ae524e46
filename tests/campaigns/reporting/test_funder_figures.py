"""Issue 17, findings 3 and 4: every count of people a funder viewer sees — on the home page, the campaign list,
the campaign page and in the reports — goes through jobroad.disclosure, and no two reports a funder may ask for
can be subtracted to single out one to four people."""

import re
from datetime import date
from itertools import combinations

import pytest
from django.urls import reverse
from django.utils import timezone

from campaigns.reporting import reports
from candidates.models import Candidate
from tests.factories import CampaignFactory, FundingProgrammeFactory
from tests.factories.cohort import at, enrol, screen
from tests.language import ENGLISH
from tests.reportpages import report
from workshops.models import Audience, Headcount, Registration, RegistrationStatus, Session, Workshop, WorkshopKind

# --- Home, campaign list and campaign page -------------------------------------------------------------------------


@pytest.fixture
def three_candidates_and_four_attendees(world):
    """Campaign A (the funder's) with three people registered — Amal and two more — and a session that four
    people attended."""
    for first_name in ("Bilal", "Jawad"):
        enrol(world, world.campaign_a, first_name, "Noori", date(2026, 9, 1))
    workshop = Workshop.objects.create(
        campaign=world.campaign_a, kind=WorkshopKind.LABOUR_MARKET, audience=Audience.CANDIDATES, title="Werkcultuur"
    )
    session = Session.objects.create(
        workshop=workshop, starts_at=at(date(2026, 9, 10), 9), ends_at=at(date(2026, 9, 10), 11), place="Heidedorp"
    )
    for candidate in Candidate.objects.all()[:4]:
        Registration.objects.create(
            session=session, candidate=candidate, status=RegistrationStatus.REGISTERED, attended=True
        )
    world.campaign_a.target_candidates, world.campaign_a.target_workshop_attendees = 45, 60
    world.campaign_a.save()


def campaign_counts(page, campaign) -> list[str]:
    """The counts (candidates, companies) in the campaign's row of a campaign table."""
    html = page.content.decode()
    row = html[html.index(f">{campaign.name}</a>") :].split("</tr>")[0]
    return re.findall(r'<td class="text-end"[^>]*>([^<]*)</td>', row)


def test_funder_never_sees_a_count_below_five_on_the_home_page(client_for, world, three_candidates_and_four_attendees):
    page = client_for(world.funder_viewer).get(reverse("home"), headers=ENGLISH)

    assert [campaign.candidate_count for campaign in page.context["dashboard"].funded_campaigns] == ["x"]
    assert campaign_counts(page, world.campaign_a) == ["x", "1"]  # candidates hidden; companies are not people


def test_funder_never_sees_a_count_below_five_on_the_campaign_list(
    client_for, world, three_candidates_and_four_attendees
):
    page = client_for(world.funder_viewer).get(reverse("campaign_list"), headers=ENGLISH)

    assert campaign_counts(page, world.campaign_a) == ["x", "1"]


def test_funder_never_sees_a_count_below_five_among_the_campaign_counters(
    client_for, world, three_candidates_and_four_attendees
):
    page = client_for(world.funder_viewer).get(reverse("campaign_detail", args=[world.campaign_a.pk]))

    counters = [(counter.actual, counter.target, counter.percent) for counter in page.context["counters"]]
    assert counters == [
        ("x", 45, None), (1, None, None), (1, None, None),
        ("x", 60, None), ("x", None, None), (0, None, None), (0, None, None),
    ]  # fmt: skip
    assert 'data-counter="1">x / 45' in page.content.decode()


def test_funder_sees_the_same_rounded_count_on_every_page(client_for, world, three_candidates_and_four_attendees):
    for first_name in ("Karim", "Lina", "Omar", "Rana"):
        enrol(world, world.campaign_a, first_name, "Mansour", date(2026, 10, 1))  # seven in all: shown as 5
    client = client_for(world.funder_viewer)

    home = client.get(reverse("home"), headers=ENGLISH)
    listed = client.get(reverse("campaign_list"), headers=ENGLISH)
    detail = client.get(reverse("campaign_detail", args=[world.campaign_a.pk]))
    targets = report(client).context["tables"][0].rows

    assert campaign_counts(home, world.campaign_a)[0] == campaign_counts(listed, world.campaign_a)[0] == "5"
    assert detail.context["counters"][0].actual == 5
    assert targets == [["Campaign A", "5 / 45", "1", "1", "x / 60", "x", "0", "0"]]


def test_coordinators_still_see_exact_counts_on_the_campaign_pages(
    client_for, world, three_candidates_and_four_attendees
):
    client = client_for(world.alice)

    listed = client.get(reverse("campaign_list"), headers=ENGLISH)
    detail = client.get(reverse("campaign_detail", args=[world.campaign_a.pk]))

    assert campaign_counts(listed, world.campaign_a) == ["3", "1"]
    assert [counter.actual for counter in detail.context["counters"]] == [3, 1, 1, 4, 4, 0, 0]


def test_funder_sees_residents_counted_without_a_name_rounded_and_the_candidates_among_them_hidden(
    client_for, world, three_candidates_and_four_attendees
):
    session = Session.objects.get(workshop__campaign=world.campaign_a)
    Headcount.objects.create(session=session, gender="woman", people=4)  # with the four candidates: eight residents
    client = client_for(world.funder_viewer)

    detail = client.get(reverse("campaign_detail", args=[world.campaign_a.pk]))
    targets = report(client).context["tables"][0]

    assert [(counter.figure, counter.actual) for counter in detail.context["counters"]][3:] == [
        ("residents_reached", 10), ("residents_candidates", "x"), ("company_people", 0), ("workshop_companies", 0),
    ]  # fmt: skip
    assert targets.rows == [["Campaign A", "x / 45", "1", "1", "10 / 60", "x", "0", "0"]]


# --- Reports that could be subtracted from each other --------------------------------------------------------------


@pytest.fixture
def spread_over_months(world):
    """The funder's two campaigns with people registered so that nested periods and filters differ by one to
    four: campaign A ("AMIF 2026") six in September 2026, seven in October, three in November and, with Amal,
    two in December; campaign C ("ESF 2026") two in October. Men and women, Syrians and Afghans, some screened."""
    world.campaign_a.programme = FundingProgrammeFactory(name="AMIF 2026", funder=world.funder)
    world.campaign_a.save()
    esf = FundingProgrammeFactory(name="ESF 2026", funder=world.funder)
    campaign_c = CampaignFactory(name="Campaign C", funder=world.funder, programme=esf)
    months = [(date(2026, 9, 3), 6), (date(2026, 10, 2), 7), (date(2026, 11, 20), 3), (date(2026, 12, 1), 1)]
    for day, count in months:
        for index in range(count):
            enrolment = enrol(
                world, world.campaign_a, f"P{day.month}x{index}", "Spread", day,
                gender="man" if index % 3 else "woman", nationality="SY" if index % 2 else "AF",
            )  # fmt: skip
            if index % 4:
                screen(world, enrolment, "selected")
    for index in range(2):
        enrol(world, campaign_c, f"C{index}", "Spread", date(2026, 10, 15), gender="man", nationality="SY")
    return campaign_c


# What a funder could type into the address: the exact days of finding 4, and a month given to the day.
TYPED_PERIODS = [
    {"starts_on": "2026-09-01"},
    {"starts_on": "2026-10-02"},
    {"starts_on": "2026-09-01", "ends_on": "2026-10-01"},
    {"ends_on": "2026-10-02"},
]


def allowed_queries(client) -> list[dict]:
    """Every scope the funder's filter form offers (everything, each campaign, each programme) with every period
    it offers, and the periods typed into the address."""
    fields = report(client).context["form"].fields
    scopes = [
        {},
        *({"campaign": str(value)} for value, _label in fields["campaign"].choices if value),
        *({"programme": str(value)} for value, _label in fields["programme"].choices if value),
    ]
    offered = [{"period": key} for key in flat_choices(fields["period"].choices)] if "period" in fields else []
    return [{**scope, **period} for scope in scopes for period in [{}, *offered, *TYPED_PERIODS]]


def flat_choices(choices) -> list[str]:
    return [
        key
        for value, label in choices
        for key in ([inner for inner, _label in label] if isinstance(label, list | tuple) else [value])
    ]


# Of the targets table; companies and sessions are not people.
PEOPLE_HEADERS = {
    "Candidates", "Residents reached", "Of whom registered candidates", "People from companies at workshops",
}  # fmt: skip


def published_counts(response) -> dict[tuple[str, str, str], int]:
    """Every count of people the page shows as a number, by (table, row, column)."""
    counts = {}
    for table in response.context["tables"]:
        for row in table.rows:
            for header, value in zip(table.headers[1:], row[1:], strict=True):
                if table.key == "targets" and header in PEOPLE_HEADERS:
                    value = value.split(" / ")[0]
                    value = int(value) if value.isdecimal() else None
                if isinstance(value, int):
                    counts[(table.key, row[0], header)] = value
    return counts


def test_no_two_reports_a_funder_may_ask_for_differ_by_one_to_four_people(client_for, world, spread_over_months):
    client = client_for(world.funder_viewer)
    reports_asked = [(query, published_counts(report(client, query))) for query in allowed_queries(client)]

    differences = [
        (first_query, second_query, cell, first[cell], second[cell])
        for (first_query, first), (second_query, second) in combinations(reports_asked, 2)
        for cell in first.keys() & second.keys()
        if 0 < abs(first[cell] - second[cell]) < 5
    ]

    assert differences[:3] == []  # the first few, if any: enough to see the attack
    assert len(reports_asked) >= 5 * 11  # five scopes; everything, 2 quarters, 4 months and 4 typed periods


def test_a_funder_chooses_whole_periods_and_typed_days_are_ignored(client_for, world, spread_over_months):
    client = client_for(world.funder_viewer)

    typed = report(client, {"starts_on": "2026-10-02", "ends_on": "2026-10-03"}).context["scope"]
    month = report(client, {"period": "2026-10"}).context["scope"]
    quarter = report(client, {"period": "2026-Q4"}).context["scope"]

    assert (typed.starts_on, typed.ends_on) == (None, timezone.localdate())
    assert (month.starts_on, month.ends_on) == (date(2026, 10, 1), date(2026, 10, 31))
    assert quarter.starts_on == date(2026, 10, 1)


def test_a_report_scope_for_a_funder_is_widened_to_whole_months(world):
    scope = reports.report_scope(
        world.funder_viewer, campaign=None, programme="", starts_on=date(2026, 9, 1), ends_on=date(2026, 10, 2)
    )

    assert (scope.starts_on, scope.ends_on) == (date(2026, 9, 1), date(2026, 10, 31))


def test_a_coordinator_keeps_periods_to_the_day(client_for, world, spread_over_months):
    response = report(client_for(world.alice), {"starts_on": "2026-10-02", "ends_on": "2026-10-03"})

    assert (response.context["scope"].starts_on, response.context["scope"].ends_on) == (
        date(2026, 10, 2),
        date(2026, 10, 3),
    )
    assert "period" not in response.context["form"].fields


def test_an_unknown_period_is_refused_and_the_funder_gets_everything(client_for, world, spread_over_months):
    response = report(client_for(world.funder_viewer), {"period": "2026-10-02"})

    assert response.status_code == 400
    assert response.context["scope"].starts_on is None
