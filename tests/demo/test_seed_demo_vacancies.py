"""seed_demo on a database whose curated vocabulary was emptied (as a browser test leaves it): every vacancy gets a
site of its own company, an occupation and competences."""

from io import StringIO

from django.core.management import call_command
from django.db.models import F

from companies.models import Company, Competence, Occupation, Site, Vacancy
from demo.network import PROSPECTS


def test_demo_vacancies_are_at_a_site_of_their_company_with_an_occupation_and_competences(db):
    Occupation.objects.all().delete()  # as after a browser test: seed_demo completes the curated list itself
    Competence.objects.all().delete()

    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())

    vacancies = Vacancy.objects.all()
    assert vacancies.filter(site__isnull=True).count() == 0
    assert vacancies.exclude(site__company=F("company")).count() == 0
    assert vacancies.filter(occupation__isnull=True).count() == 0
    assert vacancies.filter(required_competences__isnull=True).count() == 0
    # The employer network's prospects (demo.network) have no site yet.
    assert Site.objects.count() == Company.objects.count() - len(PROSPECTS) + 2
    assert Site.objects.filter(latitude__isnull=True).count() == 0
    forklift = Vacancy.objects.get(title="Heftruckchauffeur")
    assert (
        forklift.occupation.isco_code,
        forklift.required_competences.filter(labels__en="operate a forklift").count(),
    ) == (
        "8344",
        1,
    )
    assert Occupation.objects.filter(esco_uri="", labels__en="forklift operator").count() == 1
