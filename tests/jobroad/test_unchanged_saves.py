"""Saving a form unchanged changes no message (issue 19, item 3). For every form whose save plans reminders or
other messages, the object is built with its messages planned, the edit page is read, the form is sent back
exactly as the page rendered it, and the outbox must hold the very same rows: no key churns (a time's UTC offset,
the clock of the request), nothing is cancelled and planned again, nothing moves."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from campaigns.projectweek import evaluations
from candidates.models import ConsentPurpose
from candidates.services import record_consent
from jobroad.models import Message, MessageStatus
from tests.factories import CandidateFactory
from tests.fuzzing import Form, form_posting_to
from workshops import services as workshop_services
from workshops.models import Audience, Session, Workshop


def outbox() -> list[tuple]:
    return list(Message.objects.order_by("pk").values_list("pk", "key", "status", "due_at", "expires_at"))


def as_rendered(form: Form) -> dict:
    """What a browser sends for ``form`` when nobody touches it: every field's current value (a select with
    nothing selected sends its first option, an unticked box nothing)."""
    data = {}
    for item in form.fields.values():
        if item.multiple:
            data[item.name] = item.initial
        elif item.kind in ("checkbox", "radio"):
            data.update({item.name: item.initial[0]} if item.initial else {})
        else:
            data[item.name] = (item.initial or item.options[:1] or [""])[0]
    return data


def contactable(world, first_name: str, **contact):
    candidate = CandidateFactory(first_name=first_name, registered_by=world.intermediary_org_a, **contact)
    record_consent(candidate=candidate, purpose=ConsentPurpose.CONTACT, actor=world.alice, language="nl")
    return candidate


def workshop_session(world, request):
    """A session next month at 9:00 Brussels time (+01:00 in winter, +02:00 in summer) with an attendee and her
    intermediary reminded before it."""
    workshop = Workshop.objects.create(campaign=world.campaign_a, audience=Audience.CANDIDATES)
    start = (timezone.localtime() + timedelta(days=30)).replace(hour=9, minute=0, second=0, microsecond=0)
    session = workshop_services.save_session(
        session=Session(workshop=workshop, starts_at=start, ends_at=start + timedelta(hours=3), place="Stadhuis",
                        address="Markt 1, Gent", interpreter="Arabisch — Samira", capacity=5, language="nl"),
        actor=world.alice,
    )  # fmt: skip
    workshop_services.register(session=session, candidate=contactable(world, "Sara", email="sara@example.org"),
                               actor=world.alice)  # fmt: skip
    url = reverse("session_edit", kwargs={"pk": session.pk})
    return world.alice, url, url


def project_week_day(world, request):
    """A company's project-week day settings, its interviews published with their reminders."""
    participation = request.getfixturevalue("published")[0].participation
    url = reverse("participation_edit", kwargs={"pk": participation.pk})
    return world.alice, url, url


def interview_time(world, request):
    """A published interview, moved by hand to where it already is."""
    interview = request.getfixturevalue("published")[1]
    url = reverse("interview_move", kwargs={"pk": interview.pk})
    return world.alice, url, url


def evaluation(world, request):
    """HR's evaluation of an interview, opened again that evening to correct it and saved as it was."""
    interview = request.getfixturevalue("published")[1]
    evening = datetime.combine(interview.published_day, time(17), tzinfo=timezone.get_current_timezone())
    request.getfixturevalue("time_machine").move_to(evening, tick=False)
    evaluations.evaluate_interview(interview=interview, attendance="attended", outcome="maybe", feedback="Vlot.",
                                   actor=world.hr_a)  # fmt: skip
    url = reverse("interview_evaluation", kwargs={"pk": interview.pk})
    return world.hr_a, url, url


def placement_start(world, request):
    """A placement's start date, with its check-ins' messages planned from it."""
    placement = request.getfixturevalue("placement")
    page = reverse("placement_detail", kwargs={"pk": placement.pk})
    return world.alice, page, reverse("placement_change", kwargs={"pk": placement.pk, "action": "move"})


def placement_route(world, request):
    """A placement's route, shown as it is: sent back unchanged it changes neither the route nor a message."""
    placement = request.getfixturevalue("placement")
    page = reverse("placement_detail", kwargs={"pk": placement.pk})
    return world.alice, page, reverse("placement_change", kwargs={"pk": placement.pk, "action": "route"})


@dataclass(frozen=True)
class Case:
    name: str
    arrange: Callable  # (world, request) -> (user, page url, url the form posts to)

    def __str__(self):
        return self.name


CASES = [
    Case("workshop session", workshop_session),
    Case("project-week day settings", project_week_day),
    Case("interview time", interview_time),
    Case("evaluation", evaluation),
    Case("placement start date", placement_start),
    Case("placement route", placement_route),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_saving_a_form_unchanged_changes_no_message(client_for, world, request, case):
    user, page_url, action_url = case.arrange(world, request)
    client = client_for(user)
    before = outbox()
    page = client.get(page_url)
    form = form_posting_to(page.content.decode(), page_url, action_url)

    response = client.post(action_url, as_rendered(form))

    assert response.status_code == 302, response.content.decode()[:2000]  # saved, not refused
    assert any(status == MessageStatus.PENDING for _pk, _key, status, *_times in before)
    assert outbox() == before
    if case.arrange is placement_route:
        placement = request.getfixturevalue("placement")
        assert type(placement).objects.get(pk=placement.pk).route == placement.route


def test_registering_someone_else_changes_none_of_the_messages_already_planned(world):
    workshop = Workshop.objects.create(campaign=world.campaign_a, audience=Audience.CANDIDATES)
    start = (timezone.localtime() + timedelta(days=30)).replace(hour=9, minute=0, second=0, microsecond=0)
    session = workshop_services.save_session(
        session=Session(workshop=workshop, starts_at=start, ends_at=start + timedelta(hours=3), place="Stadhuis"),
        actor=world.alice,
    )
    workshop_services.register(session=session, candidate=contactable(world, "Sara", email="sara@example.org"),
                               actor=world.alice)  # fmt: skip
    before = outbox()

    workshop_services.register(session=session, candidate=contactable(world, "Noor", email="noor@example.org"),
                               actor=world.alice)  # fmt: skip

    after = outbox()
    assert after[: len(before)] == before
    assert [key.split(":")[2] for _pk, key, *_rest in after[len(before) :]] == ["reminder-2d", "reminder-2h"]
