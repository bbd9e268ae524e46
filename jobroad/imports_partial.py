"""Importing the valid rows of a file and handing back the rows with errors, to fix and upload again.

``jobroad.imports`` keeps its rule: nothing is half-saved behind anyone's back. Leaving rows out is a choice the
uploader makes on a confirmation page that names both counts ("12 rows will be imported, 3 left out"):

* ``confirm_valid_rows`` saves every valid row in one transaction — all of them or none — and keeps the rows left
  out as a new pending import of the same target and owner, whose preview lists their errors and takes the
  corrected file. It refuses, writing nothing, when the counts the uploader confirmed are no longer true.
* ``rejected_rows_file`` is those rows as they were typed, under the file's own column names, with one more column
  that says what to fix. When the fixed file comes back the importer passes over that column in silence.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import tabular
from .imports import ERROR_HEADERS, PENDING_LIFETIME, ImportRefused, Preview, preview_import
from .models import PendingImport, User


def can_leave_out_errors(preview: Preview) -> bool:
    """Whether the valid rows can go in without the others: some rows have errors, some are ready, and nothing
    else (the intake closed, say) stops the import."""
    return bool(preview.error_rows) and not preview.problems and len(preview.rows) > len(preview.error_rows)


def confirm_valid_rows(
    *,
    pending: PendingImport,
    actor: User,
    include_flagged: bool | None,
    expected_valid: int,
    expected_left_out: int,
) -> tuple[int, PendingImport]:
    """Import the valid rows of ``pending`` in one transaction, and replace it by a pending import of the rows with
    errors; returns the number imported and that remainder.

    Everything is validated again first. Refuses (ImportRefused), writing nothing, when the target refuses, when
    the number of valid rows or of rows with errors is not what the uploader confirmed, when no row has an error
    (the ordinary confirmation is for that), when nobody chose about rows flagged as likely duplicates, or when
    another confirmation got there first.
    """
    try:
        with transaction.atomic():
            if not PendingImport.objects.filter(pk=pending.pk, owner=actor).delete()[0]:
                raise ImportRefused(_("This import was already confirmed or discarded."))
            preview = preview_import(pending)
            if preview.problems:
                raise ImportRefused(" ".join(preview.problems))
            left_out = preview.error_rows
            valid = len(preview.rows) - len(left_out)
            if (valid, len(left_out)) != (expected_valid, expected_left_out) or not left_out or not valid:
                raise ImportRefused(_("The rows changed since you checked them; nothing was imported. Check again."))
            if preview.flagged_rows and include_flagged is None:
                raise ImportRefused(_("Choose whether to import the rows flagged as likely duplicates."))
            rows = preview.rows_to_import(include_flagged=bool(include_flagged))
            preview.spec.save(pending, rows)
            remainder = keep_rows(pending, {row.number for row in left_out})
    except ValidationError as error:
        raise ImportRefused(" ".join(error.messages)) from error
    return len(rows), remainder


def keep_rows(pending: PendingImport, numbers: set[int]) -> PendingImport:
    """A new pending import of the same target and owner holding only the rows ``numbers`` (for 24 hours again:
    the person needs the time to fix them)."""
    return PendingImport.objects.create(
        kind=pending.kind,
        owner_id=pending.owner_id,
        campaign_id=pending.campaign_id,
        organisation_id=pending.organisation_id,
        company_id=pending.company_id,
        filename=pending.filename,
        columns=pending.columns,
        ignored_columns=pending.ignored_columns,
        rows=[row for row in pending.rows if row["number"] in numbers],
        legacy_encoding=pending.legacy_encoding,
        expires_at=timezone.now() + PENDING_LIFETIME,
    )


def rejected_rows_file(preview: Preview, file_format: str) -> tuple[bytes, str]:
    """The rows with errors as typed, under the file's column names, and a last column saying what to fix; the
    file name says it holds the rows to fix."""
    keys = [column["key"] for column in preview.pending.columns]
    headers = [column["header"] for column in preview.pending.columns]
    # An error names its column by letter and name in the preview; the letters move in this file, the names stay.
    names = {f"{column['letter']} · {column['header']}": column["header"] for column in preview.pending.columns}
    by_number = {row["number"]: row for row in preview.pending.rows}
    rows = []
    for result in preview.error_rows:
        cells = by_number[result.number]["cells"]
        errors = [f"{names.get(column, column)}: {message}" if column else message for column, message in result.errors]
        rows.append([cells.get(key, "") for key in keys] + [" | ".join(errors)])
    headers.append(error_header())
    stem = f"jobroad-{preview.pending.kind}-to-fix"
    if file_format == "csv":
        return tabular.write_csv(headers, rows), f"{stem}.csv"
    return tabular.write_xlsx([(_("To fix"), headers, rows)]), f"{stem}.xlsx"


def error_header() -> str:
    language = (translation.get_language() or "nl").split("-")[0]
    return ERROR_HEADERS.get(language, ERROR_HEADERS["en"])
