"""Words and formats (issue 25, item 7): English dates day first, no raw codes on the pages — a language code, a
message template's name, a MIME-encoded name."""

import re
from datetime import date, datetime
from pathlib import Path

from django.conf import settings
from django.template import Context, Template
from django.urls import reverse
from django.utils import formats, translation

from jobroad.message_kinds import MESSAGE_KINDS
from jobroad.models import CapturedMail, Message
from tests.language import ENGLISH

TEMPLATES = Path(settings.BASE_DIR) / "templates"


def test_english_dates_read_day_first_and_every_language_writes_short_dates_alike():
    day, moment = date(2026, 12, 6), datetime(2026, 12, 6, 14, 5)

    with translation.override("en"):
        english = (formats.date_format(day, "SHORT_DATE_FORMAT"), formats.date_format(day),
                   formats.date_format(moment, "DATETIME_FORMAT"))  # fmt: skip
    short = {}
    for language in ("nl", "fr", "en"):
        with translation.override(language):
            short[language] = formats.date_format(day, "SHORT_DATE_FORMAT")

    assert english == ("06/12/2026", "6 December 2026", "6 December 2026 14:05")
    assert set(short.values()) == {"06/12/2026"}


def test_no_template_writes_a_date_month_first_or_with_abbreviated_months():
    literal = re.compile(r'\|date:"([^"]*)"')
    found = {
        (path.relative_to(TEMPLATES).as_posix(), fmt)
        for path in TEMPLATES.rglob("*.html")
        for fmt in literal.findall(path.read_text())
        if re.search(r"[mn][/.-][dj]|\bM\b", fmt)
    }

    assert found == set()


def test_a_language_code_is_shown_as_the_languages_name():
    rendered = Template("{% load words %}{{ code|language_name }}|{{ empty|language_name|default:'—' }}")

    with translation.override("en"):
        text = rendered.render(Context({"code": "prs", "empty": ""}))

    assert text == "Dari|—"


def test_every_message_kind_has_a_name_in_words():
    folders = {path.name for path in (TEMPLATES / "messages").iterdir() if path.is_dir()}

    assert sorted(folders - set(MESSAGE_KINDS)) == []


def test_a_message_without_a_subject_is_titled_by_its_kind(client_for, world):
    due = datetime(2026, 12, 6, 9, 0).astimezone()
    message = Message.objects.create(key="k", template="interview_reminder", channel="sms", recipient_name="Amal",
                                     recipient_address="+32470000000", due_at=due)  # fmt: skip

    page = client_for(world.admin).get(reverse("message_list"), headers=ENGLISH).content.decode()

    with translation.override("en"):
        assert message.title == "Interview reminder"
    assert "Interview reminder" in page and "interview_reminder<" not in page


def test_the_mail_list_shows_names_as_written_not_mime_encoded(client_for, world):
    CapturedMail.objects.create(recipients="=?utf-8?q?Ko=C3=ABn_Peeters?= <koen@example.org>, Sara <s@example.org>",
                                subject="Welkom", body="…")  # fmt: skip

    page = client_for(world.admin).get(reverse("mail_list")).content.decode()

    assert "Koën Peeters &lt;koen@example.org&gt;, Sara &lt;s@example.org&gt;" in page
    assert "=?utf-8?" not in page
