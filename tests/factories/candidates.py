"""Candidates and their screenings; the ``selected`` and ``reserve`` traits give a screening its decision."""

import factory

from candidates.models import Candidate, EducationLevel, ResidenceStatus, Screening, ScreeningDecision, TargetGroup

from .jobroad import OrganisationFactory, UserFactory


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate

    first_name = factory.Sequence(lambda n: f"Amal{n}")
    last_name = "Haddad"
    education_level = EducationLevel.LOW
    residence_status = ResidenceStatus.RECOGNISED_REFUGEE
    target_group = TargetGroup.REFUGEES
    registered_by = factory.SubFactory(OrganisationFactory)


class ScreeningFactory(factory.django.DjangoModelFactory):
    """A first-round screening with every rubric score filled in and no decision yet."""

    class Meta:
        model = Screening

    enrolment = factory.SubFactory("tests.factories.campaigns.EnrolmentFactory")
    round = 1
    screener = factory.SubFactory(UserFactory)
    motivation = 4
    learning_ability = 4
    experience = 3
    competences = 3
    communication = 4

    class Params:
        selected = factory.Trait(decision=ScreeningDecision.SELECTED)
        reserve = factory.Trait(decision=ScreeningDecision.RESERVE)
