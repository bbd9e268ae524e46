from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from companies.esco import EscoFileError, esco_files, read_esco_file
from companies.services import import_esco_files


class Command(BaseCommand):
    help = (
        "Load occupations and skills from the official ESCO CSV download (occupations_xx.csv, skills_xx.csv). "
        "PATH is one file or the download's folder. Re-running changes nothing; another language adds labels. "
        "A broken file saves nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="an ESCO CSV file, or the folder of the download")
        parser.add_argument(
            "--language",
            help="the files' language (e.g. nl); by default taken from the file names; in a folder, only this one",
        )

    def handle(self, *args, path: Path, language: str | None, **options):
        language = language.lower() if language else None
        try:
            files = [read_esco_file(found, language) for found in esco_files(path, language)]
        except EscoFileError as error:
            raise CommandError(f"{error} Nothing was imported.") from error
        for esco_file, count in zip(files, import_esco_files(files=files), strict=True):
            self.stdout.write(
                f"{esco_file.path.name} ({esco_file.kind}, {esco_file.language}): {count.created} new, "
                f"{count.updated} updated, {count.unchanged} unchanged."
            )
        self.stdout.write(self.style.SUCCESS("ESCO import done."))
