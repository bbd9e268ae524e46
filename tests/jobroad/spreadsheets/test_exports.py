"""Exports of the lists a user may see (jobroad.exports), read back with the csv module and openpyxl."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    PASSWORD,
    CandidateFactory,
    CompanyFactory,
    VacancyFactory,
)
from tests.reauth import recently_authenticated

from .files import read_csv, read_xlsx

# --- exports --------------------------------------------------------------------------------------------


def test_hr_exports_only_its_own_companys_vacancies_with_formulas_neutralised(client_for, world):
    VacancyFactory(company=world.company_a, title='=HYPERLINK("http://evil.example","klik")')
    client = client_for(world.hr_a)

    as_csv = read_csv(client.get(reverse("vacancy_export", kwargs={"file_format": "csv"})))
    as_xlsx = read_xlsx(client.get(reverse("vacancy_export", kwargs={"file_format": "xlsx"})))

    for rows in (as_csv, as_xlsx):
        assert rows[0][:2] == ["Company", "Job title"]
        assert sorted(row[1] for row in rows[1:]) == sorted(
            [world.vacancy_a.title, '\'=HYPERLINK("http://evil.example","klik")']
        )
        assert {row[0] for row in rows[1:]} == {"Company A"}


def test_a_coordinator_exports_every_company(client_for, world):
    response = client_for(world.alice).get(reverse("company_export", kwargs={"file_format": "xlsx"}))

    rows = read_xlsx(response)
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Cache-Control"] == "private, no-store"
    assert [row[0] for row in rows[1:]] == ["Company A", "Company B"]


def test_hr_exports_only_its_own_company(client_for, world):
    rows = read_csv(client_for(world.hr_b).get(reverse("company_export", kwargs={"file_format": "csv"})))

    assert [row[0] for row in rows[1:]] == ["Company B"]


def test_an_intermediary_exports_only_its_own_candidates_with_formulas_neutralised(client_for, world):
    world.candidate_a.last_name = "@SUM(A1:A9)"
    world.candidate_a.save()
    client = client_for(world.intermediary_a)
    recently_authenticated(client, world.intermediary_a)

    as_csv = read_csv(client.get(reverse("candidate_export", kwargs={"file_format": "csv"})))
    as_xlsx = read_xlsx(client.get(reverse("candidate_export", kwargs={"file_format": "xlsx"})))

    for rows in (as_csv, as_xlsx):
        assert [(row[0], row[1]) for row in rows[1:]] == [(world.candidate_a.first_name, "'@SUM(A1:A9)")]


def test_the_candidate_export_follows_the_lists_search(client_for, world):
    client = client_for(world.admin)
    recently_authenticated(client, world.admin)

    response = client.get(reverse("candidate_export", kwargs={"file_format": "csv"}), {"q": "Yonas"})

    assert [row[0] for row in read_csv(response)[1:]] == ["Yonas"]


def test_the_candidate_export_asks_for_the_password_again_and_then_hands_over_the_file(client_for, world):
    client = client_for(world.intermediary_a)
    url = reverse("candidate_export", kwargs={"file_format": "csv"}) + "?q=Amal"

    asked = client.get(url)
    answered = client.post(asked.url, {"password": PASSWORD})
    response = client.get(answered.url)

    assert asked.url == f"{reverse('account_reauthenticate')}?next=%2Fexports%2Fcandidates.csv%3Fq%3DAmal"
    assert answered.url == url
    assert [row[0] for row in read_csv(response)[1:]] == ["Amal"]


def test_nothing_is_exported_or_recorded_before_the_password_is_typed_again(client_for, world):
    response = client_for(world.alice).get(reverse("candidate_export", kwargs={"file_format": "xlsx"}))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_reauthenticate"))
    assert not world.candidate_a.audit_entries.exists()


def test_someone_who_may_not_export_candidates_is_not_asked_for_a_password(client_for, world):
    response = client_for(world.hr_a).get(reverse("candidate_export", kwargs={"file_format": "csv"}))

    assert response.status_code == 404


@pytest.mark.parametrize("name", ["candidate_export", "vacancy_export", "company_export"])
def test_an_unknown_export_format_is_a_404(client_for, world, name):
    response = client_for(world.admin).get(reverse(name, kwargs={"file_format": "exe"}))

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("role", "name"),
    [("alice", "candidate_export"), ("hr_a", "vacancy_export"), ("alice", "company_export")],
)
def test_export_query_count_does_not_grow_with_rows(client_for, world, role, name):
    client = client_for(getattr(world, role))
    recently_authenticated(client, getattr(world, role))
    url = reverse(name, kwargs={"file_format": "xlsx"})

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    few = count()
    for _ in range(5):
        candidate = CandidateFactory(registered_by=world.intermediary_org_a)
        world.campaign_a.enrolments.create(candidate=candidate)
        VacancyFactory(company=world.company_a)
        CompanyFactory()
    many = count()

    assert many == few
