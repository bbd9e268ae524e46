"""The demo data shows what the candidate pages can do."""

from io import StringIO

from django.core.management import call_command

from candidates.models import Candidate, Consent, ConsentAction, ConsentPurpose


def test_demo_candidates_have_profiles_languages_and_consent_history(db):
    call_command("seed_demo", stdout=StringIO())

    candidates = Candidate.objects.all()
    withdrawn = Consent.objects.filter(purpose=ConsentPurpose.SHARE_PROFILE, action=ConsentAction.WITHDRAWN)
    assert candidates.count() == 60
    assert candidates.filter(reference_number="").count() == 0
    assert candidates.filter(languages__isnull=True).count() == 0
    assert withdrawn.count() > 0
    assert sum(candidate.may_share_with_companies for candidate in candidates) == 60 - 6 - withdrawn.count()
    assert {candidate.preferred_language for candidate in candidates} >= {"ar", "prs", "ps", "ti", "so", "uk"}
