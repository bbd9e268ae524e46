import pytest
from django.utils import translation

from companies import vocabulary as curated
from companies.forms import VocabularyChoiceField, VocabularyMultipleChoiceField
from companies.models import Competence, CompetenceKind, Occupation, label_sort_key


@pytest.fixture
def empty_vocabulary(db):
    """Tests build their own terms; the curated list from the migration may or may not be there (a browser test
    empties the database), so it is removed first."""
    Occupation.objects.all().delete()
    Competence.objects.all().delete()


def test_a_term_is_shown_in_the_readers_language():
    forklift = Occupation(labels={"nl": "heftruckchauffeur", "fr": "cariste", "en": "forklift operator"})

    with translation.override("fr"):
        french = forklift.label
    with translation.override("en"):
        english = forklift.label

    assert (french, english, forklift.label_in("nl-be")) == ("cariste", "forklift operator", "heftruckchauffeur")


@pytest.mark.parametrize(
    ("labels", "language", "shown"),
    [
        ({"nl": "lasser", "en": "welder"}, "fr", "lasser"),  # no French label: Dutch
        ({"en": "welder", "de": "Schweißer"}, "fr", "welder"),  # no Dutch either: English
        ({"de": "Schweißer"}, "ar", "Schweißer"),  # any label rather than nothing
        ({}, "nl", ""),
    ],
)
def test_a_missing_label_falls_back_to_dutch_then_english_then_any(labels, language, shown):
    assert Occupation(labels=labels).label_in(language) == shown


def test_str_of_a_term_is_its_label_in_the_active_language():
    term = Competence(labels={"nl": "in team werken", "fr": "travailler en équipe"})

    with translation.override("fr"):
        assert str(term) == "travailler en équipe"


def test_labels_sort_without_regard_to_case_or_accents():
    labels = ["Zorgkundige", "élagueur", "aide-soignant", "Électricien", "cariste"]

    assert sorted(labels, key=label_sort_key) == ["aide-soignant", "cariste", "élagueur", "Électricien", "Zorgkundige"]


def test_the_multiple_choice_lists_terms_by_their_label_in_the_readers_language_under_their_kind(empty_vocabulary):
    lift = Competence.objects.create(labels={"nl": "heftruck besturen", "fr": "conduire un chariot élévateur"})
    team = Competence.objects.create(labels={"nl": "in team werken", "fr": "travailler en équipe"})
    haccp = Competence.objects.create(
        kind=CompetenceKind.KNOWLEDGE, labels={"nl": "voedselhygiëne", "fr": "hygiène alimentaire"}
    )
    field = VocabularyMultipleChoiceField(Competence.objects.all())

    with translation.override("fr"):
        choices = [(group, [(value.value, label) for value, label in options]) for group, options in field.choices]

    assert choices == [
        ("Aptitude", [(lift.pk, "conduire un chariot élévateur"), (team.pk, "travailler en équipe")]),
        ("Savoir", [(haccp.pk, "hygiène alimentaire")]),
    ]


def test_the_single_choice_groups_occupations_by_isco_major_group(empty_vocabulary):
    cook = Occupation.objects.create(isco_code="5120", labels={"en": "cook"})
    welder = Occupation.objects.create(isco_code="7212", labels={"en": "welder"})
    cleaner = Occupation.objects.create(isco_code="9112", labels={"en": "office cleaner"})
    dishwasher = Occupation.objects.create(isco_code="9412", labels={"en": "dishwasher"})
    field = VocabularyChoiceField(Occupation.objects.all())

    with translation.override("en"):
        choices = list(field.choices)

    assert [(group, [label for _value, label in options]) for group, options in choices[1:]] == [
        ("Service and sales workers", ["cook"]),
        ("Craft and related trades workers", ["welder"]),
        ("Elementary occupations", ["dishwasher", "office cleaner"]),
    ]
    assert choices[0] == ("", field.empty_label)
    assert {cook.pk, welder.pk, cleaner.pk, dishwasher.pk} == {
        value.value for _group, options in choices[1:] for value, _label in options
    }


def test_the_picker_renders_checkboxes_with_a_hidden_filter_and_ticks_the_chosen_terms(empty_vocabulary):
    lift = Competence.objects.create(labels={"nl": "heftruck besturen"})
    Competence.objects.create(labels={"nl": "afwassen"})
    field = VocabularyMultipleChoiceField(Competence.objects.all())

    html = field.widget.render("skills", [lift.pk], attrs={"id": "id_skills"})

    assert html.count('type="checkbox"') == 2
    assert f'value="{lift.pk}" id="id_skills_0_1" checked' in html  # "afwassen" sorts first
    assert "data-vocabulary-filter hidden" in html
    assert "css/vocabulary.css" in str(field.widget.media)


def test_the_curated_list_has_every_label_in_three_languages_and_valid_isco_codes():
    for isco_code, *labels in curated.OCCUPATIONS:
        assert len(isco_code) == 4 and isco_code.isdigit() and isco_code[0] != "0"
        assert all(label.strip() == label and label for label in labels)
    for kind, *labels in curated.COMPETENCES:
        assert kind in CompetenceKind.values
        assert all(label.strip() == label and label for label in labels)
    english = [occupation[3] for occupation in curated.OCCUPATIONS] + [term[3] for term in curated.COMPETENCES]
    assert len(english) == len(set(english))
    assert (len(curated.OCCUPATIONS) >= 40, len(curated.COMPETENCES) >= 60) == (True, True)


def test_seeding_the_curated_list_twice_adds_it_once(empty_vocabulary):
    curated.seed_curated_vocabulary(Occupation, Competence)
    curated.seed_curated_vocabulary(Occupation, Competence)

    forklift = Occupation.objects.get(labels__en="forklift operator")
    assert (Occupation.objects.count(), Competence.objects.count()) == (
        len(curated.OCCUPATIONS),
        len(curated.COMPETENCES),
    )
    assert (forklift.isco_code, forklift.labels["fr"], forklift.esco_uri) == ("8344", "cariste", "")
