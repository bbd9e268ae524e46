"""Markup typed into a name, an experience summary, a company name or a vacancy title stays text wherever it is
shown again: in the outbox's mails (HTML part escaped, text part shown escaped in the outbox) and in every printed
document, where WeasyPrint reads it as words and fetches nothing but our bundled static files."""

import pytest
from django.urls import reverse
from django.utils import timezone

from candidates.services import update_candidate
from jobroad import channels, pdf
from jobroad import services as jobroad_services
from jobroad.models import Message
from tests.access_matrix import MATRIX
from tests.access_objects import sessions_of
from tests.pdftext import compact, pdf_text

PAYLOAD = '<img src="http://evil.example/x"><script>alert(1)</script>'
ESCAPED = "&lt;img src=&quot;http://evil.example/x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
RAW = ["<script>alert(1)", '<img src="http://evil.example']


@pytest.fixture
def fetched(monkeypatch) -> list[str]:
    """Every URL WeasyPrint asks for while the test runs."""
    urls = []
    original = pdf.bundled_assets_only

    def recording():
        fetcher = original()
        refuse_or_serve = fetcher.fetch

        def fetch(url, headers=None):
            urls.append(url)
            return refuse_or_serve(url, headers)

        fetcher.fetch = fetch
        return fetcher

    monkeypatch.setattr(pdf, "bundled_assets_only", recording)
    return urls


@pytest.fixture
def hostile(world):
    """The payload in candidate A's names, experience and availability, the names of company A, intermediary A, their
    people and coach A, vacancy A's title, campaign A's name, the meeting point and a workshop place — before the
    project week is planned and published, so every message and document holds it."""
    update_candidate(
        candidate=world.candidate_a, actor=world.alice, first_name=f"Amal{PAYLOAD}", last_name=f"Haddad{PAYLOAD}",
        experience_summary=f"Lasser {PAYLOAD}", availability_note=f"Ramadan {PAYLOAD}",
    )  # fmt: skip
    for person in (world.hr_a, world.intermediary_a, world.coach_a):
        person.full_name = f"{person.full_name} {PAYLOAD}"
        person.save()
    world.intermediary_org_a.name = f"Werkwinkel {PAYLOAD}"
    world.intermediary_org_a.save()
    participation = world.campaign_a.participations.get(company=world.company_a)
    participation.meeting_point = f"Onthaal {PAYLOAD}"
    participation.save()
    organisation = world.company_a.organisation
    organisation.name = f"Bakkerij {PAYLOAD}"
    organisation.save()
    world.vacancy_a.title = f"Magazijnier {PAYLOAD}"
    world.vacancy_a.save()
    world.campaign_a.name = f"Actie {PAYLOAD}"
    world.campaign_a.save()
    session = sessions_of(world)[0]
    session.place = f"Zaal {PAYLOAD}"
    session.save()
    return world


def assert_literal(text: str) -> None:
    """The payload is read back as the characters typed (a PDF wraps lines, so spacing is ignored)."""
    assert compact(PAYLOAD) in compact(text)


# --- Pages -------------------------------------------------------------------------------------------------------

READERS = ["alice", "hr_a", "intermediary_a", "coach_a", "funder_viewer", "admin", "bob", "hr_b", "intermediary_b",
           "coach_b"]  # fmt: skip


@pytest.mark.parametrize("case", [case for case in MATRIX if case.method == "get"], ids=str)
def test_no_page_shows_typed_markup_raw(client_for, hostile, case):
    reader = next(role for role in READERS if role in case.allowed)
    client = client_for(getattr(hostile, reader))

    response = client.get(reverse(case.name, kwargs=case.kwargs(hostile)))

    assert response.status_code == case.allowed_status
    body = response.content.decode() if "text/html" in response["Content-Type"] else ""
    assert [raw for raw in RAW if raw in body] == []


def test_the_pages_do_show_the_payload_as_text(client_for, hostile):
    """The walk above proves something only if the pages show the typed text: escaped, here in every field."""
    page = client_for(hostile.alice).get(reverse("candidate_detail", args=[hostile.candidate_a.pk])).content.decode()

    assert page.count(ESCAPED) >= 5  # names, experience, availability, intermediary, coach


# --- Mails ---------------------------------------------------------------------------------------------------------


def test_published_schedule_mails_escape_the_payload_in_their_html(hostile, published):
    rendered = [channels.render(message) for message in Message.objects.filter(campaign=hostile.campaign_a)]

    with_payload = [mail for mail in rendered if ESCAPED in mail.html or PAYLOAD in mail.text]
    assert len(with_payload) >= 3  # the candidate's, the intermediary's and HR's news at least
    assert [mail.subject for mail in rendered if any(raw in mail.html for raw in RAW)] == []


def test_an_invitation_mail_escapes_the_invited_persons_name(world):
    jobroad_services.invite_person(
        organisation=world.intermediary_org_a, email="new@example.org", full_name=f"Nieuw {PAYLOAD}",
        role="intermediary", invited_by=world.alice,
    )  # fmt: skip

    mail = channels.render(Message.objects.get(template="invitation"))

    assert ESCAPED in mail.html
    assert not any(raw in mail.html for raw in RAW)
    assert PAYLOAD in mail.text  # plain text is not markup: the name as typed


def test_the_outbox_shows_a_mails_text_escaped(client_for, hostile, published):
    messages = Message.objects.filter(campaign=hostile.campaign_a, template="interview_scheduled")
    message = next(message for message in messages if PAYLOAD in channels.render(message).text)

    page = client_for(hostile.alice).get(reverse("message_detail", args=[message.pk])).content.decode()

    assert ESCAPED in page
    assert not any(raw in page for raw in RAW)


def test_the_text_part_of_a_mail_is_not_marked_safe_for_html(hostile, published):
    from django.utils.safestring import SafeData

    message = Message.objects.filter(campaign=hostile.campaign_a).first()

    rendered = channels.render(message)

    assert not isinstance(rendered.text, SafeData)
    assert not isinstance(rendered.subject, SafeData)


def test_a_line_break_in_a_name_neither_adds_a_header_nor_stops_the_mail(world, mailoutbox):
    message = Message.objects.create(
        key="test:newline", template="note", recipient_name="Evil\r\nBcc: spy@evil.example",
        recipient_address="sara@example.org", due_at=timezone.now(), context={"subject": "Hallo", "text": "Tot morgen"},
    )  # fmt: skip

    channels.send(message, channels.render(message))

    sent = mailoutbox[0].message()
    assert sent["Bcc"] is None
    assert sent["To"] == '"Evil Bcc: spy@evil.example" <sara@example.org>'


# --- Printed documents ---------------------------------------------------------------------------------------------


def test_the_candidates_schedule_prints_the_payload_as_text_and_fetches_nothing(
    client_for,
    hostile,
    published,
    fetched,
):
    interview = next(i for i in published if i.enrolment.candidate_id == hostile.candidate_a.pk)

    response = client_for(hostile.alice).get(reverse("candidate_schedule", args=[interview.enrolment_id]))

    assert_literal(pdf_text(response.content))
    assert_only_bundled_assets(fetched)


def test_the_company_day_sheet_prints_names_titles_and_experience_as_text(
    client_for,
    hostile,
    published,
    fetched,
):
    response = client_for(hostile.hr_a).get(reverse("company_day_sheet", args=[published[0].participation_id]))

    text = pdf_text(response.content)
    assert compact(f"Lasser{PAYLOAD}") in compact(text)  # the blind profile's experience
    assert compact(PAYLOAD) in compact(text.replace("Lasser", "", 1))  # and again: a name or a title
    assert_only_bundled_assets(fetched)


def test_the_funder_report_prints_a_campaign_name_as_text(client_for, hostile, fetched):
    response = client_for(hostile.alice).get(reverse("report_pdf"), {"campaign": hostile.campaign_a.pk})

    assert_literal(pdf_text(response.content))
    assert_only_bundled_assets(fetched)


def test_the_consent_form_prints_the_candidates_name_as_text(client_for, hostile, fetched):
    response = client_for(hostile.intermediary_a).get(
        reverse("candidate_consent_form", args=[hostile.candidate_a.pk]), {"language": "nl"}
    )

    assert_literal(pdf_text(response.content))
    assert_only_bundled_assets(fetched)


def test_the_attendance_sheet_prints_names_and_place_as_text(client_for, hostile, fetched):
    response = client_for(hostile.alice).get(reverse("attendance_sheet", args=[sessions_of(hostile)[0].pk]))

    assert_literal(pdf_text(response.content))
    assert_only_bundled_assets(fetched)


def assert_only_bundled_assets(urls: list[str]) -> None:
    assert urls  # the print stylesheet and fonts at least: the recorder is in place
    assert [url for url in urls if not url.startswith(pdf.STATIC_BASE + "static/")] == []


def test_markup_that_did_reach_a_document_fetches_nothing_outside_and_still_prints(tmp_path, settings, fetched):
    """Were a template ever to print the payload unescaped, the image would be refused, not fetched."""
    template = tmp_path / "raw.html"
    template.write_text(
        '{% extends "pdf/base.html" %}{% block content %}<p>Voor</p>'
        '<img src="http://evil.example/x"><link rel="stylesheet" href="file:///etc/passwd">'
        '<img src="/static/../../jobroad/settings.py"><p>Na</p>{% endblock %}'
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}]

    text = pdf_text(pdf.render_pdf("raw.html", {}, language="nl"))

    assert "Voor" in text and "Na" in text
    assert "http://evil.example/x" in fetched  # asked for, and refused by the fetcher
    with pytest.raises(pdf.AssetRefused):
        pdf.bundled_assets_only().fetch("http://evil.example/x")
    with pytest.raises(pdf.AssetRefused):
        pdf.bundled_asset_path("https://static.invalid/static/../../jobroad/settings.py")
