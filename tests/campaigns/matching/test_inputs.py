"""The matching engine's input from the database (campaigns.matching.inputs): a vacancy's language as HR typed it in a
spreadsheet, and its company's sector, reach the engine as the codes the candidates' languages and wishes use, so the
engine gives the right reason."""

from importlib import import_module

from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile

from campaigns.matching.inputs import matching_input
from campaigns.matching.scoring import exclusions, score
from candidates.models import CandidateLanguage
from companies.models import Company, Site
from companies.sectors import Sector
from jobroad import imports
from jobroad.models import ImportKind
from tests.factories import matchable


def import_vacancy(world, language: str, level: str) -> int:
    """HR of company A imports one vacancy asking ``language`` at ``level``; its id."""
    Site.objects.create(company=world.company_a, name="Magazijn", street="Kaai 1", postal_code="9000", city="Gent")
    upload = SimpleUploadedFile("vacatures.csv", f"Functie;Taal;Taalniveau\nOrderpicker;{language};{level}\n".encode())
    pending = imports.start_import(kind=ImportKind.VACANCIES, owner=world.hr_a, upload=upload, company=world.company_a)
    imports.confirm_import(pending=pending, actor=world.hr_a, include_flagged=True)
    return world.company_a.vacancies.get(title="Orderpicker").pk


def pair_of(world, vacancy_id: int):
    """The reasons and the exclusions of candidate A (Dutch A1, selected, consenting) and the vacancy, as the engine
    sees them."""
    problem = matching_input(world.campaign_a).problem
    candidate = next(c for c in problem.candidates if c.id == world.candidate_a.pk)
    vacancy = next(v for v in problem.vacancies if v.id == vacancy_id)
    return score(candidate, vacancy, problem.settings), exclusions(candidate, vacancy, problem.settings)


def test_a_vacancy_asking_nederlands_b1_excludes_a_dutch_a1_candidate_for_a_level_too_low(world):
    matchable(world, world.candidate_a)
    CandidateLanguage.objects.create(candidate=world.candidate_a, language="nl", level="A1")
    vacancy_id = import_vacancy(world, "Nederlands", "B1")

    pair, constraints = pair_of(world, vacancy_id)

    language = [reason for reason in pair.reasons if reason.code.startswith("language")]
    assert [(reason.code, dict(reason.params)) for reason in language] == [
        ("language_below", {"language": "nl", "level": "A1", "required": "B1"})
    ]
    assert constraints == ("language_level",)


def test_a_vacancy_asking_nederlands_a1_takes_a_dutch_a1_candidate(world):
    matchable(world, world.candidate_a)
    CandidateLanguage.objects.create(candidate=world.candidate_a, language="nl", level="A1")
    vacancy_id = import_vacancy(world, "Nederlands", "a1")

    pair, constraints = pair_of(world, vacancy_id)

    assert [reason.code for reason in pair.reasons if reason.code.startswith("language")] == ["language_at"]
    assert "language_level" not in constraints


def wish_reasons(world) -> list[tuple[str, dict]]:
    pair, _constraints = pair_of(world, world.vacancy_a.pk)
    return [
        (reason.code, dict(reason.params)) for reason in pair.reasons if reason.code.startswith(("wish", "no_wish"))
    ]


def test_a_candidate_who_wishes_the_companys_sector_gets_the_wish_points(world):
    matchable(world, world.candidate_a)
    world.candidate_a.desired_sectors = [Sector.CARE]
    world.candidate_a.save(update_fields=["desired_sectors"])
    Company.objects.filter(pk=world.company_a.pk).update(sector=Sector.CARE)

    assert wish_reasons(world) == [("wish_sector", {"sector": "care"})]


def test_a_sector_typed_before_the_list_gives_the_wish_points_once_migrated(world):
    matchable(world, world.candidate_a)
    world.candidate_a.desired_sectors = [Sector.CARE]
    world.candidate_a.save(update_fields=["desired_sectors"])
    Company.objects.filter(pk=world.company_a.pk).update(sector="Zorg")  # free text, as saved before the list

    import_module("companies.migrations.0009_company_sector_choice").sector_names_to_codes(apps, None)

    assert wish_reasons(world) == [("wish_sector", {"sector": "care"})]
