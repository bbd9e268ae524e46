"""What an SMS costs (jobroad.sms, issue 20 part 4): GSM-7 at 160 characters, 153 per part of a longer one, with the
extension table counting twice; UCS-2 at 70 and 67 as soon as one character is outside the GSM alphabet — which the
direction marks of every right-to-left message are. The outbox shows it on an SMS's page."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from jobroad import channels
from jobroad.models import Channel, Message
from jobroad.sms import GSM7, UCS2, SmsCost, sms_cost

RLM, ISOLATE, POP = "\u200f", "\u2068", "\u2069"


@pytest.mark.parametrize(
    ("text", "cost"),
    [
        ("", SmsCost(GSM7, 0, 1)),
        ("a" * 160, SmsCost(GSM7, 160, 1)),
        ("a" * 161, SmsCost(GSM7, 161, 2)),
        ("a" * 306, SmsCost(GSM7, 306, 2)),
        ("a" * 307, SmsCost(GSM7, 307, 3)),
        ("Ça coute 5 € à Gent: {ok}", SmsCost(GSM7, 28, 1)),
        ("a" * 158 + "€", SmsCost(GSM7, 160, 1)),
        ("a" * 159 + "€", SmsCost(GSM7, 161, 2)),
        ("ي" * 70, SmsCost(UCS2, 70, 1)),
        ("ي" * 71, SmsCost(UCS2, 71, 2)),
        ("a" * 69 + "ç", SmsCost(UCS2, 70, 1)),  # ç is not GSM (only Ç is): the whole text is UCS-2
        ("😀" * 35, SmsCost(UCS2, 70, 1)),  # beyond the BMP: two units each
    ],
)
def test_the_encoding_and_segments_of_a_text(text, cost):
    assert sms_cost(text) == cost


def test_an_escape_pair_is_never_split_between_parts():
    # 152 characters then €: the pair does not fit in the first part's 153rd septet, so it starts the second.
    assert sms_cost("a" * 152 + "€" + "a" * 152).segments == 3
    assert sms_cost("a" * 151 + "€" + "a" * 153).segments == 2


def test_a_single_direction_mark_makes_a_latin_text_ucs2():
    assert sms_cost(RLM + "Tot maandag").encoding == UCS2


def test_an_arabic_reminder_with_its_marks_is_ucs2_and_the_marks_count():
    text = (
        f"{RLM}مرحبا مريم، مقابلة عمل في {ISOLATE}De Polder NV{POP} يوم الأربعاء 17/3 الساعة 10:00، "
        f"{ISOLATE}Kaai 1, Gent{POP}."
    )

    cost = sms_cost(text)

    assert (cost.encoding, cost.units, cost.segments) == (UCS2, len(text), 2)
    assert len(text) > 70
    assert sms_cost(text.replace(RLM, "").replace(ISOLATE, "").replace(POP, "")).units == len(text) - 5


def test_the_composed_arabic_sms_of_an_interview_is_counted_as_ucs2():
    message = Message(
        key="k",
        template="interview_reminder",
        language="ar",
        channel=Channel.SMS,
        recipient_name="Yousef",
        recipient_address="+32470000000",
        due_at=datetime(2027, 3, 1, tzinfo=UTC),
        context={
            "audience": "candidate",
            "event": {
                "uid": "interview-1@jobroad.test",
                "start": "2027-03-17T10:00:00+01:00",
                "end": "2027-03-17T11:30:00+01:00",
                "interview": "2027-03-17T11:00:00+01:00",
                "summary": "De Polder NV",
                "location": "Kaai 1, Gent",
            },
        },
    )

    text = channels.render(message).text

    assert sms_cost(text).encoding == UCS2
    assert sms_cost(text).units == len(text.encode("utf-16-le")) // 2


def note_in_outbox(text: str, channel: str = Channel.SMS) -> Message:
    return Message.objects.create(
        key=f"note:{Message.objects.count()}",
        template="note",
        channel=channel,
        recipient_name="Yousef",
        recipient_address="+32470123456" if channel == Channel.SMS else "yousef@example.org",
        due_at=timezone.now() + timedelta(hours=1),
        context={"subject": "Maandag", "text": text},
    )


def test_the_outbox_shows_what_an_sms_costs(client_for, world):
    message = note_in_outbox("ي" * 71)

    response = client_for(world.admin).get(reverse("message_detail", kwargs={"pk": message.pk}))

    assert response.context["sms_cost"] == SmsCost(UCS2, 71, 2)
    assert 'data-sms-segments="2" data-sms-encoding="UCS-2"' in response.content.decode()


def test_an_email_shows_no_segments(client_for, world):
    message = note_in_outbox("Tot maandag", channel=Channel.EMAIL)

    response = client_for(world.admin).get(reverse("message_detail", kwargs={"pk": message.pk}))

    assert response.context["sms_cost"] is None
    assert "data-sms-segments" not in response.content.decode()
