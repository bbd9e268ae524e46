"""Writes with another campaign's or organisation's objects.

Every view that takes a POST is posted to, by every role, with the objects of a campaign or organisation that
is not the role's own: another campaign's enrolment of a candidate both campaigns share, an id in the body that
belongs elsewhere, a child looked up under a parent the role does have. The answer is a 404 (or the refusal the
design gives: a form's "not a valid choice", a read-only page) and not one row changes. A new view that takes a
POST and is missing here fails ``test_every_view_that_takes_a_post_is_walked_with_another_campaigns_objects``.
The posts themselves are the table of tests/foreign_posts_table.py.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jobroad.models import AuditEntry

from .access_matrix import ADMIN_NAMESPACE, ALLAUTH_PREFIXES, PUBLIC, ROLES
from .foreign_posts_table import FOREIGN_POSTS
from .urlwalk import takes_post, url_views

# Nothing may reach the database but the audit trail (a read-only answer records the reading): every statement that
# would insert, update or delete a row is caught — in any table, whatever it touches — and cheaper than comparing
# every table before and after.
WRITE = re.compile(r"\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)
AUDIT_TABLE = f'"{AuditEntry._meta.db_table}'  # with its own link tables


def writes(queries: CaptureQueriesContext) -> list[str]:
    return [query["sql"] for query in queries if WRITE.match(query["sql"]) and AUDIT_TABLE not in query["sql"]]


OUTSIDERS = [(case, role) for case in FOREIGN_POSTS for role in ROLES if role not in case.owners]


@pytest.mark.parametrize(("case", "role"), OUTSIDERS, ids=str)
def test_a_post_with_another_campaigns_objects_is_refused_and_changes_nothing(
    client_for, world, shared_candidate, case, role
):
    url = reverse(case.name, kwargs=case.kwargs(world))
    data = case.data(world)
    client = client_for(getattr(world, role))

    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, data)

    assert response.status_code == case.refusals.get(role, 404)
    assert writes(queries) == []


def test_every_view_that_takes_a_post_is_walked_with_another_campaigns_objects():
    own = {name: view for name, view in url_views().items() if name not in PUBLIC}
    posting = {name for name, view in own.items() if not name.startswith((*ALLAUTH_PREFIXES, ADMIN_NAMESPACE))
               and takes_post(view)}  # fmt: skip
    walked = {case.name for case in FOREIGN_POSTS}

    assert (sorted(posting - walked), sorted(walked - posting)) == ([], [])


def test_the_post_walk_notices_a_post_read_in_a_helper_or_behind_a_decorator():
    views = url_views()

    found = [takes_post(views[name]) for name in ("candidate_erase", "candidate_import", "session_create",
                                                  "candidate_detail", "attendance_sheet")]  # fmt: skip

    assert found == [True, True, True, False, False]
