"""Legal access rules, with dates: no database."""

from datetime import date

import pytest
from django.utils import translation

from candidates import eligibility
from candidates.eligibility import Access, add_months, asylum_access_opens, legal_access
from candidates.models import Candidate, ResidenceStatus

D = date.fromisoformat


@pytest.mark.parametrize(
    ("applied_on", "last_waiting_day", "opens"),
    [
        ("2026-01-10", "2026-05-10", "2026-05-11"),
        ("2025-10-31", "2026-02-28", "2026-03-01"),  # February is shorter: the period ends on its last day
        ("2023-10-31", "2024-02-29", "2024-03-01"),  # leap year
        ("2025-11-30", "2026-03-30", "2026-03-31"),
        ("2025-09-15", "2026-01-15", "2026-01-16"),  # across the turn of the year
    ],
)
def test_asylum_access_opens_the_day_after_four_months(applied_on, last_waiting_day, opens):
    access = legal_access(eligibility.ASYLUM_APPLICANT, applied_on=D(applied_on))

    assert asylum_access_opens(D(applied_on)) == D(opens)
    assert (access.access, access.eligible_from) == (Access.FROM_DATE, D(opens))
    assert [access.on(D(last_waiting_day)), access.on(D(opens))] == [False, True]


# (status, applied on, negative decision on, day asked) → may work that day: True, False or None ("check").
RULES = [
    (ResidenceStatus.ASYLUM_APPLICANT, "2026-01-10", None, "2026-01-10", False),
    (ResidenceStatus.ASYLUM_APPLICANT, "2026-01-10", None, "2026-05-10", False),
    (ResidenceStatus.ASYLUM_APPLICANT, "2026-01-10", None, "2026-05-11", True),
    (ResidenceStatus.ASYLUM_APPLICANT, "2026-01-10", None, "2027-06-01", True),
    # A negative decision within the four months: the rule gives no access, ever.
    (ResidenceStatus.ASYLUM_APPLICANT, "2026-01-10", "2026-05-10", "2026-05-11", False),
    (ResidenceStatus.ASYLUM_APPLICANT, "2026-01-10", "2026-03-01", "2026-09-01", False),
    # A negative decision after access opened: access stays only during an appeal, so: check the card.
    (ResidenceStatus.ASYLUM_APPLICANT, "2026-01-10", "2026-05-11", "2026-05-11", None),
    (ResidenceStatus.ASYLUM_APPLICANT, "2026-01-10", "2026-06-01", "2026-05-31", True),
    (ResidenceStatus.ASYLUM_APPLICANT, "2026-01-10", "2026-06-01", "2026-06-01", None),
    (ResidenceStatus.ASYLUM_APPLICANT, None, None, "2026-06-01", None),
    (ResidenceStatus.RECOGNISED_REFUGEE, None, None, "2026-06-01", True),
    (ResidenceStatus.SUBSIDIARY_PROTECTION, None, None, "2026-06-01", True),
    (ResidenceStatus.EU_CITIZEN, None, None, "2026-06-01", True),
    (ResidenceStatus.BELGIAN, None, None, "2026-06-01", True),
    (ResidenceStatus.OTHER_PERMIT, None, None, "2026-06-01", None),
]


@pytest.mark.parametrize(("status", "applied_on", "refused_on", "day", "may_work"), RULES)
def test_legal_access_rules(status, applied_on, refused_on, day, may_work):
    candidate = Candidate(
        residence_status=status,
        asylum_application_date=applied_on and D(applied_on),
        asylum_negative_decision_on=refused_on and D(refused_on),
    )

    assert candidate.eligible_on(D(day)) is may_work


@pytest.mark.parametrize(
    ("status", "applied_on", "refused_on", "access", "eligible_from"),
    [
        (ResidenceStatus.ASYLUM_APPLICANT, "2026-01-10", None, Access.FROM_DATE, D("2026-05-11")),
        (ResidenceStatus.ASYLUM_APPLICANT, "2026-01-10", "2026-04-01", Access.NONE, None),
        (ResidenceStatus.ASYLUM_APPLICANT, None, None, Access.CHECK, None),
        (ResidenceStatus.RECOGNISED_REFUGEE, None, None, Access.UNRESTRICTED, date.min),
        (ResidenceStatus.OTHER_PERMIT, None, None, Access.CHECK, None),
    ],
)
def test_eligible_from_is_derived_from_status_and_dates(status, applied_on, refused_on, access, eligible_from):
    candidate = Candidate(
        residence_status=status,
        asylum_application_date=applied_on and D(applied_on),
        asylum_negative_decision_on=refused_on and D(refused_on),
    )

    assert (candidate.legal_access.access, candidate.eligible_from) == (access, eligible_from)


def test_every_residence_status_has_a_rule_with_a_reason():
    answers = {status: legal_access(status, applied_on=D("2026-01-10")) for status in ResidenceStatus.values}

    assert all(str(answer.reason) for answer in answers.values())
    assert answers[ResidenceStatus.OTHER_PERMIT].access == Access.CHECK
    with translation.override("en"):
        assert "permit" in str(answers[ResidenceStatus.OTHER_PERMIT].reason)


def test_the_asylum_rule_names_its_legal_source():
    access = legal_access(eligibility.ASYLUM_APPLICANT, applied_on=D("2026-01-10"))

    assert "Royal Decree of 2 September 2018" in access.source
    assert "Judicial Code" in access.source


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [("2026-01-31", 1, "2026-02-28"), ("2024-01-31", 1, "2024-02-29"), ("2026-11-15", 4, "2027-03-15")],
)
def test_adding_months_keeps_the_day_or_takes_the_last_of_a_shorter_month(day, months, expected):
    assert add_months(D(day), months) == D(expected)


# --- Temporary protection (people displaced from Ukraine) -------------------------------------------------------


@pytest.mark.parametrize(
    ("document_on", "day", "may_work"),
    [
        ("2026-03-02", "2026-03-01", False),  # the day before the annex 15
        ("2026-03-02", "2026-03-02", True),  # from the day it is issued
        ("2026-03-02", "2027-01-15", True),
        (None, "2026-06-01", None),  # no date: check the document
    ],
)
def test_temporary_protection_gives_access_from_the_day_of_the_annex_15_or_a_card(document_on, day, may_work):
    candidate = Candidate(
        residence_status=ResidenceStatus.TEMPORARY_PROTECTION, temporary_protection_on=document_on and D(document_on)
    )

    assert candidate.eligible_on(D(day)) is may_work


def test_temporary_protection_is_a_rule_with_a_date_not_check():
    access = legal_access(eligibility.TEMPORARY_PROTECTION, protection_document_on=D("2026-03-02"))

    assert (access.access, access.eligible_from, access.check_from) == (Access.FROM_DATE, D("2026-03-02"), None)
    with translation.override("en"):
        assert str(access.reason) == (
            "People under temporary protection may work without a permit from the day their annex 15 or A card is "
            "issued ('labour market: unlimited')."
        )


def test_temporary_protection_without_the_document_date_asks_for_it():
    access = legal_access(eligibility.TEMPORARY_PROTECTION)

    assert (access.access, access.eligible_from) == (Access.CHECK, None)
    with translation.override("en"):
        assert str(access.reason) == (
            "The date of the annex 15 or the A card is missing: add it; access to work starts on that day."
        )


def test_the_temporary_protection_rule_names_its_legal_source():
    access = legal_access(eligibility.TEMPORARY_PROTECTION, protection_document_on=D("2026-03-02"))

    assert access.source == eligibility.SOURCE_TEMPORARY_PROTECTION
    for source in (
        "Council Directive 2001/55/EC",
        "Council Implementing Decision (EU) 2022/382",
        "Law of 15 December 1980, art. 57/29",
        "labour market: unlimited",
    ):
        assert source in access.source


def test_the_asylum_dates_do_not_open_access_under_temporary_protection():
    access = legal_access(
        eligibility.TEMPORARY_PROTECTION, applied_on=D("2025-01-10"), protection_document_on=D("2026-03-02")
    )

    assert access.eligible_from == D("2026-03-02")
