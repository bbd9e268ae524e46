"""Languages in imported spreadsheets (companies.imports, campaigns.intake.imports): written as people write them —
"Nederlands", "néerlandais", "Dutch", "Dari", "دری" — they are saved as the platform's language codes; a name no
language goes by is a row error that says what is taken, and nothing of the file is saved."""

import pytest
from django.urls import reverse

from candidates.models import Candidate
from companies.models import Vacancy
from jobroad import imports

from .files import (
    CANDIDATE_HEADER,
    LOW,
    REFUGEE,
    VACANCY_HEADER,
    csv_upload,
    pending_of,
    titles,
    upload_candidates,
    upload_vacancies,
)

UNKNOWN_LANGUAGE = (
    "“Klingon” is not a language we know. Write its name in Dutch, French or English, its own name or its code, "
    "e.g. Nederlands, néerlandais, Dutch or nl; Dari, دری or prs."
)


def vacancy_file(*languages: tuple[str, str]):
    rows = [f"Job {number};1;;;nee;{language};{level}" for number, (language, level) in enumerate(languages, 1)]
    return csv_upload("\n".join([VACANCY_HEADER, *rows]) + "\n")


def test_a_vacancys_language_is_imported_by_the_name_people_type_as_its_code(hr, world):
    typed = [("Nederlands", "A2"), ("néerlandais", "a2 "), ("Dutch", "B1"), ("Dari", "A1"), ("دری", "b2"), ("fr", "C1")]
    upload_vacancies(hr, world, vacancy_file(*typed))

    hr.post(reverse("import_confirm", kwargs={"pk": pending_of(world.hr_a).pk}))

    saved = Vacancy.objects.filter(title__startswith="Job ").order_by("title")
    assert list(saved.values_list("title", "language", "language_level")) == [
        ("Job 1", "nl", "A2"),
        ("Job 2", "nl", "A2"),
        ("Job 3", "nl", "B1"),
        ("Job 4", "prs", "A1"),
        ("Job 5", "prs", "B2"),
        ("Job 6", "fr", "C1"),
    ]


def test_an_unknown_language_is_a_row_error_that_names_what_is_taken_and_nothing_is_imported(hr, world):
    upload_vacancies(hr, world, vacancy_file(("Nederlands", "A2"), ("Klingon", "B1")))
    pending = pending_of(world.hr_a)

    page = hr.get(reverse("import_preview", kwargs={"pk": pending.pk}))
    confirmed = hr.post(reverse("import_confirm", kwargs={"pk": pending.pk}))

    preview = page.context["preview"]
    assert [(row.number, row.errors) for row in preview.error_rows] == [
        (
            3,
            [
                ("F · Taal", UNKNOWN_LANGUAGE),
                ("G · Taalniveau", "Give the language and its level together, or neither."),
            ],
        )
    ]
    assert not preview.can_confirm
    assert UNKNOWN_LANGUAGE in page.content.decode()
    assert confirmed.url == reverse("import_preview", kwargs={"pk": pending.pk})
    assert titles(world.company_a) == [world.vacancy_a.title]


@pytest.mark.parametrize(
    ("spoken", "document", "languages", "preferred"),
    [
        ("العربية C2; Nederlands a2", "العربية", [("ar", "C2"), ("nl", "A2")], "ar"),
        ("دری B1, néerlandais A1", "Dari", [("nl", "A1"), ("prs", "B1")], "prs"),
        ("Arabic: C1; Dutch (A2)", "arabe", [("ar", "C1"), ("nl", "A2")], "ar"),
    ],
)
def test_a_candidates_languages_are_imported_by_the_names_people_type(
    intermediary, world, centre, spoken, document, languages, preferred
):
    file = csv_upload(
        f"{CANDIDATE_HEADER};Taal voor documenten\n"
        f'Samira;Ahmadi;1994;AF;{REFUGEE};{LOW};Opvangcentrum Heidedorp;"{spoken}";{document}\n',
        name="kandidaten.csv",
    )
    upload_candidates(intermediary, world, file)

    intermediary.post(reverse("import_confirm", kwargs={"pk": pending_of(world.intermediary_a).pk}))

    samira = Candidate.objects.get(first_name="Samira")
    assert sorted(samira.languages.values_list("language", "level")) == languages
    assert samira.preferred_language == preferred


def test_a_candidates_unknown_language_is_a_row_error_and_nobody_is_registered(intermediary, world, centre):
    file = csv_upload(
        f"{CANDIDATE_HEADER};Taal voor documenten\n"
        f"Samira;Ahmadi;1994;AF;{REFUGEE};{LOW};Opvangcentrum Heidedorp;Klingon B1;Klingon\n",
        name="kandidaten.csv",
    )
    upload_candidates(intermediary, world, file)

    preview = imports.preview_import(pending_of(world.intermediary_a))

    assert [(row.number, row.errors) for row in preview.error_rows] == [
        (2, [("H · Talen", UNKNOWN_LANGUAGE), ("I · Taal voor documenten", UNKNOWN_LANGUAGE)])
    ]
    assert not Candidate.objects.filter(first_name="Samira").exists()
