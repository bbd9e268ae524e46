"""Reading CSV and XLSX files as people make them, refusing hostile ones, and writing safe ones back."""

import csv
import datetime
import io
import time
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from jobroad import tabular
from jobroad.tabular import TableError, column_letter, looks_like_formula, normalise_label, read_table

pytestmark = pytest.mark.usefixtures("english")  # the refusals are named by their English source text


def xlsx(*rows, sheet_title="Blad1") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def read(data: bytes, max_rows: int = 100) -> tabular.Table:
    return read_table(data, max_rows=max_rows)


def cells(table: tabular.Table) -> list[tuple[int, list[str]]]:
    return [(row.number, row.cells) for row in table.rows]


# --- encodings -----------------------------------------------------------------------------------------


def test_utf8_with_a_byte_order_mark_is_read():
    table = read("\ufeffVoornaam;Naam\nHélène;Ďurić\n".encode())

    assert table.headers == ["Voornaam", "Naam"]
    assert cells(table) == [(2, ["Hélène", "Ďurić"])]
    assert table.encoding == "utf-8"
    assert not table.legacy_encoding


def test_utf8_without_a_byte_order_mark_is_read():
    table = read("Voornaam;Naam\nأمل;Haddad\n".encode())

    assert cells(table) == [(2, ["أمل", "Haddad"])]


def test_what_belgian_excel_writes_as_plain_csv_is_read_as_windows_1252_and_flagged():
    data = "Prénom;Nom\r\nHélène;Müller\r\nJoël;Dubœuf\r\n".encode("cp1252")

    table = read(data)

    assert table.headers == ["Prénom", "Nom"]
    assert cells(table) == [(2, ["Hélène", "Müller"]), (3, ["Joël", "Dubœuf"])]
    assert table.encoding == "windows-1252"
    assert table.legacy_encoding


def test_excel_unicode_text_utf16_with_tabs_is_read():
    data = "First name\tLast name\r\nAmal\tحداد\r\n".encode("utf-16")

    table = read(data)

    assert table.delimiter == "\t"
    assert cells(table) == [(2, ["Amal", "حداد"])]


def test_a_file_in_an_encoding_we_cannot_read_says_how_to_save_it():
    data = b"Voornaam;Naam\nAmal;Had\x81dad\n"  # 0x81 is neither UTF-8 here nor defined in Windows-1252

    with pytest.raises(TableError) as refused:
        read(data)

    assert str(refused.value) == (
        "The letters in this file are in an encoding we cannot read. In Excel choose File → Save as → "
        "“CSV UTF-8 (comma delimited)”, or upload the workbook as XLSX."
    )


def test_utf16_without_a_byte_order_mark_is_refused_as_not_a_text_file():
    data = "Voornaam;Naam\nAmal;Haddad\n".encode("utf-16-le")

    with pytest.raises(TableError, match="This is not a CSV text file or an XLSX workbook"):
        read(data)


# --- separators ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("Voornaam;Naam;Geboortejaar\nAmal;Haddad;1990\n", ";"),
        ("Voornaam,Naam,Geboortejaar\nAmal,Haddad,1990\n", ","),
        ("Voornaam\tNaam\tGeboortejaar\nAmal\tHaddad\t1990\n", "\t"),
        ('"Voornaam";"Naam";"Geboortejaar"\n"Amal";"Haddad";"1990"\n', ";"),
    ],
    ids=["semicolon", "comma", "tab", "quoted"],
)
def test_the_separator_is_found_from_the_header_row(text, delimiter):
    table = read(text.encode())

    assert table.delimiter == delimiter
    assert table.headers == ["Voornaam", "Naam", "Geboortejaar"]
    assert cells(table) == [(2, ["Amal", "Haddad", "1990"])]


def test_a_comma_inside_a_value_of_a_semicolon_file_stays_in_the_value():
    table = read(b"Voornaam;Naam;Ervaring\nAmal;Haddad;Magazijn, heftruck\n")

    assert cells(table) == [(2, ["Amal", "Haddad", "Magazijn, heftruck"])]


def test_excel_sep_line_is_honoured_and_the_header_stays_row_1():
    table = read(b"sep=,\nVoornaam,Naam\nAmal,Haddad\n")

    assert table.delimiter == ","
    assert table.headers == ["Voornaam", "Naam"]
    assert cells(table) == [(2, ["Amal", "Haddad"])]


# --- rows as a spreadsheet numbers them ----------------------------------------------------------------


def test_blank_rows_are_skipped_but_row_numbers_stay_those_of_the_spreadsheet():
    table = read(b"Voornaam;Naam\n;\nAmal;Haddad\n\n  ;  \nYonas;Tesfaye\n")

    assert cells(table) == [(3, ["Amal", "Haddad"]), (6, ["Yonas", "Tesfaye"])]


def test_a_value_spanning_two_lines_is_one_spreadsheet_row():
    table = read(b'Voornaam;Ervaring\nAmal;"Magazijn\nheftruck"\nYonas;Bouw\n')

    assert cells(table) == [(2, ["Amal", "Magazijn\nheftruck"]), (3, ["Yonas", "Bouw"])]


def test_short_rows_are_padded_and_cells_right_of_the_headers_are_counted():
    table = read(b"Voornaam;Naam;Jaar\nAmal\nYonas;Tesfaye;1988;extra;;meer\n")

    assert [(row.cells, row.extra_cells) for row in table.rows] == [
        (["Amal", "", ""], 0),
        (["Yonas", "Tesfaye", "1988"], 2),
    ]


def test_cells_are_stripped():
    table = read(b"  Voornaam ; Naam \n  Amal ;Haddad  \n")

    assert table.headers == ["Voornaam", "Naam"]
    assert cells(table) == [(2, ["Amal", "Haddad"])]


# --- empty, wrong and hostile files --------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   \r\n\r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n;;;\r\n"])
def test_an_empty_file_is_refused(data):
    with pytest.raises(TableError) as refused:
        read(data)

    assert str(refused.value) == "The file is empty."


def test_a_file_with_only_column_names_is_refused():
    with pytest.raises(TableError) as refused:
        read(b"Voornaam;Naam\r\n;\r\n")

    assert str(refused.value) == "The file has column names but no rows under them."


def test_a_renamed_pdf_is_refused_as_a_pdf():
    data = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"

    with pytest.raises(TableError) as refused:
        read(data)

    assert str(refused.value) == "This is a PDF document, not a spreadsheet. Upload a CSV or XLSX file."


def test_an_old_xls_file_is_refused_with_how_to_save_it():
    with pytest.raises(TableError, match=r"old Excel file \(\.xls\)"):
        read(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500)


def test_an_image_is_refused():
    with pytest.raises(TableError, match="not a spreadsheet"):
        read(b"\x89PNG\r\n\x1a\n" + b"\x00\x01" * 100)


def test_binary_garbage_is_refused():
    with pytest.raises(TableError, match="not a CSV text file or an XLSX workbook"):
        read(bytes(range(1, 9)) * 20)


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_a_word_document_is_refused_as_not_a_spreadsheet():
    data = zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})

    with pytest.raises(TableError, match="not a spreadsheet"):
        read(data)


def test_an_opendocument_spreadsheet_is_refused_with_how_to_save_it():
    data = zipped({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"})

    with pytest.raises(TableError, match=r"OpenDocument file \(\.ods\)"):
        read(data)


def test_a_damaged_workbook_is_refused():
    good = xlsx(["Voornaam"], ["Amal"])

    with pytest.raises(TableError, match="damaged or not a real Excel workbook"):
        read(good[: len(good) // 2])


def test_a_workbook_with_a_broken_sheet_is_refused():
    with zipfile.ZipFile(io.BytesIO(xlsx(["Voornaam"], ["Amal"]))) as original:
        files = {name: original.read(name) for name in original.namelist()}
    files["xl/worksheets/sheet1.xml"] = b"<worksheet><sheetData><row r='1'><c r='A1' t='s'><v>99</v></c>"

    with pytest.raises(TableError, match="damaged or not a real Excel workbook"):
        read(zipped(files))


def test_a_workbook_with_xml_entities_is_refused_not_expanded():
    with zipfile.ZipFile(io.BytesIO(xlsx(["Voornaam"], ["Amal"]))) as original:
        files = {name: original.read(name) for name in original.namelist()}
    files["xl/worksheets/sheet1.xml"] = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>'
    )

    with pytest.raises(TableError, match="damaged or not a real Excel workbook"):
        read(zipped(files))


def test_a_workbook_that_would_unpack_too_large_is_refused_before_parsing(monkeypatch):
    monkeypatch.setattr(tabular, "MAX_UNPACKED_BYTES", 2000)

    with pytest.raises(TableError) as refused:
        read(xlsx(["Voornaam"], *[[f"Amal {n}"] for n in range(200)]))

    assert str(refused.value) == "This workbook is too large to read. Keep only the sheet with the rows to import."


def test_a_csv_cell_longer_than_excel_allows_is_refused_with_its_row():
    data = ("Voornaam;Ervaring\nAmal;kort\nYonas;" + "x" * 40_000 + "\n").encode()

    with pytest.raises(TableError) as refused:
        read(data)

    assert str(refused.value) == "Row 3 has a value longer than 32767 characters, more than a spreadsheet cell holds."


@pytest.mark.parametrize(
    "text",
    [
        'Voornaam;Naam\n"Amal;Haddad\nYonas;Tesfaye\n',
        'Voornaam;Naam\nAmal;"Had"dad\n',
        "Voornaam;N\nA;" + "x" * 200_000,
    ],
    ids=["unclosed-quote", "text-after-quote", "beyond-the-csv-module"],
)
def test_a_malformed_csv_row_is_refused_with_its_row(text):
    with pytest.raises(TableError, match=r"^Row \d+ cannot be read: a quote is not closed"):
        read(text.encode())


def test_too_many_columns_are_refused():
    header = ";".join(f"Kolom {n}" for n in range(tabular.MAX_COLUMNS + 1))

    with pytest.raises(TableError, match=f"more than {tabular.MAX_COLUMNS} columns"):
        read(f"{header}\nAmal\n".encode())


# --- many rows -----------------------------------------------------------------------------------------


def test_a_10000_row_csv_is_refused_quickly_with_the_limit():
    data = ("Voornaam;Naam\n" + "Amal;Haddad\n" * 10_000).encode()
    started = time.monotonic()

    with pytest.raises(TableError) as refused:
        read(data, max_rows=1000)

    assert time.monotonic() - started < 2
    assert str(refused.value) == (
        "The file has more than 1000 rows. One import takes at most 1000 rows: split the file into smaller "
        "files and import them one after the other."
    )


def test_a_10000_row_workbook_is_refused_with_the_limit():
    data = xlsx(["Voornaam", "Naam"], *[["Amal", "Haddad"]] * 10_000)

    with pytest.raises(TableError, match="more than 1000 rows"):
        read(data, max_rows=1000)


def test_exactly_the_limit_is_read():
    table = read(("Voornaam\n" + "Amal\n" * 1000).encode(), max_rows=1000)

    assert len(table.rows) == 1000
    assert table.rows[-1].number == 1001


# --- workbooks -----------------------------------------------------------------------------------------


def test_a_workbook_gives_text_for_numbers_dates_and_booleans():
    data = xlsx(
        ["Voornaam", "Geboortejaar", "Datum", "Rijbewijs", "Score"],
        [" Amal ", 1990, datetime.date(2025, 3, 4), True, 3.5],
        [None, None, None, None, None],
        ["Yonas", 1988.0, datetime.datetime(2025, 3, 4, 9, 30), False, None],
    )

    table = read(data)

    assert table.format == "xlsx"
    assert table.headers == ["Voornaam", "Geboortejaar", "Datum", "Rijbewijs", "Score"]
    assert cells(table) == [
        (2, ["Amal", "1990", "2025-03-04", "yes", "3.5"]),
        (4, ["Yonas", "1988", "2025-03-04 09:30:00", "no", ""]),
    ]


def test_a_workbook_formula_cell_comes_back_as_its_formula_never_its_value():
    data = xlsx(["Voornaam", "Naam"], ["Amal", '=HYPERLINK("http://evil.example","klik")'], ["Yonas", "=1+1"])

    table = read(data)

    assert cells(table) == [(2, ["Amal", '=HYPERLINK("http://evil.example","klik")']), (3, ["Yonas", "=1+1"])]
    assert all(looks_like_formula(row.cells[1]) for row in table.rows)


def test_only_the_first_sheet_is_read():
    workbook = Workbook()
    workbook.active.append(["Voornaam"])
    workbook.active.append(["Amal"])
    workbook.create_sheet("Uitleg").append(["Niet dit"])
    buffer = io.BytesIO()
    workbook.save(buffer)

    table = read(buffer.getvalue())

    assert cells(table) == [(2, ["Amal"])]


def test_a_sheet_whose_first_rows_are_empty_starts_at_its_header():
    workbook = Workbook()
    workbook.active["B3"] = "Voornaam"
    workbook.active["B4"] = "Amal"
    workbook.active["B9"] = "Yonas"
    buffer = io.BytesIO()
    workbook.save(buffer)

    table = read(buffer.getvalue())

    assert table.headers == ["", "Voornaam"]
    assert cells(table) == [(4, ["", "Amal"]), (9, ["", "Yonas"])]


# --- helpers -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "formula"),
    [
        ("=1+1", True),
        ("@SUM(A1)", True),
        ("+cmd|' /C calc'!A0", True),
        ("-2+3+cmd|' /C calc'!A0", True),
        ('=HYPERLINK("x")', True),
        ("+32 470 12 34 56", False),
        ("-5", False),
        ("+32 (0)470/12.34.56", False),
        ("Amal", False),
        ("", False),
        ("a=b", False),
    ],
)
def test_looks_like_formula(value, formula):
    assert looks_like_formula(value) is formula


@pytest.mark.parametrize(("index", "letter"), [(0, "A"), (2, "C"), (25, "Z"), (26, "AA"), (27, "AB"), (701, "ZZ")])
def test_column_letters(index, letter):
    assert column_letter(index) == letter


def test_labels_are_folded_for_comparison():
    assert normalise_label(" Prénom ") == normalise_label("PRENOM") == "prenom"
    assert normalise_label("Geboorte-jaar") == normalise_label("geboorte_jaar") == "geboorte jaar"
    assert normalise_label("Voornaam *") == "voornaam"


# --- writing -------------------------------------------------------------------------------------------

HOSTILE = ["=1+1", "+32 470", "-5", "@SUM(A1)", "\tTab", "\rReturn", "Amal", "a=b"]
NEUTRALISED = ["'=1+1", "'+32 470", "'-5", "'@SUM(A1)", "'\tTab", "'\rReturn", "Amal", "a=b"]


def test_a_written_csv_reads_back_with_formulas_neutralised():
    data = tabular.write_csv(["Waarde", "=Kop"], [[value, 7] for value in HOSTILE])

    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0] == ["Waarde", "'=Kop"]
    assert [row[0] for row in rows[1:]] == NEUTRALISED
    assert {row[1] for row in rows[1:]} == {"7"}


def test_a_written_csv_neutralises_negative_numbers_and_writes_belgian_dates_and_yes_no():
    data = tabular.write_csv(["a", "b", "c", "d"], [[-5, datetime.date(2025, 3, 4), True, None]])

    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[1] == ["'-5", "04/03/2025", "yes", ""]


def test_a_written_workbook_reads_back_with_formulas_neutralised_and_stored_as_text():
    data = tabular.write_xlsx([("Kandidaten", ["Waarde", "=Kop"], [[value, 7] for value in HOSTILE])])

    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet.title == "Kandidaten"
    assert [cell.value for cell in sheet[1]] == ["Waarde", "'=Kop"]
    # XML hands a bare carriage return back as a line feed; the quote in front is what matters.
    assert [sheet.cell(row=n, column=1).value for n in range(2, 2 + len(HOSTILE))] == [
        value.replace("\r", "\n") for value in NEUTRALISED
    ]
    assert {sheet.cell(row=n, column=1).data_type for n in range(2, 2 + len(HOSTILE))} == {"s"}
    assert sheet.cell(row=2, column=2).value == 7
    assert sheet.freeze_panes == "A2"


def test_a_written_workbook_keeps_dates_as_dates_and_drops_characters_xml_cannot_hold():
    data = tabular.write_xlsx([("Blad", ["Datum", "Tekst"], [[datetime.date(2025, 3, 4), "Am\x01al"]])])

    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet["A2"].value == datetime.datetime(2025, 3, 4)
    assert sheet["A2"].number_format == "DD/MM/YYYY"
    assert sheet["B2"].value == "Amal"


def test_what_we_write_we_can_read_again():
    data = tabular.write_xlsx([("Blad", ["Voornaam", "Naam"], [["Amal", "Haddad"]])])

    assert cells(read(data)) == [(2, ["Amal", "Haddad"])]
    assert cells(read(tabular.write_csv(["Voornaam", "Naam"], [["Amal", "Haddad"]]))) == [(2, ["Amal", "Haddad"])]


def test_a_workbook_naming_the_last_row_is_read_at_the_cost_of_the_rows_it_holds(monkeypatch):
    """openpyxl fills the gap before row 1,048,576 with empty rows; they are skipped without converting a cell,
    so a 10 KB upload cannot keep the server busy converting 64 million empty cells."""
    workbook = Workbook()
    workbook.active["A1"], workbook.active["A2"], workbook.active["A1048576"] = "Functie", "Orderpicker", "Chauffeur"
    data = io.BytesIO()
    workbook.save(data)
    converted = []
    monkeypatch.setattr(
        tabular, "_cell_text", lambda cell, convert=tabular._cell_text: converted.append(1) or convert(cell)
    )

    table = read_table(data.getvalue(), max_rows=10)

    assert [(row.number, row.cells) for row in table.rows] == [(2, ["Orderpicker"]), (1048576, ["Chauffeur"])]
    assert len(converted) == 3 * (tabular.MAX_COLUMNS + 1)  # three rows held, each read up to one column too many
