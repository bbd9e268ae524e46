"""Companies and their vacancies."""

import factory

from companies.models import Company, Vacancy
from companies.sectors import Sector
from jobroad.models import OrganisationKind

from .jobroad import OrganisationFactory


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    organisation = factory.SubFactory(OrganisationFactory, kind=OrganisationKind.COMPANY)
    sector = Sector.LOGISTICS


class VacancyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vacancy

    company = factory.SubFactory(CompanyFactory)
    title = factory.Sequence(lambda n: f"Orderpicker {n}")
