"""Issue 19, item 10: the demo world tells one story. Its dates follow each other (registered and enrolled before
being screened, proposed, interviewed and placed), and every figure shown on two pages — the campaign page, the
home page, the report and its PDF — is the same on both, for the coordinator and for the funder."""

import re
from datetime import date, datetime, time

import pytest
from django.db.models import Min
from django.urls import reverse
from django.utils import timezone

from aftercare.models import Placement
from campaigns.models import Campaign, Enrolment, Interview, Proposal
from candidates.models import Screening
from jobroad.models import User
from jobroad.permissions import must_use_mfa
from tests.language import ENGLISH
from tests.mfa import with_totp
from tests.pdftext import pdf_text
from workshops.models import Registration

FIGURE = re.compile(r'data-figure="([^"]+)" data-value="([^"]*)"')
CAMPAIGN_FIGURES = (
    "candidates", "companies", "workshop_sessions",
    "residents_reached", "residents_candidates", "company_people", "workshop_companies",  # issue 22: outreach
)  # fmt: skip
USERS = ["coordinator@jobroad.example", "funder@fonds.example"]


@pytest.fixture(autouse=True)
def each_test_in_a_savepoint(db):
    """The demo's rows are read through the ordinary ``db`` fixture, whose transaction nests in the module's."""


def figures(html: str) -> dict[str, str]:
    return dict(FIGURE.findall(html))


def home_row(html: str, campaign: Campaign) -> dict[str, str]:
    row = html[html.index(f'data-campaign="{campaign.pk}"') :].split("</tr>")[0]
    return figures(row)


def logged_in(client, email: str):
    user = User.objects.get(email=email)
    if must_use_mfa(user):
        with_totp(user)  # coordinators must have a second factor
    client.force_login(user)
    return client


# --- Dates ----------------------------------------------------------------------------------------------------------


def test_no_demo_enrolment_is_dated_after_what_happened_in_it(demo):
    late = []
    for enrolment in Enrolment.objects.select_related("candidate", "campaign"):
        enrolled = enrolment.enrolled_at
        after = {
            "registration of the candidate": [enrolment.candidate.created_at],
            "screening": Screening.objects.filter(enrolment=enrolment).values_list("screened_at", flat=True),
            "proposal": Proposal.objects.filter(enrolment=enrolment).exclude(confirmed_at=None).values_list(
                "confirmed_at", flat=True
            ),
            "interview": [
                at_noon(day) for day in Interview.objects.filter(enrolment=enrolment).values_list("day", flat=True)
                if day
            ],
            "placement": [
                at_noon(day)
                for day in Placement.objects.filter(
                    candidate=enrolment.candidate, campaign=enrolment.campaign
                ).values_list("starts_on", flat=True)
            ],
        }  # fmt: skip
        late += [
            f"{enrolment}: enrolled {enrolled:%Y-%m-%d}, {what} {moment:%Y-%m-%d}"
            for what, moments in after.items()
            for moment in moments
            if (moment < enrolled if what != "registration of the candidate" else moment > enrolled)
        ]

    assert late == []


def test_the_demo_stages_follow_each_other_in_time(demo):
    for campaign in Campaign.objects.exclude(enrolments=None):
        stages = [
            campaign.enrolments.aggregate(first=Min("enrolled_at"))["first"],
            Screening.objects.filter(enrolment__campaign=campaign).aggregate(first=Min("screened_at"))["first"],
            Proposal.objects.filter(enrolment__campaign=campaign).aggregate(first=Min("confirmed_at"))["first"],
            at_noon(Interview.objects.filter(enrolment__campaign=campaign).aggregate(first=Min("day"))["first"]),
            at_noon(campaign.placements.aggregate(first=Min("starts_on"))["first"]),
        ]
        happened = [moment for moment in stages if moment is not None]

        assert happened == sorted(happened), campaign.name


def test_demo_workshop_places_are_booked_after_the_enrolment_and_before_the_session(demo):
    registrations = Registration.objects.exclude(candidate=None).select_related("session__workshop")

    for registration in registrations:
        enrolment = Enrolment.objects.get(
            candidate=registration.candidate, campaign=registration.session.workshop.campaign_id
        )
        assert enrolment.enrolled_at <= registration.registered_at <= registration.session.starts_at


def at_noon(day: date | None) -> datetime | None:
    return day and timezone.make_aware(datetime.combine(day, time(12)))


# --- Figures on two pages ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("email", USERS)
def test_the_campaign_page_the_home_page_and_the_report_show_the_same_campaign_figures(demo, client, email):
    client = logged_in(client, email)
    home = client.get(reverse("home"), headers=ENGLISH).content.decode()
    campaigns = list(Campaign.objects.filter(pk__in=re.findall(r'data-campaign="(\d+)"', home)))
    assert len(campaigns) >= 4

    for campaign in campaigns:
        page = figures(client.get(reverse("campaign_detail", args=[campaign.pk]), headers=ENGLISH).content.decode())
        report = client.get(reverse("report_list"), {"campaign": campaign.pk}, headers=ENGLISH)
        report = figures(report.content.decode())

        shown = {name: page[name] for name in CAMPAIGN_FIGURES}
        assert shown == {name: report[f"targets.{campaign.pk}.{name}"] for name in CAMPAIGN_FIGURES}, campaign.name
        assert home_row(home, campaign) == {name: page[name] for name in ("candidates", "companies")}, campaign.name


@pytest.mark.parametrize("email", USERS)
def test_the_campaign_page_lists_as_many_companies_as_it_counts(demo, client, email):
    client = logged_in(client, email)
    home = client.get(reverse("home"), headers=ENGLISH).content.decode()
    campaigns = Campaign.objects.filter(pk__in=re.findall(r'data-campaign="(\d+)"', home))
    assert campaigns.count() >= 4

    for campaign in campaigns:
        html = client.get(reverse("campaign_detail", args=[campaign.pk]), headers=ENGLISH).content.decode()
        listed = int(re.search(r'data-companies-listed="(\d+)"', html)[1])
        unlisted = re.search(r'data-companies-unlisted="(\d+)"', html)

        assert listed + (int(unlisted[1]) if unlisted else 0) == int(figures(html)["companies"]), campaign.name
        assert ("No company takes part yet." in html) == (figures(html)["companies"] == "0"), campaign.name


@pytest.mark.parametrize("email", USERS)
def test_the_report_page_and_its_pdf_show_the_same_figures_and_everyone_placed_was_at_work(demo, client, email):
    client = logged_in(client, email)

    page = figures(client.get(reverse("report_list"), headers=ENGLISH).content.decode())
    pdf = " ".join(pdf_text(client.get(reverse("report_pdf"), headers=ENGLISH).content).split())

    for stage, label in [("registered", "Registered"), ("placed", "Placed")]:
        assert f"{label} {page[f'funnel.{stage}.people']} " in pdf
    assert f"People at work at least once {page['activation.at_work.value']} " in pdf
    # Every demo placement has started, and none is dated before its enrolment: all placed were at work.
    assert page["activation.at_work.value"] == page["funnel.placed.people"] != "0"
    assert page["activation.dates_contradict.value"] == "0"


def test_the_coordinators_report_counts_every_placed_person_in_an_outcome(demo, client):
    client = logged_in(client, "coordinator@jobroad.example")

    page = figures(client.get(reverse("report_list"), headers=ENGLISH).content.decode())

    outcomes = [int(value) for name, value in page.items() if re.fullmatch(r"outcomes\.\w+\.people", name)]
    placed = Placement.objects.values("candidate").distinct().count()
    assert sum(outcomes) == int(page["funnel.placed.people"]) == placed
