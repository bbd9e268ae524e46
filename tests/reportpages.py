"""The funder reports as the tests read them: the page in English, and its tables by key."""

from django.urls import reverse

from .language import ENGLISH


def report(client, query: dict | None = None):
    return client.get(reverse("report_list"), query or {}, headers=ENGLISH)


def tables_of(response) -> dict[str, list[list]]:
    return {table.key: table.rows for table in response.context["tables"]}
