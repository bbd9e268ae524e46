"""Issue 22, item 2: whoever marks a session's attendance records its anonymous headcount beside it — residents by
reception centre and gender, people from companies without a name — once the session has begun, with an audit
entry for every change."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from jobroad.models import OrganisationKind
from tests.factories import OrganisationFactory, set_phase
from tests.language import ENGLISH
from workshops import services
from workshops.models import Audience, Headcount, HeadcountChange, Session, Workshop, WorkshopKind


@pytest.fixture
def centres(world):
    heidedorp = OrganisationFactory(name="Opvangcentrum Heidedorp", kind=OrganisationKind.RECEPTION_CENTRE)
    kapellen = OrganisationFactory(name="Opvangcentrum Kapellen", kind=OrganisationKind.RECEPTION_CENTRE)
    world.campaign_a.reception_centres.add(heidedorp, kapellen)
    return heidedorp, kapellen


def session_of(campaign, audience=Audience.CANDIDATES, *, starts_in=timedelta(hours=-2)) -> Session:
    kind = WorkshopKind.LABOUR_MARKET if audience == Audience.CANDIDATES else WorkshopKind.LIFE_AS_A_REFUGEE
    workshop = Workshop.objects.create(campaign=campaign, kind=kind, audience=audience)
    start = timezone.now() + starts_in
    return Session.objects.create(workshop=workshop, starts_at=start, ends_at=start + timedelta(hours=2), place="Zaal")


def rows(session) -> list[tuple]:
    return list(session.headcounts.values_list("reception_centre__name", "gender", "people", "recorded_by__email"))


def test_a_coordinator_records_residents_by_centre_and_gender(client_for, world, centres):
    heidedorp, kapellen = centres
    session = session_of(world.campaign_a)

    response = client_for(world.alice).post(
        reverse("session_headcount", args=[session.pk]),
        {f"people_{heidedorp.pk}_woman": "7", f"people_{heidedorp.pk}_man": "4", f"people_{kapellen.pk}_other": "",
         "people_none_other": "2"},
        headers=ENGLISH,
    )  # fmt: skip

    assert response.url == reverse("session_attendance", args=[session.pk]) + "#headcount"
    assert sorted(rows(session), key=str) == sorted([
        ("Opvangcentrum Heidedorp", "woman", 7, "alice@example.org"),
        ("Opvangcentrum Heidedorp", "man", 4, "alice@example.org"),
        (None, "other", 2, "alice@example.org"),
    ], key=str)  # fmt: skip
    change = HeadcountChange.objects.get()
    assert (change.session, change.actor, change.people_before, change.people_after) == (session, world.alice, 0, 13)


def test_changing_a_headcount_replaces_it_and_writes_another_audit_entry(world, centres):
    heidedorp, _kapellen = centres
    session = session_of(world.campaign_a)
    services.record_headcount(session=session, people={(heidedorp.pk, "woman"): 7}, actor=world.alice)

    total = services.record_headcount(
        session=session, people={(heidedorp.pk, "woman"): 6, (heidedorp.pk, "man"): 0}, actor=world.admin
    )

    assert total == 6
    assert rows(session) == [("Opvangcentrum Heidedorp", "woman", 6, "admin@example.org")]
    assert list(
        HeadcountChange.objects.order_by("pk").values_list("actor__email", "people_before", "people_after")
    ) == [
        ("alice@example.org", 0, 7),
        ("admin@example.org", 7, 6),
    ]


def test_saving_the_same_headcount_again_writes_no_audit_entry(world, centres):
    session = session_of(world.campaign_a)
    services.record_headcount(session=session, people={(centres[0].pk, "man"): 3}, actor=world.alice)

    services.record_headcount(session=session, people={(centres[0].pk, "man"): 3}, actor=world.alice)

    assert HeadcountChange.objects.count() == 1


def test_a_company_session_counts_people_without_a_name_and_without_a_centre(client_for, world, centres):
    session = session_of(world.campaign_a, Audience.PARTNERS)
    client = client_for(world.alice)

    page = client.get(reverse("session_attendance", args=[session.pk]), headers=ENGLISH)
    client.post(reverse("session_headcount", args=[session.pk]), {"people_none_other": "5"})

    assert list(page.context["headcount"].fields) == ["people_none_other"]
    assert rows(session) == [(None, "other", 5, "alice@example.org")]
    with pytest.raises(ValidationError), override("en"):
        services.record_headcount(session=session, people={(centres[0].pk, "other"): 1}, actor=world.alice)


def test_the_attendance_page_offers_a_box_per_centre_and_gender(client_for, world, centres):
    session = session_of(world.campaign_a)

    page = client_for(world.alice).get(reverse("session_attendance", args=[session.pk]), headers=ENGLISH)

    form = page.context["headcount"]
    assert [(centre, [(gender, field.label) for gender, field in cells]) for centre, cells in form.rows] == [
        ("Opvangcentrum Heidedorp", [("Woman", "Opvangcentrum Heidedorp · Woman"),
                                     ("Man", "Opvangcentrum Heidedorp · Man"),
                                     ("Other / not given", "Opvangcentrum Heidedorp · Other / not given")]),
        ("Opvangcentrum Kapellen", [("Woman", "Opvangcentrum Kapellen · Woman"),
                                    ("Man", "Opvangcentrum Kapellen · Man"),
                                    ("Other / not given", "Opvangcentrum Kapellen · Other / not given")]),
        ("Another centre or not known", [("Woman", "Another centre or not known · Woman"),
                                         ("Man", "Another centre or not known · Man"),
                                         ("Other / not given", "Another centre or not known · Other / not given")]),
    ]  # fmt: skip
    assert 'action="{}"'.format(reverse("session_headcount", args=[session.pk])) in page.content.decode()


@pytest.mark.parametrize(
    ("starts_in", "cancelled", "message"),
    [
        (timedelta(days=2), False, "This session has not started yet: count the people who came once it has."),
        (timedelta(hours=-2), True, "This session was cancelled: nobody can be counted at it."),
    ],
)
def test_a_session_not_begun_or_cancelled_takes_no_headcount(client_for, world, centres, starts_in, cancelled, message):
    session = session_of(world.campaign_a, starts_in=starts_in)
    if cancelled:
        Session.objects.filter(pk=session.pk).update(cancelled_at=timezone.now())
    client = client_for(world.alice)

    response = client.post(
        reverse("session_headcount", args=[session.pk]), {f"people_{centres[0].pk}_woman": "8"}, headers=ENGLISH
    )
    page = client.get(reverse("session_attendance", args=[session.pk]), headers=ENGLISH).content.decode()

    assert [str(notice) for notice in response.wsgi_request._messages] == [message]
    assert (Headcount.objects.count(), HeadcountChange.objects.count()) == (0, 0)
    assert "data-headcount-closed" in page and message in page


def test_a_negative_headcount_is_refused(client_for, world, centres):
    session = session_of(world.campaign_a)

    client_for(world.alice).post(reverse("session_headcount", args=[session.pk]), {"people_none_man": "-3"})

    assert Headcount.objects.count() == 0


@pytest.mark.parametrize("who", ["bob", "intermediary_a", "hr_a", "coach_a", "funder_viewer"])
def test_only_who_may_mark_attendance_records_a_headcount(client_for, world, centres, who):
    session = session_of(world.campaign_a)

    response = client_for(getattr(world, who)).post(
        reverse("session_headcount", args=[session.pk]), {"people_none_man": "3"}
    )

    assert (response.status_code, Headcount.objects.count()) == (404, 0)


def test_no_headcount_once_the_campaign_is_closed_to_attendance(client_for, world, centres):
    set_phase(world.campaign_a, "draft")
    session = session_of(world.campaign_a)

    client_for(world.alice).post(reverse("session_headcount", args=[session.pk]), {"people_none_man": "3"})

    assert Headcount.objects.count() == 0


def test_the_attendance_page_costs_the_same_queries_with_one_centre_or_five(client_for, world):
    more = 4
    session = session_of(world.campaign_a)
    client = client_for(world.alice)
    url = reverse("session_attendance", args=[session.pk])

    def centre_with_headcount(name):
        centre = OrganisationFactory(name=name, kind=OrganisationKind.RECEPTION_CENTRE)
        world.campaign_a.reception_centres.add(centre)
        Headcount.objects.create(session=session, reception_centre=centre, gender="woman", people=6)

    centre_with_headcount("Centrum 0")
    client.get(url)  # warm the session and permission caches
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for index in range(more):
        centre_with_headcount(f"Centrum {index + 1}")
    with CaptureQueriesContext(connection) as many:
        page = client.get(url)

    assert len(many) == len(one)
    assert page.context["headcount"].total == 6 * (1 + more)


def test_the_workshop_list_shows_the_people_counted_beside_those_who_attended(client_for, world, centres):
    session = session_of(world.campaign_a)
    services.record_headcount(
        session=session, people={(centres[0].pk, "woman"): 5, (centres[1].pk, "man"): 3}, actor=world.alice
    )

    page = client_for(world.alice).get(reverse("workshop_list", args=[world.campaign_a.pk]), headers=ENGLISH)

    assert [(listed.pk, listed.counted) for listed in page.context["sessions"]] == [(session.pk, 8)]
    assert 'data-counted="8">8 counted without a name' in page.content.decode()
