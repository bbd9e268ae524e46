"""The printed project week, read back with pdftotext: a candidate's schedule in their own language (right to
left in Arabic script), the company's day sheet with blind profiles, the run sheet, and the one-click pack."""

from datetime import time

from django.urls import reverse

from campaigns.models import Interview
from campaigns.projectweek import documents
from campaigns.projectweek.phrases import KEYS, PHRASES
from candidates.choices import DOCUMENT_LANGUAGES
from candidates.models import ConsentPurpose
from candidates.services import withdraw_consent
from tests.language import ENGLISH
from tests.pdftext import compact, pdf_text


def pdf(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    return pdf_text(response.content)


def test_every_document_language_has_every_schedule_phrase():
    assert sorted(PHRASES) == sorted(DOCUMENT_LANGUAGES)
    assert {language: sorted(words) for language, words in PHRASES.items() if sorted(words) != sorted(KEYS)} == {}


def test_the_candidate_schedule_prints_in_arabic_right_to_left_with_the_published_times(
    client_for,
    world,
    published,
):
    interview = published[1]
    candidate = interview.enrolment.candidate
    candidate.preferred_language = "ar"
    candidate.save()

    text = pdf(client_for(world.alice).get(reverse("candidate_schedule", args=[interview.enrolment_id])))

    lines = [compact(line) for line in text.splitlines() if line.strip()]
    assert lines[0].endswith("JobRoad")  # the header runs right to left: JobRoad on the right
    # Words whose glyphs pdftotext maps back exactly (Arabic letters built from shared shapes do not survive):
    # the title, and the day with its Arabic month name.
    assert "أسبوعالمشروع" in compact(text) and "20أبريل2027" in compact(text)
    visit, start, end = "10:00", interview.starts_at.strftime("%H:%M"), interview.ends_at.strftime("%H:%M")
    assert visit in text and f"{start}–{end}" in text  # times in digits, left to right inside the line
    company_line = next(line for line in text.splitlines() if "Company A" in line)
    assert company_line.index("Company A") < company_line.index(visit)  # the time column stands on the right
    assert "Onthaal, Kaai 1" in text


def test_the_schedule_shows_what_was_published_not_an_unpublished_move(client_for, world, published):
    interview = published[-1]
    Interview.objects.filter(pk=interview.pk).update(starts_at=time(14), ends_at=time(14, 30))  # edited, not published

    text = pdf(client_for(world.alice).get(reverse("candidate_schedule", args=[interview.enrolment_id])))

    assert interview.published_starts_at.strftime("%H:%M") in text and "14:00" not in text


def test_the_schedule_asks_for_papers_and_the_sheet_not_food_as_lunch_is_counted(client_for, world, published):
    interview = published[0]
    candidate = interview.enrolment.candidate
    candidate.preferred_language = "en"
    candidate.save()

    text = pdf(client_for(world.alice).get(reverse("candidate_schedule", args=[interview.enrolment_id])))

    assert "Your identity document or residence card" in text and "This sheet" in text
    assert "to eat" not in text


def test_the_company_day_sheet_has_times_and_blind_profiles_only(client_for, world, published):
    participation = published[0].participation
    url = reverse("company_day_sheet", args=[participation.pk])

    text = pdf(client_for(world.hr_a).get(url, headers=ENGLISH))

    assert "Guided visit at 10:00 (60 minutes) for 3 candidates" in text
    assert [i.starts_at.strftime("%H:%M") for i in published] == ["11:00", "11:30", "12:00"]
    assert all(i.starts_at.strftime("%H:%M") in text for i in published)
    assert "Blind profiles" in text
    assert "Haddad" not in text  # no last names
    assert client_for(world.hr_b).get(url).status_code == 404


def test_the_pack_holds_run_sheet_company_sheets_and_every_schedule(client_for, world, published):
    tigrinya = published[0].enrolment.candidate
    tigrinya.preferred_language = "ti"
    tigrinya.save()
    documents_before = documents.candidate_schedules(world.campaign_a)

    response = client_for(world.alice).get(reverse("project_week_pack", args=[world.campaign_a.pk]), headers=ENGLISH)

    text = pdf(response)
    assert "Run sheet" in text and "Transport groups" in text
    assert text.count("Blind profiles") == 1
    assert compact(text).count(compact(PHRASES["nl"]["title"])) == 2  # two Dutch schedules
    assert compact(PHRASES["ti"]["title"]) in compact(text)
    assert len(documents_before) == 3
    assert client_for(world.bob).get(reverse("project_week_pack", args=[world.campaign_a.pk])).status_code == 404


def test_the_pack_before_publication_explains_instead_of_failing(client_for, world, week):
    response = client_for(world.alice).get(
        reverse("project_week_pack", args=[world.campaign_a.pk]), headers=ENGLISH, follow=True
    )

    assert "Nothing to print yet: publish the schedule first." in response.content.decode()


def test_a_candidate_who_withdrew_consent_drops_off_hrs_day_sheet(client_for, world, published):
    gone = published[0].enrolment.candidate
    withdraw_consent(candidate=gone, purpose=ConsentPurpose.SHARE_PROFILE, actor=world.alice)
    url = reverse("company_day_sheet", args=[published[0].participation_id])

    hr = pdf(client_for(world.hr_a).get(url, headers=ENGLISH))
    coordinator = pdf(client_for(world.alice).get(url, headers=ENGLISH))

    assert gone.first_name not in hr and "for 2 candidates" in hr
    assert gone.first_name in coordinator  # the coordinator still plans with the whole day
