"""Every message kind renders in every UI language, with subject, text and HTML parts."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from jobroad import channels
from jobroad.models import Message

AT = datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("Europe/Brussels"))
EVENT = {
    "uid": "x@jobroad.example",
    "start": AT.isoformat(),
    "end": (AT + timedelta(hours=1)).isoformat(),
    "summary": "Kennismaking <b>Hotel Zeezicht</b>",
    "location": "Zeedijk 5",
}
KINDS = {
    "note": {"subject": "Welkom", "text": "Tot <script>dinsdag</script>"},
    "workshop_reminder": {"event": EVENT},
    "interview_reminder": {"event": EVENT},
    "interview_scheduled": {
        "event": {**EVENT, "interview": (AT + timedelta(minutes=90)).isoformat(), "candidate": "Amal"}
    },
    "interview_cancelled": {"event": {**EVENT, "interview": (AT + timedelta(minutes=90)).isoformat()}},
    "evaluation_request": {"event": EVENT, "link": "/evaluations/1/"},
    "checkin_due": {"event": EVENT, "link": "/"},
    "checkin_overdue": {"event": EVENT, "link": "/"},
    "checkin_employer": {"event": {"summary": "Amal · <b>Hotel</b>", "start": AT.isoformat()}, "check_in": 1},
    "checkin_at_risk": {"event": {"summary": "Amal · <b>Hotel</b>", "start": AT.isoformat()}, "link": "/p/1/"},
    "evaluation_escalation": {"event": EVENT, "link": "/evaluations/1/"},
    "transport_pickup": {
        "departs_at": AT.isoformat(),
        "place": "<b>Hotel</b> gate",
        "centre": "Heidebloem",
        "audience": "candidate",
        "candidate": "Amal",
        "aboard": True,
    },
    "candidate_no_show": {
        "event": {**EVENT, "interview": (AT + timedelta(minutes=90)).isoformat(), "candidate": "Amal"},
        "audience": "hr",
    },
    "reserve_offer": {
        "event": {**EVENT, "interview": (AT + timedelta(minutes=90)).isoformat(), "candidate": "Amal"},
        "audience": "candidate",
    },
    "referral_agency": {"referral": 1, "organisation": "Flexwerk <b>Interim</b>"},
    "referral_answered": {"event": {"summary": "Flexwerk <b>Interim</b>", "start": AT.isoformat()}, "link": "/r/1/"},
    "invitation": {
        "invitation": 1,
        "organisation": "OCMW",
        "role": "Doorverwijzer",
        "expires_at": AT.isoformat(),
    },
}
GREETING = {"nl": "Hallo Sara", "fr": "Bonjour Sara", "en": "Hello Sara"}


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
@pytest.mark.parametrize("template", sorted(KINDS))
def test_every_message_kind_renders_in_every_language(template, language):
    message = Message(key="k", template=template, language=language, recipient_name="Sara", context=KINDS[template])

    rendered = channels.render(message)

    assert rendered.subject and "\n" not in rendered.subject
    assert "&lt;" not in rendered.subject  # plain text: nothing to escape
    assert rendered.calendar == b""  # only a reminder rule that asks for it attaches an .ics
    assert GREETING[language] in rendered.text
    assert GREETING[language] in rendered.html
    assert "<script>" not in rendered.html and "<b>Hotel" not in rendered.html  # the HTML part escapes
    if template.endswith(("_reminder", "_scheduled")):
        assert "10:00" in rendered.text
    if template in ("interview_scheduled", "interview_cancelled"):
        assert "11:30" in rendered.text


def test_a_candidate_language_without_a_catalogue_uses_its_own_wording(settings, tmp_path):
    override = tmp_path / "messages" / "note" / "ti"
    override.mkdir(parents=True)
    (override / "sms.txt").write_text("ሰላም {{ recipient_name }}: {{ text }}")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]

    def sms(language):
        return Message(key="k", template="note", channel="sms", language=language, recipient_name="Selam",
                       context={"text": "ሰኑይ"})  # fmt: skip

    assert channels.render(sms("ti")).text == "ሰላም Selam: ሰኑይ"
    assert channels.render(sms("nl")).text == "ሰኑይ"
