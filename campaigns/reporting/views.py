"""The reports: live figures per campaign and period, as a page, a spreadsheet and a PDF."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language

from campaigns.permissions import visible_campaigns
from candidates.permissions import visible_candidates
from jobroad import tabular
from jobroad.exports import Export, download, export_response
from jobroad.pdf import pdf_response, render_pdf
from jobroad.permissions import can_view_reports, sees_small_counts

from ..forms import (
    FunderReportFilterForm,
    ReportFilterForm,
    ReportScopeForm,
)
from ..projectweek.transport.permissions import escorts_on
from . import reports
from .dashboard import dashboard_for
from .programmes import programme_progress
from .tables import activities, report_tables


@login_required
def report_list(request):
    """The KPI dashboard: aggregates only, small counts suppressed for those who may not see people."""
    scope, form = report_scope(request)
    tables = report_tables(scope, suppress=not sees_small_counts(request.user))
    flagged = [pk for table in tables for pk in table.flagged]
    context = {
        "form": form,
        "scope": scope,
        "tables": tables,
        "flagged_candidates": visible_candidates(request.user).filter(pk__in=flagged) if flagged else [],
        "query": request.GET.urlencode(),
    }
    return render(request, "campaigns/report_list.html", context, status=400 if form.errors else 200)


def report_scope(request) -> tuple[reports.Scope, ReportScopeForm]:
    """The scope the URL asks for; a filter that does not validate falls back to everything the user sees.
    Whoever does not see small counts chooses among whole periods instead of giving dates."""
    if not can_view_reports(request.user):
        raise Http404
    campaigns = visible_campaigns(request.user)
    if sees_small_counts(request.user):
        form = ReportFilterForm(request.GET or None, campaigns=campaigns)
    else:
        periods = reports.funder_periods(campaigns, timezone.localdate())
        form = FunderReportFilterForm(request.GET or None, campaigns=campaigns, periods=periods)
    return reports.report_scope(request.user, **form.scope()), form


@login_required
def report_export(request, file_format):
    scope, _form = report_scope(request)
    tables = report_tables(scope, suppress=not sees_small_counts(request.user))
    if file_format == "csv":
        table = next((table for table in tables if table.key == request.GET.get("table")), None)
        if table is None:
            raise Http404
        export = Export(name=f"report-{table.key}", headers=table.headers, rows=iter(table.rows))
        return export_response(export, "csv")
    if file_format != "xlsx":
        raise Http404
    sheets = [(table.title[:31], table.headers, table.rows) for table in tables]
    filename = f"report-{timezone.localdate().isoformat()}.xlsx"
    return download(tabular.write_xlsx(sheets), filename, "xlsx")


@login_required
def report_pdf(request):
    scope, _form = report_scope(request)
    suppress = not sees_small_counts(request.user)
    context = {
        "scope": scope,
        "tables": report_tables(scope, suppress=suppress),
        "activities": activities(scope, suppress=suppress),
        "printed_on": timezone.localdate(),
        # A programme's report opens with its targets against actuals, per year and over the whole period.
        "programme": scope.programme and programme_progress(scope.programme, suppress=suppress),
    }
    pdf = render_pdf("campaigns/pdf/funder_report.html", context, language=get_language())
    return pdf_response(pdf, f"funder-report-{timezone.localdate().isoformat()}.pdf")


@login_required
def home(request):
    # An escort's runs of the day link to their day page (campaigns.projectweek.transport).
    runs = escorts_on(request.user, timezone.localdate()).select_related("reception_centre")
    return render(request, "jobroad/home.html", {"dashboard": dashboard_for(request.user), "escort_runs": runs})
