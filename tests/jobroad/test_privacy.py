"""A candidate's rights: everything held about them in one ZIP, and erasure on request — after which no table holds
anything that identified them, while the funder reports count exactly what they counted before. Both ask for a
recent re-authentication."""

import io
import json
import re
import zipfile
from datetime import date, timedelta

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from aftercare import services as aftercare_services
from aftercare.models import CoachingContact
from campaigns.models import Attendance, Evaluation, Interview, Outcome, Proposal, ProposalStatus
from campaigns.reporting import kpi, reports
from candidates import services as candidate_services
from candidates.models import Candidate, Screening
from jobroad import mentions, outbox, privacy, services
from jobroad.models import CapturedMail, ImportKind, Message, MessageStatus, PendingImport
from jobroad.outbox import Recipient, schedule_message
from tests.factories.aftercare import employer_for
from tests.pdftext import pdf_text
from tests.reauth import recently_authenticated

SENTINEL = "zyxw"  # every identifying value below holds it, so one search finds any copy left behind
PHONE = "+32 470 98 76 54"


@pytest.fixture
def sentinel_candidate(world):
    """Candidate A with a sentinel in every identifying field and every free text written about them — screening,
    HR's comment, evaluation, a placement with its history and check-in, the coaching log — and copies of their
    name in the outbox, the captured mail and the admin's log."""
    candidate = world.candidate_a
    candidate_services.update_candidate(
        candidate=candidate, actor=world.alice, first_name="Zyxwamal", last_name="Zyxwhaddad",
        reference_number="ZYXW-123", birth_year=1990, phone=PHONE, email="zyxw@example.org",
        street="Zyxwstraat 1", postal_code="9000", city="Zyxwstad", experience_summary="Zyxw: lasser in Aleppo",
        availability_note="Zyxw: geen vrijdag",
    )  # fmt: skip
    candidate_services.record_consent(candidate=candidate, purpose="share_profile", actor=world.alice, language="nl")
    enrolment = world.campaign_a.enrolments.get(candidate=candidate)
    Screening.objects.create(
        enrolment=enrolment, screener=world.alice, notes="Zyxw: diabetes", test_results="Zyxw A2",
        decision="selected", decision_reason="Zyxw gemotiveerd",
    )  # fmt: skip
    proposal = Proposal.objects.create(
        enrolment=enrolment, vacancy=world.vacancy_a, fit=70, status=ProposalStatus.CONFIRMED,
        hr_comment="Zyxw spreekt goed Nederlands",
    )  # fmt: skip
    interview = Interview.objects.create(
        proposal=proposal, participation=world.campaign_a.participations.get(), enrolment=enrolment
    )
    Evaluation.objects.create(
        interview=interview, attendance=Attendance.ATTENDED, outcome=Outcome.OFFER, start_route="temp_work",
        feedback="Zyxw kwam te laat", filled_at=timezone.now(), filled_by=world.hr_a,
    )  # fmt: skip
    aftercare_services.ensure_default_plans()
    placement = aftercare_services.create_placement(
        candidate=candidate, company=world.company_a, campaign=world.campaign_a, route="temp_work",
        starts_on=timezone.localdate() - timedelta(days=60), actor=world.alice,
        employer=employer_for("temp_work"),
    )  # fmt: skip
    aftercare_services.answer_check_in(
        check_in=placement.check_ins.order_by("due_on").first(), still_working=True, notes="Zyxw: woont ver",
        actor=world.coach_a,
    )  # fmt: skip
    aftercare_services.log_coaching_contact(
        candidate=candidate, coach=world.coach_a, happened_on=date.today(), channel="phone", topic="housing",
        notes="Zyxw zoekt een woning", next_action="Zyxw bellen",
    )  # fmt: skip
    aftercare_services.change_placement(
        placement=placement, status="ended", end_reason="Zyxw verhuisd", note="Zyxw nota", actor=world.alice
    )
    schedule_message(
        key="test:to-candidate", template="note", recipient=Recipient(address=PHONE, name="Zyxwamal", channel="sms"),
        due_at=timezone.now(), context={"text": "Dag Zyxwamal"},
    )  # fmt: skip
    CapturedMail.objects.create(recipients="hr.a@example.org", subject="Zyxwamal Zyxwhaddad komt", body="Zyxwamal")
    LogEntry.objects.create(
        user=world.admin, content_type=ContentType.objects.get_for_model(Candidate), object_id=str(candidate.pk),
        object_repr=str(candidate), action_flag=CHANGE, change_message="Zyxw",
    )  # fmt: skip
    candidate.refresh_from_db()
    return candidate


def tables_holding(*needles: str) -> list[str]:
    """Every table of the database, read row by row: the tables where a needle still stands."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            text = " ".join(str(value) for row in cursor.fetchall() for value in row).lower()
            found += [table for needle in needles if needle.lower() in text]
    return sorted(set(found))


def mentions_left(*names: str, phone: str = "") -> list[str]:
    """Every text and JSON column of every model, read through the ORM (so encrypted notes are read as written):
    the ``app.Model.field`` columns where one of ``names`` still stands as a word (case does not count), or a number
    whose digits end in ``phone``'s last eight."""
    name = re.compile("|".join(rf"(?<!\w){re.escape(value)}(?!\w)" for value in names), re.IGNORECASE)
    digits = re.sub(r"\D", "", phone)[-8:]
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField | models.JSONField):
                for value in model._base_manager.values_list(field.name, flat=True):
                    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                    numbers = (re.sub(r"\D", "", number) for number in re.findall(r"[+\d][\d ./()-]*", text))
                    if name.search(text) or (digits and any(number.endswith(digits) for number in numbers)):
                        found.append(f"{model._meta.label}.{field.name}")
    return sorted(set(found))


def figures(world):
    scope = reports.report_scope(world.alice, campaign=world.campaign_a, programme="", starts_on=None, ends_on=None)
    return kpi.report(reports.people(scope))


def test_the_sentinel_search_finds_the_plain_values_before_erasure_and_never_the_encrypted_notes(sentinel_candidate):
    holding = tables_holding(SENTINEL, PHONE)

    for table in ["candidates_candidate", "candidates_screening", "campaigns_evaluation", "campaigns_proposal",
                  "aftercare_coachingcontact", "aftercare_placement", "aftercare_placementchange", "jobroad_message",
                  "jobroad_capturedmail", "django_admin_log"]:  # fmt: skip
        assert table in holding
    assert "aftercare_checkin" not in holding  # its only sentinel is in the notes, stored encrypted
    assert tables_holding("diabetes", "woning", "woont ver") == []  # the screening, coaching and check-in notes


def test_after_erasure_no_table_holds_the_candidates_sentinel_values(world, sentinel_candidate):
    privacy.erase_candidate(candidate=sentinel_candidate, actor=world.alice)

    assert tables_holding(SENTINEL, PHONE, "ZYXW-123") == []
    erased = Candidate.objects.get(pk=sentinel_candidate.pk)
    assert (erased.first_name, erased.last_name, erased.erased_at is not None) == ("—", f"#{erased.pk}", True)
    assert not erased.may_share_with_companies


def test_erasure_leaves_the_report_figures_unchanged(world, sentinel_candidate):
    before = figures(world)

    privacy.erase_candidate(candidate=sentinel_candidate, actor=world.alice)

    assert figures(world) == before
    assert dict(before.funnel)["placed"] == 1  # the erased candidate is still counted


def test_erasure_is_refused_while_a_placement_runs(world):
    aftercare_services.ensure_default_plans()
    aftercare_services.create_placement(
        candidate=world.candidate_a, company=world.company_a, route="temp_work", starts_on=date.today(),
        actor=world.alice,
        employer=employer_for("temp_work"),
    )  # fmt: skip

    with pytest.raises(privacy.ErasureRefused):
        privacy.erase_candidate(candidate=world.candidate_a, actor=world.alice)

    assert Candidate.objects.get(pk=world.candidate_a.pk).erased_at is None


def test_erasing_asks_for_a_recent_re_authentication_first(client_for, world):
    client = client_for(world.alice)
    url = reverse("candidate_erase", kwargs={"pk": world.candidate_a.pk})

    response = client.post(url)

    assert response.status_code == 302 and "/reauthenticate/" in response.url
    assert Candidate.objects.get(pk=world.candidate_a.pk).erased_at is None


def test_a_coordinator_erases_a_candidate_after_re_authenticating(client_for, world):
    client = client_for(world.alice)
    recently_authenticated(client, world.alice)
    url = reverse("candidate_erase", kwargs={"pk": world.candidate_a.pk})

    confirm = client.get(url)
    response = client.post(url)

    assert confirm.status_code == 200
    assert response.status_code == 302
    assert Candidate.objects.get(pk=world.candidate_a.pk).erased_at is not None
    assert world.candidate_a.audit_entries.filter(action="changed", place="erasure", actor=world.alice).count() == 1


def test_the_export_holds_everything_with_a_readable_summary_after_re_authenticating(
    client_for, world, sentinel_candidate
):
    client = client_for(world.alice)
    url = reverse("candidate_subject_export", kwargs={"pk": sentinel_candidate.pk})
    assert "/reauthenticate/" in client.get(url).url
    recently_authenticated(client, world.alice)

    response = client.get(url)

    files = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(files.namelist()) == ["audit_trail.csv", "consent_history.csv", "data.json", "summary.pdf"]
    data = json.loads(files.read("data.json"))
    assert data["candidate"][0]["fields"]["first_name"] == "Zyxwamal"
    assert [row["fields"]["notes"] for row in data["coaching_contacts"]] == ["Zyxw zoekt een woning"]
    assert len(data["consents"]) == 1 and len(data["placements"]) == 1
    assert "Zyxwamal Zyxwhaddad" in pdf_text(files.read("summary.pdf"))
    consents = files.read("consent_history.csv").decode("utf-8-sig").splitlines()
    assert len(consents) == 2 and consents[1].split(";")[2:5] == ["Gegeven", "2026-1", "nl"]
    trail = files.read("audit_trail.csv").decode("utf-8-sig")
    assert trail.count("\n") == 1 + sentinel_candidate.audit_entries.count()
    assert sentinel_candidate.audit_entries.filter(place="subject_export", actor=world.alice).count() == 1


def test_only_the_candidates_coordinators_export_or_erase(client_for, world):
    for user in (world.bob, world.intermediary_a, world.coach_a, world.hr_a):
        client = client_for(user)
        recently_authenticated(client, user)
        for name in ("candidate_subject_export", "candidate_erase"):
            assert client.get(reverse(name, kwargs={"pk": world.candidate_a.pk})).status_code == 404


NOTE = "Call Amal Haddad at +32 470 12 34 56 about Monday"


def send_note(world, settings, *, subject: str, text: str):
    """Coordinator bob's note to alice, sent, and captured as mail is in the embedded mode."""
    settings.EMAIL_BACKEND = "jobroad.mail.CapturingEmailBackend"
    note = services.write_note(
        author=world.bob, recipient=world.alice, address="", channel="email", subject=subject, text=text, due_at=None
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        outbox.claim_due_messages()
    note.refresh_from_db()
    assert note.status == MessageStatus.SENT and text in note.body
    return note


@pytest.fixture
def bobs_note(world, settings):
    """Candidate A is Amal Haddad, with her mobile number; bob's note to alice names her."""
    candidate_services.update_candidate(candidate=world.candidate_a, actor=world.alice, phone="+32 470 12 34 56")
    return send_note(world, settings, subject="Amal Haddad, Monday", text=NOTE)


def test_erasure_removes_the_person_from_a_colleagues_note(world, bobs_note):
    privacy.erase_candidate(candidate=world.candidate_a, actor=world.alice)

    note = Message.objects.get(pk=bobs_note.pk)
    assert note.context == {"subject": "[erased], Monday", "text": "Call [erased] at [erased] about Monday"}
    assert (note.subject, note.recipient_address) == ("[erased], Monday", "alice@example.org")
    assert "Call [erased] at [erased] about Monday" in note.body
    assert "Call [erased] at [erased] about Monday" in CapturedMail.objects.get().body
    assert mentions_left("Amal Haddad", "Haddad Amal", "Amal", phone="+32 470 12 34 56") == []
    assert world.candidate_a.audit_entries.filter(action="changed", place="erasure", actor=world.alice).count() == 1


def plant_in_every_searched_column(*texts: str) -> int:
    """Write the first of ``texts`` that fits into every searched column (``mentions.searched_fields``) of every row
    of every model — as a JSON object in a JSON column; returns how many values were written."""
    planted = 0
    for model in apps.get_models():
        for field in mentions.searched_fields(model):
            text = next((text for text in texts if len(text) <= (field.max_length or len(text))), None)
            if text is not None:
                value = {"note": text} if isinstance(field, models.JSONField) else text
                planted += model._base_manager.update(**{field.name: value})
    return planted


def test_erasure_removes_the_person_from_every_text_column_that_named_them(world, settings, sentinel_candidate):
    """Whatever the model — one added later too — a column where someone could write the person's name and
    number is searched."""
    send_note(world, settings, subject="Zyxwamal Zyxwhaddad", text=f"Bel Zyxwamal Zyxwhaddad op {PHONE}")
    assert plant_in_every_searched_column(f"{PHONE}: Zyxwhaddad, Zyxwamal", "Zyxwamal Zyxwhaddad") > 100

    privacy.erase_candidate(candidate=sentinel_candidate, actor=world.alice)

    assert mentions_left("Zyxwamal", "Zyxwhaddad", phone=PHONE) == []


def test_erasure_deletes_the_mail_captured_from_a_message_that_names_the_person_by_first_name_only(
    world, settings, sentinel_candidate
):
    settings.EMAIL_BACKEND = "jobroad.mail.CapturingEmailBackend"
    interview = Interview.objects.get(enrolment__candidate=sentinel_candidate)
    reminder = schedule_message(
        key="test:hr-reminder", event=f"interview:{interview.pk}", template="note",
        recipient=Recipient.for_user(world.hr_a), due_at=timezone.now(),
        context={"subject": "Gesprek", "text": "Gesprek met Zyxwamal om 10u"},
    )  # fmt: skip
    with TestCase.captureOnCommitCallbacks(execute=True):
        outbox.claim_due_messages()
    assert CapturedMail.objects.filter(message=reminder).count() == 1

    privacy.erase_candidate(candidate=sentinel_candidate, actor=world.alice)

    assert not CapturedMail.objects.filter(message=reminder).exists()
    assert Message.objects.filter(pk=reminder.pk).values_list("body", "context").get() == ("", {})
    assert mentions_left("Zyxwamal", "Zyxwhaddad", phone=PHONE) == []


def test_erasure_keeps_a_relative_who_shares_the_last_name_and_the_reception_centres_phone(world, bobs_note):
    candidate_services.update_candidate(candidate=world.candidate_b, actor=world.bob, phone="0470/12.34.56")
    to_yonas = services.write_note(
        author=world.bob, recipient=None, address="0470/12.34.56", channel="sms", subject="",
        text="Yonas Haddad, bring Amal Haddad on Monday", due_at=timezone.now() + timedelta(days=1),
    )  # fmt: skip

    privacy.erase_candidate(candidate=world.candidate_a, actor=world.alice)

    yonas = Candidate.objects.get(pk=world.candidate_b.pk)
    assert (yonas.first_name, yonas.last_name, yonas.phone) == ("Yonas", "Haddad", "0470/12.34.56")
    to_yonas.refresh_from_db()
    assert (to_yonas.status, to_yonas.recipient_address) == (MessageStatus.PENDING, "0470/12.34.56")
    assert to_yonas.context["text"] == "Yonas Haddad, bring [erased] on Monday"
    assert Message.objects.get(pk=bobs_note.pk).context["text"] == "Call [erased] at +32 470 12 34 56 about Monday"


def test_erasure_leaves_out_the_persons_row_of_a_pending_upload_and_keeps_the_others(world):
    rows = [
        {"number": 2, "cells": {"first_name": "Amal", "last_name": "Haddad"}, "extra": {}},
        {"number": 3, "cells": {"first_name": "Yonas", "last_name": "Haddad"}, "extra": {}},
    ]
    upload = PendingImport.objects.create(
        kind=ImportKind.CANDIDATES, owner=world.bob, campaign=world.campaign_b, organisation=world.intermediary_org_b,
        filename="intake.xlsx", rows=rows, expires_at=timezone.now() + timedelta(hours=1),
    )  # fmt: skip

    privacy.erase_candidate(candidate=world.candidate_a, actor=world.alice)

    assert PendingImport.objects.get(pk=upload.pk).rows == rows[1:]


def test_erasure_replaces_the_person_in_a_colleagues_encrypted_note_and_the_admins_log(world):
    contact = aftercare_services.log_coaching_contact(
        candidate=world.candidate_b, coach=world.coach_b, happened_on=date.today(), channel="phone", topic="housing",
        notes="Lives with his sister Amal Haddad", next_action="",
    )  # fmt: skip
    entry = LogEntry.objects.create(
        user=world.admin, content_type=ContentType.objects.get_for_model(Screening), object_id="1",
        object_repr="Screening of Amal Haddad", action_flag=CHANGE, change_message="Notes about Amal",
    )  # fmt: skip

    privacy.erase_candidate(candidate=world.candidate_a, actor=world.alice)

    assert CoachingContact.objects.get(pk=contact.pk).notes == "Lives with his sister [erased]"
    entry.refresh_from_db()
    assert (entry.object_repr, entry.change_message) == ("Screening of [erased]", "Notes about [erased]")
