"""The .ics files (jobroad/channels.py): an invitation names its organiser, a download does not."""

import icalendar

from jobroad.channels import calendar_file, calendar_invitation

EVENT = {
    "uid": "interview-42@jobroad.example",
    "start": "2026-12-01T09:00:00+01:00",
    "end": "2026-12-01T09:30:00+01:00",
    "summary": "Interview",
    "location": "Kaai 1",
}


def only_event(ics: bytes) -> icalendar.Event:
    [event] = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    return event


def test_an_invitation_names_jobroads_from_address_as_its_organizer(settings):
    settings.DEFAULT_FROM_EMAIL = "JobRoad <noreply@jobroad.example.org>"

    event = only_event(calendar_invitation(EVENT, "amal@example.org"))

    assert str(event["organizer"]) == "mailto:noreply@jobroad.example.org"
    assert event["organizer"].params["cn"] == "JobRoad"
    assert str(event["attendee"]) == "mailto:amal@example.org"


def test_a_download_to_add_to_a_calendar_has_no_organizer():
    calendar = icalendar.Calendar.from_ical(calendar_file(EVENT))

    assert str(calendar["method"]) == "PUBLISH"
    assert "organizer" not in calendar.walk("VEVENT")[0]
