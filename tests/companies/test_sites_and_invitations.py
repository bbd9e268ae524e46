import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from companies import services
from companies.models import Occupation, Site, Vacancy
from jobroad.models import Invitation, Membership, Message, Role
from tests.factories import MembershipFactory, VacancyFactory


def site(company, name="Magazijn Zuid", **extra) -> Site:
    return Site.objects.create(
        company=company, name=name, street="Havenlaan 12", postal_code="9000", city="Scheldemonde", **extra
    )


SITE_FORM = {"name": "Depot Noord", "street": "Industrieweg 3", "postal_code": "2030", "city": "Noordkant"}


def test_hr_adds_a_site_with_its_address_and_coordinates(client_for, world):
    response = client_for(world.hr_a).post(
        reverse("site_create", kwargs={"pk": world.company_a.pk}),
        {**SITE_FORM, "latitude": "51.254100", "longitude": "4.402300"},
    )

    added = Site.objects.get(name="Depot Noord")
    assert response.url == reverse("company_detail", kwargs={"pk": world.company_a.pk})
    assert (added.company, added.address, added.has_coordinates) == (
        world.company_a,
        "Industrieweg 3, 2030 Noordkant",
        True,
    )


def test_a_coordinator_edits_a_site(client_for, world):
    depot = site(world.company_b)

    client_for(world.bob).post(reverse("site_edit", kwargs={"pk": depot.pk}), {**SITE_FORM, "name": "Depot Zuid"})

    depot.refresh_from_db()
    assert (depot.name, depot.city) == ("Depot Zuid", "Noordkant")


def test_hr_of_another_company_cannot_touch_a_site(client_for, world):
    depot = site(world.company_a)
    client = client_for(world.hr_b)

    seen = client.get(reverse("site_edit", kwargs={"pk": depot.pk}))
    changed = client.post(reverse("site_edit", kwargs={"pk": depot.pk}), {**SITE_FORM, "name": "Overgenomen"})
    added = client.post(reverse("site_create", kwargs={"pk": world.company_a.pk}), SITE_FORM)

    depot.refresh_from_db()
    assert (seen.status_code, changed.status_code, added.status_code) == (404, 404, 404)
    assert (depot.name, world.company_a.sites.count()) == ("Magazijn Zuid", 1)


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"latitude": "51.2"}, "longitude"),
        ({"longitude": "4.4"}, "latitude"),
        ({"latitude": "95", "longitude": "4"}, "latitude"),
    ],
)
def test_coordinates_come_in_pairs_and_within_range(client_for, world, extra, field):
    response = client_for(world.hr_a).post(
        reverse("site_create", kwargs={"pk": world.company_a.pk}), {**SITE_FORM, **extra}
    )

    assert response.status_code == 400
    assert list(response.context["form"].errors) == [field]
    assert not Site.objects.filter(name="Depot Noord").exists()


def test_two_sites_of_one_company_cannot_share_a_name(client_for, world):
    site(world.company_a, name="Depot Noord")

    response = client_for(world.hr_a).post(reverse("site_create", kwargs={"pk": world.company_a.pk}), SITE_FORM)

    assert response.status_code == 400
    assert response.context["form"].has_error("name", code="duplicate_name")


def test_another_company_may_use_the_same_site_name(client_for, world):
    site(world.company_b, name="Depot Noord")

    client_for(world.hr_a).post(reverse("site_create", kwargs={"pk": world.company_a.pk}), SITE_FORM)

    assert world.company_a.sites.get().name == "Depot Noord"


def test_a_vacancy_at_a_site_of_another_company_is_refused(client_for, world):
    site(world.company_a)
    foreign = site(world.company_b, name="Depot B")

    response = client_for(world.alice).post(
        reverse("vacancy_create", kwargs={"pk": world.company_a.pk}),
        {"title": "Heftruckchauffeur", "positions": "1", "site": foreign.pk},
    )

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["site"]
    assert not Vacancy.objects.filter(title="Heftruckchauffeur").exists()


def test_the_service_refuses_a_foreign_site_whatever_the_form_let_through(world, english):
    vacancy = Vacancy(company=world.company_a, title="Lasser", site=site(world.company_b))

    with pytest.raises(ValidationError, match="another company"):
        services.save_vacancy(vacancy=vacancy, required_competences=[], nice_competences=[])

    assert not Vacancy.objects.filter(title="Lasser").exists()


def test_a_company_with_sites_must_place_its_vacancy_at_one(client_for, world):
    site(world.company_a)

    response = client_for(world.hr_a).post(
        reverse("vacancy_create", kwargs={"pk": world.company_a.pk}), {"title": "Lasser", "positions": "1"}
    )

    assert response.status_code == 400
    assert response.context["form"].has_error("site", code="required")


def test_a_company_without_sites_is_asked_to_add_one_first(client_for, world):
    response = client_for(world.hr_a).get(reverse("vacancy_create", kwargs={"pk": world.company_a.pk}))

    assert "data-needs-site" in response.content.decode()
    assert "site" not in response.context["form"].fields


def test_a_coordinator_invites_hr_of_a_company_in_their_campaign_from_its_page(client_for, world):
    client = client_for(world.alice)
    page = client.get(reverse("company_detail", kwargs={"pk": world.company_a.pk}))

    response = client.post(
        reverse("company_invite", kwargs={"pk": world.company_a.pk}),
        {"full_name": "Hilde Personeel", "email": "Hilde@Bedrijf-A.example"},
    )

    invitation = Invitation.objects.get()
    mail = Message.objects.get(template="invitation")
    assert reverse("company_invite", kwargs={"pk": world.company_a.pk}) in page.content.decode()
    assert response.url == reverse("company_detail", kwargs={"pk": world.company_a.pk})
    assert (invitation.organisation, invitation.role, invitation.email, invitation.invited_by) == (
        world.company_a.organisation,
        Role.COMPANY_HR,
        "hilde@bedrijf-a.example",
        world.alice,
    )
    assert (mail.recipient_address, mail.context["organisation"]) == ("hilde@bedrijf-a.example", "Company A")


def test_the_company_page_lists_its_hr_people_and_open_invitations(client_for, world):
    client = client_for(world.alice)
    client.post(
        reverse("company_invite", kwargs={"pk": world.company_a.pk}),
        {"full_name": "Nieuwe Collega", "email": "nieuw@bedrijf-a.example"},
    )

    response = client.get(reverse("company_detail", kwargs={"pk": world.company_a.pk}))

    assert [membership.user for membership in response.context["hr_memberships"]] == [world.hr_a]
    assert [invitation.email for invitation in response.context["invitations"]] == ["nieuw@bedrijf-a.example"]


def test_hr_sees_its_colleagues_but_no_invitations_and_no_invite_action(client_for, world):
    response = client_for(world.hr_a).get(reverse("company_detail", kwargs={"pk": world.company_a.pk}))

    assert (list(response.context["invitations"]), response.context["can_invite"]) == ([], False)
    assert reverse("company_invite", kwargs={"pk": world.company_a.pk}) not in response.content.decode()


def test_an_invitation_without_an_address_is_explained_and_not_sent(client_for, world):
    response = client_for(world.alice).post(
        reverse("company_invite", kwargs={"pk": world.company_a.pk}), {"full_name": "Hilde", "email": "geen-adres"}
    )

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["email"]
    assert not Invitation.objects.exists()


def test_the_company_page_query_count_does_not_grow_with_sites_vacancies_and_people(client_for, world):
    client = client_for(world.alice)
    url = reverse("company_detail", kwargs={"pk": world.company_a.pk})

    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    few = count_queries()
    for number in range(5):
        depot = site(world.company_a, name=f"Depot {number}")
        occupation = Occupation.objects.create(isco_code="9333", labels={"nl": f"magazijnier {number}"})
        VacancyFactory(company=world.company_a, site=depot, occupation=occupation)
        MembershipFactory(organisation=world.company_a.organisation, role=Role.COMPANY_HR)
        services.invite_hr(
            company=world.company_a, email=f"hr{number}@a.example", full_name="HR", invited_by=world.alice
        )
    many = count_queries()

    assert many == few
    assert Membership.objects.filter(organisation=world.company_a.organisation).count() == 6
