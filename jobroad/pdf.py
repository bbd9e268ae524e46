"""PDF documents: a Django template rendered by WeasyPrint with the print stylesheet (A4).

Only bundled static files are loaded: the URL fetcher refuses anything that is not one of our own
static assets, so a document can never reach out to the network (or to the file system) whatever
text a user typed into it.
"""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import get_language_info

# Candidate languages written right to left (Django knows ar and fa; Pashto and Dari it does not).
RTL_LANGUAGES = frozenset({"ar", "fa", "prs", "ps", "ur", "ckb", "he"})

STATIC_BASE = "https://static.invalid/"  # a base URL that exists nowhere: relative links resolve to it


def text_direction(language: str) -> str:
    code = language.split("-")[0].lower()
    if code in RTL_LANGUAGES:
        return "rtl"
    try:
        return "rtl" if get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


class AssetRefused(ValueError):
    pass


def bundled_asset_path(url: str) -> Path:
    """The file behind one of our static URLs (as ``{% static %}`` names it, hashed in production)."""
    prefix = STATIC_BASE + settings.STATIC_URL.strip("/") + "/"
    name = url[len(prefix) :].split("?")[0].split("#")[0] if url.startswith(prefix) else ""
    if name and ".." not in name.split("/"):
        path = finders.find(name) or Path(settings.STATIC_ROOT, name)
        if Path(path).is_file():
            return Path(path)
    raise AssetRefused(f"not a bundled asset: {url[:120]}")


def bundled_assets_only():
    """A WeasyPrint URL fetcher that serves our own static files and refuses everything else."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class BundledAssetsOnly(URLFetcher):
        def fetch(self, url, headers=None):
            path = bundled_asset_path(url)
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})

    return BundledAssetsOnly()


def render_document(template_name: str, context: dict, *, language: str):
    """Lay out ``template_name`` (which extends ``pdf/base.html``) in ``language``: a WeasyPrint document whose
    pages can be written alone or joined with others (``write_pack``)."""
    from weasyprint import HTML

    with translation.override(language):  # the document's words, dates and numbers in its own language
        html = render_to_string(
            template_name, context | {"language_code": language, "direction": text_direction(language)}
        )
    return HTML(string=html, base_url=STATIC_BASE, url_fetcher=bundled_assets_only()).render()


def render_pdf(template_name: str, context: dict, *, language: str) -> bytes:
    return render_document(template_name, context, language=language).write_pdf()


def write_pack(documents: list) -> bytes:
    """One PDF holding every page of ``documents`` in order (each keeps its own language and direction)."""
    pages = [page for document in documents for page in document.pages]
    return documents[0].copy(pages).write_pdf()


def pdf_response(pdf: bytes, filename: str):
    """The PDF shown in the browser's viewer (print or save from there)."""
    from django.http import HttpResponse

    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
