"""Reading the official ESCO CSV download (classification, one language per file).

The download holds ``occupations_<lang>.csv`` and ``skills_<lang>.csv`` among other files. Their header rows, as
published for ESCO v1.1 and v1.2 (v1.2 adds ``naceCode`` at the end of the occupations file)::

    occupations: conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,
                 regulatedProfessionNote,scopeNote,definition,inScheme,description,code[,naceCode]
    skills:      conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,
                 modifiedDate,scopeNote,definition,inScheme,description

Files are UTF-8 (with or without a byte-order mark); quoted cells may span lines (``altLabels`` holds one label per
line). This module only reads and checks: it never writes. Everything is read before anything is saved, so a broken
file saves nothing.
"""

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

OCCUPATIONS = "occupations"
SKILLS = "skills"

REQUIRED_COLUMNS = {
    OCCUPATIONS: ("conceptType", "conceptUri", "iscoGroup", "preferredLabel"),
    SKILLS: ("conceptType", "conceptUri", "skillType", "preferredLabel"),
}
CONCEPT_TYPES = {OCCUPATIONS: "Occupation", SKILLS: "KnowledgeSkillCompetence"}
FILE_NAME = re.compile(r"^(?P<kind>occupations|skills)_(?P<language>[a-z]{2,3}(?:-[a-z]{2,4})?)\.csv$", re.IGNORECASE)
ISCO_UNIT_GROUP = re.compile(r"^\d{4}$")
LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[a-z]{2,4})?$")


class EscoFileError(Exception):
    """A file that is not what ``import_esco`` expects; the message says which file and what is wrong."""


@dataclass(frozen=True)
class EscoTerm:
    uri: str
    label: str
    isco_code: str = ""  # occupations
    kind: str = ""  # skills: "skill" or "knowledge"


@dataclass(frozen=True)
class EscoFile:
    path: Path
    kind: str  # OCCUPATIONS or SKILLS
    language: str
    terms: list[EscoTerm]


def esco_files(path: Path, language: str | None = None) -> list[Path]:
    """The occupations and skills files at ``path``: the file itself, or those in the download folder (and its
    sub-folders), of ``language`` only when it is given."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise EscoFileError(f"{path}: no such file or folder.")
    found = sorted(
        candidate
        for candidate in path.rglob("*.csv")
        if (match := FILE_NAME.match(candidate.name)) and (language is None or match["language"].lower() == language)
    )
    if not found:
        wanted = f"occupations_{language or 'xx'}.csv or skills_{language or 'xx'}.csv"
        raise EscoFileError(f"{path}: no ESCO file found ({wanted}).")
    return found


def read_esco_file(path: Path, language: str | None = None) -> EscoFile:
    """Read and check one file; its kind comes from its columns, its language from ``language`` or its name."""
    language = (language or language_from_name(path)).lower()
    if not LANGUAGE.match(language):
        raise EscoFileError(f"{path.name}: {language!r} is not a language code such as nl, fr or en.")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise EscoFileError(
            f"{path.name}: not UTF-8 text (byte {error.start} cannot be read). "
            "Use the CSV files of the ESCO download as they are, without opening and saving them in a spreadsheet."
        ) from error
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        columns = reader.fieldnames or []
    except csv.Error as error:
        raise EscoFileError(f"{path.name}: the header row is not valid CSV ({error}).") from error
    kind = kind_of(path, columns)
    return EscoFile(path=path, kind=kind, language=language, terms=read_terms(path, reader, kind))


def language_from_name(path: Path) -> str:
    match = FILE_NAME.match(path.name)
    if not match:
        raise EscoFileError(
            f"{path.name}: cannot tell the language from the file name; give it with --language (e.g. --language nl)."
        )
    return match["language"]


def kind_of(path: Path, columns: list[str]) -> str:
    """Occupations or skills, from the header row; a file with neither set of columns is refused by name."""
    present = set(columns)
    for kind in (OCCUPATIONS, SKILLS):
        if present.issuperset(REQUIRED_COLUMNS[kind]):
            return kind
    hinted = SKILLS if "skillType" in present or path.name.lower().startswith("skills") else OCCUPATIONS
    missing = [column for column in REQUIRED_COLUMNS[hinted] if column not in present]
    raise EscoFileError(
        f"{path.name}: not an ESCO {hinted} file; missing column(s): {', '.join(missing)}. "
        f"Found: {', '.join(columns) or 'nothing (empty file)'}."
    )


def read_terms(path: Path, reader: csv.DictReader, kind: str) -> list[EscoTerm]:
    terms, seen = [], set()
    end = reader.line_num  # the header's last line
    try:
        for row in reader:
            line, end = end + 1, reader.line_num  # a quoted cell may span lines: report where the row starts
            if None in row:
                raise EscoFileError(f"{path.name}, line {line}: more cells than columns.")
            uri, label = (row["conceptUri"] or "").strip(), (row["preferredLabel"] or "").strip()
            if (row["conceptType"] or "").strip() != CONCEPT_TYPES[kind]:
                raise EscoFileError(
                    f"{path.name}, line {line}: conceptType is {row['conceptType']!r}, not {CONCEPT_TYPES[kind]!r}."
                )
            if not uri.startswith(("http://", "https://")) or not label:
                raise EscoFileError(f"{path.name}, line {line}: a conceptUri and a preferredLabel are needed.")
            if uri in seen:
                raise EscoFileError(f"{path.name}, line {line}: {uri} appears twice.")
            seen.add(uri)
            terms.append(term_from_row(path, line, kind, uri, label, row))
    except csv.Error as error:
        raise EscoFileError(f"{path.name}, line {reader.line_num}: not valid CSV ({error}).") from error
    return terms


def term_from_row(path: Path, line: int, kind: str, uri: str, label: str, row: dict) -> EscoTerm:
    if kind == SKILLS:
        # ESCO's skillType is "skill/competence" or "knowledge" (a few concepts leave it empty: skills then).
        return EscoTerm(
            uri=uri, label=label, kind="knowledge" if (row["skillType"] or "").strip() == "knowledge" else "skill"
        )
    isco_code = (row["iscoGroup"] or "").strip()
    if isco_code and not ISCO_UNIT_GROUP.match(isco_code):
        raise EscoFileError(f"{path.name}, line {line}: iscoGroup {isco_code!r} is not a 4-digit ISCO-08 code.")
    return EscoTerm(uri=uri, label=label, isco_code=isco_code)
