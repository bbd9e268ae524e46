"""Importing rows from a spreadsheet: upload → preview with per-row errors and duplicate flags → confirm.

The flow and its rules, the same for every kind of row (each kind is an ``ImportSpec``, written and registered by
the app that owns the rows: ``campaigns/intake/imports.py``, ``companies/imports.py``):

* ``start_import`` reads the file (``jobroad.tabular``: CSV or XLSX, the encodings Belgian Excel writes),
  matches its column names — Dutch, French or English — to the spec's columns, and keeps the raw cells in a
  ``PendingImport`` owned by the uploader. A file that cannot be read, or misses a required column, is
  refused with the reason, and nothing is kept. Nothing reaches the registries yet.
* ``preview_import`` validates every row with the **same form** the app uses to enter one by hand, so the
  rules live in one place, and flags likely duplicates: rows repeating an earlier row of the file, and rows
  that match a record already there (the spec asks the owning app's duplicate selector).
* ``confirm_import`` validates everything again inside one transaction and saves every row, or nothing.
  **A row with an error blocks the import**: the person fixes the file and uploads it again (the preview
  page takes the corrected file). Skipping bad rows silently would leave people out without anyone
  noticing; leaving them out on purpose, after a confirmation that names both counts, is
  ``jobroad.imports_partial``, which hands the rows left out back as a file to fix.
  **Duplicate flags do not block**, because two people can share a name and a birth year: the
  person chooses to skip the flagged rows or to import them anyway.

Limits, said to the user on the upload page: ``ImportSpec.max_rows`` rows (500 vacancies, 250 candidates)
and ``MAX_UPLOAD_BYTES`` per file. A longer or larger file is refused at once (reading stops at the first row
over the limit), never half imported. Every row goes through the app's own form and service, a few
milliseconds each, so the limits keep a preview and a confirmation to seconds — far from any request timeout.
A campaign takes in about 45 candidates per action, so a limit never gets in the way of real work.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import PurePath
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import tabular
from .cells import UI_LANGUAGES, Converter, flatten
from .models import ImportKind, PendingImport, User
from .text import printable

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


PENDING_LIFETIME = timedelta(hours=24)

# The last column of a file of rows left out (``jobroad.imports_partial``): passed over when the fixed file comes back.
ERROR_HEADERS = {"nl": "Fout", "fr": "Erreur", "en": "Error"}


class ImportRefused(Exception):
    """The file or the import cannot go ahead; the message says why and what to do."""


@dataclass(frozen=True)
class Column:
    """One column of an import: the form field it fills and the names a file may give it."""

    key: str  # the row form's field name
    headers: dict[str, str]  # the template's column name per UI language (nl, fr, en)
    aliases: tuple[str, ...] = ()  # other names accepted for the column
    required: bool = False  # the column must be in the file; the form decides whether a cell may be empty
    requirement: str = ""  # said instead of "required"/"optional" when a rule joins columns (this one or those)
    help: str = ""  # what to write, for the template's help sheet
    example: str = ""
    # For a choice of database objects: the texts that name an object (default: its name in each language).
    names_of: Callable[[Any], Iterable[str]] | None = None
    # For a column the row form does not have: turns the cell into a value (raising ValidationError); the
    # value is in ``RowResult.extra`` for the spec's ``save``.
    parse: Callable[[str], Any] | None = None
    # For a form field's column whose values people write in more ways than the choices' labels (a language by
    # any of its names, ``jobroad.languages.language_code``): turns a filled cell into the field's value, or
    # raises ValidationError saying what it takes.
    convert: Callable[[str], Any] | None = None

    @property
    def header(self) -> str:
        language = (translation.get_language() or "nl").split("-")[0]
        return self.headers.get(language) or self.headers["en"]

    @cached_property
    def accepted_names(self) -> frozenset[str]:
        names = [self.key, *self.headers.values(), *self.aliases]
        return frozenset(tabular.normalise_label(name) for name in names)


class ImportSpec:
    """A kind of rows that can be imported. Subclasses live in the app that owns the rows."""

    kind: str = ""
    columns: tuple[Column, ...] = ()
    max_rows: int = 500  # see the module's docstring

    @property
    def title(self) -> str:
        return ImportKind(self.kind).label

    def form(self, pending: PendingImport, data: dict | None = None) -> forms.Form:
        """The form that validates one row — the one used to enter a record by hand."""
        raise NotImplementedError

    def problems(self, pending: PendingImport) -> list[str]:
        """Why nothing can be imported into this target now (e.g. the intake is over); empty when it can."""
        return []

    def duplicate_keys(self, cleaned: dict) -> list[tuple]:
        """Keys that make two rows of one file likely the same record."""
        return []

    def existing_duplicates(self, pending: PendingImport, cleaned: dict) -> list[str]:
        """What the row likely duplicates among the records already there, as the uploader may be told."""
        return []

    def row_notes(self, pending: PendingImport, cleaned: dict) -> list[str]:
        """What the uploader should know about a valid row without it blocking or needing a choice."""
        return []

    def duplicates_checked(self, pending: PendingImport) -> None:
        """Called once every row was checked against the records already there: e.g. to audit what it found."""

    def save(self, pending: PendingImport, rows: list["RowResult"]) -> None:
        """Save the valid rows (inside the import's transaction); ``row.flags`` says whether a person chose
        to import a flagged row anyway."""
        raise NotImplementedError

    def done_url(self, pending: PendingImport) -> str:
        """Where the imported rows are listed."""
        raise NotImplementedError

    def done_message(self, pending: PendingImport, count: int) -> str:
        raise NotImplementedError

    def upload_url(self, pending: PendingImport) -> str:
        """The upload page of this kind and target (to start again)."""
        raise NotImplementedError

    def target(self, pending: PendingImport) -> str:
        """Where the rows go, in words (e.g. the campaign and the registering organisation)."""
        raise NotImplementedError


# The kinds of import, by ``ImportKind``: each app that owns a kind of rows registers its spec at start-up (in its
# ``AppConfig.ready``), so the core names no app.
SPECS: dict[str, type[ImportSpec]] = {}


def register_spec(spec: type[ImportSpec]) -> None:
    SPECS[spec.kind] = spec


def spec_for(kind: str) -> ImportSpec:
    if kind not in SPECS:
        raise ValueError(f"unknown import kind {kind!r}")
    return SPECS[kind]()


def start_import(*, kind: str, owner: User, upload, replaces: PendingImport | None = None, **target) -> PendingImport:
    """Read an uploaded file and keep its rows for the preview; ``target`` is ``campaign`` and
    ``organisation`` for candidates, ``company`` for vacancies. Refuses (ImportRefused) a file too large,
    unreadable, too long, or missing a required column; then nothing is kept. A corrected file ``replaces``
    the earlier pending import. Also deletes the owner's expired pending imports."""
    spec = spec_for(kind)
    if problems := spec.problems(PendingImport(kind=kind, owner=owner, **target)):
        raise ImportRefused(" ".join(problems))
    if upload.size > MAX_UPLOAD_BYTES:
        raise ImportRefused(too_large_message(upload.size))
    try:
        table = tabular.read_table(upload.read(), max_rows=spec.max_rows)
    except tabular.TableError as error:
        raise ImportRefused(str(error)) from error
    strip_control_characters(table)
    columns, ignored = match_columns(spec, table)
    rows = [
        {"number": row.number, "cells": {column["key"]: row.cells[column["index"]] for column in columns}}
        | ({"extra": row.extra_cells} if row.extra_cells else {})
        for row in table.rows
    ]
    with transaction.atomic():
        PendingImport.objects.filter(owner=owner, expires_at__lte=timezone.now()).delete()
        if replaces is not None:
            PendingImport.objects.filter(pk=replaces.pk, owner=owner).delete()
        return PendingImport.objects.create(
            kind=kind,
            owner=owner,
            filename=PurePath(upload.name or "").name[:255],
            columns=[{key: column[key] for key in ("key", "header", "letter")} for column in columns],
            ignored_columns=ignored,
            rows=rows,
            legacy_encoding=table.legacy_encoding,
            expires_at=timezone.now() + PENDING_LIFETIME,
            **target,
        )


def strip_control_characters(table: tabular.Table) -> None:
    """Every header and cell without invisible control characters (``jobroad.text``), before anything is kept: the
    preview shows, the formula check sees and the row forms take in what will be saved. A cell may hold several
    lines (work experience); a single-line field's own form makes its line breaks spaces."""
    table.headers = [printable(header) for header in table.headers]
    for row in table.rows:
        row.cells = [printable(cell, multiline=True) for cell in row.cells]


def too_large_message(size: int) -> str:
    return _("The file is %(size)s MB; one import takes at most %(limit)s MB. Split it into smaller files.") % {
        "size": number_format(size / 1024 / 1024, 1),
        "limit": number_format(MAX_UPLOAD_BYTES / 1024 / 1024, 0),
    }


def match_columns(spec: ImportSpec, table: tabular.Table) -> tuple[list[dict], list[str]]:
    """The spec's columns found in the header row (with their index, header and letter), and the headers
    that are not imported. Refuses a column given twice, or a required column missing."""
    by_name = {name: column for column in spec.columns for name in column.accepted_names}
    found: dict[str, dict] = {}
    ignored = []
    for index, header in enumerate(table.headers):
        letter = tabular.column_letter(index)
        column = by_name.get(tabular.normalise_label(header))
        if column is None and header in ERROR_HEADERS.values():
            continue
        if column is None:
            if header or any(row.cells[index] for row in table.rows):
                ignored.append(f"{letter} “{header}”" if header else _("%(letter)s (no name)") % {"letter": letter})
            continue
        if column.key in found:
            raise ImportRefused(
                _("Columns %(first)s and %(second)s are both “%(name)s”. Keep one of them.")
                % {"first": found[column.key]["letter"], "second": letter, "name": column.header}
            )
        found[column.key] = {"key": column.key, "index": index, "header": header, "letter": letter}
    missing = [column for column in spec.columns if column.required and column.key not in found]
    if missing:
        raise ImportRefused(missing_columns_message(missing, table.headers))
    return sorted(found.values(), key=lambda column: column["index"]), ignored


def missing_columns_message(missing: list[Column], headers: list[str]) -> str:
    names = "; ".join(" / ".join(dict.fromkeys(column.headers[lang] for lang in UI_LANGUAGES)) for column in missing)
    message = ngettext(
        "The file has no column “%(names)s”, which is required.",
        "The file misses these required columns: %(names)s.",
        len(missing),
    ) % {"names": names}
    first_row = ", ".join(f"“{header}”" for header in headers if header)
    return " ".join(
        [
            message,
            _("The first row of the file must hold the column names; it now holds: %(headers)s.")
            % {"headers": first_row or "—"},
            _("Download the template to see the names."),
        ]
    )


def template_file(kind: str, file_format: str) -> tuple[bytes, str]:
    """An empty file to fill in (the column names in the reader's language) and its file name. The XLSX has
    a second sheet that says, per column, whether it is required, what to write and the accepted values."""
    spec = spec_for(kind)
    headers = [column.header for column in spec.columns]
    name = f"jobroad-{kind}-template"
    if file_format == "csv":
        return tabular.write_csv(headers, []), f"{name}.csv"
    probe = spec.form(PendingImport(kind=kind))
    help_rows = [
        [
            column.header,
            str(column.requirement) or (_("required") if column.required else _("optional")),
            column_help(column, probe.fields.get(column.key)),
            column.example,
            ", ".join(dict.fromkeys([*column.headers.values(), *column.aliases])),
        ]
        for column in spec.columns
    ]
    help_headers = [_("Column"), _("Required"), _("What to write"), _("Example"), _("Names accepted for the column")]
    sheets = [(spec.title, headers, []), (_("Help"), help_headers, help_rows)]
    return tabular.write_xlsx(sheets), f"{name}.xlsx"


def column_help(column: Column, form_field: forms.Field | None) -> str:
    parts = [str(column.help)] if column.help else []
    if isinstance(form_field, forms.ChoiceField) and not isinstance(form_field, forms.ModelChoiceField):
        labels = [str(label) for value, label in flatten(form_field.choices) if value not in ("", None)]
        if len(labels) <= 60:
            parts.append(_("Accepted: %(choices)s.") % {"choices": "; ".join(labels)})
        else:
            parts.append(_("A name in Dutch, French or English, or its code."))
    elif not parts and isinstance(form_field, forms.ModelChoiceField):
        parts.append(_("A name as JobRoad lists it (in Dutch, French or English)."))
    elif not parts and isinstance(form_field, forms.DateField):
        parts.append(_("A date as day/month/year, e.g. 31/12/2025."))
    elif not parts and isinstance(form_field, forms.BooleanField):
        parts.append(_("yes or no (ja/nee, oui/non)."))
    elif not parts and form_field is not None and form_field.help_text:
        parts.append(str(form_field.help_text))
    return " ".join(parts)


@dataclass
class RowResult:
    number: int
    cells: list[str]  # as typed, in the order of the imported columns
    errors: list[tuple[str, str]] = field(default_factory=list)  # (column, message)
    flags: list[str] = field(default_factory=list)  # likely duplicates
    notes: list[str] = field(default_factory=list)  # told, never blocking (a name in another spelling)
    form: forms.Form | None = None  # the valid bound form
    extra: dict[str, Any] = field(default_factory=dict)  # values of the columns the form does not have


@dataclass
class Preview:
    pending: PendingImport
    spec: ImportSpec
    rows: list[RowResult]
    problems: list[str]  # why nothing can be imported now, whatever the rows say

    @property
    def error_rows(self) -> list[RowResult]:
        return [row for row in self.rows if row.errors]

    @property
    def flagged_rows(self) -> list[RowResult]:
        return [row for row in self.rows if row.flags and not row.errors]

    @property
    def noted_rows(self) -> list[RowResult]:
        return [row for row in self.rows if row.notes and not row.errors]

    @property
    def can_confirm(self) -> bool:
        return not self.problems and not self.error_rows

    def rows_to_import(self, *, include_flagged: bool) -> list[RowResult]:
        return [row for row in self.rows if not row.errors and (include_flagged or not row.flags)]


def preview_import(pending: PendingImport) -> Preview:
    """Every row of the pending import validated with the spec's form, with its errors and duplicate flags.
    Computed afresh each time, so it sees what others registered meanwhile. Writes nothing but what the spec
    records of its duplicate check (candidates: an audit entry per candidate matched)."""
    spec = spec_for(pending.kind)
    problems = spec.problems(pending)
    probe = spec.form(pending)
    # Every field of the form gets a value: from its column, or — column absent or cell empty — the default
    # the form would show (e.g. a vacancy is open unless the file says otherwise).
    converters = {name: Converter(form_field, spec_column(spec, name)) for name, form_field in probe.fields.items()}
    rows = [validate_row(spec, pending, converters, row) for row in pending.rows]
    flag_duplicates(spec, pending, rows)
    spec.duplicates_checked(pending)
    return Preview(pending=pending, spec=spec, rows=rows, problems=problems)


def spec_column(spec: ImportSpec, key: str) -> Column | None:
    return next((column for column in spec.columns if column.key == key), None)


def validate_row(spec: ImportSpec, pending: PendingImport, converters: dict, row: dict) -> RowResult:
    cells = row["cells"]
    result = RowResult(number=row["number"], cells=[cells.get(column["key"], "") for column in pending.columns])
    if row.get("extra"):
        result.errors.append(("", extra_cells_message(row["extra"])))
    labels = {column["key"]: f"{column['letter']} · {column['header']}" for column in pending.columns}
    refused = set()
    for key, text in cells.items():
        if tabular.looks_like_formula(text):
            result.errors.append((labels[key], formula_message(text)))
            refused.add(key)
    data = {}
    for key, converter in converters.items():
        try:
            data[key] = converter.convert("" if key in refused else cells.get(key, ""))
        except ValidationError as error:
            result.errors.extend((labels[key], message) for message in error.messages)
            refused.add(key)
    for key, text in cells.items():
        column = spec_column(spec, key)
        if key in converters or key in refused or column is None or column.parse is None:
            continue
        try:
            result.extra[key] = column.parse(text)
        except ValidationError as error:
            result.errors.extend((labels[key], message) for message in error.messages)
    form = spec.form(pending, data)
    if form.is_valid() and not result.errors:
        result.form = form
        return result
    for name, messages in form.errors.items():
        if name in refused:
            continue  # the cell's own error says it better than "this field is required"
        label = labels.get(name) or (str(form.fields[name].label) if name in form.fields else "")
        result.errors.extend((label, message) for message in messages)
    # Left to right as in the spreadsheet; errors of the whole row first, of fields without a column last.
    order = {label: index for index, label in enumerate(["", *labels.values()])}
    result.errors.sort(key=lambda error: order.get(error[0], len(order)))
    return result


def extra_cells_message(count: int) -> str:
    return ngettext(
        "%(count)s value stands right of the last named column. Is there a separator inside a value? Put that "
        "value between quotes, or save the file with ; as separator.",
        "%(count)s values stand right of the last named column. Is there a separator inside a value? Put that "
        "value between quotes, or save the file with ; as separator.",
        count,
    ) % {"count": count}


def formula_message(text: str) -> str:
    return _(
        "“%(start)s…” looks like a spreadsheet formula, which we do not import. Type the value itself "
        "(in Excel: copy, then Paste special → Values)."
    ) % {"start": text[:12]}


def flag_duplicates(spec: ImportSpec, pending: PendingImport, rows: list[RowResult]) -> None:
    """Flag valid rows that repeat an earlier row of the file, and rows matching a record already there."""
    first_seen: dict[tuple, int] = {}
    for row in rows:
        if row.form is None:
            continue
        earlier = []
        for key in spec.duplicate_keys(row.form.cleaned_data):
            if key in first_seen:
                earlier.append(first_seen[key])
            else:
                first_seen[key] = row.number
        if earlier:
            row.flags.append(_("Same as row %(row)s of this file.") % {"row": min(earlier)})
        row.flags.extend(spec.existing_duplicates(pending, row.form.cleaned_data))
        row.notes.extend(spec.row_notes(pending, row.form.cleaned_data))


def confirm_import(*, pending: PendingImport, actor: User, include_flagged: bool | None) -> int:
    """Import every valid row of ``pending`` in one transaction and delete it; returns the number imported.

    Everything is validated again first. Refuses (ImportRefused), writing nothing, when any row has an
    error, when the target refuses (e.g. the intake closed meanwhile), when rows are flagged as likely
    duplicates and ``include_flagged`` is None (nobody chose), or when another confirmation of the same
    import got there first.
    """
    try:
        with transaction.atomic():
            # Deleting first locks the row: a second click waits here, then finds nothing to import.
            if not PendingImport.objects.filter(pk=pending.pk, owner=actor).delete()[0]:
                raise ImportRefused(_("This import was already confirmed or discarded."))
            preview = preview_import(pending)
            if preview.problems:
                raise ImportRefused(" ".join(preview.problems))
            if preview.error_rows:
                raise ImportRefused(rows_with_errors_message(len(preview.error_rows)))
            if preview.flagged_rows and include_flagged is None:
                raise ImportRefused(_("Choose whether to import the rows flagged as likely duplicates."))
            rows = preview.rows_to_import(include_flagged=bool(include_flagged))
            preview.spec.save(pending, rows)
    except ValidationError as error:
        raise ImportRefused(" ".join(error.messages)) from error
    return len(rows)


def rows_with_errors_message(count: int) -> str:
    return ngettext(
        "%(count)s row has an error; nothing was imported. Fix the file and upload it again.",
        "%(count)s rows have errors; nothing was imported. Fix the file and upload it again.",
        count,
    ) % {"count": count}


def discard_import(*, pending: PendingImport) -> None:
    """Forget a pending import: its cells are deleted at once."""
    pending.delete()


def delete_expired_imports() -> int:
    """The periodic sweep's share: pending imports past their lifetime are deleted (they may hold personal
    data nobody confirmed)."""
    deleted, _ = PendingImport.objects.filter(expires_at__lte=timezone.now()).delete()
    return deleted
