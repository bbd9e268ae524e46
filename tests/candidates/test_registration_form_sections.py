"""The long registration form on a phone: an error summary at the top that links to each field with an error, sections
that fold away once they are right (with their error count), nothing typed lost after a failed submit, and the target
group filled in from the campaign."""

from candidates.forms import CandidateForm, error_summary
from candidates.models import Candidate, TargetGroup
from tests.candidates.forms_data import register_url, registration
from tests.language import ENGLISH


def test_a_failed_submit_lists_every_error_at_the_top_with_a_link_to_its_field(client_for, world):
    data = registration(world, first_name="", residence_status="asylum_applicant", asylum_application_date="",
                        education_level="", **{"languages-0-level": ""})  # fmt: skip

    response = client_for(world.intermediary_a).post(register_url(world.campaign_a), data, headers=ENGLISH)

    summary = response.context["error_summary"]
    assert [href for href, _label, _message in summary] == [
        "#id_first_name",
        "#id_asylum_application_date",
        "#id_education_level",
        "#id_languages-0-level",
    ]
    page = response.content.decode()
    assert page.index("data-error-summary") < page.index('name="first_name"')
    assert 'role="alert"' in page and 'href="#id_first_name"' in page
    assert response.status_code == 400
    assert not Candidate.objects.filter(last_name="Khalil").exists()


def test_after_a_failed_submit_only_the_sections_with_errors_are_open_and_say_how_many(client_for, world):
    data = registration(world, first_name="", last_name="", education_level="")

    response = client_for(world.intermediary_a).post(register_url(world.campaign_a), data, headers=ENGLISH)

    sections = {section.slug: (section.errors, section.open) for section in response.context["form"].sections}
    assert sections == {
        "identity": (2, True),
        "legal": (0, False),
        "residence": (0, False),
        "skills": (1, True),
        "project_week": (0, False),
        "follow_up": (0, False),
    }
    assert 'data-section-errors="2"' in response.content.decode()


def test_what_was_typed_stays_in_the_form_after_a_failed_submit_even_in_a_folded_section(client_for, world):
    data = registration(world, first_name="", city="Heidedorp", experience_summary="Tailor in Aleppo.")

    response = client_for(world.intermediary_a).post(register_url(world.campaign_a), data, headers=ENGLISH)

    page = response.content.decode()
    assert 'value="Heidedorp"' in page
    assert "Tailor in Aleppo." in page


def test_a_first_visit_opens_every_section_and_shows_no_summary(client_for, world):
    response = client_for(world.intermediary_a).get(register_url(world.campaign_a))

    assert all(section.open for section in response.context["form"].sections)
    assert response.context["error_summary"] == []
    assert "data-error-summary" not in response.content.decode()


def test_the_target_group_comes_from_the_campaign(client_for, world):
    world.campaign_a.target_group = TargetGroup.REFUGEES
    world.campaign_a.save()

    response = client_for(world.intermediary_a).get(register_url(world.campaign_a))

    assert response.context["form"]["target_group"].value() == TargetGroup.REFUGEES


def test_a_campaign_without_a_target_group_leaves_it_to_choose(client_for, world):
    world.campaign_a.target_group = ""
    world.campaign_a.save()

    response = client_for(world.intermediary_a).get(register_url(world.campaign_a))

    assert response.context["form"]["target_group"].value() in ("", None)


def test_an_unbound_form_has_no_summary():
    assert error_summary(CandidateForm()) == []
