"""Walks every URL pattern of the project for every role.

A pattern must be covered by the role matrix (anonymous, each role, own vs other organisation's
object; ``tests/access_matrix.py``) or by an explicit list of public / allauth / admin URLs; a new view
without coverage fails ``test_every_url_pattern_is_covered``.
"""

import pytest
from django.urls import reverse

from .access_matrix import ADMIN_NAMESPACE, ALLAUTH_PREFIXES, MATRIX, PUBLIC, ROLES, SECURITY_HEADERS, security_headers
from .urlwalk import all_url_names


def is_covered(name: str) -> bool:
    if not name:
        return False
    return (
        name in {case.name for case in MATRIX}
        or name in PUBLIC
        or name.startswith(ALLAUTH_PREFIXES)
        or name.startswith(ADMIN_NAMESPACE)
    )


def test_every_url_pattern_is_covered():
    uncovered = [f"{name or '(unnamed)'} → {route}" for name, route in all_url_names() if not is_covered(name)]

    assert uncovered == []


def test_the_walk_notices_a_view_nobody_covered():
    assert not is_covered("vacancy_delete")
    assert not is_covered("")


@pytest.mark.parametrize("case", MATRIX, ids=str)
def test_anonymous_is_sent_to_log_in(client, world, case):
    response = getattr(client, case.method)(reverse(case.name, kwargs=case.kwargs(world)))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert security_headers(response) == SECURITY_HEADERS


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("healthz", {}),
        ("invitation_accept", {"token": "unknown"}),
        ("check_in_link", {"token": "unknown"}),
        ("referral_link", {"token": "unknown"}),
        ("personal_page", {"language": "ar", "token": "unknown"}),
        ("account_login", {}),
        ("account_reset_password", {}),
        ("account_signup", {}),
    ],
)
def test_public_pages_answer_with_the_security_headers(client, db, name, kwargs):
    response = client.get(reverse(name, kwargs=kwargs))

    assert response.status_code in {200, 410}
    assert security_headers(response) == SECURITY_HEADERS


def test_a_page_that_does_not_exist_answers_with_the_security_headers(client_for, world):
    response = client_for(world.alice).get("/no-such-page/<script>/")

    assert response.status_code == 404
    assert security_headers(response) == SECURITY_HEADERS


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", MATRIX, ids=str)
def test_each_role_sees_only_what_it_may(client_for, world, case, role):
    client = client_for(getattr(world, role))

    response = getattr(client, case.method)(reverse(case.name, kwargs=case.kwargs(world)))

    expected = case.allowed_status if role in case.allowed else 404
    assert response.status_code == expected
    assert security_headers(response) == SECURITY_HEADERS


def admin_urls_without_arguments() -> list[str]:
    names = [
        name
        for name, route in all_url_names()
        if name.startswith(ADMIN_NAMESPACE) and not name.endswith(":") and "<" not in route
    ]
    return sorted(set(names))


@pytest.mark.parametrize("name", admin_urls_without_arguments())
def test_admin_is_for_staff_only(client_for, client, world, name):
    anonymous = client.get(reverse(name))
    assert anonymous.status_code == 302

    non_staff = client_for(world.alice).get(reverse(name), follow=True)
    assert non_staff.status_code in {403, 404}


def test_admin_pages_with_an_object_id_are_for_staff_only(client_for, world):
    url = reverse("admin:candidates_candidate_change", args=[world.candidate_a.pk])

    assert client_for(world.hr_a).get(url, follow=True).status_code == 403
    assert client_for(world.admin).get(url).status_code == 200
