"""Legal access to the Belgian labour market, derived from residence status and dates — never typed in.

Every rule lives here, with its legal source, because the rules change: the waiting time for asylum
applicants went from six to four months on 9 November 2015. Change a rule here and every page, the
screening and the matching follow. Pure: a status and dates in, an answer out; no database.

Screening (phase 2) records the document actually seen — its type and expiry date — and that record wins
over this derivation; this module tells who is worth inviting and from when.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# The statuses are candidates.models.ResidenceStatus values; kept as strings so this module imports no model.
ASYLUM_APPLICANT = "asylum_applicant"
RECOGNISED_REFUGEE = "recognised_refugee"
SUBSIDIARY_PROTECTION = "subsidiary_protection"
OTHER_PERMIT = "other_permit"
TEMPORARY_PROTECTION = "temporary_protection"
EU_CITIZEN = "eu_citizen"
BELGIAN = "belgian"

# Months after the asylum application during which the CGRS (CGVS/CGRA) may decide before access opens.
ASYLUM_WAITING_MONTHS = 4

SOURCE_INTERNATIONAL_PROTECTION = (
    "Royal Decree of 2 September 2018 implementing the Law of 9 May 2018 on the employment of foreign "
    "nationals in a special residence situation (applicants for and beneficiaries of international protection "
    "work without a permit); waiting time of 4 months since 9 November 2015 (amendment of art. 17 of the "
    "Royal Decree of 9 June 1999). Fedasil: https://www.fedasilinfo.be/nl/wanneer-mag-u-werken"
)
SOURCE_PERIOD = "Judicial Code art. 52 and 54: a period in months runs from the day after the event to the same date."
SOURCE_FREE_MOVEMENT = "Art. 45 TFEU and Regulation (EU) No 492/2011: free movement of workers."
SOURCE_TEMPORARY_PROTECTION = (
    "Council Directive 2001/55/EC of 20 July 2001 (temporary protection), art. 12: its beneficiaries may work; "
    "Council Implementing Decision (EU) 2022/382 of 4 March 2022 (displaced persons from Ukraine); Law of "
    "15 December 1980, art. 57/29 ff. (temporary protection in Belgium). The annex 15 and the A card are marked "
    "'labour market: unlimited': no work permit is needed from the day the document is issued."
)
SOURCE_PERMIT = (
    "Law of 9 May 2018 on the employment of foreign nationals and the regional rules (single permit, work "
    "authorisation): the residence document says whether and how its holder may work."
)


class Access(StrEnum):
    UNRESTRICTED = "unrestricted"
    FROM_DATE = "from_date"
    NONE = "none"
    CHECK = "check"


@dataclass(frozen=True)
class LegalAccess:
    """The answer for one candidate: ``eligible_from`` is a date for ``FROM_DATE``, ``date.min`` for
    ``UNRESTRICTED`` and ``None`` when there is no access or it cannot be derived (``NONE``, ``CHECK``).
    From ``check_from`` on (a negative decision after access opened) access continues only during an appeal."""

    access: Access
    eligible_from: date | None
    reason: Promise | str
    source: str
    check_from: date | None = None

    def on(self, day: date) -> bool | None:
        """Whether the candidate may work on ``day``: True, False, or None for "check the document"."""
        if self.access == Access.CHECK:
            return None
        if self.eligible_from is None or day < self.eligible_from:
            return False
        if self.check_from is not None and day >= self.check_from:
            return None
        return True

    @property
    def is_unrestricted(self) -> bool:
        return self.access == Access.UNRESTRICTED


def add_months(day: date, months: int) -> date:
    """The same day number ``months`` later; the last day of the month where that month is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def asylum_access_opens(applied_on: date) -> date:
    """The first day an asylum applicant may work if no decision came: the day after the waiting period,
    which ends on the same date ``ASYLUM_WAITING_MONTHS`` later (Judicial Code art. 54). Read conservatively:
    never a day too early."""
    return add_months(applied_on, ASYLUM_WAITING_MONTHS) + timedelta(days=1)


UNRESTRICTED_STATUSES = {
    RECOGNISED_REFUGEE: (
        _("Recognised refugees have unrestricted access to the labour market."),
        SOURCE_INTERNATIONAL_PROTECTION,
    ),
    SUBSIDIARY_PROTECTION: (
        _("People with subsidiary protection have unrestricted access to the labour market."),
        SOURCE_INTERNATIONAL_PROTECTION,
    ),
    EU_CITIZEN: (_("Citizens of the EU may work in Belgium without a permit."), SOURCE_FREE_MOVEMENT),
    BELGIAN: (_("Belgians have unrestricted access to the labour market."), ""),
}


def legal_access(
    status: str,
    *,
    applied_on: date | None = None,
    negative_decision_on: date | None = None,
    protection_document_on: date | None = None,
) -> LegalAccess:
    """Derive legal access from a residence status, the asylum application date and the date of a negative
    first decision (CGRS), if there was one, or — under temporary protection — the date of the residence
    document (annex 15 or A card)."""
    if status in UNRESTRICTED_STATUSES:
        reason, source = UNRESTRICTED_STATUSES[status]
        return LegalAccess(Access.UNRESTRICTED, date.min, reason, source)
    if status == ASYLUM_APPLICANT:
        return _asylum_applicant(applied_on, negative_decision_on)
    if status == TEMPORARY_PROTECTION:
        return _temporary_protection(protection_document_on)
    return LegalAccess(
        Access.CHECK, None, _("Access depends on the residence permit: check the permit."), SOURCE_PERMIT
    )


def _asylum_applicant(applied_on: date | None, negative_decision_on: date | None) -> LegalAccess:
    source = f"{SOURCE_INTERNATIONAL_PROTECTION} {SOURCE_PERIOD}"
    if applied_on is None:
        return LegalAccess(
            Access.CHECK, None, _("The date of the asylum application is missing: add it, or check the orange card."),
            source,
        )  # fmt: skip
    opens = asylum_access_opens(applied_on)
    if negative_decision_on is not None and negative_decision_on < opens:
        return LegalAccess(
            Access.NONE,
            None,
            _("The CGRS decided within four months of the application, so the four-month rule gives no access."),
            source,
        )
    return LegalAccess(
        Access.FROM_DATE,
        opens,
        _(
            "Asylum applicants may work once four months have passed since their application without a decision "
            "of the CGRS (orange card with the annotation 'labour market: unlimited')."
        ),
        source,
        check_from=negative_decision_on,
    )


def _temporary_protection(document_on: date | None) -> LegalAccess:
    """Temporary protection (people displaced from Ukraine) opens the labour market without a permit from the day
    the residence document is issued: the annex 15, or the A card that follows it. The attestation of temporary
    protection alone, before the municipality issues the document, does not."""
    if document_on is None:
        return LegalAccess(
            Access.CHECK,
            None,
            _("The date of the annex 15 or the A card is missing: add it; access to work starts on that day."),
            SOURCE_TEMPORARY_PROTECTION,
        )
    return LegalAccess(
        Access.FROM_DATE,
        document_on,
        _(
            "People under temporary protection may work without a permit from the day their annex 15 or A card "
            "is issued ('labour market: unlimited')."
        ),
        SOURCE_TEMPORARY_PROTECTION,
    )
