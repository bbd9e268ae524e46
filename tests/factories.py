import factory

from campaigns.models import Campaign, CampaignPhase
from candidates.models import Candidate, EducationLevel, ResidenceStatus, TargetGroup
from companies.models import Company, Vacancy
from jobroad.models import Membership, Organisation, OrganisationKind, User

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["email"]

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name")
    password = factory.django.Password(PASSWORD)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = OrganisationKind.INTERMEDIARY
    city = "Heidedorp"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    organisation = factory.SubFactory(OrganisationFactory, kind=OrganisationKind.COMPANY)
    sector = "Logistiek"


class VacancyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vacancy

    company = factory.SubFactory(CompanyFactory)
    title = factory.Sequence(lambda n: f"Orderpicker {n}")


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate

    first_name = factory.Sequence(lambda n: f"Amal{n}")
    last_name = "Haddad"
    education_level = EducationLevel.LOW
    residence_status = ResidenceStatus.RECOGNISED_REFUGEE
    target_group = TargetGroup.REFUGEES
    registered_by = factory.SubFactory(OrganisationFactory)


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    name = factory.Sequence(lambda n: f"Campaign {n}")
    phase = CampaignPhase.INTAKE


def invitation_token(invitation) -> str:
    """A working link token for an invitation, made the way the outbox makes it as the mail leaves (any earlier
    link of the invitation stops working)."""
    from jobroad.models import Message
    from jobroad.services import invitation_link

    message = Message.objects.get(key=f"invitation:{invitation.pk}")
    return invitation_link(message).rstrip("/").rsplit("/", 1)[-1]


def set_phase(campaign, phase: str):
    """Put a campaign straight into ``phase`` (as a fixture would have found it there), so a test runs its actions
    in the phase where they belong (``campaigns.lifecycle``)."""
    campaign.phase = phase
    campaign.save(update_fields=["phase"])
    return campaign
