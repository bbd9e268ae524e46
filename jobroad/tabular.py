"""Reading and writing tables: CSV and XLSX files as people make them in Belgium, and safe ones back.

Reading (``read_table``) decides the format from the file's content, never from its name, and turns
every way a file can be wrong into a ``TableError`` whose message a coordinator understands:

* **Formats.** XLSX (Excel 2007 and later; the first sheet) and CSV. A PDF, an old ``.xls``, an
  OpenDocument file or any other binary file is refused with what it is and how to save it instead.
* **Encodings of a CSV.** UTF-8 with or without a byte-order mark ("CSV UTF-8" in Excel), UTF-16 with a
  byte-order mark (Excel's "Unicode text"), and Windows-1252 — what Excel in Belgium writes for plain
  "CSV (gescheiden door lijstscheidingsteken)". A file that is none of these is refused with how to save
  it as CSV UTF-8. Windows-1252 cannot hold Arabic, Cyrillic or Ethiopic letters (Excel writes ``?``
  instead), so reading one sets ``Table.legacy_encoding`` and the preview says so.
* **Separators.** ``;`` (Belgian Excel), ``,`` and tab, decided from the header row; an Excel
  ``sep=;`` first line is honoured.
* **Limits.** At most ``max_rows`` data rows and ``MAX_COLUMNS`` columns; reading stops as soon as a
  limit is passed, so a huge file costs no more than a file just over the limit. An XLSX whose parts
  would unpack to more than ``MAX_UNPACKED_BYTES`` is refused before it is parsed (zip bombs), and its
  XML is parsed by defusedxml (no entity expansion).

Cells come back as stripped text. An XLSX formula cell comes back as its formula text (``=SUM(A1:A3)``),
never as a computed value, so ``looks_like_formula`` catches it like a CSV cell typed as ``=…``.

Writing (``write_csv``, ``write_xlsx``) neutralises spreadsheet formula injection: a text cell that
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is written with a leading ``'`` so no
spreadsheet program runs it. CSV is written as UTF-8 with a byte-order mark, ``;``-separated, so
Excel in Belgium opens it with accents and columns intact.
"""

import csv
import datetime
import io
import logging
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.read_only import EMPTY_CELL
from openpyxl.styles import Font

logger = logging.getLogger(__name__)

MAX_COLUMNS = 60
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
CELL_LIMIT = 32_767  # Excel's own limit on the characters in one cell

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# A value starting with + or - that is only a number or a phone number is not a formula.
PLAIN_NUMBER = re.compile(r"[+-][\d\s.,/()]*")
# Characters XML 1.0 cannot carry; openpyxl refuses them.
ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class TableError(Exception):
    """A file that cannot be read as a table; the message says why and what to do, for the person
    who uploaded it."""


@dataclass
class Row:
    number: int  # the row number a spreadsheet program shows for it (the header is usually row 1)
    cells: list[str]
    extra_cells: int = 0  # non-empty cells to the right of the last header


@dataclass
class Table:
    format: str  # "csv" or "xlsx"
    headers: list[str]
    rows: list[Row] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""

    @property
    def legacy_encoding(self) -> bool:
        return self.encoding == "windows-1252"


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column index: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def normalise_label(text: str) -> str:
    """A header or a choice as typed, folded so that ``Prénom``, ``prenom`` and ``PRÉ-NOM`` compare equal."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    text = re.sub(r"[\s_\-./:*]+", " ", text.casefold())
    return text.strip()


def looks_like_formula(value: str) -> bool:
    """A cell a spreadsheet program would run as a formula: ``=…``, ``@…``, or ``+``/``-`` followed by
    more than a number or a phone number (``+32 470 12 34 56`` and ``-5`` are plain values)."""
    if not value or value[0] not in FORMULA_PREFIXES:
        return False
    return not PLAIN_NUMBER.fullmatch(value)


# --- reading -------------------------------------------------------------------------------------------


def read_table(data: bytes, *, max_rows: int) -> Table:
    """The table in ``data`` (the bytes of an uploaded file). Raises ``TableError``."""
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise TableError(_("The file is empty."))
    if data.startswith(b"PK\x03\x04"):
        table = _read_xlsx(data, max_rows=max_rows)
    else:
        _refuse_known_binary(data)
        table = _read_csv(_decode(data), max_rows=max_rows)
    table.encoding = table.encoding or ""
    if not table.headers:
        raise TableError(_("The file is empty."))
    if not table.rows:
        raise TableError(_("The file has column names but no rows under them."))
    return table


def _refuse_known_binary(data: bytes) -> None:
    if data.startswith(b"%PDF"):
        raise TableError(_("This is a PDF document, not a spreadsheet. Upload a CSV or XLSX file."))
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise TableError(
            _(
                "This is an old Excel file (.xls) or another old Office document. Open it in Excel and save it "
                "as “Excel Workbook (.xlsx)” or “CSV UTF-8”."
            )
        )
    for signature in (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"Rar!", b"7z\xbc\xaf"):
        if data.startswith(signature):
            raise TableError(
                _("This is not a spreadsheet (it looks like an image or an archive). Upload a CSV or XLSX file.")
            )


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode_as(data[3:], "utf-8"), "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_as(data, "utf-16"), "utf-16"
    if b"\x00" in data:
        raise TableError(_("This is not a CSV text file or an XLSX workbook. Upload a CSV or XLSX file."))
    for encoding in ("utf-8", "windows-1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise TableError(_encoding_message())


def _decode_as(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise TableError(_encoding_message()) from error


def _encoding_message() -> str:
    return _(
        "The letters in this file are in an encoding we cannot read. In Excel choose File → Save as → "
        "“CSV UTF-8 (comma delimited)”, or upload the workbook as XLSX."
    )


def _read_csv(decoded: tuple[str, str], *, max_rows: int) -> Table:
    text, encoding = decoded
    if re.search(r"[\x00-\x08\x0e-\x1f\x7f]", text):
        raise TableError(_("This is not a CSV text file or an XLSX workbook. Upload a CSV or XLSX file."))
    first_line, _newline, rest = text.partition("\n")
    delimiter = ""
    if match := re.fullmatch(r'"?sep=(.)"?\s*', first_line):
        # Excel's own hint; Excel hides this line, so the header is still row 1.
        delimiter, text = match.group(1), rest
    else:
        header_line = next((line for line in text.splitlines() if line.strip()), "")
        delimiter = _guess_delimiter(header_line)
    table = Table(format="csv", headers=[], encoding=encoding, delimiter=delimiter)
    # strict: an unclosed quote, or text after a closing quote, is an error rather than one giant cell
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        _fill(table, enumerate(reader, start=1), max_rows=max_rows)
    except csv.Error as error:
        raise TableError(
            _(
                "Row %(row)s cannot be read: a quote is not closed, text follows a closing quote, "
                "or a value is too long."
            )
            % {"row": reader.line_num}
        ) from error
    return table


def _guess_delimiter(header_line: str) -> str:
    """The separator that splits the header row into the most columns; ``;`` on a tie (Belgian Excel)."""
    best, best_count = ";", 1
    for candidate in (";", ",", "\t"):
        try:
            count = len(next(csv.reader([header_line], delimiter=candidate), []))
        except csv.Error:  # e.g. a header line longer than a cell may be
            continue
        if count > best_count:
            best, best_count = candidate, count
    return best


def _rows_in_file(rows: Iterable[tuple]) -> Iterator[tuple[int, tuple]]:
    """The numbered rows a workbook holds. openpyxl fills the gap up to a row far down (a cell in row 1,048,576)
    with one shared empty row, which is skipped by identity, so such a file costs no more than its size."""
    gap = None
    for number, row in enumerate(rows, 1):
        if row is gap:
            continue
        if all(cell is EMPTY_CELL for cell in row):
            gap = row
            continue
        yield number, row


def _read_xlsx(data: bytes, *, max_rows: int) -> Table:
    _check_workbook_archive(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    except Exception as error:  # a hostile or damaged workbook can fail in many ways inside openpyxl
        logger.info("Unreadable workbook: %r", error)
        raise TableError(_unreadable_workbook_message()) from error
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # never trust the size a file claims for itself
        table = Table(format="xlsx", headers=[])
        rows = sheet.iter_rows(min_row=1, min_col=1, max_col=MAX_COLUMNS + 1)
        _fill(table, ((number, [_cell_text(cell) for cell in row]) for number, row in _rows_in_file(rows)), max_rows)
        return table
    except TableError:
        raise
    except Exception as error:
        logger.info("Unreadable worksheet: %r", error)
        raise TableError(_unreadable_workbook_message()) from error
    finally:
        workbook.close()


def _check_workbook_archive(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unpacked = sum(member.file_size for member in archive.infolist())
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, ValueError) as error:
        raise TableError(_unreadable_workbook_message()) from error
    if b"opendocument" in mimetype:
        raise TableError(
            _("This is an OpenDocument file (.ods). Save it as “Excel 2007-365 (.xlsx)” or as CSV, and upload that.")
        )
    if "xl/workbook.xml" not in names:
        raise TableError(
            _("This is a ZIP file or another Office document, not a spreadsheet. Upload a CSV or XLSX file.")
        )
    if unpacked > MAX_UNPACKED_BYTES:
        raise TableError(_("This workbook is too large to read. Keep only the sheet with the rows to import."))


def _unreadable_workbook_message() -> str:
    return _(
        "This XLSX file is damaged or not a real Excel workbook. Open it in Excel, save it again as "
        "“Excel Workbook (.xlsx)” or “CSV UTF-8”, and upload that."
    )


def _cell_text(cell) -> str:
    value = cell.value
    if value is None:
        return ""
    if cell.data_type == "f" and not isinstance(value, str):
        value = getattr(value, "text", None) or "="  # array and data-table formulas
        value = value if value.startswith("=") else f"={value}"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _fill(table: Table, numbered_rows: Iterable[tuple[int, Sequence[str]]], max_rows: int) -> None:
    """Take the header row (the first row with anything in it) and the non-blank rows under it, stopping
    as soon as there is one row too many."""
    for number, raw in numbered_rows:
        cells = [str(cell).strip() for cell in raw]
        if not any(cells):
            continue
        if any(len(cell) > CELL_LIMIT for cell in cells):
            raise TableError(
                _("Row %(row)s has a value longer than %(limit)s characters, more than a spreadsheet cell holds.")
                % {"row": number, "limit": CELL_LIMIT}
            )
        if not table.headers:
            while cells and not cells[-1]:
                cells.pop()
            if len(cells) > MAX_COLUMNS:
                raise TableError(
                    _("The file has more than %(limit)s columns. Keep only the columns of the template.")
                    % {"limit": MAX_COLUMNS}
                )
            table.headers = cells
            continue
        if len(table.rows) == max_rows:
            raise TableError(
                _(
                    "The file has more than %(limit)s rows. One import takes at most %(limit)s rows: split the file "
                    "into smaller files and import them one after the other."
                )
                % {"limit": max_rows}
            )
        width = len(table.headers)
        extra = sum(1 for cell in cells[width:] if cell)
        cells = (cells + [""] * width)[:width]
        table.rows.append(Row(number=number, cells=cells, extra_cells=extra))


# --- writing -------------------------------------------------------------------------------------------


def neutralise(value) -> str | int | float | Decimal | datetime.date:
    """A cell value safe to open in a spreadsheet program: numbers and dates stay as they are; text that
    would start a formula gets a leading quote, and characters XML cannot carry are dropped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int | float | Decimal | datetime.date):
        return value
    text = ILLEGAL_XML.sub("", str(value))
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def write_csv(headers: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    """A UTF-8 (with byte-order mark), ``;``-separated CSV, every text cell neutralised."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([neutralise(header) for header in headers])
    for row in rows:
        writer.writerow([_csv_text(neutralise(value)) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _csv_text(value) -> str:
    if isinstance(value, datetime.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    text = str(value)
    # A number written as text must not become a formula either (e.g. -5 → '-5).
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def write_xlsx(sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence]]]) -> bytes:
    """A workbook with one sheet per ``(title, headers, rows)``; the header row is bold and frozen. Text is
    always stored as text (never as a formula) and neutralised as in a CSV."""
    workbook = Workbook(write_only=True)
    for title, headers, rows in sheets:
        sheet = workbook.create_sheet(title=re.sub(r"[\[\]:*?/\\]", " ", str(title))[:31])
        sheet.freeze_panes = "A2"
        bold = []
        for header in headers:
            cell = WriteOnlyCell(sheet, value=_xlsx_value(header))
            cell.font = Font(bold=True)
            bold.append(cell)
        sheet.append(bold)
        for row in rows:
            sheet.append([_xlsx_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_value(value):
    value = neutralise(value)
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        value = value.replace(tzinfo=None)  # Excel has no time zones; exporters pass local times
    return value


def _xlsx_cell(sheet, value):
    value = _xlsx_value(value)
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # text stays text even if it starts with "=" after all
    elif isinstance(value, datetime.datetime):
        cell.number_format = "DD/MM/YYYY HH:MM"
    elif isinstance(value, datetime.date):
        cell.number_format = "DD/MM/YYYY"
    return cell
