"""A table to download as a spreadsheet (XLSX or CSV), and the response that carries it."""

from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.utils import timezone

from . import tabular

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass
class Export:
    name: str  # file name stem and sheet title
    headers: list[str]
    rows: Iterator[list]
    candidates: QuerySet | None = None  # whose records the file holds, for the audit trail


def download(data: bytes, filename: str, file_format: str) -> HttpResponse:
    response = HttpResponse(data, content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"  # lists of people stay out of shared caches
    return response


def export_response(export: Export, file_format: str) -> HttpResponse:
    if file_format not in CONTENT_TYPES:
        raise Http404
    filename = f"{export.name}-{timezone.localdate().isoformat()}.{file_format}"
    if file_format == "csv":
        data = tabular.write_csv(export.headers, export.rows)
    else:
        data = tabular.write_xlsx([(export.name, export.headers, export.rows)])
    return download(data, filename, file_format)
