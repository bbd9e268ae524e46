"""Issue 22: a partner screener sees of candidate A only what screening needs, and nothing at all of another
campaign's candidate; a screener never opens another screener's round. The sentinels and the walk are those of
tests/test_sentinels.py (tests/sentinel_walk.py)."""

import re

from django.urls import reverse

from tests.access_objects import enrolment_a
from tests.sentinel_walk import Page, leaks, matrix_urls, read, walk
from tests.sentinel_walk import sentinels as sentinels  # the fixture

# What the screener of candidate A's campaign reads of them (campaigns.permissions): the name and the experience.
SCREENER_MAY_SEE = {"first name", "last name", "work experience"}


def screener_urls(world, role: str) -> list[str]:
    """A screener's pages: the role matrix's, the home page and each screening round they may open. Alice did
    candidate A's first round (with the sentinel notes), so screener_a opens the second opinion, and alice's round
    is a 404 (``test_a_screener_cannot_open_another_screeners_round``)."""
    alices_round = reverse("screening_edit", kwargs={"pk": enrolment_a(world).pk, "round": 1})
    urls = [url for url in matrix_urls(world, role) if url != alices_round] + [reverse("home")]
    if role == "screener_a":
        urls.append(reverse("screening_edit", kwargs={"pk": enrolment_a(world).pk, "round": 2}))
    else:
        enrolment_b = world.campaign_b.enrolments.get(candidate=world.candidate_b)
        urls += [
            reverse("screening_board", kwargs={"campaign_pk": world.campaign_b.pk}),
            reverse("screening_edit", kwargs={"pk": enrolment_b.pk, "round": 1}),
        ]
    return urls


# A screening form offers every residence document type to choose from: an option offered is not a value shown,
# only a selected one is.
UNSELECTED_OPTION = re.compile(r"<option(?![^>]*\bselected\b)[^>]*>.*?</option>", re.DOTALL)


def screener_walk(client, urls: list[str]) -> list[Page]:
    return [
        Page(url=page.url, status=page.status, text=UNSELECTED_OPTION.sub("", page.text), pdf=page.pdf)
        for page in walk(client, urls)
    ]


def test_a_screener_of_another_campaign_sees_nothing_of_the_candidate(client_for, world, sentinels):
    client = client_for(world.screener_b)

    pages = screener_walk(client, screener_urls(world, "screener_b"))

    found = [leak for page in pages for leak in leaks(page, sentinels.funder)]
    assert found == [], "\n".join(["Sentinels on screener_b's pages:", *found])


def test_the_candidates_screener_sees_only_what_screening_needs(client_for, world, sentinels):
    client = client_for(world.screener_a)

    pages = screener_walk(client, screener_urls(world, "screener_a"))

    hidden = [item for item in sentinels.funder if item.field not in SCREENER_MAY_SEE]
    found = [leak for page in pages for leak in leaks(page, hidden)]
    assert found == [], "\n".join(["Sentinels on screener_a's pages:", *found])


def test_the_screener_walk_reaches_the_candidate(client_for, world, sentinels):
    client = client_for(world.screener_a)
    url = reverse("screening_edit", kwargs={"pk": enrolment_a(world).pk, "round": 2})

    [page] = screener_walk(client, [url])

    assert url in screener_urls(world, "screener_a")
    assert {item.field for item in sentinels.funder if item.found_in(page.text)} == SCREENER_MAY_SEE


def test_a_screener_cannot_open_another_screeners_round(client_for, world, sentinels):
    client = client_for(world.screener_a)

    page = read(client, reverse("screening_edit", kwargs={"pk": enrolment_a(world).pk, "round": 1}))

    assert page.status == 404
    assert leaks(page, sentinels.funder) == []
