"""``manage.py import_esco`` on small files in the exact column layout of the ESCO v1.1/v1.2 CSV download
(tests/companies/esco/: fictional rows, quoted cells spanning lines, an unrelated ISCOGroups file beside them)."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from companies.models import Competence, CompetenceKind, Occupation

SAMPLES = Path(__file__).parent / "esco"
DOWNLOAD = SAMPLES / "download"
ESCO = "http://data.europa.eu/esco/"
FORKLIFT = f"{ESCO}occupation/5c1f0e1a-7b3d-4a52-9e0b-3f6d8a21c4e7"
KITCHEN = f"{ESCO}occupation/a8e2b6c4-1d0f-4c39-8b7e-92f4e0d1a6b3"
HACCP = f"{ESCO}skill/3d5f7a9b-1c2e-4f40-8a6b-c8d0e2f4a6b8"


@pytest.fixture(autouse=True)
def empty_vocabulary(db):
    """The curated terms of the data migration may or may not be there (a browser test empties the database)."""
    Occupation.objects.all().delete()
    Competence.objects.all().delete()


def import_esco(*args) -> str:
    out = StringIO()
    call_command("import_esco", *map(str, args), stdout=out)
    return out.getvalue()


def esco_labels(model) -> dict[str, dict]:
    return {term.esco_uri: term.labels for term in model.objects.exclude(esco_uri="")}


def test_a_download_folder_loads_occupations_with_their_isco_code_and_skills_with_their_kind():
    import_esco(DOWNLOAD, "--language", "nl")

    forklift, haccp = Occupation.objects.get(esco_uri=FORKLIFT), Competence.objects.get(esco_uri=HACCP)
    assert (Occupation.objects.count(), Competence.objects.count()) == (4, 4)
    assert (forklift.isco_code, forklift.labels) == ("8344", {"nl": "heftruckbestuurder"})
    assert (haccp.kind, haccp.labels) == (CompetenceKind.KNOWLEDGE, {"nl": "voedselveiligheidsnormen"})
    assert Competence.objects.filter(kind=CompetenceKind.SKILL).count() == 3


def test_quotes_commas_and_multi_line_cells_are_read_as_one_row():
    import_esco(DOWNLOAD / "occupations_nl.csv")

    assert sorted(label["nl"] for label in esco_labels(Occupation).values()) == [
        "heftruckbestuurder",
        "keukenhulp",
        "lasser",
        "orderpicker",
    ]


def test_running_the_import_again_changes_nothing():
    import_esco(DOWNLOAD, "--language", "nl")
    before = (esco_labels(Occupation), esco_labels(Competence))

    output = import_esco(DOWNLOAD, "--language", "nl")

    assert (esco_labels(Occupation), esco_labels(Competence)) == before
    assert (Occupation.objects.count(), Competence.objects.count()) == (4, 4)
    assert "occupations_nl.csv (occupations, nl): 0 new, 0 updated, 4 unchanged." in output


def test_a_second_language_adds_its_labels_to_the_same_terms():
    import_esco(DOWNLOAD, "--language", "nl")

    output = import_esco(DOWNLOAD, "--language", "fr")

    kitchen = Occupation.objects.get(esco_uri=KITCHEN)
    assert kitchen.labels == {"nl": "keukenhulp", "fr": "aide de cuisine"}
    assert Competence.objects.get(esco_uri=HACCP).labels == {
        "nl": "voedselveiligheidsnormen",
        "fr": "normes de sécurité alimentaire",
    }
    assert (Occupation.objects.count(), Competence.objects.count()) == (4, 4)
    assert "skills_fr.csv (skills, fr): 0 new, 4 updated, 0 unchanged." in output


def test_without_a_language_every_language_of_the_folder_is_loaded():
    import_esco(DOWNLOAD)

    assert Occupation.objects.get(esco_uri=FORKLIFT).labels == {"nl": "heftruckbestuurder", "fr": "cariste"}


def test_the_v1_1_layout_without_nace_code_is_read_too():
    import_esco(SAMPLES / "v1.1" / "occupations_en.csv")

    assert (Occupation.objects.get().isco_code, Occupation.objects.get().labels) == (
        "8344",
        {"en": "forklift operator"},
    )


def test_a_curated_term_with_the_same_label_and_isco_code_gets_the_uri_instead_of_a_twin():
    curated = Occupation.objects.create(
        isco_code="9333", labels={"nl": "orderpicker", "fr": "préparateur de commandes"}
    )

    import_esco(DOWNLOAD / "occupations_nl.csv")

    curated.refresh_from_db()
    assert curated.esco_uri == f"{ESCO}occupation/e47a1b92-3c5d-4e6f-8a90-b1c2d3e4f5a6"
    assert curated.labels == {"nl": "orderpicker", "fr": "préparateur de commandes"}
    assert Occupation.objects.count() == 4


def test_the_language_from_the_option_wins_over_the_file_name(tmp_path):
    renamed = tmp_path / "beroepen.csv"
    renamed.write_bytes((DOWNLOAD / "occupations_fr.csv").read_bytes())

    import_esco(renamed, "--language", "FR")

    assert Occupation.objects.get(esco_uri=FORKLIFT).labels == {"fr": "cariste"}


def test_a_file_whose_language_cannot_be_told_is_refused(tmp_path):
    renamed = tmp_path / "beroepen.csv"
    renamed.write_bytes((DOWNLOAD / "occupations_fr.csv").read_bytes())

    with pytest.raises(CommandError, match=r"beroepen.csv: cannot tell the language .* --language"):
        import_esco(renamed)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("broken/latin1/occupations_fr.csv", r"occupations_fr.csv: not UTF-8 text \(byte \d+ cannot be read\)"),
        (
            "broken/missing_columns/skills_nl.csv",
            r"skills_nl.csv: not an ESCO skills file; missing column\(s\): skillType\.",
        ),
        ("broken/half_good", r"skills_nl.csv, line 8: a conceptUri and a preferredLabel are needed\."),
        ("nothing-here", r"nothing-here: no such file or folder\."),
    ],
)
def test_a_broken_file_is_explained_and_nothing_is_saved(path, message):
    with pytest.raises(CommandError, match=message) as refusal:
        import_esco(SAMPLES / path)

    assert str(refusal.value).endswith("Nothing was imported.")
    assert (Occupation.objects.count(), Competence.objects.count()) == (0, 0)


def test_a_folder_without_the_asked_language_says_so():
    with pytest.raises(CommandError, match=r"no ESCO file found \(occupations_de.csv or skills_de.csv\)"):
        import_esco(DOWNLOAD, "--language", "de")


def test_a_file_of_another_kind_is_refused_by_its_columns():
    with pytest.raises(CommandError, match=r"not an ESCO occupations file; missing column\(s\): iscoGroup\."):
        import_esco(DOWNLOAD / "ISCOGroups_nl.csv", "--language", "nl")
