"""Walks every URL pattern of the project for every role.

A pattern must be covered by the role matrix (anonymous, each role, own vs other organisation's
object) or by an explicit list of public / allauth / admin URLs; a new view without coverage fails
``test_every_url_pattern_is_covered``.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from jobroad.models import CapturedMail, Message

ROLES = [
    "admin", "alice", "bob", "hr_a", "hr_b", "intermediary_a", "intermediary_b",
    "coach_a", "coach_b", "funder_viewer",
]  # fmt: skip
EVERYONE = frozenset(ROLES)
COORDINATORS = frozenset({"admin", "alice", "bob"})


@dataclass(frozen=True)
class Case:
    name: str
    allowed: frozenset[str]
    kwargs: Callable = lambda world: {}
    method: str = "get"
    allowed_status: int = 200
    label: str = field(default="", compare=False)

    def __str__(self):
        return f"{self.name}{'[' + self.label + ']' if self.label else ''}"


MATRIX = [
    Case("home", EVERYONE),
    Case("organisation_list", EVERYONE),
    Case("campaign_list", EVERYONE),
    Case("candidate_list", EVERYONE),
    Case("company_list", EVERYONE),
    Case("report_list", COORDINATORS | {"funder_viewer"}),
    Case("mail_list", COORDINATORS),
    Case("mail_detail", COORDINATORS, lambda w: {"pk": CapturedMail.objects.create(subject="s", body="b").pk}),
    Case(
        "organisation_detail",
        COORDINATORS | {"intermediary_a"},
        lambda w: {"pk": w.intermediary_org_a.pk},
        label="intermediary",
    ),
    Case(
        "organisation_detail",
        COORDINATORS | {"hr_a"},
        lambda w: {"pk": w.company_a.organisation.pk},
        label="company",
    ),
    Case(
        "organisation_detail",
        COORDINATORS | {"coach_a"},
        lambda w: {"pk": w.jobroad.pk},
        label="jobroad",
    ),
    Case(
        "organisation_invite",
        COORDINATORS,
        lambda w: {"pk": w.intermediary_org_a.pk},
        method="post",
        allowed_status=400,
    ),
    Case(
        "campaign_detail",
        frozenset({"admin", "alice", "hr_a", "intermediary_a", "coach_a", "funder_viewer"}),
        lambda w: {"pk": w.campaign_a.pk},
    ),
    Case(
        "candidate_detail",
        frozenset({"admin", "alice", "intermediary_a", "coach_a"}),
        lambda w: {"pk": w.candidate_a.pk},
    ),
    Case("company_detail", COORDINATORS | {"hr_a"}, lambda w: {"pk": w.company_a.pk}),
    Case("campaign_create", COORDINATORS),
    Case("campaign_edit", frozenset({"admin", "alice"}), lambda w: {"pk": w.campaign_a.pk}),
    Case("campaign_clone", frozenset({"admin", "bob"}), lambda w: {"pk": w.campaign_b.pk}),
    Case(
        "campaign_advance",
        frozenset({"admin", "alice"}),
        lambda w: {"pk": w.campaign_a.pk},
        method="post",
        allowed_status=302,
    ),
    Case("company_create", COORDINATORS),
    Case("company_edit", COORDINATORS | {"hr_a"}, lambda w: {"pk": w.company_a.pk}),
    Case(
        "company_pledge", COORDINATORS | {"hr_b"}, lambda w: {"pk": w.company_b.pk}, method="post", allowed_status=302
    ),
    Case("vacancy_create", COORDINATORS | {"hr_a"}, lambda w: {"pk": w.company_a.pk}),
    Case("vacancy_edit", COORDINATORS | {"hr_b"}, lambda w: {"pk": w.vacancy_b.pk}),
    Case("message_list", COORDINATORS),
    Case("message_create", COORDINATORS),
    Case("message_detail", COORDINATORS, lambda w: {"pk": message_for(None).pk}, label="no campaign"),
    Case("message_detail", frozenset({"admin", "alice"}), lambda w: {"pk": message_for(w.campaign_a).pk}),
    Case(
        "message_cancel",
        frozenset({"admin", "bob"}),
        lambda w: {"pk": message_for(w.campaign_b).pk},
        method="post",
        allowed_status=302,
    ),
    Case(
        "message_resend",
        frozenset({"admin", "alice"}),
        lambda w: {"pk": message_for(w.campaign_a).pk},
        method="post",
        allowed_status=302,
    ),
]


def message_for(campaign) -> Message:
    return Message.objects.create(
        key=f"test:{Message.objects.count()}",
        template="note",
        recipient_address="sara@example.org",
        campaign=campaign,
        due_at=timezone.now(),
        context={"subject": "Hallo", "text": "Tot morgen"},
    )


# Reachable without logging in; each is tested for what it must do in its own test module.
PUBLIC = {"healthz", "invitation_accept", "set_language"}

# allauth's own pages (log-in, log-out, password reset, MFA set-up); sign-up is closed by our adapter.
ALLAUTH_PREFIXES = ("account_", "mfa_")

# The Django admin: staff only, walked separately below.
ADMIN_NAMESPACE = "admin:"


def all_url_names(resolver: URLResolver | None = None, namespace: str = "") -> list[tuple[str, str]]:
    """(qualified name, route) for every pattern of the project, descending into includes."""
    resolver = resolver or get_resolver()
    found = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            child_namespace = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found += all_url_names(entry, child_namespace)
        elif isinstance(entry, URLPattern):
            # An unnamed pattern keeps its namespace, so the admin's unnamed redirects count as admin.
            found.append((f"{namespace}{entry.name or ''}", str(entry.pattern)))
    return found


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


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("healthz", {}),
        ("invitation_accept", {"token": "unknown"}),
        ("account_login", {}),
        ("account_reset_password", {}),
        ("account_signup", {}),
    ],
)
def test_public_pages_answer_with_a_csp(client, db, name, kwargs):
    response = client.get(reverse(name, kwargs=kwargs))

    assert response.status_code in {200, 410}
    assert "Content-Security-Policy" in response


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", MATRIX, ids=str)
def test_each_role_sees_only_what_it_may(client_for, world, case, role):
    client = client_for(getattr(world, role))

    response = getattr(client, case.method)(reverse(case.name, kwargs=case.kwargs(world)))

    expected = case.allowed_status if role in case.allowed else 404
    assert response.status_code == expected
    assert "Content-Security-Policy" in response


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
