"""The registration form as an intermediary fills it in, and the page it is posted to: shared by the candidate
view tests (tests/candidates/test_views.py, test_registration_details.py, test_variants.py)."""

from django.urls import reverse


def registration(world, **overrides) -> dict:
    """What an intermediary types into the registration form."""
    data = {
        "first_name": "Samir",
        "last_name": "Khalil",
        "reference_number": "HB-0042",
        "gender": "man",
        "birth_year": "1994",
        "nationality": "SY",
        "residence_status": "asylum_applicant",
        "asylum_application_date": "2026-01-10",
        "postal_code": "9000",
        "city": "Gent",
        "preferred_language": "ar",
        "phone": "+32 470 12 34 56",
        "education_level": "medium",
        "experience_summary": "Tailor for six years in Aleppo.",
        "desired_sectors": ["industry", "cleaning"],
        "available_shifts": ["day", "early"],
        "target_group": "asylum_applicants",
        "registered_by": str(world.intermediary_org_a.pk),
        "languages-TOTAL_FORMS": "3",
        "languages-INITIAL_FORMS": "0",
        "languages-MIN_NUM_FORMS": "0",
        "languages-MAX_NUM_FORMS": "12",
        "languages-0-language": "ar",
        "languages-0-level": "C2",
        "languages-1-language": "nl",
        "languages-1-level": "A2",
        "share_profile": "on",
        "contact": "on",
    }
    return {key: value for key, value in (data | overrides).items() if value is not None}


def register_url(campaign) -> str:
    return reverse("candidate_register", kwargs={"campaign_pk": campaign.pk})
