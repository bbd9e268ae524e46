"""Referrals after project week: only with the candidate's consent, after a page saying which one e-mail goes where;
the agency answers through a signed link that opens one referral, expires, is stored only as a hash and is replaced
by a newer mail; a second answer replaces the first; the coordinator is told and confirms a placement herself."""

from datetime import date, timedelta
from urllib.parse import urlsplit

import pytest
from django.core import signing
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse
from django.utils import timezone

from aftercare import referral_links, referrals
from aftercare.models import Placement, Referral, ReferralOutcome
from campaigns.models import CampaignPhase, Enrolment
from jobroad import channels
from jobroad.models import Message, Organisation, OrganisationKind
from jobroad.privacy import erase_candidate
from tests.factories import CandidateFactory, set_phase
from tests.language import ENGLISH

PLACED = {"outcome": "placed", "placed_starts_on": "2027-06-01", "placed_workplace": "Company A", "placed_hours": "30"}
REFUSAL = "This link cannot be used"


@pytest.fixture
def agency(db) -> Organisation:
    return Organisation.objects.create(kind=OrganisationKind.TEMP_AGENCY, name="Flexwerk Interim", branch="Kortrijk")


@pytest.fixture
def enrolment(world) -> Enrolment:
    """Amal (Haddad) in campaign A, in aftercare after project week, with no offer."""
    set_phase(world.campaign_a, CampaignPhase.AFTERCARE)
    return world.campaign_a.enrolments.get(candidate=world.candidate_a)


@pytest.fixture
def referral(world, enrolment, agency) -> Referral:
    return referrals.refer_candidate(
        enrolment=enrolment, organisation=agency, send_to="kortrijk@flexwerk.example", consent=True, actor=world.alice
    )


def token_of(path: str) -> str:
    return resolve(path).kwargs["token"]


# --- Referring ----------------------------------------------------------------------------------------------------


def test_a_referral_without_the_candidates_consent_is_refused_and_nothing_is_sent(world, enrolment, agency, english):
    with pytest.raises(referrals.ReferralRefused) as refusal:
        referrals.refer_candidate(
            enrolment=enrolment, organisation=agency, send_to="k@flexwerk.example", consent=False, actor=world.alice
        )

    assert str(refusal.value) == (
        "Ask the candidate first: a referral shares their profile with Flexwerk Interim · Kortrijk and needs their "
        "consent."
    )
    assert (Referral.objects.count(), Message.objects.count()) == (0, 0)


def test_the_form_without_consent_says_so_and_refers_nobody(client_for, world, enrolment, agency):
    url = reverse("referral_create", kwargs={"pk": enrolment.pk})
    data = {"organisation": agency.pk, "send_to": "k@flexwerk.example", "confirm": "yes"}

    response = client_for(world.alice).post(url, data, headers=ENGLISH)

    assert response.status_code == 400
    assert "Ask the candidate first: a referral shares their profile and needs their consent." in (
        response.content.decode()
    )
    assert not Referral.objects.exists()


def test_referring_asks_first_which_one_email_will_go_where(client_for, world, enrolment, agency):
    url = reverse("referral_create", kwargs={"pk": enrolment.pk})
    data = {"organisation": agency.pk, "send_to": "k@flexwerk.example", "consent": "on"}

    response = client_for(world.alice).post(url, data, headers=ENGLISH)

    assert response.status_code == 200
    assert (
        "One e-mail will go to k@flexwerk.example (Flexwerk Interim · Kortrijk), with a link to Amal's blind "
        "profile where they can answer." in response.content.decode()
    )
    assert (Referral.objects.count(), Message.objects.count()) == (0, 0)


def test_a_confirmed_referral_records_the_consent_and_queues_one_mail_without_its_link(
    client_for, world, enrolment, agency
):
    url = reverse("referral_create", kwargs={"pk": enrolment.pk})
    data = {"organisation": agency.pk, "send_to": "k@flexwerk.example", "consent": "on", "confirm": "yes"}

    response = client_for(world.alice).post(url, data)

    referral = Referral.objects.get()
    assert response.url == reverse("referral_detail", kwargs={"pk": referral.pk})
    assert (referral.enrolment, referral.organisation, referral.consent_by) == (enrolment, agency, world.alice)
    assert timezone.now() - referral.consent_at < timedelta(minutes=1)
    mail = Message.objects.get()
    assert (mail.template, mail.recipient_address, mail.context) == (
        "referral_agency",
        "k@flexwerk.example",
        {"referral": referral.pk, "organisation": "Flexwerk Interim · Kortrijk"},
    )
    assert referral.link_key_hash == ""  # the link is made as the mail leaves


def test_a_candidate_with_an_offer_or_before_aftercare_cannot_be_referred(world, enrolment, agency, english):
    set_phase(world.campaign_a, CampaignPhase.PROJECT_WEEK)

    with pytest.raises(referrals.ReferralRefused) as refusal:
        referrals.refer_candidate(
            enrolment=enrolment, organisation=agency, send_to="k@flexwerk.example", consent=True, actor=world.alice
        )

    assert str(refusal.value) == "Candidates are referred after project week, while the campaign is in aftercare."


def test_a_company_is_not_a_place_to_refer_to(world, enrolment, english):
    with pytest.raises(referrals.ReferralRefused) as refusal:
        referrals.refer_candidate(
            enrolment=enrolment, organisation=world.company_a.organisation, send_to="hr@a.example", consent=True,
            actor=world.alice,
        )  # fmt: skip

    assert str(refusal.value) == "Refer to a temp agency's branch or to VDAB (an intermediary)."


def test_the_same_candidate_is_referred_to_a_branch_once(world, enrolment, agency, referral, english):
    with pytest.raises(referrals.ReferralRefused) as refusal:
        referrals.refer_candidate(
            enrolment=enrolment, organisation=agency, send_to="k@flexwerk.example", consent=True, actor=world.alice
        )

    assert str(refusal.value) == "This candidate is already referred to Flexwerk Interim · Kortrijk."


# --- The link -----------------------------------------------------------------------------------------------------


def test_the_mail_carries_a_link_made_as_it_leaves_and_only_its_hash_is_kept(referral):
    message = Message.objects.get(template="referral_agency")

    text = channels.render(message, make_link=True).text

    link = next(word for word in text.split() if "/aftercare/referral/" in word)
    token = token_of(urlsplit(link).path)
    referral.refresh_from_db()
    assert len(referral.link_key_hash) == 64 and referral.link_key_hash not in text
    assert token not in str(Message.objects.get(pk=message.pk).context)
    assert referral_links.referral_for_token(token) == referral


def test_a_valid_link_shows_the_blind_profile_and_nothing_that_names_or_reaches_the_person(client, world, referral):
    world.candidate_a.email, world.candidate_a.phone = "amal@example.org", "+32470000000"
    world.candidate_a.birth_year, world.candidate_a.nationality = 1990, "SY"
    world.candidate_a.save()

    response = client.get(referral_links.issue_referral_link(referral), headers=ENGLISH)

    text = response.content.decode()
    assert response.status_code == 200
    assert "Amal, referred to Flexwerk Interim · Kortrijk" in text
    assert "data-blind-profile" in text and "data-referral-answer-form" in text
    assert [secret for secret in ("Haddad", "amal@example.org", "470000000", "1990", "Syria") if secret in text] == []


def test_a_tampered_link_is_gone_and_shows_nothing(client, referral):
    token = token_of(referral_links.issue_referral_link(referral))

    response = client.get(reverse("referral_link", kwargs={"token": token[:-2] + "xx"}), headers=ENGLISH)

    assert response.status_code == 410
    assert REFUSAL in response.content.decode() and "Amal" not in response.content.decode()


def test_an_expired_link_is_gone(client, referral, time_machine):
    path = referral_links.issue_referral_link(referral)
    time_machine.move_to(timezone.now() + timedelta(days=referral_links.LINK_VALID_DAYS + 1))

    response = client.get(path, headers=ENGLISH)

    assert response.status_code == 410
    assert REFUSAL in response.content.decode()


def test_a_link_stops_working_when_the_candidate_is_erased(client, world, referral):
    path = referral_links.issue_referral_link(referral)

    erase_candidate(candidate=world.candidate_a, actor=world.alice)

    response = client.get(path, headers=ENGLISH)
    assert response.status_code == 410
    assert "Amal" not in response.content.decode()


def test_a_link_does_not_open_another_referral_even_signed_with_its_id(client, world, referral, agency):
    other = referrals.refer_candidate(
        enrolment=world.campaign_a.enrolments.create(candidate=CandidateFactory(registered_by=world.intermediary_org_a)),
        organisation=agency, send_to="k@flexwerk.example", consent=True, actor=world.alice,
    )  # fmt: skip
    referral_links.issue_referral_link(other)
    key = signing.loads(token_of(referral_links.issue_referral_link(referral)), salt=referral_links.SALT)["key"]
    # Even with the server's own signature (which an outsider cannot make), this link's key opens only its referral.
    swapped = signing.dumps({"referral": other.pk, "key": key}, salt=referral_links.SALT, compress=True)

    response = client.post(reverse("referral_link", kwargs={"token": swapped}), PLACED, headers=ENGLISH)

    assert response.status_code == 410
    other.refresh_from_db()
    assert other.outcome == ""


def test_a_new_mail_replaces_the_older_link(client, referral):
    older = referral_links.issue_referral_link(referral)
    referral_links.issue_referral_link(referral)

    assert client.get(older, headers=ENGLISH).status_code == 410


def test_answering_twice_updates_the_one_answer_and_tells_the_coordinators_each_time(client, world, referral):
    path = referral_links.issue_referral_link(referral)

    first = client.post(path, {"outcome": "in_progress"}, headers=ENGLISH)
    second = client.post(path, PLACED, headers=ENGLISH)

    assert (first.status_code, second.status_code) == (200, 200)
    assert "data-link-thanks" in second.content.decode()
    referral.refresh_from_db()
    assert (
        Referral.objects.count(), referral.outcome, referral.placed_starts_on, referral.placed_workplace,
        referral.placed_hours, referral.answer_count,
    ) == (1, "placed", date(2027, 6, 1), "Company A", 30, 2)  # fmt: skip
    told = Message.objects.filter(template="referral_answered").values_list("recipient_user", flat=True)
    assert sorted(told) == [world.alice.pk, world.alice.pk]


def test_a_placed_answer_needs_its_start_date_and_workplace(client, referral):
    response = client.post(referral_links.issue_referral_link(referral), {"outcome": "placed"}, headers=ENGLISH)

    assert response.status_code == 400
    assert "Give the start date." in response.content.decode()
    referral.refresh_from_db()
    assert referral.outcome == ""


def test_not_suitable_is_answered_with_a_reason_from_the_list(client, referral):
    path = referral_links.issue_referral_link(referral)

    response = client.post(path, {"outcome": "not_suitable", "not_suitable_reason": "language"}, headers=ENGLISH)

    referral.refresh_from_db()
    assert (response.status_code, referral.outcome, referral.not_suitable_reason) == (200, "not_suitable", "language")


# --- The coordinator ----------------------------------------------------------------------------------------------


def test_the_coordinator_sees_the_answer_to_take_up_and_the_outcome(client_for, world, referral):
    referrals.answer_referral(referral=referral, outcome=ReferralOutcome.IN_PROGRESS)
    client = client_for(world.alice)

    dashboard = client.get(reverse("placement_list"), headers=ENGLISH).content.decode()
    detail = client.get(reverse("referral_detail", kwargs={"pk": referral.pk}), headers=ENGLISH).content.decode()

    assert f'data-referral-answer="{referral.pk}"' in dashboard
    assert '<span data-referral-outcome="in_progress">Invited or in progress</span>' in detail


def test_taking_the_answer_up_clears_it_from_the_dashboard(client_for, world, referral):
    referrals.answer_referral(referral=referral, outcome=ReferralOutcome.IN_PROGRESS)
    client = client_for(world.alice)

    client.post(reverse("referral_take_up", kwargs={"pk": referral.pk}))

    assert f'data-referral-answer="{referral.pk}"' not in client.get(reverse("placement_list")).content.decode()


def test_the_coordinator_confirms_a_placed_answer_as_a_temp_placement_with_the_agency_as_employer(
    client, client_for, world, referral, agency
):
    path = referral_links.issue_referral_link(referral)
    client.post(path, PLACED)
    url = reverse("referral_place", kwargs={"pk": referral.pk})

    response = client_for(world.alice).post(
        url, {"company": world.company_a.pk, "route": "temp_work", "starts_on": "2027-06-01", "hours_per_week": "30"}
    )

    placement = Placement.objects.get()
    assert response.url == reverse("placement_detail", kwargs={"pk": placement.pk})
    assert (placement.candidate, placement.company, placement.employer, placement.route, placement.campaign) == (
        world.candidate_a, world.company_a, agency, "temp_work", world.campaign_a,
    )  # fmt: skip
    referral.refresh_from_db()
    assert referral.placement == placement
    assert client.get(path).status_code == 410  # closed: the link works no more


def test_an_answer_alone_never_creates_a_placement(client, referral):
    client.post(referral_links.issue_referral_link(referral), PLACED)

    assert not Placement.objects.exists()


def test_the_referral_list_costs_as_many_queries_for_one_referral_as_for_many(client_for, world, referral, agency):
    client = client_for(world.alice)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("referral_list")).status_code == 200
        return len(captured)

    one = queries()
    for _ in range(5):
        enrolment = world.campaign_a.enrolments.create(
            candidate=CandidateFactory(registered_by=world.intermediary_org_a)
        )
        referrals.refer_candidate(
            enrolment=enrolment, organisation=agency, send_to="k@flexwerk.example", consent=True, actor=world.alice
        )

    assert queries() == one
