"""The report's tables on routes and employers: how the placements started (the route and employer of record they
started with, so "30 % temp work" stays true after a temp job became a contract), through which temp agencies, and
what the referrals to agencies and VDAB came to.

Counts of people go through ``tables.Cells`` like every other table: for funder viewers small counts are hidden,
cells that add up to a shown total protected, the rest rounded, and shares computed from the counts as shown.
"""

from collections import Counter

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext as _

from aftercare.models import Placement, PlacementChange, PlacementRoute, Referral, ReferralOutcome
from jobroad.models import Organisation

from .reports import Scope
from .tables import Cells, Table

NOT_RECORDED = "not_recorded"


def employer_tables(scope: Scope, cells: Cells) -> list[Table]:
    starts = _placement_starts(scope)
    routes = routes_table(starts, cells)
    temp_total = routes.rows[PlacementRoute.values.index(PlacementRoute.TEMP_WORK)][1]
    return [routes, temp_work_by_agency_table(starts, temp_total, cells), referrals_by_agency_table(scope, cells)]


def _placement_starts(scope: Scope) -> list[tuple[str, int | None]]:
    """(start route, employer id at the start) of every placement of the scope's campaigns that started in the
    period: its first recorded change says how it started, whatever its route is now."""
    first = PlacementChange.objects.filter(placement=OuterRef("pk")).order_by("changed_at", "pk")
    placements = Placement.objects.filter(campaign__in=scope.campaigns, starts_on__lte=scope.ends_on)
    if scope.starts_on:
        placements = placements.filter(starts_on__gte=scope.starts_on)
    rows = placements.annotate(
        start_route=Subquery(first.values("route")[:1]), start_employer=Subquery(first.values("employer")[:1])
    ).values_list("start_route", "start_employer", "route", "employer")
    return [(route or now, employer if route else now_employer) for route, employer, now, now_employer in rows]


def routes_table(starts: list[tuple[str, int | None]], cells: Cells) -> Table:
    counts = Counter(route for route, _employer in starts)
    routes = PlacementRoute.values
    shown = cells.column([counts[route] for route in routes])  # they add up to the total row
    total = cells.people(len(starts))
    labels = dict(PlacementRoute.choices)
    rows = [[labels[route], count, cells.share(count, total)] for route, count in zip(routes, shown, strict=True)]
    rows.append([_("Total"), total, cells.share(total, total)])
    return Table(
        key="placement_routes",
        title=_("Placements by start route"),
        headers=[_("Start route"), _("Placements"), _("Share of placements")],
        rows=rows,
        chart=cells.bars([(str(labels[route]), count) for route, count in zip(routes, shown, strict=True)]),
        note=_("Placements that started in the period, by the route they started on."),
        row_keys=[*routes, "total"],
        column_keys=["people", "share"],
    )


def temp_work_by_agency_table(starts: list[tuple[str, int | None]], temp_total: int | str, cells: Cells) -> Table:
    counts = Counter(employer or NOT_RECORDED for route, employer in starts if route == PlacementRoute.TEMP_WORK)
    agencies = Organisation.objects.filter(pk__in=[key for key in counts if key != NOT_RECORDED])
    names = {organisation.pk: str(organisation) for organisation in agencies}
    names[NOT_RECORDED] = _("Agency not recorded")
    keys = sorted(counts, key=lambda key: (key == NOT_RECORDED, -counts[key], names[key]))
    shown = cells.column([counts[key] for key in keys])  # they add up to temp work's placements above
    return Table(
        key="temp_work_agencies",
        title=_("Temp work by agency"),
        headers=[_("Temp agency · branch"), _("Placements"), _("Share of temp work")],
        rows=[[names[key], count, cells.share(count, temp_total)] for key, count in zip(keys, shown, strict=True)],
        note=_('"Agency not recorded": temp placements recorded before the employer of record was asked for.'),
        row_keys=[str(key) for key in keys],
        column_keys=["people", "share"],
    )


REFERRAL_COLUMNS = [ReferralOutcome.PLACED, ReferralOutcome.IN_PROGRESS, ReferralOutcome.NOT_SUITABLE,
                    ReferralOutcome.NO_RESPONSE, ""]  # fmt: skip


def referrals_by_agency_table(scope: Scope, cells: Cells) -> Table:
    """Referrals made in the period, by organisation and outcome. For funder viewers without the per-organisation
    total and without a total row: the outcomes of a row add up to it, so one hidden outcome would be that total
    minus the others — with neither shown, no cell is another's remainder and each is published on its own."""
    referrals = Referral.objects.filter(enrolment__campaign__in=scope.campaigns, created_at__date__lte=scope.ends_on)
    if scope.starts_on:
        referrals = referrals.filter(created_at__date__gte=scope.starts_on)
    counts = Counter(referrals.values_list("organisation", "outcome"))
    organisations = sorted(Organisation.objects.filter(pk__in={pk for pk, _outcome in counts}), key=str)
    labels = [*(ReferralOutcome(outcome).label for outcome in REFERRAL_COLUMNS[:-1]), _("No answer yet")]
    keys = [*(outcome for outcome in REFERRAL_COLUMNS[:-1]), "awaiting"]
    with_total = not cells.suppress
    rows = []
    for organisation in organisations:
        outcomes = [counts[(organisation.pk, outcome)] for outcome in REFERRAL_COLUMNS]
        total = [sum(outcomes)] if with_total else []
        rows.append([str(organisation), *total, *(cells.people(count) for count in outcomes)])
    return Table(
        key="referrals_by_agency",
        title=_("Referrals by organisation"),
        headers=[_("Referred to"), *([_("Referred")] if with_total else []), *labels],
        rows=rows,
        note=_("Referrals to temp agencies and VDAB made in the period, with the outcome they answered."),
        row_keys=[str(organisation.pk) for organisation in organisations],
        column_keys=[*(["referred"] if with_total else []), *keys],
    )
