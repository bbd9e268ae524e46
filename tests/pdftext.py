"""Reading a PDF back the way a person would, with poppler's pdftotext."""

import re
import subprocess


def pdf_text(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def pdf_fonts(pdf: bytes) -> str:
    return subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def compact(text: str) -> str:
    """Text without spacing and bidi marks: pdftotext splits right-to-left words where glyphs join."""
    return re.sub(r"[\s\u200e\u200f\u202a-\u202e]", "", text)
