"""People and organisations: users, organisations, memberships, and the link an invitation mails."""

import factory

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


def invitation_token(invitation) -> str:
    """A working link token for an invitation, made the way the outbox makes it as the mail leaves (any earlier
    link of the invitation stops working)."""
    from jobroad.models import Message
    from jobroad.services import invitation_link

    message = Message.objects.get(key=f"invitation:{invitation.pk}")
    return invitation_link(message).rstrip("/").rsplit("/", 1)[-1]
